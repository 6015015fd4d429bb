using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>How long ago the purchase was, as the form warns of it: after 60 days act now, after 180 days the card's and the marketplace's deadlines may have passed.</summary>
public class PurchaseTimelinessTests
{
    // The date is the subject here: a fixed day, and the days around each threshold.
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Theory]
    [InlineData(0, PurchaseAge.Recent)]
    [InlineData(1, PurchaseAge.Recent)]
    [InlineData(59, PurchaseAge.Recent)]
    [InlineData(60, PurchaseAge.Recent)]
    [InlineData(61, PurchaseAge.ActNow)]
    [InlineData(120, PurchaseAge.ActNow)]
    [InlineData(180, PurchaseAge.ActNow)]
    [InlineData(181, PurchaseAge.MayBeTooLate)]
    [InlineData(365, PurchaseAge.MayBeTooLate)]
    [InlineData(3650, PurchaseAge.MayBeTooLate)]
    public void ThePurchaseIsRecentUntilSixtyDaysThenUrgentThenPerhapsTooLateAfterOneHundredEighty(int daysAgo, PurchaseAge expected)
    {
        var timeliness = PurchaseTimeliness.Of(Today.AddDays(-daysAgo), Today);
        Assert.Equal(expected, timeliness.Age);
        Assert.Equal(daysAgo, timeliness.DaysSince);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void APurchaseDateInTheFutureIsNotOld(int daysAhead) =>
        Assert.Equal(PurchaseAge.Recent, PurchaseTimeliness.Of(Today.AddDays(daysAhead), Today).Age);

    [Fact]
    public void DaysAreCountedInJapan()
    {
        // 23:30 UTC on 4 December is 08:30 on 5 December in Japan: 61 days after 5 October.
        var now = new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 12, 5), PurchaseTimeliness.TodayInJapan(now));
        Assert.Equal(PurchaseAge.ActNow, PurchaseTimeliness.Of(new DateOnly(2026, 10, 5), PurchaseTimeliness.TodayInJapan(now)).Age);
    }

    [Fact]
    public void TheThresholdsAreSixtyAndOneHundredEightyDays()
    {
        Assert.Equal(60, PurchaseTimeliness.ActNowAfterDays);
        Assert.Equal(180, PurchaseTimeliness.MayBeTooLateAfterDays);
    }
}
