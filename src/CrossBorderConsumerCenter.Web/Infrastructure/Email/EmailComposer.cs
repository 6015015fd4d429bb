using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// An email's kind and data. Its texts are resources of <see cref="ResourceType"/> (the feature's own
/// .resx pair, Japanese and English): "{Name}_Subject" and <see cref="BodyKey"/> ("{Name}_Body" unless the
/// template chooses between bodies), where {Key} placeholders are replaced by <see cref="Values"/>. Paragraphs in
/// a body are separated by a blank line.
/// </summary>
public interface IEmailTemplate
{
    string Name { get; }

    /// <summary>The body's resource: a template whose text depends on the case (whether replies are read, say) names the one it needs.</summary>
    string BodyKey => Name + "_Body";

    Type ResourceType { get; }

    IReadOnlyDictionary<string, string> Values { get; }
}

/// <summary>Subject and both bodies of one message, in one language, ready to store in the outbox.</summary>
public sealed record ComposedEmail(string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Renders templates into plain text and HTML in a given language, and adds the common signature.
/// The HTML part is generated from the text (every value HTML-encoded, links made clickable), so the
/// two parts always say the same thing.
/// </summary>
public sealed partial class EmailComposer(IStringLocalizerFactory localizers)
{
    public ComposedEmail Compose(IEmailTemplate template, string language)
    {
        var localizer = localizers.Create(template.ResourceType);
        var (subject, body) = InCulture(language, () => (localizer[template.Name + "_Subject"], localizer[template.BodyKey]));
        if (subject.ResourceNotFound || body.ResourceNotFound)
        {
            throw new InvalidOperationException($"Email template {template.Name} has no {language} subject or body in {template.ResourceType.Name} resources.");
        }

        return FromText(Fill(subject.Value, template.Values), Fill(body.Value, template.Values), language);
    }

    /// <summary>A message whose text a person wrote (staff editing a forward, a question to a consumer).</summary>
    public ComposedEmail FromText(string subject, string text, string language)
    {
        var shared = localizers.Create(typeof(SharedResource));
        return FromText(subject, text, language, InCulture(language, () => shared["Email_Signature"].Value));
    }

    /// <summary>A message with its own signature in place of the common one (to a partner agency, which the consumer-facing lines do not fit).</summary>
    public ComposedEmail FromText(string subject, string text, string language, string signature)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signature);
        var fullText = text.TrimEnd() + "\n\n" + signature;
        var oneLineSubject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return new ComposedEmail(oneLineSubject, fullText.Replace("\r\n", "\n", StringComparison.Ordinal), ToHtml(fullText, language));
    }

    internal static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No value for placeholder {{{m.Groups[1].Value}}}."));

    internal static string ToHtml(string text, string language)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"></head>");
        html.Append("<body style=\"font-family:sans-serif;line-height:1.7;color:#1a1a1a\">");
        var paragraphs = Regex.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), "\n{2,}");
        foreach (var paragraph in paragraphs)
        {
            var lines = paragraph.Split('\n').Select(line => Linkify(WebUtility.HtmlEncode(line)));
            html.Append("<p>").AppendJoin("<br>", lines).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Linkify(string encodedLine) =>
        Url().Replace(encodedLine, m => $"<a href=\"{m.Value}\">{m.Value}</a>");

    private static T InCulture<T>(string language, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();

    // After HTML encoding, so & appears as &amp; and quotes cannot occur in the match.
    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
