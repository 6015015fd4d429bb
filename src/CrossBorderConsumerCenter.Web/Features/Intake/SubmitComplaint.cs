using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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

    public sealed record Result(Outcome Outcome, Guid? CaseId = null);

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
        IStringLocalizer<IntakeText> text,
        TimeProvider clock,
        ILogger<Handler> logger)
    {
        /// <summary>
        /// Submits the draft <paramref name="draftId"/>. Everything is read afresh under a row lock on the
        /// draft (the change tracker is cleared first), so concurrent submits of one draft queue up and the
        /// later ones find the case the first one made.
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

            if (locked[0] is { } existingCaseId)
            {
                return new Result(Outcome.AlreadyReceived, existingCaseId);
            }

            var draft = await db.IntakeDrafts.Include(d => d.Files).SingleAsync(d => d.Id == draftId, ct);
            var now = clock.GetUtcNow();
            if (draft.IsExpired(now) || !draft.Consent.IsValidFor(PrivacyNotice.CurrentVersion))
            {
                return new Result(Outcome.NoDraft);
            }

            var form = SaveComplaint.Deserialize(draft);
            if (!(await validator.ValidateAsync(form, ct)).IsValid)
            {
                return new Result(Outcome.Incomplete);
            }

            var details = form.ToDetails();
            var number = await CaseNumbers.NextAsync(db, now, ct);
            var received = Case.Receive(number, draft.Id, details, draft.Consent, language, now, [.. draft.Files.Select(f => f.StoredFileId)]);
            db.Cases.Add(received);
            draft.MarkSubmitted(received.Id, now);
            outbox.Enqueue(Acknowledgement(received, language, await partners.CurrentAsync(ct)), EmailRecipients.ForAddress(received.ConsumerEmail), language, received.Id);

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Case {CaseId} received as {CaseNumber} from draft {DraftId} with {EvidenceCount} evidence files",
                received.Id, received.Number, draft.Id, received.Evidence.Count);
            return new Result(Outcome.Received, received.Id);
        }

        private AcknowledgementEmail Acknowledgement(Case received, string language, Domain.Partners.PartnerRegistry registry)
        {
            var partner = registry.ForCountry(received.BusinessCountryCode);
            var nextSteps = (partner, received.Consent.AgreesToProvisionAbroad) switch
            {
                (not null, true) => text["Email_NextSteps_Partner", partner.NameIn(language), Countries.Find(received.BusinessCountryCode)!.NameIn(language)],
                (not null, false) => text["Email_NextSteps_NoConsent"],
                (null, _) => text["Email_NextSteps_NoPartner"],
            };
            return new AcknowledgementEmail(new Dictionary<string, string>
            {
                ["Name"] = received.ConsumerName,
                ["CaseNumber"] = received.Number,
                ["ReceivedAt"] = LocalizationRegistration.FormatJapanTime(received.ReceivedAt),
                ["BusinessName"] = received.BusinessName,
                ["Category"] = text["CaseCategory_" + received.Category],
                ["NextSteps"] = nextSteps,
            });
        }
    }
}
