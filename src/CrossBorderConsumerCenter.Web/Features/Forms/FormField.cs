using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CrossBorderConsumerCenter.Web.Features.Forms;

/// <summary>What follows a field's label: "required", "optional", or nothing.</summary>
public enum FieldMark
{
    None,
    Required,
    Optional,
}

/// <summary>An option of a select or radio group; <paramref name="Group"/> makes an optgroup, <paramref name="Hint"/> a radio's hint.</summary>
public sealed record FieldOption(string Value, string Text, string? Group = null, string? Hint = null);

/// <summary>The words every field shares, in the request's language (<see cref="FormText"/>).</summary>
public sealed record FieldTexts(string Required, string Optional, string ErrorPrefix, string Choose, string CharacterCount);

/// <summary>
/// One field of a form, public or staff, written the same way everywhere, so that screen readers hear every form
/// alike: a label (with its mark), the hint, the error message(s) after a hidden "Error:", and the control, wired to
/// hint and errors with aria-describedby and marked aria-invalid when refused. The id is the field's name with
/// dots as underscores: the error summary links there. Written straight to the output (no partial view): the case
/// page writes many on every view. Values are written exactly as typed; there is no maxlength (the browser would
/// cut pasted text silently; the validator explains instead).
/// </summary>
public abstract record FormField(string Name, string Label)
{
    public string? Hint { get; init; }

    public FieldMark Mark { get; init; }

    /// <summary>The control's id (and the stem of "{id}-hint" and "{id}-error").</summary>
    public string Id => TagBuilder.CreateSanitizedId(Name, "_");

    /// <summary>The field with its errors from <paramref name="modelState"/> (under <see cref="Name"/>).</summary>
    public IHtmlContent Html(ModelStateDictionary modelState, FieldTexts texts) =>
        new Markup(this, modelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0 ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [], texts);

    /// <summary>The field's wrapper, label, hint, errors and control.</summary>
    protected virtual void Write(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        field.Open(writer);
        field.Label(writer, encoder, "label", forId: true);
        field.HintAndErrors(writer, encoder);
        WriteControl(writer, encoder, field);
        writer.Write("\n</div>");
    }

    /// <summary>The control itself (input, textarea, select...).</summary>
    protected abstract void WriteControl(TextWriter writer, HtmlEncoder encoder, Context field);

    /// <summary>What a field's parts need to know while it is written.</summary>
    protected sealed class Context(FormField field, IReadOnlyList<string> errors, FieldTexts texts)
    {
        public string Id { get; } = field.Id;

        public bool Invalid => errors.Count > 0;

        public FieldTexts Texts => texts;

        public string DescribedBy { get; } = string.Join(' ', new[]
        {
            field.Hint is null ? null : field.Id + "-hint",
            errors.Count == 0 ? null : field.Id + "-error",
        }.OfType<string>());

        public void Open(TextWriter writer) => writer.Write(Invalid ? "<div class=\"field field--error\">\n" : "<div class=\"field\">\n");

        /// <summary>The label (or legend) with the field's mark.</summary>
        public void Label(TextWriter writer, HtmlEncoder encoder, string element, bool forId)
        {
            writer.Write('<');
            writer.Write(element);
            if (forId)
            {
                Attribute(writer, encoder, "for", Id);
            }

            writer.Write('>');
            encoder.Encode(writer, field.Label);
            if (field.Mark != FieldMark.None)
            {
                writer.Write(field.Mark == FieldMark.Required ? " <span class=\"field__required\">" : " <span class=\"field__optional\">");
                encoder.Encode(writer, field.Mark == FieldMark.Required ? texts.Required : texts.Optional);
                writer.Write("</span>");
            }

            writer.Write("</");
            writer.Write(element);
            writer.Write(">\n");
        }

