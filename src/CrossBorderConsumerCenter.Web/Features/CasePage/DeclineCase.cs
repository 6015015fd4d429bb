using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// The center does not take the case on: counterfeit goods, a business purchase, out of scope, or a duplicate of
/// another case (whose number must exist and differ from this one). The comment is optional.
/// </summary>
public static class DeclineCase
{
    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }
        public string? Reason { get; set; }

        /// <summary>The case this one duplicates, for the reason Duplicate only.</summary>
        public string? DuplicateOf { get; set; }

        public string? Comment { get; set; }

        public string? TypedText => Comment;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text)
        {
            RuleFor(f => f.Reason).Must(v => FormValues.ParseEnum<DeclineReason>(v) is not null).WithMessage(_ => text["Decline_Reason_Required"]);
            RuleFor(f => f.DuplicateOf).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Decline_DuplicateOf_Required"])
                .Must(v => CaseNumber.TryParse(v, out _)).WithMessage(_ => text["Decline_DuplicateOf_Invalid"])
                .When(f => FormValues.ParseEnum<DeclineReason>(f.Reason) == DeclineReason.Duplicate);
            RuleFor(f => f.Comment).FreeText(text, "Decline_Comment_Label", required: false);
        }
    }

    public sealed class Handler(CaseChanges changes, AppDbContext db)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.Decline, user, async (c, actor, now) =>
            {
                var reason = FormValues.ParseEnum<DeclineReason>(form.Reason)!.Value;
                string? duplicateOf = null;
                // The validator made sure a duplicate names a well-formed case number.
                if (reason == DeclineReason.Duplicate && CaseNumber.TryParse(form.DuplicateOf, out var other))
                {
                    duplicateOf = other.ToString();
                    if (duplicateOf == c.Number)
                    {
                        return CaseChanges.Change.Refuse(nameof(Form.DuplicateOf), "Decline_DuplicateOf_Itself");
                    }

                    if (!await db.Cases.AnyAsync(x => x.Number == duplicateOf, ct))
                    {
                        return CaseChanges.Change.Refuse(nameof(Form.DuplicateOf), "Decline_DuplicateOf_NotFound", duplicateOf);
                    }
                }

                c.Decline(reason, duplicateOf, form.Comment, actor, now);
                return CaseChanges.Change.Made();
            }, ct);
    }
}
