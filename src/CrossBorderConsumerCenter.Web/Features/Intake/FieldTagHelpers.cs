using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>An option of a select or radio group; <paramref name="Group"/> makes an optgroup.</summary>
public sealed record FieldOption(string Value, string Text, string? Group = null, string? Hint = null);

/// <summary>
/// The form's fields, rendered the same way everywhere: a label (with "required"/"optional"), an
/// optional hint, the error message, and the control wired to both with aria-describedby and
/// aria-invalid. Texts come from IntakeText by the field's id: "Consumer_Name_Label", "Consumer_Name_Hint".
/// No maxlength attribute: the browser would cut pasted text silently; the validator explains instead.
/// </summary>
public abstract class FieldTagHelper(IStringLocalizer<IntakeText> text) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("required")]
    public bool Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected IStringLocalizer<IntakeText> Text { get; } = text;

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");

    /// <summary>The resource key stem: the id without the page model's "Form_" prefix.</summary>
    protected string Key => Id.StartsWith("Form_", StringComparison.Ordinal) ? Id["Form_".Length..] : Id;

    protected string Value => For.Model?.ToString() ?? "";

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    protected string? Hint => Text[Key + "_Hint"] is { ResourceNotFound: false } hint ? hint.Value : null;

    protected string DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Errors.Count == 0 ? null : Id + "-error" }.OfType<string>());

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Errors.Count > 0 ? "field field--error" : "field");
        output.Content.SetHtmlContent(Render());
    }

    protected abstract IHtmlContent Render();

    protected IHtmlContent LabelText()
    {
        var content = new HtmlContentBuilder();
        content.Append(Text[Key + "_Label"]);
        var marker = new TagBuilder("span");
        marker.AddCssClass(Required ? "field__required" : "field__optional");
        marker.InnerHtml.Append(Text[Required ? "Field_Required" : "Field_Optional"]);
        content.AppendHtml(" ").AppendHtml(marker);
        return content;
    }

    protected IHtmlContent HintAndErrors()
    {
        var content = new HtmlContentBuilder();
        if (Hint is { } hint)
        {
            var span = new TagBuilder("span");
            span.AddCssClass("field__hint");
            span.Attributes["id"] = Id + "-hint";
            span.InnerHtml.Append(hint);
            content.AppendHtml(span);
        }

        if (Errors.Count > 0)
        {
            var span = new TagBuilder("span");
            span.AddCssClass("field__error");
            span.Attributes["id"] = Id + "-error";
            var prefix = new TagBuilder("span");
            prefix.AddCssClass("visually-hidden");
            prefix.InnerHtml.Append(Text["Field_ErrorPrefix"]);
            span.InnerHtml.AppendHtml(prefix).Append(string.Join(' ', Errors));
            content.AppendHtml(span);
        }

        return content;
    }

    protected void Describe(TagBuilder control)
    {
        if (DescribedBy.Length > 0)
        {
            control.Attributes["aria-describedby"] = DescribedBy;
        }

        if (Errors.Count > 0)
        {
            control.Attributes["aria-invalid"] = "true";
        }
    }

    protected TagBuilder Label()
    {
        var label = new TagBuilder("label");
        label.Attributes["for"] = Id;
        label.InnerHtml.AppendHtml(LabelText());
        return label;
    }
}

/// <summary>&lt;text-field for="Form.Consumer.Name" required="true" autocomplete="name" /&gt;</summary>
[HtmlTargetElement("text-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextFieldTagHelper(IStringLocalizer<IntakeText> text) : FieldTagHelper(text)
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }

    /// <summary>"short" for codes and numbers.</summary>
    public string? Width { get; set; }

    protected override IHtmlContent Render()
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };

        // A browser drops a date input's value unless it is yyyy-mm-dd: show anything else as typed text, so it is not lost.
        input.Attributes["type"] = Type == "date" && Value.Length > 0 && FormValues.ParseDate(Value) is null ? "text" : Type;
        input.Attributes["id"] = Id;
        input.Attributes["name"] = Name;
        input.Attributes["value"] = Type == "date" && FormValues.ParseDate(Value) is { } parsed
            ? parsed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : Value;
        input.Attributes["spellcheck"] = "false";
        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (Inputmode is not null)
        {
            input.Attributes["inputmode"] = Inputmode;
        }

        if (Width == "short")
        {
            input.AddCssClass("input--short");
        }

        Describe(input);
        return new HtmlContentBuilder().AppendHtml(Label()).AppendHtml(HintAndErrors()).AppendHtml(input);
    }
}

