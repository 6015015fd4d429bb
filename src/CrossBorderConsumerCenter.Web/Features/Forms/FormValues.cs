using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Features.Forms;

/// <summary>Parsing of the form's text values; each returns null when the text is not a valid value.</summary>
public static class FormValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d", "yyyy.MM.dd"];

    /// <summary>An enum member by its exact name, the value the form's options carry (no numbers, no spaces, no other case).</summary>
    public static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<T>(value) : null;

    /// <summary>yyyy-mm-dd as a date input sends it, or as typed with slashes (full-width digits folded).</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(TextInput.Narrow(value), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>An absolute http(s) URL with a real host; "example.com/shop" is read as https://example.com/shop.</summary>
    public static string? ParseWebsite(string? value)
    {
        var text = TextInput.Narrow(value);
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && IdnHost(uri) is { } host
            && host.Contains('.', StringComparison.Ordinal)
            && !text.Any(char.IsWhiteSpace)
            && text.Length <= ComplaintLimits.Website
                ? text
                : null;
    }

    // Uri accepts hosts that IDNA refuses (a zero-width joiner, a line separator, an emoji sequence) and then throws when
    // asked for their ASCII form: such a host is no website.
    private static string? IdnHost(Uri uri)
    {
        try
        {
            return uri.IdnHost;
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            return null;
        }
    }
}
