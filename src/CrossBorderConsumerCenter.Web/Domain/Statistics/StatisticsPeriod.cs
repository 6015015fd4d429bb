namespace CrossBorderConsumerCenter.Web.Domain.Statistics;

/// <summary>How a period of the statistics was chosen.</summary>
public enum PeriodKind
{
    Month,

    /// <summary>A quarter of the fiscal year: the first is April to June.</summary>
    Quarter,

    /// <summary>A fiscal year: April to March, named by the year it starts in.</summary>
    FiscalYear,

    /// <summary>Any range of days.</summary>
    Range,
}

/// <summary>
/// The days whose cases the statistics count, by the day each case was received in Japan: <see cref="From"/> to
/// <see cref="To"/>, both included. Fiscal years start on 1 April, as a commissioned center's reports do.
/// </summary>
public sealed record StatisticsPeriod(PeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>The longest range anyone may ask for (ten years and a bit): longer ones are refused with a message.</summary>
    public const int MaxDays = 3700;

    public static int FiscalYearOf(DateOnly day) => day.Month >= 4 ? day.Year : day.Year - 1;

    public static StatisticsPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, from, from.AddMonths(1).AddDays(-1));
    }

    /// <summary>The <paramref name="quarter"/>-th quarter (1 to 4) of the fiscal year starting in April of <paramref name="fiscalYear"/>.</summary>
    public static StatisticsPeriod Quarter(int fiscalYear, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var from = new DateOnly(fiscalYear, 4, 1).AddMonths(3 * (quarter - 1));
        return new(PeriodKind.Quarter, from, from.AddMonths(3).AddDays(-1));
    }

    public static StatisticsPeriod FiscalYear(int fiscalYear) =>
        new(PeriodKind.FiscalYear, new DateOnly(fiscalYear, 4, 1), new DateOnly(fiscalYear + 1, 3, 31));

    public static StatisticsPeriod Range(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        return new(PeriodKind.Range, from, to);
    }

    /// <summary>The first half (April to September) and the second (October to March) of a fiscal year.</summary>
    public static (StatisticsPeriod First, StatisticsPeriod Second) HalvesOf(int fiscalYear) =>
        (new(PeriodKind.Range, new DateOnly(fiscalYear, 4, 1), new DateOnly(fiscalYear, 9, 30)),
         new(PeriodKind.Range, new DateOnly(fiscalYear, 10, 1), new DateOnly(fiscalYear + 1, 3, 31)));

    /// <summary>The last fiscal year that has ended by <paramref name="today"/>.</summary>
    public static int LastClosedFiscalYear(DateOnly today) => FiscalYearOf(today) - 1;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Every month the period touches, in order, as the first day of each.</summary>
    public IReadOnlyList<DateOnly> Months()
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(From.Year, From.Month, 1); month <= To; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>The period in a file name: "20260401-20270331".</summary>
    public string FileNamePart => $"{From:yyyyMMdd}-{To:yyyyMMdd}";
}
