using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Counselors;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// The final submit: turns a complete draft into exactly one case, in one transaction with its
/// number, consent record, evidence and the acknowledgement email in the outbox. Submitting the same
/// draft again (a double click, a retried POST, the back button) finds that case instead.
/// </summary>
public static class SubmitComplaint
{
    public enum Outcome
    {
        /// <summary>A new case was created.</summary>
        Received,

        /// <summary>This draft had already become a case.</summary>
        AlreadyReceived,

        /// <summary>No open draft with valid consent: back to the consent gate.</summary>
        NoDraft,

        /// <summary>The saved form does not pass validation: back to the form.</summary>
        Incomplete,
    }

    /// <param name="Outcome">What happened.</param>
    /// <param name="CaseId">The case the draft became (new or earlier).</param>
    /// <param name="CaseNumber">Its number.</param>
    /// <param name="TrackingToken">For a new case only: the consumer's private tracking link's token (never stored in clear).</param>
    /// <param name="SubmittedAt">When the draft became the case (now, or at the earlier submission).</param>
    public sealed record Result(Outcome Outcome, Guid? CaseId = null, string? CaseNumber = null, string? TrackingToken = null, DateTimeOffset? SubmittedAt = null);

    /// <summary>The acknowledgement, in the consumer's language (IntakeAcknowledgement_Subject/_Body in IntakeText).</summary>
    public sealed record AcknowledgementEmail(IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public const string TemplateName = "IntakeAcknowledgement";

        public string Name => TemplateName;

        public Type ResourceType => typeof(IntakeText);
    }

