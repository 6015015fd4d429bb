using System.Text;

namespace CrossBorderConsumerCenter.Web.Domain.Contact;

/// <summary>Names in kana (furigana): hiragana or katakana, half-width katakana folded to full width.</summary>
public static class Kana
{
    public static string Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? "" : value.Normalize(NormalizationForm.FormKC).Trim();

    public static bool IsKana(string value) => value.Length > 0 && value.All(c =>
        c is (>= '\u3041' and <= '\u3096') or (>= '\u309D' and <= '\u309E') or (>= '\u30A1' and <= '\u30FA') or (>= '\u30FC' and <= '\u30FE')
            or '\u30FB' or ' ' or '\u3000');
}
