using CrossBorderConsumerCenter.Web.Features.Forms;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// The complaint form's fields as tag helpers: each names its property (<c>for</c>) and finds its label and hint in
/// IntakeText by the field's id ("Consumer_Name_Label", "Consumer_Name_Hint"); the markup is the forms kernel's
/// (<see cref="FormField"/>), the same as every other form's.
/// </summary>
public abstract class FieldTagHelper(IStringLocalizer<IntakeText> text, IStringLocalizer<FormText> formText) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("required")]
    public bool Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Value => For.Model?.ToString() ?? "";

    /// <summary>The resource key stem: the id without the page model's "Form_" prefix.</summary>
    private string Key
    {
        get
        {
            var id = TagBuilder.CreateSanitizedId(Name, "_");
            return id.StartsWith("Form_", StringComparison.Ordinal) ? id["Form_".Length..] : id;
        }
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = Field(Name, text[Key + "_Label"]) with
        {
            Hint = text[Key + "_Hint"] is { ResourceNotFound: false } hint ? hint.Value : null,
            Mark = Required ? FieldMark.Required : FieldMark.Optional,
        };
        output.TagName = null;
        output.Content.SetHtmlContent(field.Html(ViewContext.ViewData.ModelState, FormHtml.Texts(formText)));
    }

    /// <summary>The field to write, with the name and label given (hint and mark are added).</summary>
    protected abstract FormField Field(string name, string label);
}

/// <summary>&lt;text-field for="Form.Consumer.Name" required="true" autocomplete="name" /&gt;</summary>
[HtmlTargetElement("text-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextFieldTagHelper(IStringLocalizer<IntakeText> text, IStringLocalizer<FormText> formText) : FieldTagHelper(text, formText)
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }

    /// <summary>"short" for codes and numbers.</summary>
    public string? Width { get; set; }

    protected override FormField Field(string name, string label) =>
        new TextField(name, label) { Value = Value, Type = Type, Autocomplete = Autocomplete, Inputmode = Inputmode, Narrow = Width == "short" };
}

/// <summary>&lt;textarea-field for="Form.Trouble.WhatHappened" max="20000" required="true" /&gt;: with a character count (JavaScript).</summary>
[HtmlTargetElement("textarea-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextAreaFieldTagHelper(IStringLocalizer<IntakeText> text, IStringLocalizer<FormText> formText) : FieldTagHelper(text, formText)
{
    public int Max { get; set; }
    public int Rows { get; set; } = 8;

    protected override FormField Field(string name, string label) => new TextAreaField(name, label) { Value = Value, Rows = Rows, MaxLength = Max };
}

/// <summary>&lt;select-field for="Form.Business.Country" options="..." required="true" /&gt;</summary>
[HtmlTargetElement("select-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectFieldTagHelper(IStringLocalizer<IntakeText> text, IStringLocalizer<FormText> formText) : FieldTagHelper(text, formText)
{
    public IEnumerable<FieldOption> Options { get; set; } = [];
    public string? Autocomplete { get; set; }

    protected override FormField Field(string name, string label) => new SelectField(name, label, Options) { Selected = Value, Autocomplete = Autocomplete };
}

/// <summary>&lt;radio-field for="Form.Trouble.Category" options="..." required="true" /&gt;: a fieldset of radios.</summary>
[HtmlTargetElement("radio-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadioFieldTagHelper(IStringLocalizer<IntakeText> text, IStringLocalizer<FormText> formText) : FieldTagHelper(text, formText)
{
    public IEnumerable<FieldOption> Options { get; set; } = [];

    protected override FormField Field(string name, string label) => new RadioField(name, label, Options) { Selected = Value };
}

/// <summary>&lt;checkbox-field for="Form.Trouble.CounterfeitAcknowledged" /&gt;: one checkbox whose label is the statement.</summary>
[HtmlTargetElement("checkbox-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxFieldTagHelper(IStringLocalizer<IntakeText> text, IStringLocalizer<FormText> formText) : FieldTagHelper(text, formText)
{
    protected override FormField Field(string name, string label) => new CheckboxField(name, label) { Checked = For.Model is true };
}