    public sealed class Handler(
        AppDbContext db,
        ComplaintForm.Validator validator,
        EmailOutbox outbox,
        PartnerDirectory partners,
        TrackingLinks links,
        IStringLocalizer<IntakeText> text,
        IStringLocalizer<CounselorText> counselorText,
        IStringLocalizer<RightsText> rightsText,
        ChoiceLists choices,
        IOptions<SmtpOptions> smtp,
        AuditTrail audit,
        TimeProvider clock,
        ILogger<Handler> logger)
    {
        /// <summary>
        /// Submits the draft <paramref name="draftId"/>. Everything is read afresh under a row lock on the
        /// draft (the change tracker is cleared first), so concurrent submits of one draft queue up and the
        /// later ones find the case the first one made. A counselor's draft becomes a case filed for the
        /// counselor's center, with the resident's email optional (intake's rules otherwise); a staff member's draft of a
        /// fax, letter or phone call becomes a case received when it came, the consumer's email optional likewise (the
        /// acknowledgement, with the tracking link, goes only to an address given).
        /// </summary>
        public async Task<Result> HandleAsync(Guid draftId, string language, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database
                .SqlQuery<Guid?>($"SELECT submitted_case_id AS \"Value\" FROM intake_drafts WHERE id = {draftId} FOR UPDATE")
                .ToListAsync(ct);
            if (locked.Count == 0)
            {
                return new Result(Outcome.NoDraft);
            }

            if (locked[0] is not null)
            {
                return await AlreadyReceivedAsync(draftId, ct);
            }

            var draft = await db.IntakeDrafts.Include(d => d.Files).SingleAsync(d => d.Id == draftId, ct);
            var now = clock.GetUtcNow();
            if (draft.IsExpired(now) || !draft.Consent.IsValidFor(PrivacyNotice.CurrentVersion))
            {
                return new Result(Outcome.NoDraft);
            }

            var filing = await FilingOfAsync(draft, ct);
            if (draft.IsCounselorDraft && filing is null)
            {
                // The counselor's account no longer belongs to a center: nothing can be filed for it.
                return new Result(Outcome.NoDraft);
            }

            var paper = await PaperIntakeOfAsync(draft, ct);
            if (draft.IsStaffDraft && paper is null)
            {
                // The staff member's account was disabled meanwhile: nothing is entered in its name.
                return new Result(Outcome.NoDraft);
            }

            // The limits held for every post; a draft over them (written before they were enforced under the draft's lock) is
            // sent back to its form, where the files are listed for the consumer to remove some.
            if (!EvidenceFiles.WithinLimits([.. draft.Files.Select(f => f.Length)]))
            {
                return new Result(Outcome.Incomplete);
            }

            var form = SaveComplaint.Deserialize(draft);
            var check = filing is null && paper is null ? validator : new ComplaintForm.Validator(text, clock, consumerEmailRequired: false, smtp.Value.InternationalAddresses);
            if (!(await check.ValidateAsync(form, ct)).IsValid)
            {
                return new Result(Outcome.Incomplete);
            }

            var details = form.ToDetails();
            var number = await CaseNumbers.NextAsync(db, now, ct);
            // A fax, letter or call is received when it came (its clocks count from then), in the language staff chose for the consumer.
            language = draft.PaperLanguage ?? language;
            var received = Case.Receive(number, draft.Id, details, draft.Consent, language, draft.PaperReceivedAt ?? now, [.. draft.Files.Select(f => f.StoredFileId)], filing, paper);
            db.Cases.Add(received);
            draft.MarkSubmitted(received.Id, now);
            var token = links.Issue(received.Id);
            if (await CaseRecipients.ForConsumerAsync(db, received, ct) is { } contact)
            {
                outbox.Enqueue(Acknowledgement(received, contact, links.UrlOf(token), language, await partners.CurrentAsync(ct)), contact.Recipients, language, received.Id,
                    redactAfterSending: [token]);
            }

            if (paper is not null)
            {
                audit.Record(AuditAction.CaseEntered, "Case", received.Id.ToString(), received.Id, new { channel = paper.Channel.ToString(), receivedAt = received.ReceivedAt });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Case {CaseId} received as {CaseNumber} from draft {DraftId} with {EvidenceCount} evidence files (counselor: {Counselor})",
                received.Id, received.Number, draft.Id, received.Evidence.Count, filing is not null);
            return new Result(Outcome.Received, received.Id, received.Number, token, now);
        }

        /// <summary>
        /// The case draft <paramref name="draftId"/> already became, without submitting anything: for a submission sent again
        /// by a browser that no longer holds the draft. Waits for a submission of the draft still under way (the row lock),
        /// so a repeat that overtakes the first finds its case. <see cref="Outcome.NoDraft"/> when the draft is gone or was
        /// never submitted: an open draft is submitted only by the browser that holds it.
        /// </summary>
        public async Task<Result> RecallAsync(Guid draftId, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database
                .SqlQuery<Guid?>($"SELECT submitted_case_id AS \"Value\" FROM intake_drafts WHERE id = {draftId} FOR SHARE")
                .ToListAsync(ct);
            return locked is [not null] ? await AlreadyReceivedAsync(draftId, ct) : new Result(Outcome.NoDraft);
        }

        private async Task<Result> AlreadyReceivedAsync(Guid draftId, CancellationToken ct)
        {
            var earlier = await db.IntakeDrafts.AsNoTracking()
                .Where(d => d.Id == draftId)
                .Join(db.Cases, d => d.SubmittedCaseId, c => (Guid?)c.Id, (d, c) => new { c.Id, c.Number, d.UpdatedAt })
                .SingleAsync(ct);
            return new Result(Outcome.AlreadyReceived, earlier.Id, earlier.Number, SubmittedAt: earlier.UpdatedAt);
        }

        /// <summary>For a staff member's draft of a fax, letter or phone call: the channel and its author, while their account is enabled; null otherwise.</summary>
        private async Task<PaperIntake?> PaperIntakeOfAsync(IntakeDraft draft, CancellationToken ct) =>
            draft is { StaffId: { } staffId, PaperChannel: { } channel } && await db.Users.AnyAsync(u => u.Id == staffId && !u.IsDisabled, ct)
                ? new PaperIntake(channel, staffId)
                : null;

        /// <summary>For a counselor's draft: the counselor, their center now, and the resident's relation; null for a consumer's own.</summary>
        private async Task<CounselorFiling?> FilingOfAsync(IntakeDraft draft, CancellationToken ct)
        {
            if (draft.CounselorId is not { } counselorId)
            {
                return null;
            }

            var centerId = await db.Users.Where(u => u.Id == counselorId && !u.IsDisabled).Select(u => u.ConsumerCenterId).SingleOrDefaultAsync(ct);
            var active = centerId is not null && await db.ConsumerCenters.AnyAsync(c => c.Id == centerId && c.IsActive, ct);
            return active ? new CounselorFiling(counselorId, centerId!.Value, draft.ResidentRelation!.Value) : null;
        }

        /// <summary>
        /// The acknowledgement in the case's language: to the consumer; for a resident without email, to the counselor (or
        /// their center), naming the resident (<see cref="CounselorAcknowledgement"/>).
        /// </summary>
        private IEmailTemplate Acknowledgement(Case received, ConsumerContact contact, Uri trackingUrl, string language, Domain.Partners.PartnerRegistry registry)
        {
            var partner = registry.ForCountry(received.BusinessCountryCode);
            var prefix = contact.ViaCounselor ? "CounselorAcknowledgement_NextSteps_" : "Email_NextSteps_";
            IStringLocalizer texts = contact.ViaCounselor ? counselorText : text;
            var nextSteps = InLanguage.Read(language, () => ((partner, received.Consent.AgreesToProvisionAbroad) switch
            {
                (not null, true) => texts[prefix + "Partner", partner.NameIn(language), Countries.Find(received.BusinessCountryCode)!.NameIn(language)],
                (not null, false) => texts[prefix + "NoConsent", received.ConsumerName],
                (null, _) => texts[prefix + "NoPartner"],
            }).Value);
            var values = new Dictionary<string, string>
            {
                ["Name"] = contact.Name,
                ["CaseNumber"] = received.Number,
                ["TrackingUrl"] = trackingUrl.ToString(),
                ["ReceivedAt"] = LocalizationRegistration.FormatJapanTime(received.ReceivedAt),
                ["BusinessName"] = received.BusinessName,
                ["Category"] = InLanguage.Read<string>(language, () => choices.Label(received.Category)),
                ["NextSteps"] = nextSteps,
            };
            if (contact.ViaCounselor)
            {
                values["Resident"] = received.ConsumerName;
                return new CounselorAcknowledgement(values);
            }

            values["Deadlines"] = InLanguage.Read(language, () => DeadlinesText(received.RightsDeadlines()));
            return new AcknowledgementEmail(values);
        }

        /// <summary>The deadlines that may matter, one line each with its last day, as a paragraph of the email (empty when there are none).</summary>
        private string DeadlinesText(IReadOnlyList<RightsDeadline> deadlines)
        {
            if (deadlines.Count == 0)
            {
                return "";
            }

            var lines = deadlines.Select(d =>
            {
                var title = rightsText["Rights_" + d.Kind + "_Title", d.Platform is { } platform ? choices.Label(platform) : ""].Value;
                return "- " + (d.LastDay is { } last
                    ? rightsText[d.IsApproximate ? "Email_LastDayApproximate" : "Email_LastDay", title, last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value
                    : rightsText["Email_NoDate", title].Value);
            });
            return $"{rightsText["Email_Heading"].Value}\n{string.Join("\n", lines)}\n{rightsText["Email_Footer"].Value}\n\n";
        }
    }
}
