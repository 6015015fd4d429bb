using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

/// <summary>
/// The consumer's name in Latin letters from its kana reading, as a Japanese passport writes it (passport Hepburn): every
/// kana of the table in hiragana and katakana, voiced and semi-voiced, the ゃゅょ combinations, small っ, ん before b/m/p
/// and before vowels and y, long vowels, and the family/given layout.
/// </summary>
public class KanaRomanizationTests
{
    /// <summary>The table, written out here independently of the code: every kana on its own (as a given name after ア).</summary>
    public static readonly TheoryData<string, string> Basic = new()
    {
        { "あ", "a" }, { "い", "i" }, { "う", "u" }, { "え", "e" }, { "お", "o" },
        { "か", "ka" }, { "き", "ki" }, { "く", "ku" }, { "け", "ke" }, { "こ", "ko" },
        { "さ", "sa" }, { "し", "shi" }, { "す", "su" }, { "せ", "se" }, { "そ", "so" },
        { "た", "ta" }, { "ち", "chi" }, { "つ", "tsu" }, { "て", "te" }, { "と", "to" },
        { "な", "na" }, { "に", "ni" }, { "ぬ", "nu" }, { "ね", "ne" }, { "の", "no" },
        { "は", "ha" }, { "ひ", "hi" }, { "ふ", "fu" }, { "へ", "he" }, { "ほ", "ho" },
        { "ま", "ma" }, { "み", "mi" }, { "む", "mu" }, { "め", "me" }, { "も", "mo" },
        { "や", "ya" }, { "ゆ", "yu" }, { "よ", "yo" },
        { "ら", "ra" }, { "り", "ri" }, { "る", "ru" }, { "れ", "re" }, { "ろ", "ro" },
        { "わ", "wa" }, { "ゐ", "i" }, { "ゑ", "e" }, { "を", "o" }, { "ん", "n" },
    };

    public static readonly TheoryData<string, string> Voiced = new()
    {
        { "が", "ga" }, { "ぎ", "gi" }, { "ぐ", "gu" }, { "げ", "ge" }, { "ご", "go" },
        { "ざ", "za" }, { "じ", "ji" }, { "ず", "zu" }, { "ぜ", "ze" }, { "ぞ", "zo" },
        { "だ", "da" }, { "ぢ", "ji" }, { "づ", "zu" }, { "で", "de" }, { "ど", "do" },
        { "ば", "ba" }, { "び", "bi" }, { "ぶ", "bu" }, { "べ", "be" }, { "ぼ", "bo" },
        { "ぱ", "pa" }, { "ぴ", "pi" }, { "ぷ", "pu" }, { "ぺ", "pe" }, { "ぽ", "po" },
        { "ゔ", "vu" },
    };

    public static readonly TheoryData<string, string> Combinations = new()
    {
        { "きゃ", "kya" }, { "きゅ", "kyu" }, { "きょ", "kyo" },
        { "ぎゃ", "gya" }, { "ぎゅ", "gyu" }, { "ぎょ", "gyo" },
        { "しゃ", "sha" }, { "しゅ", "shu" }, { "しょ", "sho" },
        { "じゃ", "ja" }, { "じゅ", "ju" }, { "じょ", "jo" },
        { "ちゃ", "cha" }, { "ちゅ", "chu" }, { "ちょ", "cho" },
        { "ぢゃ", "ja" }, { "ぢゅ", "ju" }, { "ぢょ", "jo" },
        { "にゃ", "nya" }, { "にゅ", "nyu" }, { "にょ", "nyo" },
        { "ひゃ", "hya" }, { "ひゅ", "hyu" }, { "ひょ", "hyo" },
        { "びゃ", "bya" }, { "びゅ", "byu" }, { "びょ", "byo" },
        { "ぴゃ", "pya" }, { "ぴゅ", "pyu" }, { "ぴょ", "pyo" },
        { "みゃ", "mya" }, { "みゅ", "myu" }, { "みょ", "myo" },
        { "りゃ", "rya" }, { "りゅ", "ryu" }, { "りょ", "ryo" },
        // Sounds of names from other languages, written in katakana.
        { "ふぁ", "fa" }, { "ふぃ", "fi" }, { "ふぇ", "fe" }, { "ふぉ", "fo" },
        { "てぃ", "ti" }, { "でぃ", "di" }, { "とぅ", "tu" }, { "どぅ", "du" },
        { "しぇ", "she" }, { "じぇ", "je" }, { "ちぇ", "che" },
        { "うぃ", "wi" }, { "うぇ", "we" }, { "うぉ", "wo" },
        { "ゔぁ", "va" }, { "ゔぃ", "vi" }, { "ゔぇ", "ve" }, { "ゔぉ", "vo" },
    };