        public void HintAndErrors(TextWriter writer, HtmlEncoder encoder)
        {
            if (field.Hint is not null)
            {
                writer.Write("<span class=\"field__hint\"");
                Attribute(writer, encoder, "id", Id + "-hint");
                writer.Write('>');
                encoder.Encode(writer, field.Hint);
                writer.Write("</span>\n");
            }

            if (errors.Count > 0)
            {
                writer.Write("<span class=\"field__error\"");
                Attribute(writer, encoder, "id", Id + "-error");
                writer.Write("><span class=\"visually-hidden\">");
                encoder.Encode(writer, texts.ErrorPrefix);
                writer.Write("</span>");
                for (var i = 0; i < errors.Count; i++)
                {
                    writer.Write(i == 0 ? "<span>" : " <span>");
                    encoder.Encode(writer, errors[i]);
                    writer.Write("</span>");
                }

                writer.Write("</span>\n");
            }
        }

        /// <summary>aria-describedby and aria-invalid, as the field needs them.</summary>
        public void Describe(TextWriter writer, HtmlEncoder encoder)
        {
            if (DescribedBy.Length > 0)
            {
                Attribute(writer, encoder, "aria-describedby", DescribedBy);
            }

            if (Invalid)
            {
                writer.Write(" aria-invalid=\"true\"");
            }
        }
    }

    /// <summary>Writes <c> name="value"</c>, the value encoded; nothing when the value is null.</summary>
    protected static void Attribute(TextWriter writer, HtmlEncoder encoder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.Write(' ');
        writer.Write(name);
        writer.Write("=\"");
        encoder.Encode(writer, value);
        writer.Write('"');
    }

    private sealed class Markup(FormField field, IReadOnlyList<string> errors, FieldTexts texts) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => field.Write(writer, encoder, new Context(field, errors, texts));
    }
}

/// <summary>A one-line text input (type text, email, password, tel, date...).</summary>
public sealed record TextField(string Name, string Label) : FormField(Name, Label)
{
    public string? Value { get; init; }
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string? Inputmode { get; init; }

    /// <summary>A narrow input, for codes and numbers.</summary>
    public bool Narrow { get; init; }

    /// <summary>Whether the browser may check spelling (names, codes and addresses: no).</summary>
    public bool Spellcheck { get; init; }

    /// <summary>"auto" for text that may be written right to left.</summary>
    public string? Dir { get; init; }

    protected override void WriteControl(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        // A browser drops a date input's value unless it is yyyy-mm-dd: anything else is shown as typed text, so it is not lost.
        var date = Type == "date" && !string.IsNullOrEmpty(Value) ? FormValues.ParseDate(Value) : null;
        writer.Write("<input");
        Attribute(writer, encoder, "type", Type == "date" && !string.IsNullOrEmpty(Value) && date is null ? "text" : Type);
        Attribute(writer, encoder, "id", field.Id);
        Attribute(writer, encoder, "name", Name);
        if (Type != "password")
        {
            Attribute(writer, encoder, "value", date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Value ?? "");
        }

        Attribute(writer, encoder, "autocomplete", Autocomplete);
        Attribute(writer, encoder, "inputmode", Inputmode);
        Attribute(writer, encoder, "dir", Dir);
        if (!Spellcheck)
        {
            writer.Write(" spellcheck=\"false\"");
        }

        if (Narrow)
        {
            writer.Write(" class=\"input--short\"");
        }

        field.Describe(writer, encoder);
        writer.Write('>');
    }
}

/// <summary>Free text over several lines, kept exactly as typed; with <see cref="MaxLength"/>, a character count (JavaScript).</summary>
public sealed record TextAreaField(string Name, string Label) : FormField(Name, Label)
{
    public string? Value { get; init; }
    public int Rows { get; init; } = 6;
    public int? MaxLength { get; init; }
    public string? Dir { get; init; }

    /// <summary>The language the text is written in when it is not the page's (a message to a consumer who reads English, say).</summary>
    public string? Lang { get; init; }

