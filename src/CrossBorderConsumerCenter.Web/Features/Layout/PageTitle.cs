using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Layout;

/// <summary>
/// The text of a page's <c>&lt;title&gt;</c>, written by both layouts: what the page is, then the site's name
/// ("入力内容の確認 — 越境消費者センター"), with "エラー: " / "Error: " first when the page shows the visitor errors to
/// correct, so that a screen reader says so before anything else (WCAG 2.4.2 and 3.3.1). A view sets
/// <c>ViewData["Title"]</c> to whatever it has: a string, a <see cref="LocalizedString"/> or HTML content.
/// </summary>
public static class PageTitle
{
    /// <summary>The text a view put in <c>ViewData["Title"]</c>, or null when it put none.</summary>
    public static string? TextOf(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            LocalizedString localized => localized.Value,
            IHtmlContent html => PlainText(html),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The whole title: the page's own (when it has one) before the site's name, "Error: " first when <paramref name="modelState"/> holds errors.</summary>
    public static string For(object? viewTitle, ModelStateDictionary modelState, IStringLocalizer shared)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(shared);
        string siteName = shared["Site_Name"];
        var title = TextOf(viewTitle) is { } own ? shared["Layout_PageTitle", own, siteName].Value : siteName;
        return modelState.ErrorCount > 0 ? shared["Layout_ErrorTitle", title] : title;
    }

    private static string PlainText(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, HtmlEncoder.Default);
        return WebUtility.HtmlDecode(writer.ToString());
    }
}
