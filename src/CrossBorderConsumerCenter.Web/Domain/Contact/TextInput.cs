using System.Globalization;
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

    /// <summary>
    /// <paramref name="value"/> cut to at most <paramref name="maxLength"/> UTF-16 units at the end of a whole
    /// character as people see it (a text element: an emoji with its joiners, a letter with its marks), never inside a
    /// surrogate pair, which PostgreSQL would refuse. A single element longer than the limit is cut between code points.
    /// </summary>
    public static string Clip(string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (value.Length <= maxLength)
        {
            return value;
        }

        var end = 0;
        while (end < value.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(value, end);
            if (next > maxLength)
            {
                break;
            }

            end = next;
        }

        if (end == 0 && maxLength > 0)
        {
            end = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        }

        return value[..end];
    }

    /// <inheritdoc cref="Clip(string, int)"/>
    public static string? ClipOrNull(string? value, int maxLength) => value is null ? null : Clip(value, maxLength);

    /// <summary>
    /// True when <paramref name="value"/> can be stored and shown at all: no NUL (PostgreSQL's text refuses it), no
    /// half of a surrogate pair without its other half (it is no character; UTF-8 cannot write it), and neither of the
    /// noncharacters U+FFFE and U+FFFF (Unicode reserves them for software's own use; .NET refuses to normalize text
    /// that holds them).
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\0' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
