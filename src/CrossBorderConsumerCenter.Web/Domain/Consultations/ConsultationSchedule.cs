using CrossBorderConsumerCenter.Web.Domain.Calendars;

namespace CrossBorderConsumerCenter.Web.Domain.Consultations;

/// <summary>
/// When online consultations can be booked. The ward's rules are the defaults (<see cref="Ward"/>): business days only
/// (weekdays, no national holidays, no 29 December to 3 January), at 9:00, 10:00, 11:00, 14:00 and 15:00 Japan time,
/// 30 minutes each, applied for no later than two business days before the day, offered up to 4 weeks ahead. An admin
/// sets the slot times, the seats per slot (the counselors available at once), the horizon and the closed days (a
/// training day).
/// </summary>
/// <remarks>
/// How the time of day counts: the application's day is its date in Japan time, whatever the hour (the ward speaks of
/// days, 「相談希望日の2開庁日前まで」); an application on a day the office is closed counts from the next business day.
/// So a Friday application (even at 23:59) can take the Tuesday after, a Saturday one the Wednesday.
/// </remarks>
public sealed record ConsultationSchedule
{
    /// <summary>Business days between the application's day and the consultation's: 「2開庁日前まで」.</summary>
    public const int LeadBusinessDays = 2;

    public const int MaxSeatsPerSlot = 20;
    public const int MinHorizonDays = 7;
    public const int MaxHorizonDays = 90;
    public const int MaxSlotTimes = 16;

    /// <summary>No contact this long after the start: the booking ends (ward's rules).</summary>
    public static readonly TimeSpan NoContactAfter = TimeSpan.FromMinutes(15);

    /// <summary>Consultations open this long before their start: "join 5 minutes early".</summary>
    public static readonly TimeSpan JoinEarly = TimeSpan.FromMinutes(5);

    /// <summary>Opening and closing time of the day's slots (a slot ends by the close).</summary>
    public static readonly TimeOnly EarliestStart = new(8, 0);

    public static readonly TimeOnly LatestEnd = new(20, 0);

    public ConsultationSchedule(IEnumerable<TimeOnly> slotTimes, int seatsPerSlot, int horizonDays, IEnumerable<DateOnly> closedDays, TimeSpan? length = null)
    {
        SlotTimes = slotTimes.Distinct().Order().ToArray();
        SeatsPerSlot = seatsPerSlot;
        HorizonDays = horizonDays;
        ClosedDays = closedDays.ToHashSet();
        Length = length ?? TimeSpan.FromMinutes(30);
    }

    public static IReadOnlyList<TimeOnly> DefaultSlotTimes { get; } = [new(9, 0), new(10, 0), new(11, 0), new(14, 0), new(15, 0)];

    /// <summary>The ward's rules: 9:00, 10:00, 11:00, 14:00, 15:00; one counselor; 4 weeks; no closed day.</summary>
    public static ConsultationSchedule Ward { get; } = new(DefaultSlotTimes, seatsPerSlot: 1, horizonDays: 28, closedDays: []);

    /// <summary>Start times of the day's slots, in order.</summary>
    public IReadOnlyList<TimeOnly> SlotTimes { get; }

    /// <summary>How many consultations can take place at once (the counselors available); at least 1.</summary>
    public int SeatsPerSlot { get; }

    /// <summary>How far ahead slots are offered, in calendar days from today (28: four weeks).</summary>
    public int HorizonDays { get; }

    /// <summary>Days the center offers no consultation although they are business days (a training day).</summary>
    public IReadOnlySet<DateOnly> ClosedDays { get; }

    public TimeSpan Length { get; }

