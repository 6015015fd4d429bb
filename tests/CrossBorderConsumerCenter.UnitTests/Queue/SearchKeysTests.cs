using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Queue;

namespace CrossBorderConsumerCenter.UnitTests.Queue;

/// <summary>Which bigrams the search asks the index for: each word's rarest, by PostgreSQL's statistics.</summary>
public class SearchKeysTests
{
    [Fact]
    public void EachWordContributesItsRarestBigramsAndAnUnlistedBigramCountsAsRarest()
    {
        var frequencies = new Dictionary<string, float> { ["ta"] = 0.02f, ["ar"] = 0.05f, ["ro"] = 0.03f, ["山田"] = 0.05f };

        var keys = QueueSearch.SearchKeys(CaseSearchText.Parse("taro 山田太郎"), frequencies);

        Assert.Equal(["ta", "ro", "ar", "田太", "太郎", "山田"], keys);
    }

    [Fact]
    public void CommonBigramsAreLeftOutButAWordsRarestIsAlwaysAsked()
    {
        var frequencies = new Dictionary<string, float> { ["co"] = 0.9f, ["on"] = 0.8f, ["ns"] = 0.5f, ["su"] = 0.09f, ["返金"] = 0.2f };

        Assert.Equal(["su", "返金"], QueueSearch.SearchKeys(CaseSearchText.Parse("consu 返金"), frequencies));
    }

    [Fact]
    public void AtMostFourBigramsOfAWordAreAsked() =>
        Assert.Equal(["ab", "bc", "cd", "de"], QueueSearch.SearchKeys(CaseSearchText.Parse("abcdefgh"), new Dictionary<string, float>()));

    [Fact]
    public void AOneCharacterWordAddsNoKeyAndRepeatedKeysCountOnce() =>
        Assert.Equal(["ab", "xa"], QueueSearch.SearchKeys(CaseSearchText.Parse("ab 林 xab"), new Dictionary<string, float> { ["xa"] = 0.05f }));

    [Theory]
    [InlineData("返金", 0.2, true)]
    [InlineData("返金", 0.005, false)]
    [InlineData("返金する", 0.2, false)]
    [InlineData("返金 壊れ", 0.2, false)]
    [InlineData("返", 0.2, false)]
    public void OnlyASingleTwoCharacterWordTheStatisticsFindInFarMoreCasesIsNotCounted(string words, double frequency, bool tooCommon)
    {
        var statistics = new BigramStatistics(1_000_000, new Dictionary<string, float> { ["返金"] = (float)frequency, ["壊れ"] = (float)frequency });
        Assert.Equal(tooCommon, QueueSearch.IsTooCommonToCount(CaseSearchText.Parse(words), statistics));
    }
}
