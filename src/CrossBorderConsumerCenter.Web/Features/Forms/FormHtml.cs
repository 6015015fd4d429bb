using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Forms;

/// <summary>The forms kernel in views: <c>@Html.Field(new TextField("Email", A["SignIn_Email"]) { Value = Model.Email })</c>.</summary>
public static class FormHtml
{
    /// <summary>The field, with the errors the page's model state holds for it, in the request's language.</summary>
    public static IHtmlContent Field(this IHtmlHelper html, FormField field) => field.Html(html.ViewData.ModelState, Texts(html));

    /// <summary>The words every field shares, from <see cref="FormText"/>: looked up once per request (a page writes many fields).</summary>
    public static FieldTexts Texts(IHtmlHelper html)
    {
        var items = html.ViewContext.HttpContext.Items;
        if (items.TryGetValue(typeof(FieldTexts), out var cached) && cached is FieldTexts texts)
        {
            return texts;
        }

        texts = Texts(html.ViewContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<FormText>>());
        items[typeof(FieldTexts)] = texts;
        return texts;
    }

    public static FieldTexts Texts(IStringLocalizer<FormText> text) =>
        new(text["Field_Required"], text["Field_Optional"], text["Field_ErrorPrefix"], text["Field_Choose"], text["Field_CharacterCount"]);
}
