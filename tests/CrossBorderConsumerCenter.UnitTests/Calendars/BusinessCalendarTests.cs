using CrossBorderConsumerCenter.Web.Domain.Calendars;

namespace CrossBorderConsumerCenter.UnitTests.Calendars;

/// <summary>The center's business days: weekdays that are neither national holidays nor in the year-end closure (29 Dec - 3 Jan).</summary>
public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Center = BusinessCalendar.Japan;

    [Theory]
    [InlineData(2026, 12, 28, true)]  // Monday before the closure
    [InlineData(2026, 12, 29, false)]
    [InlineData(2026, 12, 30, false)]
    [InlineData(2026, 12, 31, false)]
    [InlineData(2027, 1, 1, false)]
    [InlineData(2027, 1, 2, false)]
    [InlineData(2027, 1, 3, false)]
    [InlineData(2027, 1, 4, true)]    // Monday after
    [InlineData(2026, 11, 21, false)] // Saturday
    [InlineData(2026, 11, 22, false)] // Sunday
    [InlineData(2026, 11, 23, false)] // Labour Thanksgiving Day
    [InlineData(2026, 11, 24, true)]
    [InlineData(2026, 9, 22, false)]  // citizens' holiday
    public void KnowsWhichDaysTheCenterWorks(int year, int month, int day, bool open) =>
        Assert.Equal(open, Center.IsBusinessDay(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("2026-04-28", 1, "2026-04-30")] // across Showa Day
    [InlineData("2026-04-30", 1, "2026-05-01")]
    [InlineData("2026-05-01", 1, "2026-05-07")] // across the whole Golden Week, substitute day included
    [InlineData("2026-04-24", 5, "2026-05-07")]
    [InlineData("2026-12-25", 1, "2026-12-28")] // over a weekend
    [InlineData("2026-12-25", 2, "2027-01-04")] // over the year-end closure
    [InlineData("2026-12-28", 10, "2027-01-18")] // ...and Coming of Age Day (11 Jan 2027)
    [InlineData("2026-12-31", 1, "2027-01-04")] // starting inside the closure
    [InlineData("2026-11-20", 1, "2026-11-24")] // Friday, weekend, then a holiday Monday
    [InlineData("2026-11-21", 0, "2026-11-21")] // zero days: the same day, even if closed
    [InlineData("2027-03-19", 1, "2027-03-23")] // over the vernal equinox's substitute
    [InlineData("2025-04-25", 10, "2025-05-14")] // a partner's 10 days across Golden Week 2025 (29 Apr, 3-6 May)
    [InlineData("2026-04-24", 10, "2026-05-14")] // ...2026 (29 Apr, 3-6 May)
    [InlineData("2027-04-23", 10, "2027-05-13")] // ...2027 (29 Apr, 3-5 May)
    [InlineData("2025-12-26", 10, "2026-01-19")] // across the New Year 2025-26: closure 29 Dec-3 Jan, Coming of Age Day 12 Jan
    [InlineData("2027-12-24", 10, "2028-01-14")] // across the New Year 2027-28: closure, then Coming of Age Day 10 Jan
    public void AddsBusinessDaysSkippingWeekendsHolidaysAndTheClosure(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Center.AddBusinessDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void RefusesNegativeDays() => Assert.Throws<ArgumentOutOfRangeException>(() => Center.AddBusinessDays(new DateOnly(2026, 1, 5), -1));

    [Theory]
    [InlineData("2026-04-28", "2026-05-07", 3)] // 30 Apr, 1 May, 7 May
    [InlineData("2026-05-07", "2026-04-28", 0)]
    [InlineData("2026-12-28", "2027-01-04", 1)]
    [InlineData("2026-11-24", "2026-11-24", 0)]
    public void CountsBusinessDaysAfterAStartUpToAndIncludingAnEnd(string from, string to, int expected) =>
        Assert.Equal(expected, Center.BusinessDaysBetween(
            DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AddingAndCountingAgreeEverywhereIn2025To2027()
    {
        for (var day = new DateOnly(2025, 1, 1); day.Year <= 2027; day = day.AddDays(3))
        {
            foreach (var n in new[] { 1, 2, 7, 20 })
            {
                var end = Center.AddBusinessDays(day, n);
                Assert.True(Center.IsBusinessDay(end));
                Assert.Equal(n, Center.BusinessDaysBetween(day, end));
            }
        }
    }
}
