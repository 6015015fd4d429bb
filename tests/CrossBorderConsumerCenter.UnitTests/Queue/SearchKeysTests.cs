using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Queue;

namespace CrossBorderConsumerCenter.UnitTests.Queue;

/// <summary>Which bigrams the search asks the index for: each word's rarest, by PostgreSQL's statistics.</summary>
public class SearchKeysTests
{
    [Fact]
    public void EachWordContributesItsRarestBigramsAndAnUnlistedBigramCountsAsRarest()
    {
        var frequencies = new Dictionary<string, float> { ["co"] = 0.9f, ["on"] = 0.8f, ["ns"] = 0.5f, ["su"] = 0.1f, ["山田"] = 0.05f };

        var keys = ListCases.SearchKeys(CaseSearchText.Parse("consu 山田太郎"), frequencies);

        Assert.Equal(["su", "ns", "田太", "太郎"], keys);
    }

    [Fact]
    public void WithoutStatisticsTheFirstBigramsOfEachWordAreUsed() =>
        Assert.Equal(["ab", "bc", "xy"], ListCases.SearchKeys(CaseSearchText.Parse("abcd xy"), new Dictionary<string, float>()));

    [Fact]
    public void AOneCharacterWordAddsNoKeyAndRepeatedKeysCountOnce() =>
        Assert.Equal(["ab", "xa"], ListCases.SearchKeys(CaseSearchText.Parse("ab 林 xab"), new Dictionary<string, float> { ["xa"] = 0.5f }));
}
