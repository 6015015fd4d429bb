using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using FluentValidation;
using Microsoft.Extensions.Localization;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>Staff correct the category the consumer chose.</summary>
public static class ChangeCaseCategory
{
    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }
        public string? Category { get; set; }

        public string? TypedText => null;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text) =>
            RuleFor(f => f.Category).Must(v => FormValues.ParseEnum<CaseCategory>(v) is not null).WithMessage(_ => text["ChangeCategory_Required"]);
    }

    public sealed class Handler(CaseChanges changes)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.ChangeCategory, user, (c, actor, now) =>
            {
                var category = FormValues.ParseEnum<CaseCategory>(form.Category)!.Value;
                if (c.Category == category)
                {
                    return Task.FromResult(CaseChanges.Change.Unchanged);
                }

                c.ChangeCategory(category, actor, now);
                return Task.FromResult(CaseChanges.Change.Made());
            }, ct);
    }
}