/// <summary>&lt;textarea-field for="Form.Trouble.WhatHappened" max="20000" required="true" /&gt;: with a character count (JavaScript).</summary>
[HtmlTargetElement("textarea-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextAreaFieldTagHelper(IStringLocalizer<IntakeText> text) : FieldTagHelper(text)
{
    public int Max { get; set; }
    public int Rows { get; set; } = 8;

    protected override IHtmlContent Render()
    {
        var area = new TagBuilder("textarea");
        area.Attributes["id"] = Id;
        area.Attributes["name"] = Name;
        area.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        area.Attributes["data-max-length"] = Max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        area.Attributes["data-count-template"] = Text["Field_CharacterCount", "{count}", Max.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)].Value;
        Describe(area);

        // A leading newline in a textarea is swallowed by HTML parsers: one is added so the value survives.
        area.InnerHtml.AppendHtml("\n").Append(Value);
        return new HtmlContentBuilder().AppendHtml(Label()).AppendHtml(HintAndErrors()).AppendHtml(area);
    }
}

/// <summary>&lt;select-field for="Form.Business.Country" options="..." required="true" /&gt;</summary>
[HtmlTargetElement("select-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectFieldTagHelper(IStringLocalizer<IntakeText> text) : FieldTagHelper(text)
{
    public IEnumerable<FieldOption> Options { get; set; } = [];
    public string? Autocomplete { get; set; }

    protected override IHtmlContent Render()
    {
        var select = new TagBuilder("select");
        select.Attributes["id"] = Id;
        select.Attributes["name"] = Name;
        if (Autocomplete is not null)
        {
            select.Attributes["autocomplete"] = Autocomplete;
        }

        Describe(select);
        var placeholder = new TagBuilder("option");
        placeholder.Attributes["value"] = "";
        placeholder.InnerHtml.Append(Text["Field_Choose"]);
        select.InnerHtml.AppendHtml(placeholder);

        var selected = Value;
        foreach (var group in Options.GroupBy(o => o.Group))
        {
            var parent = select.InnerHtml;
            TagBuilder? optgroup = null;
            if (group.Key is not null)
            {
                optgroup = new TagBuilder("optgroup");
                optgroup.Attributes["label"] = group.Key;
                parent = optgroup.InnerHtml;
            }

            foreach (var option in group)
            {
                var element = new TagBuilder("option");
                element.Attributes["value"] = option.Value;
                if (option.Value == selected)
                {
                    element.Attributes["selected"] = "selected";
                }

                element.InnerHtml.Append(option.Text);
                parent.AppendHtml(element);
            }

            if (optgroup is not null)
            {
                select.InnerHtml.AppendHtml(optgroup);
            }
        }

        return new HtmlContentBuilder().AppendHtml(Label()).AppendHtml(HintAndErrors()).AppendHtml(select);
    }
}

/// <summary>&lt;radio-field for="Form.Trouble.Category" options="..." required="true" /&gt;: a fieldset of radios.</summary>
[HtmlTargetElement("radio-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadioFieldTagHelper(IStringLocalizer<IntakeText> text) : FieldTagHelper(text)
{
    public IEnumerable<FieldOption> Options { get; set; } = [];

    protected override IHtmlContent Render()
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.Attributes["id"] = Id + "-group";
        if (DescribedBy.Length > 0)
        {
            fieldset.Attributes["aria-describedby"] = DescribedBy;
        }

        var legend = new TagBuilder("legend");
        legend.InnerHtml.AppendHtml(LabelText());
        fieldset.InnerHtml.AppendHtml(legend).AppendHtml(HintAndErrors());
        var first = true;
        foreach (var option in Options)
        {
            // The first radio carries the field's id: that is where the error summary's link lands.
            var optionId = first ? Id : $"{Id}_{option.Value}";
            first = false;
            var choice = new TagBuilder("div");
            choice.AddCssClass("choice");
            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.Attributes["type"] = "radio";
            input.Attributes["id"] = optionId;
            input.Attributes["name"] = Name;
            input.Attributes["value"] = option.Value;
            if (option.Value == Value)
            {
                input.Attributes["checked"] = "checked";
            }

            var label = new TagBuilder("label");
            label.Attributes["for"] = optionId;
            label.InnerHtml.Append(option.Text);
            if (option.Hint is not null)
            {
                var hint = new TagBuilder("span");
                hint.AddCssClass("field__hint");
                hint.InnerHtml.Append(option.Hint);
                label.InnerHtml.AppendHtml(hint);
            }

            choice.InnerHtml.AppendHtml(input).AppendHtml(label);
            fieldset.InnerHtml.AppendHtml(choice);
        }

        return fieldset;
    }
}

/// <summary>&lt;checkbox-field for="Form.Trouble.CounterfeitAcknowledged" /&gt;: one checkbox whose label is the statement.</summary>
[HtmlTargetElement("checkbox-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxFieldTagHelper(IStringLocalizer<IntakeText> text) : FieldTagHelper(text)
{
    protected override IHtmlContent Render()
    {
        var choice = new TagBuilder("div");
        choice.AddCssClass("choice");
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "checkbox";
        input.Attributes["id"] = Id;
        input.Attributes["name"] = Name;
        input.Attributes["value"] = "true";
        if (For.Model is true)
        {
            input.Attributes["checked"] = "checked";
        }

        Describe(input);
        choice.InnerHtml.AppendHtml(input).AppendHtml(Label());
        return new HtmlContentBuilder().AppendHtml(HintAndErrors()).AppendHtml(choice);
    }
}
