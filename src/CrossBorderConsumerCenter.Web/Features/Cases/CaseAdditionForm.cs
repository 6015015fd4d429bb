using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>The text of an addition to a case: a consumer's answer on the tracking page, a counselor's information.</summary>
public class CaseAdditionForm
{
    public string? Text { get; set; }
}

/// <summary>
/// The text is required, at most <see cref="CaseEvent.MaxTextLength"/> characters, without control characters; the
/// messages are the feature's own ("{prefix}_Text_Required", "_Text_TooLong", "_Text_ControlCharacters").
/// </summary>
public abstract class CaseAdditionValidator<TForm> : AbstractValidator<TForm>
    where TForm : CaseAdditionForm
{
    protected CaseAdditionValidator(IStringLocalizer text, string prefix) =>
        RuleFor(f => f.Text).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text[prefix + "_Text_Required"])
            .Must(v => v!.Length <= CaseEvent.MaxTextLength)
            .WithMessage((_, v) => text[prefix + "_Text_TooLong", Count(CaseEvent.MaxTextLength), Count(v!.Length)])
            .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text[prefix + "_Text_ControlCharacters"]);

    private static string Count(int number) => number.ToString("N0", CultureInfo.CurrentCulture);
}
