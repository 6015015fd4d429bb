using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Queue;

/// <summary>
/// How the queue's search box compares text (docs/adr/0030). The database computes the same normalization for
/// stored cases (Data/CaseQueueColumns); an integration test checks the two agree.
/// </summary>
public class CaseSearchTextTests
{
    [Theory]
    [InlineData("山田 太郎", "山田太郎")]
    [InlineData("山田\u3000太郎", "山田太郎")]
    [InlineData(" Example\tGadgets\r\nInc. ", "examplegadgetsinc.")]
    [InlineData("ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＪＰ", "taro@example.jp")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ")]
    [InlineData("やまだ たろう", "ヤマダタロウ")]
    [InlineData("ゔぁ", "ヴァ")]
    [InlineData("深圳市某某科技有限公司", "深圳市某某科技有限公司")]
    [InlineData("Café ÉCLAIR", "caféÉclair")]
    [InlineData("㈱テスト", "(株)テスト")]
    [InlineData("", "")]
    public void TextIsComparedInNfkcWithoutSpacesWithAsciiInLowerCaseAndHiraganaAsKatakana(string text, string expected) =>
        Assert.Equal(expected, CaseSearchText.Normalize(text));

    [Fact]
    public void BigramsAreTheDistinctOverlappingPairsOfCharacters()
    {
        Assert.Equal(["ab", "bc", "cd"], CaseSearchText.Bigrams("abcd"));
        Assert.Equal(["山田", "田太", "太郎"], CaseSearchText.Bigrams("山田太郎"));
        Assert.Equal(["aa"], CaseSearchText.Bigrams("aaaa"));
        Assert.Empty(CaseSearchText.Bigrams("林"));
        Assert.Empty(CaseSearchText.Bigrams(""));
    }

    [Fact]
    public void ACharacterOutsideTheBasicPlaneCountsAsOneCharacter() =>
        Assert.Equal(["a😀", "😀b"], CaseSearchText.Bigrams("a😀b"));

    [Fact]
    public void StoredBigramsAreTheDistinctOverlappingPairsInCodePointOrder()
    {
        Assert.Equal(["ab", "ba"], CaseSearchText.StoredBigrams("ababa"));
        Assert.Equal(["太郎", "山田", "田太"], CaseSearchText.StoredBigrams("山田太郎"));
        // 😀 (U+1F600) comes after ｱ (U+FF71) by code point and in UTF-8, although its UTF-16 surrogates sort before it.
        Assert.Equal(["aｱ", "a😀", "ｱa", "😀a"], CaseSearchText.StoredBigrams("a😀aｱa"));
        Assert.Empty(CaseSearchText.StoredBigrams("林"));
        Assert.Empty(CaseSearchText.StoredBigrams(""));

        // With pairs known from before: the same pairs, each made once.
        var known = new Dictionary<ulong, string>();
        var first = CaseSearchText.StoredBigrams("ヤマダタロウ", known);
        Assert.Equal(["タロ", "ダタ", "マダ", "ヤマ", "ロウ"], first);
        Assert.Same(first[2], CaseSearchText.StoredBigrams("マダ", known)[0]);
    }

    [Fact]
    public void TheStoredTextIsEachFieldNormalizedJoinedByTheSeparator()
    {
        Assert.Equal("ヤマダ\u001F\u001Ftaro@ex.jp\u001Fア", CaseSearchText.StoredText("やまだ", null, "Taro@EX.jp ", "\uFF71"));
        Assert.Equal("", CaseSearchText.StoredText(""));
        Assert.Equal("ab\u001Fcd", CaseSearchText.StoredText("A B", "C\tD"));
    }

    [Theory]
    [InlineData("CCJ-2026-000123")]
    [InlineData("ccj-2026-000123")]
    [InlineData(" 2026-000123 ")]
    [InlineData("ＣＣＪ－２０２６－０００１２３")]
    [InlineData("CCJ\u20132026\u2212000123")]
    public void ACaseNumberWithOrWithoutItsPrefixFindsThatCase(string term)
    {
        var search = CaseSearchText.Parse(term);
        Assert.Equal(CaseSearchKind.CaseNumber, search.Kind);
        Assert.Equal("CCJ-2026-000123", search.CaseNumber);
    }

    [Fact]
    public void WordsAreSearchedEachOnItsOwn()
    {
        var search = CaseSearchText.Parse("山田　Taro");
        Assert.Equal(CaseSearchKind.Words, search.Kind);
        Assert.Equal(["山田", "taro"], search.Words);
        Assert.Null(search.CaseNumber);
    }

    [Fact]
    public void AOneCharacterWordIsCheckedButNeedsALongerOneBesideIt()
    {
        var search = CaseSearchText.Parse("林 商店");
        Assert.Equal(CaseSearchKind.Words, search.Kind);
        Assert.Equal(["林", "商店"], search.Words);

        Assert.Equal(CaseSearchKind.TooShort, CaseSearchText.Parse("林").Kind);
        Assert.Equal(CaseSearchKind.TooShort, CaseSearchText.Parse("a b").Kind);
    }

    [Fact]
    public void RepeatedWordsCountOnceAndOnlyTheFirstFewWordsAreUsed()
    {
        var search = CaseSearchText.Parse("aa bb aa cc dd ee ff gg hh");
        Assert.Equal(["aa", "bb", "cc", "dd", "ee"], search.Words);
        Assert.Equal(CaseSearchText.MaxWords, search.Words.Count);
    }

    [Fact]
    public void ALongTermIsCutToItsLimit()
    {
        var search = CaseSearchText.Parse(new string('あ', 500));
        Assert.Equal(CaseSearchText.MaxTermLength, Assert.Single(search.Words).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void NoTermMeansNoSearch(string? term) => Assert.Equal(CaseSearchKind.None, CaseSearchText.Parse(term).Kind);

    [Fact]
    public void AnUnpairedSurrogateIsRefusedRatherThanThrown() =>
        Assert.Equal(CaseSearchKind.TooShort, CaseSearchText.Parse("\ud800").Kind);

    [Fact]
    public void TheKanaTablesPairEveryHiraganaLetterWithItsKatakana()
    {
        Assert.Equal(CaseSearchText.HiraganaLetters.Length, CaseSearchText.KatakanaLetters.Length);
        Assert.Equal('ぁ', CaseSearchText.HiraganaLetters[0]);
        Assert.Equal('ァ', CaseSearchText.KatakanaLetters[0]);
        Assert.Equal('ゖ', CaseSearchText.HiraganaLetters[^1]);
        Assert.Equal('ヶ', CaseSearchText.KatakanaLetters[^1]);
    }
}