    /// <summary>Whether the browser may check spelling (prose: yes; lists of addresses: no).</summary>
    public bool Spellcheck { get; init; } = true;

    protected override void WriteControl(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        writer.Write("<textarea");
        Attribute(writer, encoder, "id", field.Id);
        Attribute(writer, encoder, "name", Name);
        Attribute(writer, encoder, "rows", Rows.ToString(CultureInfo.InvariantCulture));
        Attribute(writer, encoder, "dir", Dir);
        Attribute(writer, encoder, "lang", Lang);
        if (!Spellcheck)
        {
            writer.Write(" spellcheck=\"false\"");
        }

        if (MaxLength is { } max)
        {
            Attribute(writer, encoder, "data-max-length", max.ToString(CultureInfo.InvariantCulture));
            Attribute(writer, encoder, "data-count-template",
                string.Format(CultureInfo.CurrentCulture, field.Texts.CharacterCount, "{count}", max.ToString("N0", CultureInfo.CurrentCulture)));
        }

        field.Describe(writer, encoder);

        // HTML drops the first line break after <textarea>: one is written so that a value's own leading newline survives.
        writer.Write(">\n");
        if (Value is not null)
        {
            encoder.Encode(writer, Value);
        }

        writer.Write("</textarea>");
    }
}

/// <summary>
/// A select. Unless <see cref="FirstEmpty"/> is false, its first option is empty: <see cref="Placeholder"/> ("choose one"
/// when not given), selected while nothing else is.
/// </summary>
public sealed record SelectField(string Name, string Label, IEnumerable<FieldOption> Options) : FormField(Name, Label)
{
    public string? Selected { get; init; }
    public bool FirstEmpty { get; init; } = true;
    public string? Placeholder { get; init; }
    public string? Autocomplete { get; init; }

    protected override void WriteControl(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        writer.Write("<select");
        Attribute(writer, encoder, "id", field.Id);
        Attribute(writer, encoder, "name", Name);
        Attribute(writer, encoder, "autocomplete", Autocomplete);
        field.Describe(writer, encoder);
        writer.Write(">\n");
        if (FirstEmpty)
        {
            writer.Write("<option value=\"\"");
            if (string.IsNullOrEmpty(Selected))
            {
                writer.Write(" selected=\"selected\"");
            }

            writer.Write('>');
            encoder.Encode(writer, Placeholder ?? field.Texts.Choose);
            writer.Write("</option>\n");
        }

        foreach (var group in Options.GroupBy(o => o.Group))
        {
            if (group.Key is not null)
            {
                writer.Write("<optgroup");
                Attribute(writer, encoder, "label", group.Key);
                writer.Write(">\n");
            }

            foreach (var option in group)
            {
                writer.Write("<option");
                Attribute(writer, encoder, "value", option.Value);
                if (option.Value == Selected)
                {
                    writer.Write(" selected=\"selected\"");
                }

                writer.Write('>');
                encoder.Encode(writer, option.Text);
                writer.Write("</option>\n");
            }

            if (group.Key is not null)
            {
                writer.Write("</optgroup>\n");
            }
        }

        writer.Write("</select>");
    }
}

/// <summary>
/// Choices under one name in a fieldset, the question as its legend; the first choice carries the field's id, where the
/// error summary's link lands. <see cref="RadioField"/> and <see cref="CheckboxGroupField"/> differ only in the input.
/// </summary>
public abstract record ChoiceGroupField(string Name, string Label, IEnumerable<FieldOption> Options) : FormField(Name, Label)
{
    /// <summary>Shown instead of the choices when there is none to offer.</summary>
    public IHtmlContent? WhenEmpty { get; init; }

    protected abstract string InputType { get; }

    /// <summary>
    /// Whether the choice's text is isolated (&lt;bdi&gt;) with its direction and invisible characters shown (<see cref="VisibleText"/>):
    /// a file name, say, may carry characters that turn the rest of the line around.
    /// </summary>
    protected virtual bool IsolatesText => false;

