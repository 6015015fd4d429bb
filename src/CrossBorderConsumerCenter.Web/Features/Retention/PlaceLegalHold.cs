using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// A supervisor keeps a case out of every anonymisation, with the reason (a dispute, a court's or a bar association's
/// inquiry), until the hold is released. Both are audited with the reason.
/// </summary>
public static class PlaceLegalHold
{
    public sealed class Form
    {
        public string? Number { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<RetentionText> text)
        {
            RuleFor(f => f.Number).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Hold_Number_Required"]);
            RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Hold_Reason_Required"])
                .Must(v => v!.Trim().Length <= Case.MaxLegalHoldReasonLength).WithMessage(_ => text["Hold_Reason_TooLong", Case.MaxLegalHoldReasonLength]);
        }
    }

    public enum Outcome
    {
        Done,
        NotFound,

        /// <summary>The case was anonymised already: nothing is left to hold.</summary>
        Anonymised,
    }

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock)
    {
        public async Task<Outcome> PlaceAsync(Form form, ClaimsPrincipal user, CancellationToken ct)
        {
            var number = form.Number!.Trim();
            var c = await db.Cases.SingleOrDefaultAsync(x => x.Number == number, ct);
            if (c is null)
            {
                return Outcome.NotFound;
            }

            if (c.AnonymisedAt is not null)
            {
                return Outcome.Anonymised;
            }

            c.PlaceLegalHold(form.Reason!, Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), clock.GetUtcNow());
            audit.Record(AuditAction.LegalHoldPlaced, "Case", c.Id.ToString(), c.Id, new { reason = c.LegalHoldReason });
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }

        public async Task<Outcome> ReleaseAsync(string number, CancellationToken ct)
        {
            var c = await db.Cases.SingleOrDefaultAsync(x => x.Number == number, ct);
            if (c is null || !c.IsOnLegalHold)
            {
                return Outcome.NotFound;
            }

            var reason = c.LegalHoldReason;
            c.ReleaseLegalHold();
            audit.Record(AuditAction.LegalHoldReleased, "Case", c.Id.ToString(), c.Id, new { reason });
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }
    }
}
