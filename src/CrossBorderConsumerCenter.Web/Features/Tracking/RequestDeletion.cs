using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// The consumer asks, on the tracking page of a finished case, for their personal data to be deleted (APPI art. 35,
/// ADR 0086). Nothing is removed here: the request waits for a supervisor, who confirms it (the retention job's
/// anonymiser runs) or refuses it with a reason the page then shows. The private link is the identity check. A case
/// has one request waiting at a time; asking again while one waits changes nothing.
/// </summary>
public static class RequestDeletion
{
    public sealed class Form
    {
        /// <summary>Optional: why, in the consumer's words.</summary>
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<TrackingText> text) =>
            RuleFor(f => f.Reason)
                .Must(v => v is null || v.Length <= PrivacyRequest.MaxReasonLength).WithMessage(_ => text["Deletion_Reason_TooLong", PrivacyRequest.MaxReasonLength])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Withdraw_Reason_ControlCharacters"]);
    }

    public enum Outcome
    {
        Requested,

        /// <summary>A request waits already: nothing new.</summary>
        AlreadyPending,

        /// <summary>The case is still being handled: its purpose is not over (withdrawing comes first).</summary>
        NotFinished,
    }

    /// <summary>The consumer's latest deletion request, as the tracking page shows it.</summary>
    public sealed record Status(PrivacyRequestState State, DateTimeOffset ReceivedAt, string? Answer);

    public static async Task<Status?> LatestAsync(AppDbContext db, Guid caseId, CancellationToken ct) =>
        await db.PrivacyRequests.AsNoTracking()
            .Where(r => r.CaseId == caseId && r.Kind == PrivacyRequestKind.Deletion)
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => new Status(r.State, r.ReceivedAt, r.Answer))
            .FirstOrDefaultAsync(ct);

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<TrackingText> text, ILogger<Handler> logger)
    {
        public async Task<Outcome> HandleAsync(Guid caseId, Form form, CancellationToken ct)
        {
            var status = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync(ct);
            if (CaseWorkflow.IsOpen(status))
            {
                return Outcome.NotFinished;
            }

            if (await db.PrivacyRequests.AnyAsync(r => r.CaseId == caseId && r.Kind == PrivacyRequestKind.Deletion && r.State == PrivacyRequestState.Pending, ct))
            {
                return Outcome.AlreadyPending;
            }

            var request = new PrivacyRequest(PrivacyRequestKind.Deletion, caseId, null, text["Deletion_RequestedBy"], form.Reason?.Trim() ?? "", clock.GetUtcNow());
            db.PrivacyRequests.Add(request);
            audit.Record(AuditAction.PrivacyRequestRecorded, "PrivacyRequest", request.Id.ToString(), caseId,
                new { kind = request.Kind.ToString(), state = request.State.ToString(), via = "tracking" }, actorNameOverride: "consumer");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two posts at once: the unique index keeps one request waiting, the other is the same request.
                db.ChangeTracker.Clear();
                return Outcome.AlreadyPending;
            }

            logger.LogInformation("Deletion of case {CaseId} requested by the consumer", caseId);
            return Outcome.Requested;
        }
    }
}
