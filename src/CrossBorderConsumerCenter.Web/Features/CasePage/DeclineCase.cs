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
/// another case (whose number must exist and differ from this one). Staff's message to the consumer is optional; staff
/// first read the email the consumer will receive (<see cref="DeclinePreview"/>), and the case is declined only with it.
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

        /// <summary>The reply template chosen to start the message from ("use the template"); not used when the action is done.</summary>
        public Guid? TemplateId { get; set; }

        /// <summary>
        /// The fingerprint of the email the user previewed (<see cref="DeclinePreview.Fingerprint"/>): the case is declined
        /// only when the email it sends is the one previewed.
        /// </summary>
        public string? PreviewOf { get; set; }

        public string? TypedText => Comment;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CasePageText> text)
        {
            RuleFor(f => f.Reason).Must(v => FormValues.ParseEnum<DeclineReason>(v) is not null).WithMessage(_ => text["Decline_Reason_Required"]);
            RuleFor(f => f.DuplicateOf).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Decline_DuplicateOf_Required"])
                .Must(v => CaseNumber.TryRead(v, out _)).WithMessage(_ => text["Decline_DuplicateOf_Invalid"])
                .When(f => FormValues.ParseEnum<DeclineReason>(f.Reason) == DeclineReason.Duplicate);
            RuleFor(f => f.Comment).FreeText(text, "Decline_Comment_Label", required: false);
        }
    }

    public sealed class Handler(CaseChanges changes, AppDbContext db, DeclinePreview preview)
    {
        public Task<CaseChanges.Result> HandleAsync(string number, Form form, ClaimsPrincipal user, CancellationToken ct) =>
            changes.RunAsync(number, form.Version, CaseAction.Decline, user, async (c, actor, now) =>
            {
                var reason = FormValues.ParseEnum<DeclineReason>(form.Reason)!.Value;
                var duplicate = await DuplicateOfAsync(db, c.Number, reason, form.DuplicateOf, ct);
                if (duplicate.Refusal is { } refusal)
                {
                    return refusal;
                }

                // The consumer receives exactly the email staff read: anything changed since (the form, the consumer's
                // address) shows the preview again instead of declining.
                var email = await preview.ForAsync(c, reason, duplicate.Number, form.Comment, ct);
                if (form.PreviewOf != email.Fingerprint)
                {
                    return CaseChanges.Change.Refuse(nameof(Form.PreviewOf), string.IsNullOrEmpty(form.PreviewOf) ? "Decline_Preview_Required" : "Decline_Preview_Changed");
                }

                // The email itself is written with the line (Features/Tracking/ConsumerStatusEmails, by DeclineNotice).
                c.Decline(reason, duplicate.Number, form.Comment, actor, now);
                return CaseChanges.Change.Made();
            }, ct);
    }

    /// <summary>The case a duplicate names (its canonical number), or why it cannot be named; nothing for another reason.</summary>
    public sealed record Duplicate(string? Number, CaseChanges.Change? Refusal);

    /// <summary>A duplicate names another case that exists (the validator made sure the number is well-formed).</summary>
    public static async Task<Duplicate> DuplicateOfAsync(AppDbContext db, string number, DeclineReason reason, string? typed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (reason != DeclineReason.Duplicate || !CaseNumber.TryRead(typed, out var other))
        {
            return new Duplicate(null, null);
        }

        var duplicateOf = other.ToString();
        if (duplicateOf == number)
        {
            return new Duplicate(null, CaseChanges.Change.Refuse(nameof(Form.DuplicateOf), "Decline_DuplicateOf_Itself"));
        }

        return await db.Cases.AnyAsync(x => x.Number == duplicateOf, ct)
            ? new Duplicate(duplicateOf, null)
            : new Duplicate(null, CaseChanges.Change.Refuse(nameof(Form.DuplicateOf), "Decline_DuplicateOf_NotFound", duplicateOf));
    }
}