    /// <summary>Small っ doubles the next consonant, and before ch it is written t.</summary>
    public static readonly TheoryData<string, string> SmallTsu = new()
    {
        { "あっか", "akka" }, { "あっき", "akki" }, { "あっきょ", "akkyo" }, { "あっが", "agga" },
        { "あっさ", "assa" }, { "あっし", "asshi" }, { "あっしゃ", "assha" }, { "あっじ", "ajji" }, { "あっざ", "azza" },
        { "あった", "atta" }, { "あっち", "atchi" }, { "あっちゃ", "atcha" }, { "あっちょ", "atcho" }, { "あっつ", "attsu" }, { "あっと", "atto" }, { "あっだ", "adda" },
        { "あっぱ", "appa" }, { "あっぴょ", "appyo" }, { "あっば", "abba" },
        { "あっは", "ahha" }, { "あっふ", "affu" }, { "あっま", "amma" }, { "あっな", "anna" },
        { "あっや", "ayya" }, { "あっら", "arra" }, { "あっわ", "awwa" }, { "あっゔ", "avvu" },
        // Before a vowel, ん or at the end there is no consonant to double: nothing is written.
        { "あっ", "a" }, { "あっあ", "aa" }, { "あっん", "an" },
    };

    [Theory]
    [MemberData(nameof(Basic))]
    [MemberData(nameof(Voiced))]
    [MemberData(nameof(Combinations))]
    public void EveryKanaIsWrittenAsAPassportWritesItInHiraganaAndKatakana(string kana, string latin)
    {
        var expected = "A " + char.ToUpperInvariant(latin[0]) + latin[1..];
        Assert.Equal(expected, KanaRomanization.Romanize("あ " + kana));
        Assert.Equal(expected, KanaRomanization.Romanize("ア " + Katakana(kana)));
    }

    [Theory]
    [MemberData(nameof(SmallTsu))]
    public void SmallTsuDoublesTheNextConsonantAndIsTBeforeCh(string kana, string latin)
    {
        Assert.Equal(latin.ToUpperInvariant(), KanaRomanization.Romanize(kana));
        Assert.Equal(latin.ToUpperInvariant(), KanaRomanization.Romanize(Katakana(kana)));
    }

    [Theory]
    [InlineData("なんば", "NAMBA")]
    [InlineData("ほんま", "HOMMA")]
    [InlineData("さんぺい", "SAMPEI")]
    [InlineData("しんぶん", "SHIMBUN")]
    [InlineData("かんぴょう", "KAMPYO")]
    [InlineData("じゅんびょう", "JUMBYO")]
    [InlineData("かんだ", "KANDA")]
    [InlineData("けんた", "KENTA")]
    [InlineData("さんの", "SANNO")]
    [InlineData("かんな", "KANNA")]
    [InlineData("げんき", "GENKI")]
    [InlineData("しん", "SHIN")]
    public void NBeforeBMOrPIsMAndOtherwiseN(string kana, string latin)
    {
        Assert.Equal(latin, KanaRomanization.Romanize(kana));
        Assert.Equal(latin, KanaRomanization.Romanize(Katakana(kana)));
    }

    /// <summary>Passport Hepburn writes no apostrophe: けんいち is KENICHI (and かにち would be KANICHI too; the passport accepts it).</summary>
    [Theory]
    [InlineData("けんいち", "KENICHI")]
    [InlineData("じゅんいちろう", "JUNICHIRO")]
    [InlineData("しんや", "SHINYA")]
    [InlineData("きんゆ", "KINYU")]
    [InlineData("せんえい", "SENEI")]
    [InlineData("かんお", "KANO")]
    [InlineData("はんあ", "HANA")]
    [InlineData("しんう", "SHINU")]
    public void NBeforeAVowelOrYHasNoApostrophe(string kana, string latin)
    {
        Assert.Equal(latin, KanaRomanization.Romanize(kana));
        Assert.Equal(latin, KanaRomanization.Romanize(Katakana(kana)));
    }

