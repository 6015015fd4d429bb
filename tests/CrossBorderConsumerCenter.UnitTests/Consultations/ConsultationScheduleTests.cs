using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.UnitTests.Consultations;

/// <summary>
/// When an online consultation can be booked (the ward's rules): business days only — weekdays, no national holidays,
/// no 29 December to 3 January —, at 9:00, 10:00, 11:00, 14:00 and 15:00 Japan time, 30 minutes each, applied for no
/// later than two business days before the day, offered up to four weeks ahead.
/// </summary>
public class ConsultationScheduleTests
{
    private static readonly ConsultationSchedule Ward = ConsultationSchedule.Ward;

    /// <summary>Every national holiday of 2025-2027 (Cabinet Office's list), substitute and citizens' holidays included, and January 2028's.</summary>
    private static readonly HashSet<DateOnly> Holidays =
    [
        .. new[]
        {
            "2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20", "2025-04-29", "2025-05-03",
            "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15", "2025-09-23", "2025-10-13",
            "2025-11-03", "2025-11-23", "2025-11-24",
            "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03", "2026-05-04",
            "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23", "2026-10-12",
            "2026-11-03", "2026-11-23",
            "2027-01-01", "2027-01-11", "2027-02-11", "2027-02-23", "2027-03-21", "2027-03-22", "2027-04-29", "2027-05-03",
            "2027-05-04", "2027-05-05", "2027-07-19", "2027-08-11", "2027-09-20", "2027-09-23", "2027-10-11", "2027-11-03",
            "2027-11-23",

            // Four weeks from late December 2027 reach into 2028.
            "2028-01-01", "2028-01-10",
        }.Select(Day),
    ];

    private static readonly TimeOnly[] WardTimes = [new(9, 0), new(10, 0), new(11, 0), new(14, 0), new(15, 0)];

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<int> Years => [2025, 2026, 2027];

