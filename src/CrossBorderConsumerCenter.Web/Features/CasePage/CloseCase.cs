using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using FluentValidation;
using Microsoft.Extensions.Localization;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// Staff close the case with its outcome (resolved, partly, not resolved, withdrawn, no reply) and an optional message,
/// which the email telling the consumer the case is closed carries (Features/Tracking/ConsumerStatusEmails).
/// </summary>
public static class CloseCase
{
    public sealed class Form : IVersionedCaseForm
    {
        public uint Version { get; set; }
        public string? Outcome { get; set; }
        public string? Comment { get; set; }

        /// <summary>The reply template chosen to start the message from ("use the template"); not used when the action is done.</summary>
        public Guid? TemplateId { get; set; }

        public string? TypedText => Comment;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text)
        {
            RuleFor(f => f.Outcome).Must(v => FormValues.ParseEnum<CaseOutcome>(v) is not null).WithMessage(_ => text["Close_Outcome_Required"]);
            RuleFor(f => f.Comment).FreeText(text, "Close_Comment_Label", required: false);
        }
    }

    public sealed class Handler(CaseChanges changes)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.Close, user, (c, actor, now) =>
            {
                c.Close(FormValues.ParseEnum<CaseOutcome>(form.Outcome)!.Value, form.Comment, actor, now);
                return Task.FromResult(CaseChanges.Change.Made());
            }, ct);
    }
}
