using CrossBorderConsumerCenter.Web.Domain.Calendars;
using static CrossBorderConsumerCenter.Web.Domain.Calendars.JapaneseHoliday;

namespace CrossBorderConsumerCenter.UnitTests.Calendars;

/// <summary>
/// Against the Cabinet Office's official lists of national holidays (内閣府「国民の祝日について」)
/// for 2025, 2026 and 2027, every date and its name, nothing more and nothing less.
/// </summary>
public class JapaneseHolidaysTests
{
    public static TheoryData<int, (int Month, int Day, JapaneseHoliday Name)[]> OfficialLists() => new()
    {
        {
            2025,
            [
                (1, 1, NewYearsDay), (1, 13, ComingOfAgeDay), (2, 11, NationalFoundationDay), (2, 23, EmperorsBirthday),
                (2, 24, SubstituteHoliday), (3, 20, VernalEquinoxDay), (4, 29, ShowaDay), (5, 3, ConstitutionMemorialDay),
                (5, 4, GreeneryDay), (5, 5, ChildrensDay), (5, 6, SubstituteHoliday), (7, 21, MarineDay),
                (8, 11, MountainDay), (9, 15, RespectForTheAgedDay), (9, 23, AutumnalEquinoxDay), (10, 13, SportsDay),
                (11, 3, CultureDay), (11, 23, LabourThanksgivingDay), (11, 24, SubstituteHoliday),
            ]
        },
        {
            2026,
            [
                (1, 1, NewYearsDay), (1, 12, ComingOfAgeDay), (2, 11, NationalFoundationDay), (2, 23, EmperorsBirthday),
                (3, 20, VernalEquinoxDay), (4, 29, ShowaDay), (5, 3, ConstitutionMemorialDay), (5, 4, GreeneryDay),
                (5, 5, ChildrensDay), (5, 6, SubstituteHoliday), (7, 20, MarineDay), (8, 11, MountainDay),
                (9, 21, RespectForTheAgedDay), (9, 22, CitizensHoliday), (9, 23, AutumnalEquinoxDay), (10, 12, SportsDay),
                (11, 3, CultureDay), (11, 23, LabourThanksgivingDay),
            ]
        },
        {
            2027,
            [
                (1, 1, NewYearsDay), (1, 11, ComingOfAgeDay), (2, 11, NationalFoundationDay), (2, 23, EmperorsBirthday),
                (3, 21, VernalEquinoxDay), (3, 22, SubstituteHoliday), (4, 29, ShowaDay), (5, 3, ConstitutionMemorialDay),
                (5, 4, GreeneryDay), (5, 5, ChildrensDay), (7, 19, MarineDay), (8, 11, MountainDay),
                (9, 20, RespectForTheAgedDay), (9, 23, AutumnalEquinoxDay), (10, 11, SportsDay), (11, 3, CultureDay),
                (11, 23, LabourThanksgivingDay),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(OfficialLists))]
    public void MatchesTheOfficialListExactly(int year, (int Month, int Day, JapaneseHoliday Name)[] official)
    {
        var expected = official.Select(h => (new DateOnly(year, h.Month, h.Day), h.Name)).ToList();
        var actual = JapaneseHolidays.In(year).Select(kv => (kv.Key, kv.Value)).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(OfficialLists))]
    public void EveryDayOfTheYearIsAHolidayExactlyWhenTheListSaysSo(int year, (int Month, int Day, JapaneseHoliday Name)[] official)
    {
        var holidays = official.Select(h => new DateOnly(year, h.Month, h.Day)).ToHashSet();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            Assert.Equal(holidays.Contains(day), JapaneseHolidays.IsHoliday(day));
        }
    }

    [Theory]
    [InlineData(2019, 5, 1, true)]    // the enthronement
    [InlineData(2019, 4, 30, true)]   // citizens' holiday between Showa Day's substitute and it
    [InlineData(2019, 10, 22, true)]  // the enthronement ceremony
    [InlineData(2019, 12, 23, false)] // no Emperor's Birthday in 2019
    [InlineData(2018, 12, 24, true)]  // substitute for Emperor's Birthday (Heisei) on a Sunday
    [InlineData(2020, 7, 23, true)]   // Marine Day moved for the Olympics
    [InlineData(2020, 7, 24, true)]   // Sports Day moved
    [InlineData(2020, 8, 10, true)]   // Mountain Day moved
    [InlineData(2020, 10, 12, false)] // ...so not on its usual Monday
    [InlineData(2021, 8, 9, true)]    // substitute for the moved Mountain Day (Sunday 8 Aug)
    [InlineData(2021, 8, 11, false)]
    public void KnowsTheOneOffChangesAroundTheImperialSuccessionAndTheOlympics(int year, int month, int day, bool holiday) =>
        Assert.Equal(holiday, JapaneseHolidays.IsHoliday(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2015)]
    [InlineData(2100)]
    public void RefusesYearsItWasNotCheckedFor(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.In(year));

    [Fact]
    public void ASundayHolidayIsFollowedByTheNextNonHolidayAsSubstitute()
    {
        // 3 May 2026 is a Sunday: 4 and 5 May are holidays already, so the substitute is Wednesday 6 May.
        Assert.Equal(SubstituteHoliday, JapaneseHolidays.In(2026)[new DateOnly(2026, 5, 6)]);
        Assert.False(JapaneseHolidays.IsHoliday(new DateOnly(2026, 5, 7)));
    }
}
