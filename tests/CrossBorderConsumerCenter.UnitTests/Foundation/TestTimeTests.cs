using CrossBorderConsumerCenter.Web.Infrastructure.Localization;

namespace CrossBorderConsumerCenter.UnitTests.Foundation;

/// <summary>The moment every test's fake clock starts from follows the real clock, so that the suite passes on any day.</summary>
public class TestTimeTests
{
    [Fact]
    public void TodayIsNoonInJapanOnTheDayItIsInJapanNow()
    {
        var inJapan = TimeZoneInfo.ConvertTime(TestTime.Today, LocalizationRegistration.JapanTime);
        Assert.Equal((12, 0, 0), (inJapan.Hour, inJapan.Minute, inJapan.Second));
        Assert.Equal(TestTime.TodayInJapan, DateOnly.FromDateTime(inJapan.DateTime));
        Assert.Equal(TimeSpan.Zero, TestTime.Today.Offset);
    }

    [Fact]
    public void TodayIsWithinTwelveHoursOfTheRealClockSoThatCookiesAndTheFakeClockAgree() =>
        Assert.InRange(TestTime.Today - DateTimeOffset.UtcNow, TimeSpan.FromHours(-12.5), TimeSpan.FromHours(12));

    [Fact]
    public void DatesAreWrittenAsTheFormsAndPagesWriteThem()
    {
        Assert.Equal(TestTime.TodayInJapan.AddDays(-3), TestTime.DaysAgo(3));
        Assert.Equal("2026-03-05", TestTime.Iso(new DateOnly(2026, 3, 5)));
        Assert.Equal("2026-03-05 21:30", TestTime.JapanMinute(new DateTimeOffset(2026, 3, 5, 12, 30, 0, TimeSpan.Zero)));
        Assert.Equal("Thu, 05 Mar 2026 12:30:00 GMT", TestTime.CookieExpiry(new DateTimeOffset(2026, 3, 5, 21, 30, 0, TimeSpan.FromHours(9))));
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 3, 0, 0, TimeSpan.Zero), TestTime.NoonInJapan(new DateOnly(2026, 3, 5)));
    }
}
