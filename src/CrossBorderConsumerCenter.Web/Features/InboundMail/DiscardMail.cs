using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>
/// Staff discard a waiting message that belongs to no case (spam, a newsletter, a message sent to the wrong center),
/// saying why. Nothing is deleted: the message keeps its bytes and leaves the waiting list; the reason is in the audit
/// trail. The row is locked while it is checked, so a message attached meanwhile is never discarded.
/// </summary>
public static class DiscardMail
{
    public const int MaxReasonLength = 500;

    public sealed class Form
    {
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<InboundMailText> text) =>
            RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Error_ReasonRequired"])
                .Must(v => v!.Trim().Length <= MaxReasonLength).WithMessage((_, v) => text["Error_ReasonTooLong", MaxReasonLength, v!.Trim().Length])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Error_ReasonControlCharacters"]);
    }

    public enum Outcome
    {
        Discarded,
        NotFound,

        /// <summary>The message is no longer waiting: someone attached or discarded it meanwhile.</summary>
        AlreadyHandled,
    }

    public sealed record Result(Outcome Outcome, InboundEmailState? State = null);

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Guid id, Form form, CancellationToken ct)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var mail = await db.InboundEmails.FromSql($"SELECT * FROM inbound_emails WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(ct);
                if (mail is null)
                {
                    return new Result(Outcome.NotFound);
                }

                if (mail.State != InboundEmailState.Unmatched)
                {
                    return new Result(Outcome.AlreadyHandled, mail.State);
                }

                mail.State = InboundEmailState.Discarded;
                mail.ProcessedAt = clock.GetUtcNow();
                audit.Record(AuditAction.InboundMailDiscarded, "InboundEmail", mail.Id.ToString(), mail.CaseId, new { reason = form.Reason!.Trim() });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new Result(Outcome.Discarded);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
