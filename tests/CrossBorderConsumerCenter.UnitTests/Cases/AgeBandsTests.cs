using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>The age groups tell a minor apart, and the former "under 20" is kept for old cases but never offered.</summary>
public class AgeBandsTests
{
    [Fact]
    public void TheFormsOfferMinorsABandOfTheirOwnAndNotTheFormerUnderTwenty()
    {
        Assert.Equal(
            [AgeBand.Under18, AgeBand.From18To19, AgeBand.Twenties, AgeBand.Thirties, AgeBand.Forties, AgeBand.Fifties, AgeBand.Sixties,
             AgeBand.Seventies, AgeBand.EightyOrOver, AgeBand.PreferNotToSay],
            AgeBands.Offered);
        Assert.False(AgeBands.IsOffered(AgeBand.Under20Legacy));
        Assert.Equal(Enum.GetValues<AgeBand>().Except([AgeBand.Under20Legacy]), AgeBands.Offered);
    }

    [Theory]
    [InlineData(AgeBand.Under18, true)]
    [InlineData(AgeBand.From18To19, false)]
    [InlineData(AgeBand.Twenties, false)]
    [InlineData(AgeBand.PreferNotToSay, false)]
    [InlineData(AgeBand.Under20Legacy, false)]
    public void OnlyUnderEighteenIsAMinor(AgeBand band, bool minor) => Assert.Equal(minor, AgeBands.IsMinor(band));

    [Fact]
    public void EveryBandButTheFormerOneIsAMinorOrNot()
    {
        // Each band offered is entirely on one side of the age of majority.
        Assert.Equal(18, AgeBands.AgeOfMajority);
        Assert.Single(AgeBands.Offered, AgeBands.IsMinor);
    }
}
