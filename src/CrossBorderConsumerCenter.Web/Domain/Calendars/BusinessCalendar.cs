namespace CrossBorderConsumerCenter.Web.Domain.Calendars;

/// <summary>
/// Business days: Monday to Friday, except national holidays and the center's year-end closure
/// (29 December to 3 January). Deadlines counted in business days use it ("respond within 10 business
/// days"); partner agencies follow the Japanese calendar for now.
/// </summary>
public sealed class BusinessCalendar
{
    private BusinessCalendar()
    {
    }

    public static BusinessCalendar Japan { get; } = new();

    public static bool IsYearEndClosure(DateOnly day) => (day.Month == 12 && day.Day >= 29) || (day.Month == 1 && day.Day <= 3);

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsYearEndClosure(day)
        && !JapaneseHolidays.IsHoliday(day);

    /// <summary>The <paramref name="days"/>-th business day after <paramref name="start"/> (the start itself never counts).</summary>
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>How many business days fall after <paramref name="from"/> up to and including <paramref name="to"/> (0 if <paramref name="to"/> is not later).</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
