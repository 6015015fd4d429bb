using System.Text;

namespace CrossBorderConsumerCenter.Web.Domain.Contact;

/// <summary>
/// A name's kana reading in Latin letters, as a Japanese passport writes it (the Ministry of Foreign Affairs' Hepburn
/// table, "passport Hepburn"), laid out as partner agencies read a Japanese name: the family name in capitals, then the
/// given name (ヤマダ タロウ → "YAMADA Taro"). The rules of that table:
/// <list type="bullet">
/// <item>し shi, ち chi, つ tsu, ふ fu, じ and ぢ ji, ず and づ zu, を o; ゃゅょ after a kana make one syllable (しゃ sha, ちょ cho, きゅ kyu).</item>
/// <item>Small っ doubles the next consonant (あっか akka), and before ch it is written t (はっちょう hatcho).</item>
/// <item>ん is m before b, m and p (なんば namba, ほんま homma, さんぺい sampei), n everywhere else, before a vowel or y too and
/// without an apostrophe (けんいち kenichi, しんや shinya): the passport writes no apostrophe.</item>
/// <item>Long vowels are not marked: おう and おお are o, うう is u (さとう sato, おおの ono, ゆうこ yuko); other doubled vowels
/// and えい stay (にいがた niigata, けいこ keiko); the katakana long mark ー is not written (ジョージ joji).</item>
/// </list>
/// Katakana and half-width katakana are read as hiragana; the iteration marks ゝゞヽヾ repeat the kana before them. Names
/// are separated by spaces (half- or full-width) or the katakana middle dot. This is a suggestion for staff to check and
/// correct (a passport may use OH for おう, or a name its owner spells otherwise); anything that is not a kana reading
/// gives no suggestion.
/// </summary>
public static class KanaRomanization
{
    private static readonly Dictionary<char, string> Single = new()
    {
        ['あ'] = "a", ['い'] = "i", ['う'] = "u", ['え'] = "e", ['お'] = "o",
        ['か'] = "ka", ['き'] = "ki", ['く'] = "ku", ['け'] = "ke", ['こ'] = "ko",
        ['が'] = "ga", ['ぎ'] = "gi", ['ぐ'] = "gu", ['げ'] = "ge", ['ご'] = "go",
        ['さ'] = "sa", ['し'] = "shi", ['す'] = "su", ['せ'] = "se", ['そ'] = "so",
        ['ざ'] = "za", ['じ'] = "ji", ['ず'] = "zu", ['ぜ'] = "ze", ['ぞ'] = "zo",
        ['た'] = "ta", ['ち'] = "chi", ['つ'] = "tsu", ['て'] = "te", ['と'] = "to",
        ['だ'] = "da", ['ぢ'] = "ji", ['づ'] = "zu", ['で'] = "de", ['ど'] = "do",
        ['な'] = "na", ['に'] = "ni", ['ぬ'] = "nu", ['ね'] = "ne", ['の'] = "no",
        ['は'] = "ha", ['ひ'] = "hi", ['ふ'] = "fu", ['へ'] = "he", ['ほ'] = "ho",
        ['ば'] = "ba", ['び'] = "bi", ['ぶ'] = "bu", ['べ'] = "be", ['ぼ'] = "bo",
        ['ぱ'] = "pa", ['ぴ'] = "pi", ['ぷ'] = "pu", ['ぺ'] = "pe", ['ぽ'] = "po",
        ['ま'] = "ma", ['み'] = "mi", ['む'] = "mu", ['め'] = "me", ['も'] = "mo",
        ['や'] = "ya", ['ゆ'] = "yu", ['よ'] = "yo",
        ['ら'] = "ra", ['り'] = "ri", ['る'] = "ru", ['れ'] = "re", ['ろ'] = "ro",
        ['わ'] = "wa", ['ゐ'] = "i", ['ゑ'] = "e", ['を'] = "o", ['ん'] = "n",
        ['ゔ'] = "vu",
        // Small kana on their own (a small vowel after a kana that does not combine with it is read as the vowel).
        ['ぁ'] = "a", ['ぃ'] = "i", ['ぅ'] = "u", ['ぇ'] = "e", ['ぉ'] = "o",
        ['ゃ'] = "ya", ['ゅ'] = "yu", ['ょ'] = "yo", ['ゎ'] = "wa", ['ゕ'] = "ka", ['ゖ'] = "ke",
    };

    /// <summary>A kana and the small kana after it, read as one syllable.</summary>
    private static readonly Dictionary<string, string> Combined = BuildCombined();

    private const char SmallTsu = 'っ';
    private const char LongMark = 'ー';
    private const char Repeat = 'ゝ';
    private const char RepeatVoiced = 'ゞ';

