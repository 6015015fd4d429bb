using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CrossBorderConsumerCenter.Testing.Hosting;

/// <summary>A response read as HTML, with helpers tests use to look at it.</summary>
public sealed class HtmlPage
{
    private HtmlPage(string url, HttpStatusCode status, string text, IHtmlDocument document, HttpResponseMessage response)
    {
        Url = url;
        StatusCode = status;
        Text = text;
        Document = document;
        Headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
    }

    public string Url { get; }
    public HttpStatusCode StatusCode { get; }
    public string Text { get; }
    public IHtmlDocument Document { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string AntiforgeryToken =>
        Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on {Url}.");

    public string? Title => Document.Title;

    public string? Heading => Document.QuerySelector("h1")?.TextContent.Trim();

    public string Lang => Document.DocumentElement.GetAttribute("lang") ?? "";

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public IReadOnlyList<IElement> FindAll(string selector) => Document.QuerySelectorAll(selector).ToList();

    /// <summary>
    /// The message(s) a field shows under "{fieldId}-error", without the hidden "Error:" that precedes them for screen
    /// readers; null when the field shows none.
    /// </summary>
    public string? FieldError(string fieldId) =>
        Find($"#{fieldId}-error") is { } error
            ? string.Join(' ', error.Children.Where(c => !c.ClassList.Contains("visually-hidden")).Select(c => c.TextContent.Trim()))
            : null;

    /// <summary>The visible text of the main content, whitespace collapsed.</summary>
    public string MainText => Normalize((Document.QuerySelector("main") ?? Document.Body)?.TextContent ?? "");

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage?.RequestUri?.PathAndQuery ?? "/";
        return new HtmlPage(url, response.StatusCode, text, FormClient.Parse(text), response);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
