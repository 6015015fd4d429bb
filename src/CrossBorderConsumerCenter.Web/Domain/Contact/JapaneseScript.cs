using System.Text;

namespace CrossBorderConsumerCenter.Web.Domain.Contact;

/// <summary>
/// Whether a text holds Japanese script: what a partner agency abroad cannot read, so a text for it must not contain it.
/// Counted as Japanese: hiragana, katakana (its phonetic extensions and the half-width forms included), kanji (the CJK
/// ideographs, their extensions and compatibility forms), Japanese punctuation and symbols (the CJK symbols block: 、。「」
/// and the ideographic space; ㈱ and ㌔; the vertical forms), and the full-width forms of Latin letters, digits and signs
/// (ＡＢＣ, １２３, ￥), which a Japanese keyboard types and which read as Japanese text abroad. Korean and Chinese share the
/// ideographs and some punctuation: the rule is for texts meant to be English.
/// </summary>
public static class JapaneseScript
{
    public static bool Contains(string? text) => First(text) is not null;

    /// <summary>The first Japanese character of <paramref name="text"/> (two UTF-16 units for a rare kanji), or null when there is none.</summary>
    public static string? First(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsJapanese(rune))
            {
                return rune.ToString();
            }
        }

        return null;
    }

    private static bool IsJapanese(Rune rune) => rune.Value switch
    {
        >= 0x3000 and <= 0x303F => true, // CJK symbols and punctuation: 、。「」〒 and the ideographic space
        >= 0x3040 and <= 0x309F => true, // hiragana
        >= 0x30A0 and <= 0x30FF => true, // katakana, ・ and ー
        >= 0x31F0 and <= 0x31FF => true, // katakana phonetic extensions (small ㇰ)
        >= 0x3200 and <= 0x33FF => true, // enclosed CJK letters (㈱) and CJK compatibility (㌔)
        >= 0x3400 and <= 0x4DBF => true, // CJK ideographs, extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true, // CJK compatibility forms (vertical punctuation)
        >= 0xFF00 and <= 0xFFEF => true, // full-width and half-width forms: ＡＢＣ１２３￥ and ｶﾀｶﾅ
        >= 0x20000 and <= 0x3FFFF => true, // CJK ideographs, extensions B and later
        _ => false,
    };
}
