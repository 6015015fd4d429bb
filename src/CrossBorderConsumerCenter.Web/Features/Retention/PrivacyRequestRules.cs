using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>The rules every form that records a request about personal data shares: who asked, and a required text within the record's limits.</summary>
public static class PrivacyRequestRules
{
    /// <summary>Who asked, in words: required, within <see cref="PrivacyRequest.MaxRequestedByLength"/>, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> RequestedBy<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer<RetentionText> text) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Delete_RequestedBy_Required"])
            .Must(v => v!.Trim().Length <= PrivacyRequest.MaxRequestedByLength).WithMessage(_ => text["Delete_RequestedBy_TooLong", PrivacyRequest.MaxRequestedByLength])
            .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Disclose_ControlCharacters"]);

    /// <summary>A reason, what was asked or an answer: required (<paramref name="requiredKey"/> says so), within <see cref="PrivacyRequest.MaxReasonLength"/>.</summary>
    public static IRuleBuilderOptions<T, string?> RequestText<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer<RetentionText> text, string requiredKey) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text[requiredKey])
            .Must(v => v!.Trim().Length <= PrivacyRequest.MaxReasonLength).WithMessage(_ => text["Hold_Reason_TooLong", PrivacyRequest.MaxReasonLength])
            .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Disclose_ControlCharacters"]);
}

/// <summary>A request about one case: its number, who asked and the request's text (what was asked, and how identity was checked).</summary>
public abstract class CaseRequestForm
{
    public string? Number { get; set; }
    public string? RequestedBy { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The rules of <see cref="CaseRequestForm"/>; the constructor's <c>reasonRequiredKey</c> names the message of a missing text.</summary>
public abstract class CaseRequestValidator<T> : AbstractValidator<T>
    where T : CaseRequestForm
{
    protected CaseRequestValidator(IStringLocalizer<RetentionText> text, string reasonRequiredKey)
    {
        RuleFor(f => f.Number).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Hold_Number_Required"]);
        RuleFor(f => f.RequestedBy).RequestedBy(text);
        RuleFor(f => f.Reason).RequestText(text, reasonRequiredKey);
    }
}