    /// <summary>The oracle, written from the ward's words and not from the code: a weekday, no holiday, not 29 Dec - 3 Jan.</summary>
    private static bool IsOpen(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !Holidays.Contains(day)
        && !((day.Month == 12 && day.Day >= 29) || (day.Month == 1 && day.Day <= 3));

    /// <summary>The oracle of the notice: the business day that is two business days before <paramref name="day"/>, counting back.</summary>
    private static DateOnly TwoBusinessDaysBefore(DateOnly day)
    {
        var found = 0;
        var d = day;
        while (found < 2)
        {
            d = d.AddDays(-1);
            if (IsOpen(d))
            {
                found++;
            }
        }

        return d;
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void ConsultationsTakePlaceOnBusinessDaysOnlyEveryDayOfTheYear(int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            Assert.True(IsOpen(day) == Ward.IsConsultationDay(day), $"{day:yyyy-MM-dd ddd}");
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void AnApplicationAsksForADayNoLaterThanTwoBusinessDaysBeforeItEveryDayOfTheYear(int year)
    {
        for (var today = new DateOnly(year, 1, 1); today.Year == year; today = today.AddDays(1))
        {
            // The first open day whose second business day before it is today or later.
            var expected = today.AddDays(1);
            while (!IsOpen(expected) || TwoBusinessDaysBefore(expected) < today)
            {
                expected = expected.AddDays(1);
            }

            Assert.True(expected == ConsultationSchedule.EarliestDay(today), $"applying on {today:yyyy-MM-dd ddd}: expected {expected:yyyy-MM-dd ddd}, got {ConsultationSchedule.EarliestDay(today):yyyy-MM-dd ddd}");
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void EverySlotOfferedIsBookableAndEveryBookableSlotIsOfferedEveryDayOfTheYear(int year)
    {
        for (var today = new DateOnly(year, 1, 1); today.Year == year; today = today.AddDays(7))
        {
            var offered = Ward.BookableSlots(today).ToList();
            var expected = new List<ConsultationSlot>();
            for (var day = today; day <= today.AddDays(28); day = day.AddDays(1))
            {
                if (IsOpen(day) && TwoBusinessDaysBefore(day) >= today)
                {
                    expected.AddRange(WardTimes.Select(t => new ConsultationSlot(day, t)));
                }
            }

            Assert.Equal(expected, offered);
            Assert.All(offered, s => Assert.True(Ward.IsBookable(s, today)));
        }
    }

    [Theory]
    [InlineData("2026-12-04", "2026-12-08")] // Friday: the Tuesday after
    [InlineData("2026-12-05", "2026-12-09")] // Saturday: counts from Monday, so Wednesday
    [InlineData("2026-12-06", "2026-12-09")] // Sunday: likewise
    [InlineData("2026-12-07", "2026-12-09")] // Monday: Wednesday
    [InlineData("2026-12-24", "2026-12-28")] // Thursday: Monday, the last day before the closure
    [InlineData("2026-12-25", "2027-01-04")] // Friday: Monday 28th, then the closure; the first Monday after
    [InlineData("2026-12-28", "2027-01-05")]
    [InlineData("2026-12-30", "2027-01-06")] // in the closure: counts from 4 January
    [InlineData("2027-01-08", "2027-01-13")] // Friday before Coming of Age Day (11th): Tuesday 12th is the first, Wednesday 13th
    [InlineData("2026-04-30", "2026-05-07")] // Golden Week: Friday 1 May, then Thursday 7 May
    [InlineData("2026-09-17", "2026-09-24")] // Silver Week (21-23 Sep): Friday 18th, then Thursday 24th
    public void TheEarliestDayCountsTwoBusinessDays(string today, string earliest) =>
        Assert.Equal(Day(earliest), ConsultationSchedule.EarliestDay(Day(today)));

    [Fact]
    public void SlotsAreOfferedUpToFourWeeksAheadAndNotADayMore()
    {
        var today = new DateOnly(2027, 3, 1); // a Monday
        Assert.True(Ward.IsBookableDay(new DateOnly(2027, 3, 29), today)); // 28 days on, a Monday
        Assert.False(Ward.IsBookableDay(new DateOnly(2027, 3, 30), today));
        Assert.Equal(new DateOnly(2027, 3, 29), Ward.BookableSlots(today).Last().Day);
        Assert.Equal(new ConsultationSlot(new DateOnly(2027, 3, 3), new TimeOnly(9, 0)), Ward.BookableSlots(today).First());
    }

    [Fact]
    public void OnlyTheSlotTimesAreBookable()
    {
        var today = new DateOnly(2027, 3, 1);
        var day = new DateOnly(2027, 3, 10);
        foreach (var time in WardTimes)
        {
            Assert.True(Ward.IsBookable(new ConsultationSlot(day, time), today));
        }

        foreach (var time in new TimeOnly[] { new(9, 30), new(12, 0), new(13, 0), new(16, 0), new(8, 0), new(14, 1) })
        {
            Assert.False(Ward.IsBookable(new ConsultationSlot(day, time), today));
        }
    }

    [Fact]
    public void AClosedDayOffersNoSlot()
    {
        var today = new DateOnly(2027, 3, 1);
        var training = new DateOnly(2027, 3, 10);
        var schedule = new ConsultationSchedule(WardTimes, 1, 28, [training]);
        Assert.False(schedule.IsConsultationDay(training));
        Assert.DoesNotContain(schedule.BookableSlots(today), s => s.Day == training);
        Assert.Equal(Ward.BookableSlots(today).Count() - WardTimes.Length, schedule.BookableSlots(today).Count());
    }

    [Fact]
    public void AnAdminsTimesAndHorizonAreUsed()
    {
        var schedule = new ConsultationSchedule([new TimeOnly(13, 30), new TimeOnly(10, 0), new TimeOnly(10, 0)], 2, 14, []);
        Assert.Equal([new TimeOnly(10, 0), new TimeOnly(13, 30)], schedule.SlotTimes);
        var today = new DateOnly(2027, 3, 1);
        Assert.Equal(new DateOnly(2027, 3, 15), schedule.BookableSlots(today).Last().Day);
        Assert.Empty(schedule.Problems());
    }

    [Theory]
    [InlineData(new string[0], 1, 28, ScheduleProblem.NoSlotTime)]
    [InlineData(new[] { "07:30" }, 1, 28, ScheduleProblem.SlotTimeOutsideTheDay)]
    [InlineData(new[] { "19:45" }, 1, 28, ScheduleProblem.SlotTimeOutsideTheDay)]
    [InlineData(new[] { "10:02" }, 1, 28, ScheduleProblem.SlotTimeOutsideTheDay)]
    [InlineData(new[] { "10:00", "10:15" }, 1, 28, ScheduleProblem.SlotsOverlap)]
    [InlineData(new[] { "10:00" }, 0, 28, ScheduleProblem.SeatsOutOfRange)]
    [InlineData(new[] { "10:00" }, 21, 28, ScheduleProblem.SeatsOutOfRange)]
    [InlineData(new[] { "10:00" }, 1, 6, ScheduleProblem.HorizonOutOfRange)]
    [InlineData(new[] { "10:00" }, 1, 91, ScheduleProblem.HorizonOutOfRange)]
    public void ASettingThatCannotWorkIsNamed(string[] times, int seats, int horizon, ScheduleProblem problem)
    {
        var schedule = new ConsultationSchedule(times.Select(t => TimeOnly.ParseExact(t, "HH:mm", CultureInfo.InvariantCulture)), seats, horizon, []);
        Assert.Equal([problem], schedule.Problems());
    }

    [Fact]
    public void TheLastSlotMayEndAtEightAndTheWardsScheduleHasNoProblem()
    {
        Assert.Empty(new ConsultationSchedule([new TimeOnly(19, 30), new TimeOnly(8, 0)], 20, 90, []).Problems());
        Assert.Empty(Ward.Problems());
        Assert.Equal(WardTimes, Ward.SlotTimes);
        Assert.Equal(1, Ward.SeatsPerSlot);
        Assert.Equal(28, Ward.HorizonDays);
        Assert.Equal(TimeSpan.FromMinutes(30), Ward.Length);
    }

    [Fact]
    public void StaffMayPutABookingOnAnySlotTimeOfAConsultationDayThatHasNotStarted()
    {
        var slot = new ConsultationSlot(new DateOnly(2027, 3, 10), new TimeOnly(14, 0));
        Assert.True(Ward.IsSchedulableByStaff(slot, slot.StartsAt.AddMinutes(-1)));
        Assert.False(Ward.IsSchedulableByStaff(slot, slot.StartsAt));
        Assert.False(Ward.IsSchedulableByStaff(new ConsultationSlot(new DateOnly(2027, 3, 10), new TimeOnly(14, 30)), slot.StartsAt.AddDays(-3)));
        Assert.False(Ward.IsSchedulableByStaff(new ConsultationSlot(new DateOnly(2027, 3, 13), new TimeOnly(14, 0)), slot.StartsAt.AddDays(-3))); // Saturday
    }

    [Fact]
    public void NoContactCanBeMarkedFromFifteenMinutesAfterTheStart()
    {
        var slot = new ConsultationSlot(new DateOnly(2027, 3, 10), new TimeOnly(14, 0));
        Assert.False(ConsultationSchedule.CanMarkNoContact(slot, slot.StartsAt.AddMinutes(15).AddSeconds(-1)));
        Assert.True(ConsultationSchedule.CanMarkNoContact(slot, slot.StartsAt.AddMinutes(15)));
    }

    [Fact]
    public void TheReminderGoesAtNineOnTheCalendarDayBefore()
    {
        var monday = new ConsultationSlot(new DateOnly(2027, 3, 15), new TimeOnly(9, 0));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 9, 0, 0, TimeSpan.FromHours(9)), ConsultationSchedule.ReminderAt(monday));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.Zero), ConsultationSchedule.ReminderAt(monday).ToUniversalTime());
    }
}
