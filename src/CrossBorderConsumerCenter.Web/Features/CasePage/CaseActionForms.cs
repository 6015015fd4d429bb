using System.Globalization;
using System.Text.Encodings.Web;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using FluentValidation;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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
    public DeclineCase.Form Decline { get; set; } = new();
    public CloseCase.Form Close { get; set; } = new();
    public ReopenCase.Form Reopen { get; set; } = new();

    public static CaseActionForms For(CaseSummary c) => new()
    {
        Assign = new() { Version = c.Version, AssigneeId = c.AssignedToId },
        ChangeCategory = new() { Version = c.Version, Category = c.Category.ToString() },
        ChangePriority = new() { Version = c.Version, Priority = c.Priority.ToString() },
        RequestInformation = new() { Version = c.Version },
        NotifyConsumer = new() { Version = c.Version },
        KeepWaiting = new() { Version = c.Version },
        Decline = new() { Version = c.Version },
        Close = new() { Version = c.Version },
        Reopen = new() { Version = c.Version },
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

/// <summary>A free-text field of an action form: label, hint, error and a textarea kept exactly as typed.</summary>
/// <remarks>
/// Written by <see cref="Html"/> rather than a partial view (_CaseTextField.cshtml now only calls it, for other features' forms): the case page shows up to seven,
/// and each partial was looked up, activated with its injected services and buffered on every view (issue 8).
/// </remarks>
public sealed record CaseTextField(string Name, string Label, string? Hint, string? Value, bool Required)
{
    /// <param name="modelState">The page's model state: the field's errors, if its form was posted and refused.</param>
    /// <param name="optional">The "optional" mark after the label of a field that is not required.</param>
    public IHtmlContent Html(ModelStateDictionary modelState, string optional) =>
        new Markup(this, modelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0, FieldErrors.For(modelState, Name), optional);

    private sealed class Markup(CaseTextField field, bool invalid, IHtmlContent errors, string optional) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var id = field.Name.Replace('.', '_');
            var describedBy = string.Join(' ', new[] { field.Hint is null ? null : id + "-hint", invalid ? id + "-error" : null }.OfType<string>());
            writer.Write(invalid ? "<div class=\"field field--error\">\n<label for=\"" : "<div class=\"field\">\n<label for=\"");
            encoder.Encode(writer, id);
            writer.Write("\">");
            encoder.Encode(writer, field.Label);
            if (!field.Required)
            {
                writer.Write("<span class=\"field__optional\">");
                encoder.Encode(writer, optional);
                writer.Write("</span>");
            }

            writer.Write("</label>\n");
            if (field.Hint is not null)
            {
                writer.Write("<span class=\"field__hint\" id=\"");
                encoder.Encode(writer, id + "-hint");
                writer.Write("\">");
                encoder.Encode(writer, field.Hint);
                writer.Write("</span>\n");
            }

            errors.WriteTo(writer, encoder);
            writer.Write("\n<textarea id=\"");
            encoder.Encode(writer, id);
            writer.Write("\" name=\"");
            encoder.Encode(writer, field.Name);
            writer.Write("\" rows=\"6\" dir=\"auto\"");
            if (describedBy.Length > 0)
            {
                writer.Write(" aria-describedby=\"");
                encoder.Encode(writer, describedBy);
                writer.Write('"');
            }

            if (invalid)
            {
                writer.Write(" aria-invalid=\"true\"");
            }

            // The line break after the tag keeps a leading newline of the value (HTML drops the first one after <textarea>).
            writer.Write(">\n");
            if (field.Value is not null)
            {
                encoder.Encode(writer, field.Value);
            }

            writer.Write("</textarea>\n</div>");
        }
    }
}
