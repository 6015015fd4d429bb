using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// A correction request the center does not carry out (APPI art. 34 asks for correction of what is wrong, not of what
/// is kept as a record): recorded with who asked, what they asked and why it is refused. What was sent abroad stays as
/// sent in its record of provision for three years; a case on legal hold is kept as it is; an anonymised case holds
/// nothing of the person. A correction that is made goes through the case page's correction, which records the request
/// too (ADR 0086).
/// </summary>
public static class RefuseCorrection
{
    /// <summary>The case, who asked, what they asked to correct (<c>Reason</c>, with how identity was checked), and why the center refuses.</summary>
    public sealed class Form : CaseRequestForm
    {
        public string? Answer { get; set; }
    }

    public sealed class Validator : CaseRequestValidator<Form>
    {
        public Validator(IStringLocalizer<RetentionText> text)
            : base(text, "Correction_Reason_Required") => RuleFor(f => f.Answer).RequestText(text, "Correction_Answer_Required");
    }

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock)
    {
        /// <summary>False when no case has the number.</summary>
        public async Task<bool> HandleAsync(Form form, ClaimsPrincipal user, CancellationToken ct)
        {
            var number = form.Number!.Trim();
            var caseId = await db.Cases.Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
            if (caseId is null)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var request = new PrivacyRequest(PrivacyRequestKind.Correction, caseId, null, form.RequestedBy!.Trim(), form.Reason!.Trim(), now);
            request.Refuse(form.Answer!.Trim(), Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), now);
            db.PrivacyRequests.Add(request);
            audit.Record(AuditAction.PrivacyRequestAnswered, "PrivacyRequest", request.Id.ToString(), caseId,
                new { kind = request.Kind.ToString(), state = request.State.ToString() });
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
