using System.Globalization;

namespace CrossBorderConsumerCenter.Testing;

/// <summary>
/// The moments tests start from. Each is derived from the real clock, so that no test depends on the day it
/// runs: the suite passes today and on any later day (CI runs it a second time 800 days ahead under
/// libfaketime). Everything in a test that judges time by the real clock (the test client's cookie jar, for
/// one) then agrees with the portal's fake clock to within hours. A test whose subject is a particular date (a
/// holiday, the year-end closure, the year in a case number) fixes that date on both sides instead.
/// </summary>
public static class TestTime
{
    /// <summary>
    /// Set by scripts/test.sh for its pass under libfaketime to the UTC date that pass runs as: if the clock this
    /// process reads is not on that date, the shift did not take and the pass would prove nothing, so it fails.
    /// </summary>
    public const string ShiftedDateVariable = "CCC_TEST_SHIFTED_TO";

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    static TestTime()
    {
        if (Environment.GetEnvironmentVariable(ShiftedDateVariable) is { Length: > 0 } expected)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            if (!DateOnly.TryParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var shifted)
                || Math.Abs(today.DayNumber - shifted.DayNumber) > 1)
            {
                throw new InvalidOperationException(
                    $"This pass was to run as if on {expected}, but the clock says {Iso(today)}: libfaketime did not take effect.");
            }
        }
    }

    /// <summary>
    /// Noon in Japan (03:00 UTC) on the day it is in Japan when the tests start: at most twelve hours from the
    /// real clock, and far from midnight in both Japan and UTC, so that "today" is one date on both sides.
    /// </summary>
    public static DateTimeOffset Today { get; } = NoonInJapan(DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(JapanOffset).DateTime));

    /// <summary>The date in Japan of <see cref="Today"/>.</summary>
    public static DateOnly TodayInJapan => DateOnly.FromDateTime(Today.ToOffset(JapanOffset).DateTime);

    /// <summary>Noon in Japan on <paramref name="date"/>, as a UTC moment.</summary>
    public static DateTimeOffset NoonInJapan(DateOnly date) => new(date.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);

    /// <summary>The date in Japan <paramref name="days"/> days before <see cref="Today"/>.</summary>
    public static DateOnly DaysAgo(int days) => TodayInJapan.AddDays(-days);

    /// <summary>A date as the forms take it and the pages show it: 2026-10-01.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment as the pages show it in Japan time: 2026-11-21 12:00.</summary>
    public static string JapanMinute(DateTimeOffset at) => at.ToOffset(JapanOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A cookie's expiry as Set-Cookie writes it: Sun, 22 Nov 2026 03:00:00 GMT.</summary>
    public static string CookieExpiry(DateTimeOffset at) => at.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
}
