using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using FluentValidation;
using Microsoft.Extensions.Localization;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>Staff say how urgent the case is.</summary>
public static class ChangeCasePriority
{
    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }
        public string? Priority { get; set; }

        public string? TypedText => null;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text) =>
            RuleFor(f => f.Priority).Must(v => FormValues.ParseEnum<CasePriority>(v) is not null).WithMessage(_ => text["ChangePriority_Required"]);
    }

    public sealed class Handler(CaseChanges changes)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.ChangePriority, user, (c, actor, now) =>
            {
                var priority = FormValues.ParseEnum<CasePriority>(form.Priority)!.Value;
                if (c.Priority == priority)
                {
                    return Task.FromResult(CaseChanges.Change.Unchanged);
                }

                c.ChangePriority(priority, actor, now);
                return Task.FromResult(CaseChanges.Change.Made());
            }, ct);
    }
}