    protected abstract bool IsChosen(string value);

    protected override void Write(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        field.Open(writer);
        writer.Write("<fieldset");
        Attribute(writer, encoder, "id", field.Id + "-group");
        if (field.DescribedBy.Length > 0)
        {
            Attribute(writer, encoder, "aria-describedby", field.DescribedBy);
        }

        writer.Write(">\n");
        field.Label(writer, encoder, "legend", forId: false);
        field.HintAndErrors(writer, encoder);
        WriteControl(writer, encoder, field);
        writer.Write("</fieldset>\n</div>");
    }

    protected override void WriteControl(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        var first = true;
        foreach (var option in Options)
        {
            var optionId = first ? field.Id : $"{field.Id}_{option.Value}";
            first = false;
            writer.Write("<div class=\"choice\"><input type=\"");
            writer.Write(InputType);
            writer.Write('"');
            Attribute(writer, encoder, "id", optionId);
            Attribute(writer, encoder, "name", Name);
            Attribute(writer, encoder, "value", option.Value);
            if (IsChosen(option.Value))
            {
                writer.Write(" checked=\"checked\"");
            }

            writer.Write("><label");
            Attribute(writer, encoder, "for", optionId);
            writer.Write('>');
            if (IsolatesText)
            {
                VisibleText.Isolated(option.Text).WriteTo(writer, encoder);
            }
            else
            {
                encoder.Encode(writer, option.Text);
            }

            if (option.Hint is not null)
            {
                writer.Write(IsolatesText ? " <span class=\"field__hint\">" : "<span class=\"field__hint\">");
                encoder.Encode(writer, option.Hint);
                writer.Write("</span>");
            }

            writer.Write("</label></div>\n");
        }

        if (first)
        {
            WhenEmpty?.WriteTo(writer, encoder);
        }
    }
}

/// <summary>A group of radios: one choice.</summary>
public sealed record RadioField(string Name, string Label, IEnumerable<FieldOption> Options) : ChoiceGroupField(Name, Label, Options)
{
    public string? Selected { get; init; }

    protected override string InputType => "radio";

    protected override bool IsChosen(string value) => value == Selected;
}

/// <summary>Several checkboxes under one name (roles, evidence files to keep, say).</summary>
public sealed record CheckboxGroupField(string Name, string Label, IEnumerable<FieldOption> Options) : ChoiceGroupField(Name, Label, Options)
{
    public IReadOnlyCollection<string> Selected { get; init; } = [];

    protected override string InputType => "checkbox";

    protected override bool IsolatesText => true;

    protected override bool IsChosen(string value) => Selected.Contains(value);
}

/// <summary>
/// One checkbox whose label is a statement ("I have read..."); it posts "true" when ticked, and with
/// <see cref="FalseWhenUnticked"/> a hidden "false" after it, so that unticking is posted too.
/// </summary>
public sealed record CheckboxField(string Name, string Label) : FormField(Name, Label)
{
    public bool Checked { get; init; }
    public bool FalseWhenUnticked { get; init; }

    protected override void Write(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        field.Open(writer);
        field.HintAndErrors(writer, encoder);
        writer.Write("<div class=\"choice\">");
        WriteControl(writer, encoder, field);
        field.Label(writer, encoder, "label", forId: true);
        if (FalseWhenUnticked)
        {
            // The box's "true" comes first when ticked, so the bound value is true; unticked, only "false" is sent.
            writer.Write("<input type=\"hidden\"");
            Attribute(writer, encoder, "name", Name);
            writer.Write(" value=\"false\">");
        }

        writer.Write("</div>\n</div>");
    }

    protected override void WriteControl(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        writer.Write("<input type=\"checkbox\"");
        Attribute(writer, encoder, "id", field.Id);
        Attribute(writer, encoder, "name", Name);
        writer.Write(" value=\"true\"");
        if (Checked)
        {
            writer.Write(" checked=\"checked\"");
        }

        field.Describe(writer, encoder);
        writer.Write('>');
    }
}

