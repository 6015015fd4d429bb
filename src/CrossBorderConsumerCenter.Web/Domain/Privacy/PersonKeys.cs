using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Domain.Privacy;

/// <summary>
/// How a disclosure finds the person (ADR 0085): an email address in any case (<c>Yamada@Example.jp</c> is
/// <c>yamada@example.jp</c>), a phone number by its digits (full-width digits, hyphens, spaces, brackets and a leading
/// +81 or 0081 for Japan do not matter), a name as the queue's search compares it (<see cref="CaseSearchText.Normalize"/>:
/// width, spaces, hiragana or katakana) but whole: the name or its reading must be exactly that, so 山田 太郎 never finds
/// 山田 太朗. The database compares the stored side with the same steps (<see cref="PhoneSql"/>, the first two fields of
/// <c>cases.search_text</c>); keep them in step.
/// </summary>
public static class PersonKeys
{
    public const int MaxNameLength = 100;

    /// <summary>The phone's digits, with a Japanese country code written as a leading 0.</summary>
    public static string Phone(string? input)
    {
        var narrow = TextInput.Narrow(input);
        var kept = new string([.. narrow.Where(c => char.IsAsciiDigit(c) || c == '+')]);
        if (kept.StartsWith("+81", StringComparison.Ordinal))
        {
            kept = "0" + kept[3..];
        }
        else if (kept.StartsWith("0081", StringComparison.Ordinal))
        {
            kept = "0" + kept[4..];
        }

        return new string([.. kept.Where(char.IsAsciiDigit)]);
    }

    /// <summary>The SQL that computes <see cref="Phone"/> of the column <paramref name="column"/>.</summary>
    public static string PhoneSql(string column) =>
        $"regexp_replace(regexp_replace(regexp_replace(normalize(COALESCE({column}, ''), NFKC), '[^0-9+]', '', 'g'), '^(\\+81|0081)', '0'), '[^0-9]', '', 'g')";

    public static string Email(string? input) => TextInput.Narrow(input).Trim().ToLowerInvariant();

    public static string Name(string? input) => CaseSearchText.Normalize(input ?? "");
}
