using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.EmailDelivery;

/// <summary>
/// An admin sends a failing or dead-lettered message again: it becomes due now with a fresh retry period,
/// and the audit trail records who did it. The row is locked while it is checked, so a sender claiming it
/// at that moment either goes first (and the message is no longer waiting) or after.
/// </summary>
public static class SendEmailAgain
{
    public enum Outcome
    {
        Queued,
        NotFound,

        /// <summary>Sent, or being sent, meanwhile: there is nothing to send again.</summary>
        NotWaiting,
    }

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Guid id, CancellationToken ct)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var email = await db.OutboundEmails.FromSql($"SELECT * FROM outbound_emails WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (email is null)
            {
                return Outcome.NotFound;
            }

            if (!email.CanBeSentAgain)
            {
                return Outcome.NotWaiting;
            }

            var before = new { state = email.State.ToString(), attempts = email.Attempts };
            email.SendAgain(clock.GetUtcNow());
            audit.Record(AuditAction.EmailResent, "OutboundEmail", email.Id.ToString(), email.CaseId, before);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome.Queued;
        }
    }
}