    /// <summary>What is wrong with a schedule an admin wrote; empty when it can be used.</summary>
    public IReadOnlyList<ScheduleProblem> Problems()
    {
        var problems = new List<ScheduleProblem>();
        if (SlotTimes.Count == 0)
        {
            problems.Add(ScheduleProblem.NoSlotTime);
        }

        if (SlotTimes.Count > MaxSlotTimes)
        {
            problems.Add(ScheduleProblem.TooManySlotTimes);
        }

        if (SlotTimes.Any(t => t < EarliestStart || t.Add(Length) > LatestEnd || t.Add(Length) < t || t.Minute % 5 != 0))
        {
            problems.Add(ScheduleProblem.SlotTimeOutsideTheDay);
        }

        if (SlotTimes.Zip(SlotTimes.Skip(1)).Any(pair => pair.First.Add(Length) > pair.Second))
        {
            problems.Add(ScheduleProblem.SlotsOverlap);
        }

        if (SeatsPerSlot is < 1 or > MaxSeatsPerSlot)
        {
            problems.Add(ScheduleProblem.SeatsOutOfRange);
        }

        if (HorizonDays is < MinHorizonDays or > MaxHorizonDays)
        {
            problems.Add(ScheduleProblem.HorizonOutOfRange);
        }

        return problems;
    }

    /// <summary>A day consultations take place on: a business day the center has not closed.</summary>
    public bool IsConsultationDay(DateOnly day) => BusinessCalendar.Japan.IsBusinessDay(day) && !ClosedDays.Contains(day);

    /// <summary>
    /// The first day an application made today can ask for: two business days after today, counted from the next
    /// business day when today is not one (Friday → Tuesday, Saturday → Wednesday).
    /// </summary>
    public static DateOnly EarliestDay(DateOnly today)
    {
        var counting = today;
        while (!BusinessCalendar.Japan.IsBusinessDay(counting))
        {
            counting = counting.AddDays(1);
        }

        return BusinessCalendar.Japan.AddBusinessDays(counting, LeadBusinessDays);
    }

    /// <summary>The last day offered to an application made today.</summary>
    public DateOnly LastDay(DateOnly today) => today.AddDays(HorizonDays);

    /// <summary>Whether an application made today may ask for this day.</summary>
    public bool IsBookableDay(DateOnly day, DateOnly today) =>
        IsConsultationDay(day) && day >= EarliestDay(today) && day <= LastDay(today);

    /// <summary>Whether an application made today may ask for this slot (its day and its time), seats aside.</summary>
    public bool IsBookable(ConsultationSlot slot, DateOnly today) => IsBookableDay(slot.Day, today) && SlotTimes.Contains(slot.Start);

    /// <summary>Every slot an application made today may ask for, in order (whether a seat is free is the database's to say).</summary>
    public IEnumerable<ConsultationSlot> BookableSlots(DateOnly today)
    {
        for (var day = EarliestDay(today); day <= LastDay(today); day = day.AddDays(1))
        {
            if (!IsConsultationDay(day))
            {
                continue;
            }

            foreach (var time in SlotTimes)
            {
                yield return new ConsultationSlot(day, time);
            }
        }
    }

    /// <summary>
    /// Where staff may put a booking (a move asked for on the phone, say): a slot time of a consultation day that has not
    /// started yet. The two business days' notice binds the application, not the center.
    /// </summary>
    public bool IsSchedulableByStaff(ConsultationSlot slot, DateTimeOffset now) =>
        IsConsultationDay(slot.Day) && SlotTimes.Contains(slot.Start) && slot.StartsAt > now;

    /// <summary>"No contact after 15 minutes" can be marked from 15 minutes after the start.</summary>
    public static bool CanMarkNoContact(ConsultationSlot slot, DateTimeOffset now) => now >= slot.StartsAt + NoContactAfter;

    /// <summary>
    /// When the reminder goes out: 9:00 Japan time on the day before the consultation (a calendar day: the reminder of a
    /// Monday's consultation comes on the Sunday).
    /// </summary>
    public static DateTimeOffset ReminderAt(ConsultationSlot slot) => new(slot.Day.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), ConsultationSlot.JapanOffset);
}

/// <summary>What makes a schedule unusable.</summary>
public enum ScheduleProblem
{
    NoSlotTime,
    TooManySlotTimes,

    /// <summary>A slot starts before 8:00 or ends after 20:00, or not on a multiple of 5 minutes.</summary>
    SlotTimeOutsideTheDay,
    SlotsOverlap,
    SeatsOutOfRange,
    HorizonOutOfRange,
}
