using System.Text;

namespace CrossBorderConsumerCenter.Web.Domain.Contact;

/// <summary>
/// Normalization for values with a format (email, phone, postal code, amounts, dates): Japanese
/// keyboards often type them full-width (０９０－１２３４), so they are folded to ASCII (NFKC), dash
/// look-alikes become '-', and surrounding spaces go. Free text is never normalized: it is kept as typed.
/// </summary>
public static class TextInput
{
    // Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, katakana prolonged sound mark.
    private const string DashLookAlikes = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC";

    public static string Narrow(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var folded = value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(DashLookAlikes.Contains(c, StringComparison.Ordinal) ? '-' : c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// True when free text holds a character that cannot be stored or shown (NUL and other control
    /// characters; tab, carriage return and line feed are fine).
    /// </summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
}
