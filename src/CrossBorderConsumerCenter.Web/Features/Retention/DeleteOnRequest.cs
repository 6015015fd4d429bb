using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// Deletion on request (APPI art. 35): a supervisor records who asked and why, and the case is anonymised now by the
/// retention job's own code (<see cref="CaseAnonymiser"/>). Refused, with the reason kept on the request, while the
/// case is open or on legal hold; records of provision abroad keep what was sent for their three years either way.
/// Every request is a <see cref="PrivacyRequest"/> row with its answer, and an audit entry.
/// </summary>
public static class DeleteOnRequest
{
    public sealed class Form : CaseRequestForm;

    public sealed class Validator(IStringLocalizer<RetentionText> text) : CaseRequestValidator<Form>(text, "Hold_Reason_Required");

    public enum Outcome
    {
        Done,
        NotFound,
        RefusedOpen,
        RefusedOnHold,
        AlreadyAnonymised,

        /// <summary>The request was answered already (by another supervisor, or a second click).</summary>
        NotPending,

        /// <summary>A supervisor refused the request with a reason of their own.</summary>
        Refused,
    }

    public sealed class Handler(AppDbContext db, CaseAnonymiser anonymiser, AuditTrail audit, TimeProvider clock, IStringLocalizer<RetentionText> text)
    {
        /// <summary>A request staff received by email or post: recorded and answered at once.</summary>
        public async Task<Outcome> HandleAsync(Form form, ClaimsPrincipal user, CancellationToken ct)
        {
            var number = form.Number!.Trim();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The row is locked against the retention job and a second request until this one is answered.
            var ids = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM cases WHERE number = {number} FOR UPDATE").ToListAsync(ct);
            if (ids.Count == 0)
            {
                return Outcome.NotFound;
            }

            var request = new PrivacyRequest(PrivacyRequestKind.Deletion, ids[0], null, form.RequestedBy!.Trim(), form.Reason!.Trim(), clock.GetUtcNow());
            db.PrivacyRequests.Add(request);
            var outcome = await AnswerAsync(request, ids[0], user, ct);
            await transaction.CommitAsync(ct);
            return outcome;
        }

        /// <summary>
        /// A supervisor confirms a request that waits (the consumer asked on the tracking page): the same answer as a
        /// request received by email, so the case is anonymised unless it was reopened or placed on legal hold meanwhile.
        /// </summary>
        public async Task<Outcome> ConfirmAsync(Guid requestId, ClaimsPrincipal user, CancellationToken ct)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await LockPendingAsync(requestId, ct) is not { } request)
            {
                return Outcome.NotPending;
            }

            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM cases WHERE id = {request.CaseId!.Value} FOR UPDATE", ct);
            var outcome = await AnswerAsync(request, request.CaseId!.Value, user, ct);
            await transaction.CommitAsync(ct);
            return outcome;
        }

        /// <summary>A supervisor refuses a request that waits, with the reason the consumer is shown on the tracking page.</summary>
        public async Task<Outcome> RefuseAsync(Guid requestId, string reason, ClaimsPrincipal user, CancellationToken ct)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await LockPendingAsync(requestId, ct) is not { } request)
            {
                return Outcome.NotPending;
            }

            request.Refuse(reason.Trim(), StaffIdOf(user), clock.GetUtcNow());
            audit.Record(AuditAction.PrivacyRequestAnswered, "PrivacyRequest", request.Id.ToString(), request.CaseId,
                new { kind = request.Kind.ToString(), state = request.State.ToString() });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome.Refused;
        }

        private async Task<PrivacyRequest?> LockPendingAsync(Guid requestId, CancellationToken ct)
        {
            var locked = await db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM privacy_requests WHERE id = {requestId} AND kind = 'Deletion' AND state = 'Pending' AND case_id IS NOT NULL FOR UPDATE
                """).ToListAsync(ct);
            return locked.Count == 0 ? null : await db.PrivacyRequests.SingleAsync(r => r.Id == requestId, ct);
        }

        private static Guid StaffIdOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

        // The one answer to a deletion request, on a case the caller has locked: anonymised now, or refused with the reason.
        private async Task<Outcome> AnswerAsync(PrivacyRequest request, Guid caseId, ClaimsPrincipal user, CancellationToken ct)
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId, ct);
            var now = clock.GetUtcNow();
            var staffId = StaffIdOf(user);
            var outcome = c.AnonymisedAt is not null ? Outcome.AlreadyAnonymised
                : c.IsOpen ? Outcome.RefusedOpen
                : c.IsOnLegalHold ? Outcome.RefusedOnHold
                : Outcome.Done;
            switch (outcome)
            {
                case Outcome.Done:
                    var removed = await anonymiser.AnonymiseAsync(c.Id, now, ct);
                    request.Complete(text["Delete_Answer_Done"], staffId, now);
                    audit.Record(AuditAction.CaseAnonymised, "Case", c.Id.ToString(), c.Id, new { reason = "Request", request = request.Id, removed });
                    break;
                case Outcome.AlreadyAnonymised:
                    request.Complete(text["Delete_Answer_Already"], staffId, now);
                    break;
                default:
                    request.Refuse(text[outcome == Outcome.RefusedOpen ? "Delete_Refused_Open" : "Delete_Refused_Hold"], staffId, now);
                    break;
            }

            audit.Record(AuditAction.PrivacyRequestAnswered, "PrivacyRequest", request.Id.ToString(), c.Id,
                new { kind = request.Kind.ToString(), state = request.State.ToString() });
            await db.SaveChangesAsync(ct);
            return outcome;
        }
    }
}
