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
