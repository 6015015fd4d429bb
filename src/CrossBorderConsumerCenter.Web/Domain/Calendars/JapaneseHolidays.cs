namespace CrossBorderConsumerCenter.Web.Domain.Calendars;

/// <summary>The national holidays of Japan (国民の祝日), with the two kinds of holiday the law derives from them.</summary>
public enum JapaneseHoliday
{
    NewYearsDay,
    ComingOfAgeDay,
    NationalFoundationDay,
    EmperorsBirthday,
    VernalEquinoxDay,
    ShowaDay,
    ConstitutionMemorialDay,
    GreeneryDay,
    ChildrensDay,
    MarineDay,
    MountainDay,
    RespectForTheAgedDay,
    AutumnalEquinoxDay,
    SportsDay,
    CultureDay,
    LabourThanksgivingDay,

    /// <summary>振替休日: a holiday on a Sunday moves to the next day that is not a holiday.</summary>
    SubstituteHoliday,

    /// <summary>国民の休日: a weekday between two holidays is a holiday too.</summary>
    CitizensHoliday,

    /// <summary>The one-off holidays of the 2019 enthronement.</summary>
    Enthronement,
}

/// <summary>
/// Japan's national holidays under the Act on National Holidays, for 2016 (the year Mountain Day began)
/// to 2099 (the end of the equinox formula's range): fixed dates, Happy Monday days, the equinoxes,
/// substitute holidays and citizens' holidays, and the one-off changes of 2019-2021.
/// </summary>
public static class JapaneseHolidays
{
    public const int FirstYear = 2016;
    public const int LastYear = 2099;

    private static readonly Dictionary<int, IReadOnlyDictionary<DateOnly, JapaneseHoliday>> Cache = [];
    private static readonly Lock CacheLock = new();

    public static bool IsHoliday(DateOnly day) => In(day.Year).ContainsKey(day);

    /// <summary>Every holiday of a year, in date order.</summary>
    public static IReadOnlyDictionary<DateOnly, JapaneseHoliday> In(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(year, out var holidays))
            {
                holidays = Compute(year);
                Cache[year] = holidays;
            }

            return holidays;
        }
    }

    private static SortedDictionary<DateOnly, JapaneseHoliday> Compute(int year)
    {
        var days = new SortedDictionary<DateOnly, JapaneseHoliday>
        {
            [new(year, 1, 1)] = JapaneseHoliday.NewYearsDay,
            [NthMonday(year, 1, 2)] = JapaneseHoliday.ComingOfAgeDay,
            [new(year, 2, 11)] = JapaneseHoliday.NationalFoundationDay,
            [new(year, 3, VernalEquinox(year))] = JapaneseHoliday.VernalEquinoxDay,
            [new(year, 4, 29)] = JapaneseHoliday.ShowaDay,
            [new(year, 5, 3)] = JapaneseHoliday.ConstitutionMemorialDay,
            [new(year, 5, 4)] = JapaneseHoliday.GreeneryDay,
            [new(year, 5, 5)] = JapaneseHoliday.ChildrensDay,
            [NthMonday(year, 9, 3)] = JapaneseHoliday.RespectForTheAgedDay,
            [new(year, 9, AutumnalEquinox(year))] = JapaneseHoliday.AutumnalEquinoxDay,
            [new(year, 11, 3)] = JapaneseHoliday.CultureDay,
            [new(year, 11, 23)] = JapaneseHoliday.LabourThanksgivingDay,
        };

        // The Emperor's Birthday: 23 December in the Heisei era, none in 2019, 23 February since.
        if (year <= 2018)
        {
            days[new(year, 12, 23)] = JapaneseHoliday.EmperorsBirthday;
        }
        else if (year >= 2020)
        {
            days[new(year, 2, 23)] = JapaneseHoliday.EmperorsBirthday;
        }

        // Marine, Mountain and Sports Day, moved for the Tokyo Olympics in 2020 and 2021.
        var (marine, mountain, sports) = year switch
        {
            2020 => (new DateOnly(2020, 7, 23), new DateOnly(2020, 8, 10), new DateOnly(2020, 7, 24)),
            2021 => (new DateOnly(2021, 7, 22), new DateOnly(2021, 8, 8), new DateOnly(2021, 7, 23)),
            _ => (NthMonday(year, 7, 3), new DateOnly(year, 8, 11), NthMonday(year, 10, 2)),
        };
        days[marine] = JapaneseHoliday.MarineDay;
        days[mountain] = JapaneseHoliday.MountainDay;
        days[sports] = JapaneseHoliday.SportsDay;

        if (year == 2019)
        {
            days[new(2019, 5, 1)] = JapaneseHoliday.Enthronement;
            days[new(2019, 10, 22)] = JapaneseHoliday.Enthronement;
        }

        AddCitizensHolidays(days);
        AddSubstituteHolidays(days);
        return days;
    }

    /// <summary>A day that is not a holiday but falls between two holidays becomes one (not a Sunday: that is a rest day anyway).</summary>
    private static void AddCitizensHolidays(SortedDictionary<DateOnly, JapaneseHoliday> days)
    {
        foreach (var day in days.Keys.ToList())
        {
            var between = day.AddDays(1);
            if (!days.ContainsKey(between) && days.ContainsKey(day.AddDays(2)) && between.DayOfWeek != DayOfWeek.Sunday)
            {
                days[between] = JapaneseHoliday.CitizensHoliday;
            }
        }
    }

    /// <summary>A holiday on a Sunday gives the next day that is not a holiday (since 2007).</summary>
    private static void AddSubstituteHolidays(SortedDictionary<DateOnly, JapaneseHoliday> days)
    {
        foreach (var day in days.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday).ToList())
        {
            var substitute = day.AddDays(1);
            while (days.ContainsKey(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            if (substitute.Year == day.Year)
            {
                days[substitute] = JapaneseHoliday.SubstituteHoliday;
            }
        }
    }

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    // The National Astronomical Observatory's approximation, valid 1980-2099.
    private static int VernalEquinox(int year) => (int)Math.Floor(20.8431 + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));

    private static int AutumnalEquinox(int year) => (int)Math.Floor(23.2488 + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));
}
