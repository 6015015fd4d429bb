using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>An action's form on the case page. Its fields are posted under the action's name (e.g. "AddNote.Text").</summary>
public interface ICaseActionForm
{
    /// <summary>What the user wrote in it (a note, a question, a comment), kept when the action cannot be done.</summary>
    string? TypedText { get; }
}

/// <summary>A form that changes the case row, so it carries the version of the case it was loaded with.</summary>
public interface IVersionedCaseForm : ICaseActionForm
{
    uint Version { get; set; }
}

/// <summary>
/// One form per action the page offers, filled from the case; after a refused post the posted one replaces its
/// default, so what the user typed is shown again. Forwarding has its own compose page (Features/Forwarding).
/// </summary>
public sealed class CaseActionForms
{
    public AssignCase.Form Assign { get; set; } = new();
    public ChangeCaseCategory.Form ChangeCategory { get; set; } = new();
    public ChangeCasePriority.Form ChangePriority { get; set; } = new();
    public AddCaseNote.Form AddNote { get; set; } = new();
    public RequestInformation.Form RequestInformation { get; set; } = new();
    public NotifyConsumer.Form NotifyConsumer { get; set; } = new();
    public KeepWaiting.Form KeepWaiting { get; set; } = new();
    public RecordReply.Form RecordReply { get; set; } = new();
    public DeclineCase.Form Decline { get; set; } = new();
    public CloseCase.Form Close { get; set; } = new();
    public ReopenCase.Form Reopen { get; set; } = new();
    public CorrectCase.Form Correct { get; set; } = new();

    public static CaseActionForms For(CaseSummary c) => new()
    {
        Assign = new() { Version = c.Version, AssigneeId = c.AssignedToId },
        ChangeCategory = new() { Version = c.Version, Category = c.Category.ToString() },
        ChangePriority = new() { Version = c.Version, Priority = c.Priority.ToString() },
        RequestInformation = new() { Version = c.Version },
        NotifyConsumer = new() { Version = c.Version },
        KeepWaiting = new() { Version = c.Version },
        RecordReply = new() { Version = c.Version },
        Decline = new() { Version = c.Version },
        Close = new() { Version = c.Version },
        Reopen = new() { Version = c.Version },
        Correct = CorrectCase.Form.For(c),
    };
}

/// <summary>Rules the action forms share, with messages that name the field.</summary>
public static class CaseFormRules
{
    /// <summary>Free text kept exactly as typed: required if asked, at most 20,000 characters, no control characters.</summary>
    public static void FreeText<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer<CasePageText> text, string labelKey, bool required)
    {
        IRuleBuilder<T, string?> builder = rule.Cascade(CascadeMode.Stop);
        if (required)
        {
            builder = builder.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Error_Required", text[labelKey]]);
        }

        builder
            .Must(v => v is null || v.Length <= CaseEvent.MaxTextLength)
            .WithMessage((_, v) => text["Error_TooLong", text[labelKey], Count(CaseEvent.MaxTextLength), Count(v!.Length)])
            .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Error_ControlCharacters", text[labelKey]]);
    }

    private static string Count(int number) => number.ToString("N0", CultureInfo.CurrentCulture);
}
