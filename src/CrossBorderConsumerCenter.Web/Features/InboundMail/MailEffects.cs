using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>
/// What a reply does to its case, whether the processor matched it or staff attached it: its text goes on the
/// timeline, its files that pass the evidence checks become the case's evidence, a consumer's (or their counselor's)
/// answer to a pending question takes the case back to staff as the tracking page's answer does (the no-reply clock
/// stops), a partner's answer moves a forwarded case to "partner responded", mail that answers nothing pending is put
/// on the timeline as it is, and the staff member responsible is told. The caller saves, in the transaction that
/// also records the message as attached.
/// </summary>
public sealed class MailEffects(AppDbContext db, EmailOutbox outbox, IStringLocalizer<InboundMailText> text, IOptions<PortalOptions> portal)
{
    /// <summary>The addresses the case knows, for <see cref="SenderCheck"/>, and the partner agency each forward went to.</summary>
    public async Task<(CaseAddresses Known, IReadOnlyList<(string Agency, IReadOnlyList<string> Recipients)> Forwards)> AddressesOfAsync(Case c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var counselors = c.FiledByCenterId is { } centerId
            ? await db.Users.AsNoTracking().Where(u => u.ConsumerCenterId == centerId && !u.IsDisabled && u.Email != null).Select(u => u.Email!).ToListAsync(ct)
            : [];
        var forwards = await db.PartnerProvisions.AsNoTracking().Where(p => p.CaseId == c.Id).OrderByDescending(p => p.ProvidedAt)
            .Select(p => new { p.AgencyCode, p.Recipients }).ToListAsync(ct);
        var known = new CaseAddresses(c.ConsumerEmail, counselors, [.. forwards.SelectMany(f => f.Recipients)]);
        return (known, [.. forwards.Select(f => (f.AgencyCode, (IReadOnlyList<string>)f.Recipients))]);
    }

    /// <summary>The files of a message that may become evidence (checked as uploads are), and the names of those that may not.</summary>
    public static (IReadOnlyList<EvidenceUpload> Kept, IReadOnlyList<EvidenceUpload> Refused) CheckFiles(IReadOnlyList<MailAttachment> attachments, DateTimeOffset now)
    {
        var kept = new List<EvidenceUpload>();
        var refused = new List<EvidenceUpload>();
        foreach (var attachment in attachments)
        {
            var upload = EvidenceUpload.Check(attachment.FileName, attachment.Bytes, [.. kept.Select(k => k.File!.Length)], now);
            (upload.Problem is null ? kept : refused).Add(upload);
        }

        return (kept, refused);
    }

    /// <summary>
    /// Applies a reply from <paramref name="party"/> (null: staff attached mail from an address the case does not know)
    /// to <paramref name="c"/>; <paramref name="attachedBy"/> is the staff member who attached it by hand, if any.
    /// </summary>
    public async Task<CaseEvent> ApplyAsync(InboundEmail mail, ReadMail read, Case c, ReplyParty? party, CaseActor? attachedBy, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(c);
        var (kept, _) = CheckFiles(read.Attachments, now);
        var files = kept.Select(k => k.File!).ToList();
        db.StoredFiles.AddRange(files);
        var fileIds = files.Select(f => f.Id).ToList();
        var from = read.Summary.From ?? mail.FromAddress ?? "";
        var body = BodyOf(read.Summary);
        var (_, forwards) = await AddressesOfAsync(c, ct);
        // The agency the sender's address belongs to; the latest forward's when several desks share a domain.
        var agency = forwards.Where(f => SenderCheck.PartyOf(from, new CaseAddresses(null, [], f.Recipients)) == ReplyParty.Partner)
            .Select(f => f.Agency).FirstOrDefault() ?? forwards.Select(f => f.Agency).FirstOrDefault();

        CaseEvent added;
        switch (party)
        {
            case ReplyParty.Consumer or ReplyParty.Counselor when CaseWorkflow.Can(c.Status, CaseAction.ReceiveConsumerReply):
                added = c.ReceiveConsumerReply(body, attachedBy ?? await SenderAsync(c, party.Value, from, ct), now, fileIds, ReplyChannel.Email, mail.Id);
                break;
            case ReplyParty.Partner when agency is not null && CaseWorkflow.Can(c.Status, CaseAction.RecordPartnerResponse):
                added = c.RecordPartnerReply(agency, outcome: null, body, ReplyChannel.Email, mail.Id, fileIds, attachedBy ?? new CaseActor(CaseActorKind.Partner, null, agency), now);
                break;
            default:
                added = c.ReceiveEmail(party, from, body, mail.Id, fileIds, attachedBy ?? (party is { } p ? await SenderAsync(c, p, from, ct) : CaseActor.System), now);
                break;
        }

        mail.State = InboundEmailState.Attached;
        mail.CaseId = c.Id;
        mail.Sender = party switch
        {
            ReplyParty.Consumer => InboundEmailSender.Consumer,
            ReplyParty.Counselor => InboundEmailSender.Counselor,
            ReplyParty.Partner => InboundEmailSender.Partner,
            _ => InboundEmailSender.Unknown,
        };
        mail.ProcessedAt = now;
        mail.LastError = null;
        await TellResponsibleAsync(c, MailReceivedEmail.TemplateName, new Dictionary<string, string>
        {
            ["CaseNumber"] = c.Number,
            ["Sender"] = InLanguage.Read(ResponsibleStaff.Language, () => text["Sender_" + (party?.ToString() ?? "Unknown")].Value),
            ["Kind"] = InLanguage.Read(ResponsibleStaff.Language, () => text["Effect_" + added.Kind].Value),
            ["Files"] = files.Count.ToString(CultureInfo.InvariantCulture),
            ["Refused"] = (read.Attachments.Count - files.Count).ToString(CultureInfo.InvariantCulture),
            ["CaseUrl"] = CaseUrl(c),
        }, ct);
        return added;
    }

