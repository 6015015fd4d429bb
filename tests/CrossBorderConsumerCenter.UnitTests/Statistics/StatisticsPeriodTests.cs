using CrossBorderConsumerCenter.Web.Domain.Statistics;

namespace CrossBorderConsumerCenter.UnitTests.Statistics;

/// <summary>Periods: fiscal years from April, their quarters and halves, months, ranges; and the amount bands.</summary>
public class StatisticsPeriodTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void AFiscalYearRunsFromAprilToMarch()
    {
        Assert.Equal(new StatisticsPeriod(PeriodKind.FiscalYear, D(2026, 4, 1), D(2027, 3, 31)), StatisticsPeriod.FiscalYear(2026));
        Assert.Equal(2025, StatisticsPeriod.FiscalYearOf(D(2026, 3, 31)));
        Assert.Equal(2026, StatisticsPeriod.FiscalYearOf(D(2026, 4, 1)));
        Assert.Equal(2025, StatisticsPeriod.LastClosedFiscalYear(D(2027, 3, 31)));
        Assert.Equal(2026, StatisticsPeriod.LastClosedFiscalYear(D(2027, 4, 1)));
    }

    [Theory]
    [InlineData(1, 2026, 4, 1, 2026, 6, 30)]
    [InlineData(2, 2026, 7, 1, 2026, 9, 30)]
    [InlineData(3, 2026, 10, 1, 2026, 12, 31)]
    [InlineData(4, 2027, 1, 1, 2027, 3, 31)]
    public void QuartersFollowTheFiscalYear(int quarter, int fy, int fm, int fd, int ty, int tm, int td)
    {
        var period = StatisticsPeriod.Quarter(2026, quarter);
        Assert.Equal((D(fy, fm, fd), D(ty, tm, td)), (period.From, period.To));
    }

    [Fact]
    public void AMonthEndsOnItsLastDayAndARangeListsTheMonthsItTouches()
    {
        Assert.Equal(D(2028, 2, 29), StatisticsPeriod.Month(2028, 2).To);
        Assert.Equal([D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)], StatisticsPeriod.Range(D(2026, 1, 31), D(2026, 3, 1)).Months());
        Assert.Throws<ArgumentException>(() => StatisticsPeriod.Range(D(2026, 3, 2), D(2026, 3, 1)));
        Assert.Equal("20260401-20270331", StatisticsPeriod.FiscalYear(2026).FileNamePart);
    }

    [Fact]
    public void TheHalvesOfAYearCoverItExactly()
    {
        var (first, second) = StatisticsPeriod.HalvesOf(2026);
        Assert.Equal((D(2026, 4, 1), D(2026, 9, 30)), (first.From, first.To));
        Assert.Equal((D(2026, 10, 1), D(2027, 3, 31)), (second.From, second.To));
    }

    [Theory]
    [InlineData(4999, "JPY", AmountBand.Under5000)]
    [InlineData(5000, "JPY", AmountBand.From5000To9999)]
    [InlineData(9999.99, "JPY", AmountBand.From5000To9999)]
    [InlineData(10000, "JPY", AmountBand.From10000To29999)]
    [InlineData(200, "USD", AmountBand.From30000To49999)]
    [InlineData(2000, "usd", AmountBand.From300000)]
    [InlineData(100, "XXX", AmountBand.Unknown)]
    public void AnAmountFallsInItsBandInYen(decimal amount, string currency, AmountBand band) => Assert.Equal(band, AmountBands.Of(amount, currency));
}
