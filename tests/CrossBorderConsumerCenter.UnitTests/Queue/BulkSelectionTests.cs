using CrossBorderConsumerCenter.Web.Features.Queue;

namespace CrossBorderConsumerCenter.UnitTests.Queue;

/// <summary>The cases ticked for a bulk action: each as the number and the version the page showed.</summary>
public class BulkSelectionTests
{
    [Fact]
    public void AValueIsReadAsTheCaseNumberAndTheVersionThePageShowed()
    {
        var item = Assert.Single(BulkSelection.Parse(["CCJ-2026-000123:4711"]));

        Assert.Equal("CCJ-2026-000123", item.Number);
        Assert.Equal(4711u, item.Version);
    }

    [Fact]
    public void AValueIsWrittenSoThatItReadsBack()
    {
        var value = BulkSelection.Value("CCJ-2026-000123", uint.MaxValue);

        Assert.Equal(new BulkSelection.Item("CCJ-2026-000123", uint.MaxValue), Assert.Single(BulkSelection.Parse([value])));
    }

    [Theory]
    [InlineData("ccj-2026-000123:1")]
    [InlineData(" CCJ-2026-000123:1 ")]
    public void TheNumberIsReadAsEverywhereElseAndWrittenCanonically(string value) =>
        Assert.Equal("CCJ-2026-000123", Assert.Single(BulkSelection.Parse([value])).Number);

    [Theory]
    [InlineData("")]
    [InlineData("CCJ-2026-000123")]
    [InlineData("CCJ-2026-000123:")]
    [InlineData(":12")]
    [InlineData("CCJ-2026-000123:-1")]
    [InlineData("CCJ-2026-000123:4294967296")]
    [InlineData("CCJ-2026-000123:1x")]
    [InlineData("not a case:12")]
    public void AValueThatIsNotANumberAndAVersionIsLeftOut(string value) => Assert.Empty(BulkSelection.Parse([value]));

    [Fact]
    public void ACaseTickedTwiceCountsOnceWithTheVersionFirstSeen()
    {
        var items = BulkSelection.Parse(["CCJ-2026-000001:5", "CCJ-2026-000002:7", "CCJ-2026-000001:9"]);

        Assert.Equal([new("CCJ-2026-000001", 5), new("CCJ-2026-000002", 7)], items);
    }

    [Fact]
    public void TheOrderOfThePageIsKept() =>
        Assert.Equal(["CCJ-2026-000003", "CCJ-2026-000001", "CCJ-2026-000002"],
            BulkSelection.Parse(["CCJ-2026-000003:1", "CCJ-2026-000001:1", "CCJ-2026-000002:1"]).Select(i => i.Number));

    [Fact]
    public void NothingTickedIsAnEmptySelection() => Assert.Empty(BulkSelection.Parse(null));
}
