namespace CrossBorderConsumerCenter.Web.Domain.Consultations;

/// <summary>
/// The booking schedule an admin keeps (one row): slot times, seats per slot and the horizon. Closed days are rows of
/// their own (<see cref="ConsultationClosedDay"/>). Without a row, the ward's rules apply (<see cref="ConsultationSchedule.Ward"/>).
/// </summary>
public sealed class ConsultationSettings
{
    /// <summary>The one row's key.</summary>
    public const int SingletonId = 1;

    private ConsultationSettings()
    {
    }

    public ConsultationSettings(IEnumerable<TimeOnly> slotTimes, int seatsPerSlot, int horizonDays, DateTimeOffset now)
    {
        Id = SingletonId;
        Update(slotTimes, seatsPerSlot, horizonDays, now);
    }

    public int Id { get; private set; }

    public List<TimeOnly> SlotTimes { get; private set; } = [];

    public int SeatsPerSlot { get; private set; }

    public int HorizonDays { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL xmin): two admins saving at once do not overwrite each other.</summary>
    public uint Version { get; private set; }

    public void Update(IEnumerable<TimeOnly> slotTimes, int seatsPerSlot, int horizonDays, DateTimeOffset now)
    {
        SlotTimes = slotTimes.Distinct().Order().ToList();
        SeatsPerSlot = seatsPerSlot;
        HorizonDays = horizonDays;
        UpdatedAt = now;
    }

    public ConsultationSchedule ToSchedule(IEnumerable<DateOnly> closedDays) => new(SlotTimes, SeatsPerSlot, HorizonDays, closedDays);
}

/// <summary>A business day without consultations (a training day), with the reason staff see.</summary>
public sealed class ConsultationClosedDay
{
    public const int MaxReasonLength = 200;

    private ConsultationClosedDay()
    {
    }

    public ConsultationClosedDay(DateOnly day, string reason, DateTimeOffset now)
    {
        Day = day;
        Reason = reason;
        AddedAt = now;
    }

    public DateOnly Day { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }
}
