using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Forwarding;

/// <summary>
/// "Forward to partner": the compose page, pre-filled from the English template with the facts of the case; staff
/// edit the text, choose the consumer's details (only with consent) and the evidence files, and see a preview of
/// exactly what will be sent before sending (<see cref="SendForward"/>). Everything the page shows is checked again
/// when sending.
/// </summary>
public static class ComposeForward
{
    /// <summary>The longest text staff may write.</summary>
    public const int MaxTextLength = CaseEvent.MaxTextLength;

    public sealed class Form
    {
        /// <summary>The case's version the page was composed from: a change meanwhile asks staff to look again.</summary>
        public uint Version { get; set; }

        /// <summary>The agency the page was composed for (its code).</summary>
        public string? Agency { get; set; }

        public string? Text { get; set; }
        public bool IncludeName { get; set; }
        public bool IncludeAddress { get; set; }
        public List<Guid> Evidence { get; set; } = [];

        public IReadOnlyList<ProvidedItem> Chosen =>
            [.. new[] { (IncludeName, ProvidedItem.Name), (IncludeAddress, ProvidedItem.Address) }.Where(x => x.Item1).Select(x => x.Item2)];
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text) => RuleFor(f => f.Text).FreeText(text, "Forward_Text_Label", required: true);
    }

    /// <summary>A problem with what staff composed, found against the case: the field and the message's key in ForwardingText with its arguments.</summary>
    public sealed record Problem(string Field, string MessageKey, object[] Arguments);

    /// <summary>The compose page, or its preview (<see cref="Preview"/> set) when everything checks out.</summary>
    public sealed record Page(
        Case Case,
        PartnerListing? Agency,
        IReadOnlyList<ForwardingRefusal> Refusals,
        IReadOnlyList<ForwardFile> Files,
        Form Form,
        DateTimeOffset AnswerDue,
        DateTimeOffset LinkExpiresAt,
        int PreviousForwards)
    {
        public ComposedEmail? Preview { get; init; }

        public IReadOnlyList<string> Recipients { get; init; } = [];

        public string? ReplyTo { get; init; }

        public IReadOnlyList<ProvidedItem> Items { get; init; } = [];

        public bool CanForward => Refusals.Count == 0 && Agency is not null;
    }

    /// <summary>Reads the case, the agency (fresh from the registry), the evidence, and checks a posted form against them.</summary>
    public sealed class Handler(
        AppDbContext db, ForwardEmail email, AuditTrail audit, IOptions<PartnerAnswer.PartnerLinksOptions> links, IOptions<SmtpOptions> smtp, ReplyAddresses replies, TimeProvider clock)
    {
        /// <summary>The page for a case (null when there is none), with <paramref name="posted"/> or the pre-filled form. Records the view.</summary>
        public async Task<Page?> LoadAsync(string number, Form? posted, CancellationToken ct)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.Consents).SingleOrDefaultAsync(x => x.Number == number, ct);
            if (c is null)
            {
                return null;
            }

            var registry = await PartnerDirectory.LoadAsync(db, ct);
            var agency = registry.Covering(c.BusinessCountryCode);
            var now = clock.GetUtcNow();
            var files = await FilesAsync(db, c.Id, ct);
            var previous = await db.PartnerProvisions.CountAsync(p => p.CaseId == c.Id, ct);
            var form = posted ?? new Form
            {
                Version = c.Version,
                Agency = agency?.Code,
                Text = agency is null ? "" : email.DefaultText(c, agency),
                IncludeName = true,
            };

            audit.Record(AuditAction.CaseViewed, "Case", c.Id.ToString(), c.Id, new { page = "forward" });
            await db.SaveChangesAsync(ct);
            return new Page(
                c,
                agency,
                ForwardingRules.Refusals(c.Status, c.Consent.AgreesToProvisionAbroad, agency),
                files,
                form,
                CaseClocks.PartnerDue(now, agency?.ResponseBusinessDays ?? 0),
                now + links.Value.ValidFor,
                previous);
        }

        /// <summary>What is wrong with the posted form against the case now (nothing when it may be sent).</summary>
        public static IReadOnlyList<Problem> Check(Page page)
        {
            var (c, form) = (page.Case, page.Form);
            var problems = new List<Problem>();
            if (page.Agency is null || form.Agency != page.Agency.Code)
            {
                problems.Add(new Problem("", "Problem_AgencyChanged", [page.Agency?.Code ?? "-"]));
            }

            var chosenFiles = form.Evidence.Distinct().ToList();
            if (chosenFiles.Any(id => page.Files.All(f => f.EvidenceId != id)))
            {
                problems.Add(new Problem("Evidence", "Problem_UnknownFile", []));
            }

            var bytes = page.Files.Where(f => chosenFiles.Contains(f.EvidenceId)).Sum(f => f.Length);
            if (bytes > ForwardingRules.MaxAttachmentBytes)
            {
                problems.Add(new Problem("Evidence", "Problem_FilesTooLarge", [ForwardingRules.MaxAttachmentBytes / (1024 * 1024)]));
            }

            var contact = new ConsumerContact(c.ConsumerName, c.ConsumerNameKana, c.ConsumerEmail, c.ConsumerPhone, c.ConsumerAddress);
            foreach (var detail in ForwardingRules.PersonalDetailsInText(form.Text ?? "", contact, form.Chosen))
            {
                problems.Add(new Problem("Text", "Problem_TextContains_" + detail, []));
            }

            return problems;
        }

        /// <summary>The page with the exact message to be sent (the link's secret part excepted), its recipients and the items it provides.</summary>
        public async Task<Page> WithPreviewAsync(Page page, CancellationToken ct)
        {
            var files = Chosen(page);
            return page with
            {
                Preview = email.Compose(page.Case, page.Agency!, page.Form.Text!, page.Form.Chosen, files, token: null, page.AnswerDue, page.LinkExpiresAt),
                Recipients = await db.PartnerAgencies.AsNoTracking().Where(a => a.Code == page.Agency!.Code).Select(a => a.EmailAddresses).SingleAsync(ct),
                // As the outbox will write it: the agency's reply address for the case when replies are read.
                ReplyTo = replies.For(page.Case.Id, ReplyParty.Partner) ?? (string.IsNullOrWhiteSpace(smtp.Value.ReplyToAddress) ? null : smtp.Value.ReplyToAddress),
                Items = ForwardingRules.ItemsProvided(page.Form.Chosen, files.Count),
            };
        }

        public static IReadOnlyList<ForwardFile> Chosen(Page page) => [.. page.Files.Where(f => page.Form.Evidence.Contains(f.EvidenceId))];

        /// <summary>The case's evidence files, consumer's first, in the order they came.</summary>
        public static Task<List<ForwardFile>> FilesAsync(AppDbContext db, Guid caseId, CancellationToken ct) =>
            (from e in db.CaseEvidence.AsNoTracking()
             join f in db.StoredFiles on e.StoredFileId equals f.Id
             where e.CaseId == caseId
             orderby e.AddedAt, e.Id
             select new ForwardFile(e.Id, f.Id, f.FileName, f.ContentType, f.Length, e.Source)).ToListAsync(ct);
    }
}
