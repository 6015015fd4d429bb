using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CrossBorderConsumerCenter.Testing.Hosting;

/// <summary>
/// Talks to the portal the way a browser does: GET a page, read its form (hidden fields, the
/// antiforgery token, the values already filled in), change some fields, POST it. Redirects are
/// not followed automatically so that tests can assert them (PRG).
/// </summary>
public sealed class FormClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<HtmlPage> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>GETs a page and asserts it answered 200.</summary>
    public async Task<HtmlPage> GetOkAsync(string url)
    {
        var page = await GetAsync(url);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {url} answered {(int)page.StatusCode}, expected 200.\n{page.Text[..Math.Min(page.Text.Length, 2000)]}");
        }

        return page;
    }

    /// <summary>
    /// Submits the form matching <paramref name="formSelector"/> on <paramref name="page"/> with its current
    /// values, overridden by <paramref name="values"/>, plus any files.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        HtmlPage page,
        string formSelector,
        IEnumerable<KeyValuePair<string, string?>>? values = null,
        IEnumerable<FormFile>? files = null,
        string? submitName = null,
        string? submitValue = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url}.");
        // Each name given replaces the form's own values for that name; a name given several times
        // (checkboxes) gets all those values; a null value just removes the field.
        var fields = HtmlForms.CurrentValues(form);
        var replaced = new HashSet<string>();
        foreach (var (name, value) in values ?? [])
        {
            if (replaced.Add(name))
            {
                fields.RemoveAll(f => f.Key == name);
            }

            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        if (submitName is not null)
        {
            fields.Add(new(submitName, submitValue ?? ""));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.GetAttribute("action")!;
        var fileList = files?.ToList() ?? [];
        HttpContent content;
        if (fileList.Count > 0 || string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var file in fileList)
            {
                var part = new ByteArrayContent(file.Content);
                part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
                multipart.Add(part, file.FieldName, file.FileName);
            }

            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }

        using (content)
        {
            return await Http.PostAsync(action, content);
        }
    }

    /// <summary>Posts raw fields to a URL, with the antiforgery token taken from <paramref name="tokenSource"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, HtmlPage tokenSource, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", tokenSource.AntiforgeryToken));
        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(url, content);
    }

    /// <summary>Asserts a redirect (302/303) and GETs its target.</summary>
    public async Task<HtmlPage> FollowRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found))
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"Expected a redirect, got {(int)response.StatusCode}.\n{body[..Math.Min(body.Length, 3000)]}");
        }

        return await GetAsync(response.Headers.Location!.ToString());
    }

    public void Dispose() => Http.Dispose();

    internal static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);
}

public sealed record FormFile(string FieldName, string FileName, string ContentType, byte[] Content);