    /// <summary>Long vowels as the passport writes them: おう, おお and うう are one letter, other doubled vowels and えい stay.</summary>
    [Theory]
    [InlineData("さとう", "SATO")]
    [InlineData("おおの", "ONO")]
    [InlineData("ようこ", "YOKO")]
    [InlineData("とおる", "TORU")]
    [InlineData("ゆうこ", "YUKO")]
    [InlineData("しゅうへい", "SHUHEI")]
    [InlineData("きょうこ", "KYOKO")]
    [InlineData("りょう", "RYO")]
    [InlineData("じゅう", "JU")]
    [InlineData("こうの", "KONO")]
    [InlineData("ごう", "GO")]
    [InlineData("ゆうう", "YU")]
    [InlineData("おおう", "O")]
    [InlineData("けいこ", "KEIKO")]
    [InlineData("にいがた", "NIIGATA")]
    [InlineData("さあや", "SAAYA")]
    [InlineData("せえら", "SEERA")]
    [InlineData("いう", "IU")]
    [InlineData("あう", "AU")]
    [InlineData("えう", "EU")]
    [InlineData("うお", "UO")]
    public void LongVowelsAreWrittenAsAPassportWritesThem(string kana, string latin)
    {
        Assert.Equal(latin, KanaRomanization.Romanize(kana));
        Assert.Equal(latin, KanaRomanization.Romanize(Katakana(kana)));
    }

    [Theory]
    [InlineData("ジョージ", "JOJI")]
    [InlineData("ターナー", "TANA")]
    [InlineData("ルーシー", "RUSHI")]
    [InlineData("マーティン", "MATIN")]
    [InlineData("ヴィクトリア", "VIKUTORIA")]
    [InlineData("ソフィー", "SOFI")]
    public void TheKatakanaLongMarkIsNotWritten(string kana, string latin) =>
        Assert.Equal(latin, KanaRomanization.Romanize(kana));

    [Theory]
    [InlineData("ヤマダ タロウ", "YAMADA Taro")]
    [InlineData("やまだ たろう", "YAMADA Taro")]
    [InlineData("ヤマダ　タロウ", "YAMADA Taro")]
    [InlineData("  ヤマダ\u3000\u3000タロウ  ", "YAMADA Taro")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "YAMADA Taro")]
    [InlineData("ｻﾄｳ ｼﾞｭﾝｲﾁﾛｳ", "SATO Junichiro")]
    [InlineData("スミス・ジョン", "SUMISU Jon")]
    [InlineData("やまだ はなこ みどり", "YAMADA Hanako Midori")]
    [InlineData("スズキ", "SUZUKI")]
    [InlineData("ほっとり しゅんぺい", "HOTTORI Shumpei")]
    [InlineData("はっちょう いっぺい", "HATCHO Ippei")]
    [InlineData("いすゞ こゝろ", "ISUZU Kokoro")]
    [InlineData("サヽキ", "SASAKI")]
    public void TheNameIsFamilyInCapitalsThenGivenNames(string kana, string latin) =>
        Assert.Equal(latin, KanaRomanization.Romanize(kana));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("山田 太郎")]
    [InlineData("ヤマダ 太郎")]
    [InlineData("Yamada Taro")]
    [InlineData("ヤマダ Taro")]
    [InlineData("ヤマダ123")]
    [InlineData("ヤマダ、タロウ")]
    [InlineData("ー")]
    [InlineData("ッ")]
    [InlineData("ヤマダ\u309B")]
    public void InputThatIsNotAKanaReadingGivesNoSuggestion(string? kana) =>
        Assert.Null(KanaRomanization.Romanize(kana));

    private static string Katakana(string hiragana) => new([.. hiragana.Select(c => c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c)]);
}
