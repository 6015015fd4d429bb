using System.Text.Encodings.Web;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Localization;

/// <summary>
/// A text that names the center's email address or phone number (a resource with <c>{center.email}</c> filled in),
/// written as HTML with the address as a mailto: link and the number as a tel: link, so that a visitor on a phone can
/// write or call with one tap. The fax number stays text: a phone cannot send a fax.
/// </summary>
public static class ContactLinks
{
    /// <summary>In a view: <c>@Html.WithContactLinks(T["Track_Contact"])</c>, with this deployment's settings.</summary>
    public static IHtmlContent WithContactLinks(this IHtmlHelper html, LocalizedString text) =>
        Html(text.Value, html.ViewContext.HttpContext.RequestServices.GetRequiredService<IOptions<CenterContactOptions>>().Value);

    public static IHtmlContent Html(string text, CenterContactOptions center)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(center);
        var links = new[] { (center.Email, "mailto:" + center.Email), (center.Phone, center.PhoneUri) };
        var html = new HtmlContentBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var next = links
                .Select(link => (link.Item1, link.Item2, At: text.IndexOf(link.Item1, position, StringComparison.Ordinal)))
                .Where(found => found.At >= 0)
                .OrderBy(found => found.At)
                .FirstOrDefault();
            if (next.Item1 is null)
            {
                break;
            }

            html.Append(text[position..next.At]);
            html.AppendHtml($"<a href=\"{HtmlEncoder.Default.Encode(next.Item2)}\">{HtmlEncoder.Default.Encode(next.Item1)}</a>");
            position = next.At + next.Item1.Length;
        }

        html.Append(text[position..]);
        return html;
    }
}