    /// <summary>"FAMILY Given" from a kana reading, or null when <paramref name="kana"/> is empty or not a kana reading.</summary>
    public static string? Romanize(string? kana)
    {
        if (string.IsNullOrWhiteSpace(kana))
        {
            return null;
        }

        var words = new List<string>();
        foreach (var word in ToHiragana(kana.Normalize(NormalizationForm.FormKC)).Split([' ', '・'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (RomanizeWord(word) is not { } latin)
            {
                return null;
            }

            if (latin.Length > 0)
            {
                words.Add(latin);
            }
        }

        if (words.Count == 0)
        {
            return null;
        }

        return string.Join(' ', words.Select((w, i) => i == 0 ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>One name in lower-case letters ("" when it holds no sound, such as a lone ー), or null when a character is not kana.</summary>
    private static string? RomanizeWord(string word)
    {
        var syllables = new List<string>();
        var expanded = ExpandRepeats(word);
        if (expanded is null)
        {
            return null;
        }

        for (var i = 0; i < expanded.Length; i++)
        {
            var c = expanded[i];
            if (c is SmallTsu or LongMark)
            {
                // Marks: kept as such and resolved below against the syllables around them.
                syllables.Add(c.ToString());
            }
            else if (i + 1 < expanded.Length && Combined.TryGetValue(expanded.Substring(i, 2), out var pair))
            {
                syllables.Add(pair);
                i++;
            }
            else if (Single.TryGetValue(c, out var one))
            {
                syllables.Add(one);
            }
            else
            {
                return null;
            }
        }

        var latin = new StringBuilder();
        for (var i = 0; i < syllables.Count; i++)
        {
            var syllable = syllables[i];
            var next = i + 1 < syllables.Count ? syllables[i + 1] : null;
            switch (syllable)
            {
                case "ー":
                    break;
                case "っ":
                    // Doubles the consonant of a following syllable that has one (not a vowel, not ん, not another mark).
                    if (next is { Length: >= 2 } && !IsVowel(next[0]))
                    {
                        latin.Append(next.StartsWith("ch", StringComparison.Ordinal) ? 't' : next[0]);
                    }

                    break;
                case "n":
                    latin.Append(next is not null && next[0] is 'b' or 'm' or 'p' ? 'm' : 'n');
                    break;
                case "o" or "u" when IsSyllable(syllables, i) && latin.Length > 0 && IsLongVowel(latin[^1], syllable[0], syllables[i - 1]):
                    break;
                default:
                    latin.Append(syllable);
                    break;
            }
        }

        return latin.ToString();
    }

    /// <summary>おう and おお are o, うう is u: the second vowel is not written (after a syllable ending in o or u, ん excepted).</summary>
    private static bool IsLongVowel(char previousLetter, char vowel, string previousSyllable) =>
        previousSyllable is not ("n" or "ー" or "っ") && (previousLetter == 'o' || (previousLetter == 'u' && vowel == 'u'));

    // A vowel read from its own kana (う, お), not the vowel inside a combined syllable.
    private static bool IsSyllable(List<string> syllables, int i) => i > 0 && syllables[i].Length == 1;

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';

    /// <summary>Katakana (the iteration marks and ヴ included) as hiragana; ヷヸヹヺ as ゔ with a small vowel.</summary>
    private static string ToHiragana(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u3000':
                    result.Append(' ');
                    break;
                case 'ヷ':
                    result.Append("ゔぁ");
                    break;
                case 'ヸ':
                    result.Append("ゔぃ");
                    break;
                case 'ヹ':
                    result.Append("ゔぇ");
                    break;
                case 'ヺ':
                    result.Append("ゔぉ");
                    break;
                case >= '\u30A1' and <= '\u30F6':
                case 'ヽ' or 'ヾ':
                    result.Append((char)(c - 0x60));
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>ゝ repeats the kana before it, ゞ repeats it voiced (いすゞ → いすず); null when there is nothing to repeat.</summary>
    private static string? ExpandRepeats(string word)
    {
        var result = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c is not (Repeat or RepeatVoiced))
            {
                result.Append(c);
                continue;
            }

            if (result.Length == 0)
            {
                return null;
            }

            var plain = result[^1].ToString().Normalize(NormalizationForm.FormD)[0];
            var repeated = c == Repeat ? plain.ToString() : (plain + "\u3099").Normalize(NormalizationForm.FormC);
            result.Append(repeated.Length == 1 ? repeated : plain.ToString());
        }

        return result.ToString();
    }

    private static Dictionary<string, string> BuildCombined()
    {
        var combined = new Dictionary<string, string>();
        void Row(char kana, string stem)
        {
            combined[$"{kana}ゃ"] = stem + "a";
            combined[$"{kana}ゅ"] = stem + "u";
            combined[$"{kana}ょ"] = stem + "o";
        }

        Row('き', "ky");
        Row('ぎ', "gy");
        Row('し', "sh");
        Row('じ', "j");
        Row('ち', "ch");
        Row('ぢ', "j");
        Row('に', "ny");
        Row('ひ', "hy");
        Row('び', "by");
        Row('ぴ', "py");
        Row('み', "my");
        Row('り', "ry");
        Row('ふ', "fy");
        Row('ゔ', "vy");
        foreach (var (pair, latin) in new[]
        {
            ("ふぁ", "fa"), ("ふぃ", "fi"), ("ふぇ", "fe"), ("ふぉ", "fo"),
            ("てぃ", "ti"), ("でぃ", "di"), ("とぅ", "tu"), ("どぅ", "du"),
            ("しぇ", "she"), ("じぇ", "je"), ("ちぇ", "che"), ("いぇ", "ye"),
            ("うぃ", "wi"), ("うぇ", "we"), ("うぉ", "wo"), ("つぁ", "tsa"),
            ("ゔぁ", "va"), ("ゔぃ", "vi"), ("ゔぇ", "ve"), ("ゔぉ", "vo"),
        })
        {
            combined[pair] = latin;
        }

        return combined;
    }
}
