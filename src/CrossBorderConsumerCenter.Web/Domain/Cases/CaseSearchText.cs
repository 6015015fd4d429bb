using System.Text;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>What a term typed into the queue's search box asks for.</summary>
public enum CaseSearchKind
{
    None,

    /// <summary>A case number in any form <see cref="Cases.CaseNumber.TryRead"/> reads: exactly that case.</summary>
    CaseNumber,

    /// <summary>Words, each found in the consumer's name or email, the merchant's name or website, or the description.</summary>
    Words,

    /// <summary>Only one-character words: too short to search a million cases by (docs/adr/0030).</summary>
    TooShort,
}

/// <summary>A parsed search: the case number, or the normalized words (each must occur).</summary>
public sealed record CaseSearchTerm(CaseSearchKind Kind, string? CaseNumber, IReadOnlyList<string> Words)
{
    public static CaseSearchTerm None { get; } = new(CaseSearchKind.None, null, []);
}

/// <summary>
/// How the queue's search compares text (docs/adr/0030): Unicode NFKC (full-width letters and digits become
/// ASCII, half-width katakana full-width), without spaces (so 山田太郎 finds 山田 太郎), ASCII letters in lower case,
/// hiragana as katakana (やまだ finds ヤマダ). A word matches where its normalized form occurs in the normalized text;
/// the index finds candidates by the word's bigrams (overlapping pairs of characters), which works for Japanese,
/// where pg_trgm's trigrams cannot find a two-character word such as 山田 or 返金.
/// The database computes the stored side with the same steps (Data/CaseQueueColumns); keep the two in step.
/// </summary>
public static class CaseSearchText
{
    /// <summary>Separates the fields in the stored search text: never part of a normalized word, so no match spans two fields.</summary>
    public const char FieldSeparator = '\u001F';

    public const int MinWordLength = 2;
    public const int MaxTermLength = 100;
    public const int MaxWords = 5;

    private const int KatakanaOffset = 0x60;

    /// <summary>ぁ (U+3041) to ゖ (U+3096): the hiragana with a katakana counterpart 0x60 further on.</summary>
    public static string HiraganaLetters { get; } = Range('\u3041', '\u3096');

    public static string KatakanaLetters { get; } = Range('\u30A1', '\u30F6');

    /// <summary>The ASCII white-space characters PostgreSQL's [[:space:]] matches under the "C" collation.</summary>
    private static readonly char[] AsciiSpace = [' ', '\t', '\n', '\v', '\f', '\r'];

    public static string Normalize(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (Array.IndexOf(AsciiSpace, c) >= 0)
            {
                continue;
            }

            result.Append(c switch
            {
                >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
                >= '\u3041' and <= '\u3096' => (char)(c + KatakanaOffset),
                _ => c,
            });
        }

        return result.ToString();
    }

    /// <summary>
    /// The stored search text of a case (<c>cases.search_text</c>): each field normalized, the fields joined by
    /// <see cref="FieldSeparator"/>; what the database's <c>case_search_text</c> computes (migration 0012).
    /// </summary>
    public static string StoredText(params ReadOnlySpan<string?> fields)
    {
        var result = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                result.Append(FieldSeparator);
            }

            result.Append(Normalize(fields[i] ?? ""));
        }

        return result.ToString();
    }

    /// <summary>
    /// The distinct overlapping pairs of characters (Unicode code points) of a stored search text in code point order,
    /// which is the byte order of UTF-8 and so of the "C" collation (<c>cases.search_bigrams</c>, what the database's
    /// <c>case_search_bigrams</c> computes). Sorted, because the GIN index sorts each row's entries: in order, it only checks.
    /// </summary>
    /// <param name="normalized">A stored search text.</param>
    /// <param name="known">
    /// Pairs made before, by their code points, reused instead of allocating each again (a bulk load makes hundreds of
    /// millions of a few hundred thousand distinct pairs).
    /// </param>
    public static string[] StoredBigrams(string normalized, Dictionary<ulong, string>? known = null)
    {
        // Each pair as one number, the first code point in the 21 bits above the second's: numeric order is code point order.
        var keys = new List<ulong>(normalized.Length);
        var previous = -1;
        for (var i = 0; i < normalized.Length;)
        {
            var codePoint = char.IsSurrogatePair(normalized, i) ? char.ConvertToUtf32(normalized[i], normalized[i + 1]) : normalized[i];
            if (previous >= 0)
            {
                keys.Add(((ulong)previous << 21) | (uint)codePoint);
            }

            previous = codePoint;
            i += codePoint > char.MaxValue ? 2 : 1;
        }

        keys.Sort();
        var pairs = new List<string>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                pairs.Add(Pair(keys[i], known));
            }
        }

        return [.. pairs];
    }

    private static string Pair(ulong key, Dictionary<ulong, string>? known)
    {
        if (known is not null && known.TryGetValue(key, out var pair))
        {
            return pair;
        }

        pair = char.ConvertFromUtf32((int)(key >> 21)) + char.ConvertFromUtf32((int)(key & 0x1F_FFFF));
        if (known is not null)
        {
            known[key] = pair;
        }

        return pair;
    }

    /// <summary>The distinct overlapping pairs of characters (Unicode code points) of a normalized text, in order.</summary>
    public static IReadOnlyList<string> Bigrams(string normalized)
    {
        var runes = normalized.EnumerateRunes().Select(r => r.ToString()).ToList();
        return [.. Enumerable.Range(0, Math.Max(0, runes.Count - 1)).Select(i => runes[i] + runes[i + 1]).Distinct()];
    }

    public static CaseSearchTerm Parse(string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return CaseSearchTerm.None;
        }

        // Unpaired surrogates (never typed, but possible in a crafted URL) become U+FFFD instead of failing normalization.
        var text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(term)).Normalize(NormalizationForm.FormKC).Trim();
        if (text.Length == 0)
        {
            return CaseSearchTerm.None;
        }

        if (CaseNumber.TryRead(text, out var number))
        {
            return new CaseSearchTerm(CaseSearchKind.CaseNumber, number.ToString(), []);
        }

        var words = TextInput.Clip(text, MaxTermLength)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize)
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();
        return new CaseSearchTerm(words.Any(w => Bigrams(w).Count > 0) ? CaseSearchKind.Words : CaseSearchKind.TooShort, null, words);
    }

    private static string Range(char first, char last) =>
        string.Create(last - first + 1, first, (span, start) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)(start + i);
            }
        });
}
