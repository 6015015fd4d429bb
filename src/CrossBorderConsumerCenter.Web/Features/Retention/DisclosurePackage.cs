using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// The answer to a disclosure (ADR 0085), one ZIP: <c>disclosure.html</c>, a printable document in Japanese;
/// <c>disclosure.json</c>, the same data for machines; and <c>files/</c>, each evidence file as stored (its bytes
/// unchanged). Per case: the complaint with the consumer's details, the consent records, the records of provision
/// abroad (to whom, when, which items, what was sent), the emails the center sent about it (with their bodies while
/// kept), and the timeline as the consumer sees it. Made from the cases the request recorded.
/// </summary>
public sealed class DisclosurePackage(
    AppDbContext db, IStringLocalizer<CaseLabels> labels, IStringLocalizer<RetentionText> text, IStringLocalizer<TrackingText> tracking, TimeProvider clock)
{
    public const string HtmlName = "disclosure.html";
    public const string JsonName = "disclosure.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record Package(byte[] Zip, IReadOnlyList<string> Numbers, int Files);

    public async Task<Package> BuildAsync(PrivacyRequest request, CancellationToken ct)
    {
        var data = await ReadAsync(request, ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(zip, JsonName, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(data.Document, Json)), ct);
            await WriteAsync(zip, HtmlName, Encoding.UTF8.GetBytes(InJapanese(() => Html(data.Document))), ct);
            foreach (var (path, bytes) in data.Files)
            {
                await WriteAsync(zip, path, bytes, ct);
            }
        }

        return new Package(buffer.ToArray(), [.. data.Document.Cases.Select(c => c.Number)], data.Files.Count);
    }

    private static async Task WriteAsync(ZipArchive zip, string path, byte[] bytes, CancellationToken ct)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(bytes, ct);
    }

    // The document as JSON (and as the HTML's source): plain records, so the two never differ.
    public sealed record Document(DateTimeOffset GeneratedAt, RequestPart Request, IReadOnlyList<CasePart> Cases);

    public sealed record RequestPart(Guid Id, DateTimeOffset ReceivedAt, string? Subject, string RequestedBy);

    public sealed record CasePart(
        string Number, DateTimeOffset ReceivedAt, string Status, string Channel, string? FiledByCenter, string Language,
        ConsumerPart Consumer, BusinessPart Business, PurchasePart Purchase, ComplaintPart Complaint,
        DateTimeOffset? ClosedAt, string? Outcome,
        IReadOnlyList<ConsentPart> Consents, IReadOnlyList<ProvisionPart> Provisions, IReadOnlyList<EmailPart> EmailsSent,
        IReadOnlyList<TimelinePart> Timeline, IReadOnlyList<FilePart> Files);

    public sealed record ConsumerPart(string Name, string? NameKana, string? Email, string Phone, string PostalCode, string Prefecture, string Address, string AgeBand);

    public sealed record BusinessPart(string Name, string? Website, string Country, string? Email, string? Phone);

    public sealed record PurchasePart(DateOnly Date, string Item, decimal Amount, string Currency, string PaymentMethod, string Platform, string? PlatformName, string? OrderNumber, DateOnly? ArrivedOn);

    public sealed record ComplaintPart(string Category, string WhatHappened, DateOnly BusinessContactedOn, string BusinessContactMethod, string BusinessResponse, string DesiredResolution);

    public sealed record ConsentPart(DateTimeOffset GivenAt, string NoticeVersion, bool AgreesToHandling, bool AgreesToProvisionAbroad, string? HandlingMethod, string? AbroadMethod);

    public sealed record ProvisionPart(
        DateTimeOffset ProvidedAt, string AgencyCode, string AgencyName, string Country, IReadOnlyList<string> Recipients, IReadOnlyList<string> Items,
        IReadOnlyList<string> FileNames, DateTimeOffset RetainUntil, string? SentConsumerName, string? SentItem, string? SentSummary, string? SentBusinessResponse);

    public sealed record EmailPart(DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string State, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string TextBody, IReadOnlyList<string> Attachments);

    public sealed record TimelinePart(DateTimeOffset At, string Kind, string Actor, string? Text);

    public sealed record FilePart(string Path, string OriginalName, string ContentType, long Length, string Sha256, DateTimeOffset AddedAt, string Source);

    private sealed record Read(Document Document, List<(string Path, byte[] Bytes)> Files);

    private async Task<Read> ReadAsync(PrivacyRequest request, CancellationToken ct)
    {
        var ids = request.DisclosedCaseIds;
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.ReceivedAt).ToListAsync(ct);
        var centerIds = cases.Where(c => c.FiledByCenterId is not null).Select(c => c.FiledByCenterId!.Value).ToList();
        var centers = await db.ConsumerCenters.AsNoTracking().Where(x => centerIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var consents = await db.CaseConsents.AsNoTracking().Where(x => ids.Contains(x.CaseId)).OrderBy(x => x.GivenAt).ToListAsync(ct);
        var provisions = await db.PartnerProvisions.AsNoTracking().Where(x => ids.Contains(x.CaseId)).OrderBy(x => x.ProvidedAt).ToListAsync(ct);
        var emails = await db.OutboundEmails.AsNoTracking().Include(e => e.Attachments).Where(e => e.CaseId != null && ids.Contains(e.CaseId.Value))
            .OrderBy(e => e.CreatedAt).ToListAsync(ct);
        var evidence = await (from e in db.CaseEvidence.AsNoTracking()
                              join f in db.StoredFiles on e.StoredFileId equals f.Id
                              join content in db.StoredFileContents on f.Id equals content.StoredFileId
                              where ids.Contains(e.CaseId)
                              orderby e.AddedAt, e.Id
                              select new { e.CaseId, e.AddedAt, e.Source, f.FileName, f.ContentType, f.Length, f.Sha256, content.Bytes })
            .ToListAsync(ct);

        var files = new List<(string, byte[])>();
        var parts = new List<CasePart>();
        foreach (var c in cases)
        {
            var timeline = await ConsumerTimelineEntry.ForCaseAsync(db, c.Id, ct);
            var filesOfCase = evidence.Where(e => e.CaseId == c.Id).Select((e, i) =>
            {
                var name = EvidenceFiles.TypeOf(e.ContentType) is { } type ? EvidenceFiles.DeliveryName(e.FileName, type) : "file";
                var path = $"files/{c.Number}/{i + 1:00}-{name}";
                files.Add((path, e.Bytes));
                return new FilePart(path, e.FileName, e.ContentType, e.Length, e.Sha256, e.AddedAt, e.Source.ToString());
            }).ToList();
            parts.Add(new CasePart(
                c.Number, c.ReceivedAt, c.Status.ToString(), c.Channel.ToString(), c.FiledByCenterId is { } center ? centers.GetValueOrDefault(center) : null, c.Language,
                new ConsumerPart(c.ConsumerName, c.ConsumerNameKana, c.ConsumerEmail, c.ConsumerPhone, c.ConsumerPostalCode, c.ConsumerPrefectureCode, c.ConsumerAddress, c.ConsumerAgeBand.ToString()),
                new BusinessPart(c.BusinessName, c.BusinessWebsite, c.BusinessCountryCode, c.BusinessEmail, c.BusinessPhone),
                new PurchasePart(c.PurchaseDate, c.PurchaseItem, c.PurchaseAmount, c.PurchaseCurrencyCode, c.PaymentMethod.ToString(), c.PurchasePlatform.ToString(), c.PurchasePlatformName, c.PurchaseOrderNumber, c.ArrivedOn),
                new ComplaintPart(c.Category.ToString(), c.WhatHappened, c.BusinessContactedOn, c.BusinessContactMethod.ToString(), c.BusinessResponse, c.DesiredResolution.ToString()),
                c.ClosedAt, c.Outcome?.ToString() ?? c.DeclineReason?.ToString(),
                [.. consents.Where(x => x.CaseId == c.Id).Select(x => new ConsentPart(x.GivenAt, x.NoticeVersion, x.AgreesToHandling, x.AgreesToProvisionAbroad, x.HandlingMethod?.ToString(), x.AbroadMethod?.ToString()))],
                [.. provisions.Where(x => x.CaseId == c.Id).Select(x => new ProvisionPart(x.ProvidedAt, x.AgencyCode, x.AgencyName, x.CountryCode, x.Recipients, x.Items, x.EvidenceFileNames, x.RetainUntil,
                    x.SentConsumerName, x.SentItem, x.SentSummary, x.SentBusinessResponse))],
                [.. emails.Where(x => x.CaseId == c.Id).Select(x => new EmailPart(x.CreatedAt, x.SentAt, x.State.ToString(), x.ToAddresses, x.CcAddresses, x.Subject, x.TextBody,
                    [.. x.Attachments.OrderBy(a => a.Position).Select(a => a.FileName)]))],
                [.. timeline.OrderBy(t => t.At).Select(t => new TimelinePart(t.At, t.Kind.ToString(), t.ActorKind.ToString(), t.Text))],
                filesOfCase));
        }

        return new Read(new Document(clock.GetUtcNow(), new RequestPart(request.Id, request.ReceivedAt, request.Subject, request.RequestedBy), parts), files);
    }

    // The document is always in Japanese, whatever the language of the supervisor's pages.
    private static string InJapanese(Func<string> write)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja");
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private string Html(Document d)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(text["Package_Title"])).Append("</title>\n<style>")
            .Append("body{font-family:sans-serif;line-height:1.6;max-width:60em;margin:2em auto;padding:0 1em}")
            .Append("table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}")
            .Append("th{background:#eee;width:14em}pre{white-space:pre-wrap;margin:0;font-family:inherit}")
            .Append("section.case{break-before:page}@media print{body{margin:0}}")
            .Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>").Append(E(text["Package_Title"])).Append("</h1>\n");
        h.Append("<p>").Append(E(text["Package_Intro"])).Append("</p>\n<table>");
        Row(h, text["Package_GeneratedAt"], Time(d.GeneratedAt));
        Row(h, text["Package_ReceivedAt"], Time(d.Request.ReceivedAt));
        Row(h, text["Package_RequestedBy"], d.Request.RequestedBy);
        Row(h, text["Package_Subject"], d.Request.Subject);
        Row(h, text["Package_Cases"], d.Cases.Count == 0 ? text["Package_NoCases"] : string.Join("、", d.Cases.Select(c => c.Number)));
        h.Append("</table>\n");

        foreach (var c in d.Cases)
        {
            h.Append("<section class=\"case\">\n<h2>").Append(E(text["Package_Case", c.Number])).Append("</h2>\n<table>");
            Row(h, text["Package_ReceivedAt"], Time(c.ReceivedAt));
            Row(h, text["Package_Status"], labels["CaseStatus_" + c.Status]);
            Row(h, text["Package_Channel"], labels["CaseChannel_" + c.Channel]);
            Row(h, text["Package_FiledByCenter"], c.FiledByCenter);
            Row(h, text["Package_ClosedAt"], c.ClosedAt is { } closed ? Time(closed) : null);
            h.Append("</table>\n<h3>").Append(E(text["Package_Consumer"])).Append("</h3>\n<table>");
            Row(h, text["Package_Name"], c.Consumer.Name);
            Row(h, text["Package_NameKana"], c.Consumer.NameKana);
            Row(h, text["Package_Email"], c.Consumer.Email);
            Row(h, text["Package_Phone"], c.Consumer.Phone);
            Row(h, text["Package_Address"], $"〒{c.Consumer.PostalCode} {Prefectures.Find(c.Consumer.Prefecture)?.JapaneseName ?? c.Consumer.Prefecture} {c.Consumer.Address}");
            Row(h, text["Package_AgeBand"], labels["AgeBand_" + c.Consumer.AgeBand]);
            h.Append("</table>\n<h3>").Append(E(text["Package_Complaint"])).Append("</h3>\n<table>");
            Row(h, text["Package_Business"], $"{c.Business.Name}（{CountryName(c.Business.Country)}） {c.Business.Website}");
            Row(h, text["Package_Purchase"], $"{c.Purchase.Date:yyyy-MM-dd} {c.Purchase.Item} {c.Purchase.Amount.ToString(CultureInfo.InvariantCulture)} {c.Purchase.Currency}");
            Row(h, text["Package_OrderNumber"], c.Purchase.OrderNumber);
            Row(h, text["Package_ArrivedOn"], c.Purchase.ArrivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Row(h, text["Package_Category"], labels["CaseCategory_" + c.Complaint.Category]);
            Row(h, text["Package_WhatHappened"], c.Complaint.WhatHappened);
            Row(h, text["Package_BusinessResponse"], c.Complaint.BusinessResponse);
            h.Append("</table>\n");

            h.Append("<h3>").Append(E(text["Package_Consents"])).Append("</h3>\n<table>");
            foreach (var consent in c.Consents)
            {
                Row(h, Time(consent.GivenAt), text["Package_ConsentLine", consent.NoticeVersion,
                    text[consent.AgreesToHandling ? "Package_Yes" : "Package_No"], text[consent.AgreesToProvisionAbroad ? "Package_Yes" : "Package_No"]]);
            }

            h.Append("</table>\n<h3>").Append(E(text["Package_Provisions"])).Append("</h3>\n");
            Paragraph(h, c.Provisions.Count == 0 ? text["Package_NoProvisions"] : text["Package_ProvisionsIntro"]);
            foreach (var p in c.Provisions)
            {
                h.Append("<table>");
                Row(h, text["Package_ProvidedAt"], Time(p.ProvidedAt));
                Row(h, text["Package_Agency"], $"{p.AgencyName}（{p.AgencyCode}、{CountryName(p.Country)}）");
                // The items as the consumer's tracking page names them.
                Row(h, text["Package_Items"], string.Join("、", p.Items.Select(i => tracking["Provisions_Item_" + i].Value)));
                Row(h, text["Package_ProvidedFiles"], string.Join("、", p.FileNames));
                Row(h, text["Package_SentSummary"], p.SentSummary);
                Row(h, text["Package_RetainUntil"], Time(p.RetainUntil));
                h.Append("</table>\n");
            }

            h.Append("<h3>").Append(E(text["Package_Emails"])).Append("</h3>\n");
            if (c.EmailsSent.Count == 0)
            {
                Paragraph(h, text["Package_NoEmails"]);
            }

            foreach (var email in c.EmailsSent)
            {
                h.Append("<table>");
                Row(h, text["Package_SentAt"], Time(email.SentAt ?? email.CreatedAt));
                Row(h, text["Package_To"], string.Join(", ", email.To.Concat(email.Cc)));
                Row(h, text["Package_EmailSubject"], email.Subject);
                Row(h, text["Package_EmailBody"], email.TextBody);
                Row(h, text["Package_Attachments"], string.Join("、", email.Attachments));
                h.Append("</table>\n");
            }

            h.Append("<h3>").Append(E(text["Package_Timeline"])).Append("</h3>\n<table>");
            foreach (var line in c.Timeline)
            {
                Row(h, Time(line.At), labels["CaseEventKind_" + line.Kind] + (line.Text is null ? "" : "\n" + line.Text));
            }

            h.Append("</table>\n<h3>").Append(E(text["Package_Files"])).Append("</h3>\n");
            if (c.Files.Count == 0)
            {
                Paragraph(h, text["Package_NoFiles"]);
            }
            else
            {
                h.Append("<table>");
                foreach (var f in c.Files)
                {
                    Row(h, f.Path, text["Package_FileLine", f.OriginalName, f.ContentType, f.Length, Time(f.AddedAt)]);
                }

                h.Append("</table>\n");
            }

            h.Append("</section>\n");
        }

        return h.Append("</body>\n</html>\n").ToString();
    }

    private static string CountryName(string code) => Countries.Find(code)?.NameIn("ja") ?? code;

    private static string Time(DateTimeOffset at) => LocalizationRegistration.FormatJapanTime(at);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string? value) => Encoder.Encode(value ?? "");

    private static void Paragraph(StringBuilder h, string value) => h.Append("<p>").Append(E(value)).Append("</p>\n");

    private static void Row(StringBuilder h, string label, string? value) =>
        h.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td><pre>").Append(E(string.IsNullOrEmpty(value) ? "-" : value)).Append("</pre></td></tr>");
}
