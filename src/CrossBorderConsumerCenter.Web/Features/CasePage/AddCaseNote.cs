using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// An internal note on the timeline, never shown to the consumer. A note does not change the case row
/// (<see cref="Case.AddNote"/>), so its form carries no version: two staff writing notes at once never conflict.
/// </summary>
public static class AddCaseNote
{
    public sealed class Form : ICaseActionForm
    {
        public string? Text { get; set; }

        public string? TypedText => Text;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text) => RuleFor(f => f.Text).FreeText(text, "AddNote_Text_Label", required: true);
    }

    public sealed class Handler(CaseChanges changes)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, version: null, CaseAction.AddNote, user, (c, actor, now) =>
            {
                c.AddNote(form.Text!, actor, now);
                return Task.FromResult(CaseChanges.Change.Made());
            }, ct);
    }
}
