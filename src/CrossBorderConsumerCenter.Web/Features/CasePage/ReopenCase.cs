using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>A closed or declined case is taken up again (in progress, with a fresh deadline); the reason is optional.</summary>
public static class ReopenCase
{
    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }
        public string? Reason { get; set; }

        public string? TypedText => Reason;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text) => RuleFor(f => f.Reason).FreeText(text, "Reopen_Reason_Label", required: false);
    }

    public sealed class Handler(CaseChanges changes)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.Reopen, user, (c, actor, now) =>
            {
                c.Reopen(form.Reason, actor, now);
                return Task.FromResult(CaseChanges.Change.Made());
            }, ct);
    }
}