    /// <summary>
    /// One of the center's messages did not arrive: the outbox row is marked, the case gets a line, and the staff member
    /// responsible is told that the address does not work. False when the message was already marked (a second report).
    /// </summary>
    public async Task<bool> ApplyBounceAsync(InboundEmail mail, OutboundEmail bounced, string? recipient, string? status, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(bounced);
        mail.State = InboundEmailState.Attached;
        mail.CaseId = bounced.CaseId;
        mail.ProcessedAt = now;
        if (!bounced.MarkBounced(status, now))
        {
            return false;
        }

        var address = recipient ?? string.Join(", ", bounced.ToAddresses);
        if (bounced.CaseId is { } caseId && await db.Cases.SingleOrDefaultAsync(x => x.Id == caseId, ct) is { } c)
        {
            c.RecordDeliveryFailure(bounced.Id, address, status, mail.Id, now);
            var toConsumer = string.Equals(address, c.ConsumerEmail, StringComparison.OrdinalIgnoreCase);
            await TellResponsibleAsync(c, DeliveryFailedEmail.TemplateName, new Dictionary<string, string>
            {
                ["CaseNumber"] = c.Number,
                ["Address"] = address,
                ["Whose"] = InLanguage.Read(ResponsibleStaff.Language, () => text[toConsumer ? "Whose_Consumer" : "Whose_Other"].Value),
                ["Subject"] = bounced.Subject,
                ["Status"] = status ?? "-",
                ["CaseUrl"] = CaseUrl(c),
            }, ct);
        }

        return true;
    }

    /// <summary>The text that goes on the timeline: the message as written, quoted history included (the page folds it), within the timeline's limit.</summary>
    public static string BodyOf(MailSummary mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var body = string.IsNullOrWhiteSpace(mail.Text) ? (string.IsNullOrWhiteSpace(mail.Subject) ? "-" : mail.Subject.Trim()) : mail.Text;
        return TextInput.Clip(body, CaseEvent.MaxTextLength);
    }

    private async Task<CaseActor> SenderAsync(Case c, ReplyParty party, string from, CancellationToken ct)
    {
        if (party == ReplyParty.Counselor && c.FiledByCenterId is { } centerId)
        {
            var counselors = await db.Users.AsNoTracking().Where(u => u.ConsumerCenterId == centerId && u.Email != null)
                .Select(u => new { u.Id, u.DisplayName, Email = u.Email! }).ToListAsync(ct);
            var counselor = counselors.FirstOrDefault(u => string.Equals(u.Email, from, StringComparison.OrdinalIgnoreCase));
            if (counselor is not null)
            {
                return CaseActor.Counselor(counselor.Id, counselor.DisplayName);
            }
        }

        return party == ReplyParty.Partner ? new CaseActor(CaseActorKind.Partner, null, TextInput.Clip(from, CaseEvent.MaxActorNameLength)) : CaseActor.Consumer;
    }

    private async Task TellResponsibleAsync(Case c, string template, Dictionary<string, string> values, CancellationToken ct)
    {
        if (await ResponsibleStaff.OfAsync(db, c.Id, c.AssignedToId, ct) is { } staff)
        {
            outbox.Enqueue(new StaffEmail(template, values), staff, ResponsibleStaff.Language, c.Id);
        }
    }

    private string CaseUrl(Case c) => new Uri(portal.Value.BaseUri, "staff/cases/" + c.Number).ToString();

    /// <summary>A notice to the staff member responsible (InboundMailText: "{Name}_Subject" and "{Name}_Body", Japanese).</summary>
    private sealed record StaffEmail(string Name, IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public Type ResourceType => typeof(InboundMailText);
    }
}

/// <summary>The names of the notices the staff member responsible gets.</summary>
public static class MailReceivedEmail
{
    public const string TemplateName = "MailReceived";
}

/// <summary>The notice that one of the case's emails did not arrive.</summary>
public static class DeliveryFailedEmail
{
    public const string TemplateName = "DeliveryFailed";
}