/// <summary>
/// A person's free text in the back office (a note, a question, a message): six rows, kept exactly as typed, written
/// left to right or right to left as the text itself says (dir="auto"); "optional" after the label when it is.
/// </summary>
public static class FreeTextField
{
    public static TextAreaField Required(string name, string label, string? hint, string? value) => new(name, label) { Hint = hint, Value = value, Dir = "auto" };

    public static TextAreaField Optional(string name, string label, string? hint, string? value) => Required(name, label, hint, value) with { Mark = FieldMark.Optional };
}

/// <summary>
/// A fieldset of other fields (a table of rows, say) with its own legend, hint and errors; the fieldset carries the
/// field's id, where the error summary's link lands.
/// </summary>
public sealed record FieldGroup(string Name, string Label, IHtmlContent Content) : FormField(Name, Label)
{
    protected override void Write(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        writer.Write(field.Invalid ? "<fieldset class=\"field field--error\"" : "<fieldset class=\"field\"");
        Attribute(writer, encoder, "id", field.Id);
        if (field.DescribedBy.Length > 0)
        {
            Attribute(writer, encoder, "aria-describedby", field.DescribedBy);
        }

        writer.Write(">\n");
        field.Label(writer, encoder, "legend", forId: false);
        field.HintAndErrors(writer, encoder);
        WriteControl(writer, encoder, field);
        writer.Write("\n</fieldset>");
    }

    protected override void WriteControl(TextWriter writer, HtmlEncoder encoder, Context field) => Content.WriteTo(writer, encoder);
}

/// <summary>
/// A file input. <see cref="Data"/> carries attributes for the page's script (limits, messages); <see cref="Notice"/> is
/// shown between the errors and the input (files to choose again, say); with <see cref="LiveCheck"/>, a polite live
/// region "{id}-check" after the input, where the script names files it refuses before anything is sent;
/// <see cref="After"/> ends the field (a button that attaches the chosen files, say).
/// </summary>
public sealed record FileField(string Name, string Label) : FormField(Name, Label)
{
    public string? Accept { get; init; }
    public bool Multiple { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Data { get; init; } = [];
    public IHtmlContent? Notice { get; init; }
    public bool LiveCheck { get; init; }
    public IHtmlContent? After { get; init; }

    protected override void Write(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        field.Open(writer);
        field.Label(writer, encoder, "label", forId: true);
        field.HintAndErrors(writer, encoder);
        Notice?.WriteTo(writer, encoder);
        WriteControl(writer, encoder, field);
        if (LiveCheck)
        {
            writer.Write("\n<p class=\"field__error\"");
            Attribute(writer, encoder, "id", field.Id + "-check");
            writer.Write(" aria-live=\"polite\" data-evidence-check></p>");
        }

        After?.WriteTo(writer, encoder);
        writer.Write("\n</div>");
    }

    protected override void WriteControl(TextWriter writer, HtmlEncoder encoder, Context field)
    {
        writer.Write("<input type=\"file\"");
        Attribute(writer, encoder, "id", field.Id);
        Attribute(writer, encoder, "name", Name);
        if (Multiple)
        {
            writer.Write(" multiple");
        }

        Attribute(writer, encoder, "accept", Accept);
        var describedBy = LiveCheck ? string.Join(' ', new[] { field.DescribedBy, field.Id + "-check" }.Where(s => s.Length > 0)) : field.DescribedBy;
        if (describedBy.Length > 0)
        {
            Attribute(writer, encoder, "aria-describedby", describedBy);
        }

        if (field.Invalid)
        {
            writer.Write(" aria-invalid=\"true\"");
        }

        foreach (var (name, value) in Data)
        {
            Attribute(writer, encoder, name, value);
        }

        writer.Write('>');
    }
}
