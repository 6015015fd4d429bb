using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// The consumer withdraws their case from the tracking page, after a confirmation step: the case is closed as
/// withdrawn (the staff see it and the consumer gets a confirmation email). Only an open case can be withdrawn.
/// </summary>
public static class WithdrawCase
{
    public const int MaxReasonLength = 2000;

    public sealed class Form
    {
        /// <summary>Optional: why, in the consumer's words.</summary>
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<TrackingText> text) =>
            RuleFor(f => f.Reason)
                .Must(v => v is null || v.Length <= MaxReasonLength).WithMessage(_ => text["Withdraw_Reason_TooLong", MaxReasonLength])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Withdraw_Reason_ControlCharacters"]);
    }

    public enum Outcome
    {
        Withdrawn,

        /// <summary>The case is already finished (closed or declined).</summary>
        NotOpen,

        /// <summary>Staff changed the case at that very moment: nothing was saved, the consumer looks again.</summary>
        ChangedMeanwhile,
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Outcome> HandleAsync(Guid caseId, Form form, CancellationToken ct)
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId, ct);
            if (!CaseWorkflow.Can(c.Status, CaseAction.Withdraw))
            {
                return Outcome.NotOpen;
            }

            c.Withdraw(string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason, CaseActor.Consumer, clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Outcome.ChangedMeanwhile;
            }

            logger.LogInformation("Case {CaseId} withdrawn by the consumer", caseId);
            return Outcome.Withdrawn;
        }
    }
}
