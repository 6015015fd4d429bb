using System.Globalization;

namespace CrossBorderConsumerCenter.Web.Domain.Consultations;

/// <summary>
/// One start time of an online consultation, in Japan time (no daylight saving: always +09:00). Its value on the page and
/// in links is the start as <c>YYYY-MM-DDTHH:mm</c>, for example <c>2027-01-06T14:00</c>.
/// </summary>
public readonly record struct ConsultationSlot(DateOnly Day, TimeOnly Start)
{
    public const string ValueFormat = "yyyy-MM-dd'T'HH:mm";

    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>The start as an instant, in UTC: PostgreSQL (Npgsql) takes only UTC values for timestamptz, in rows and in queries.</summary>
    public DateTimeOffset StartsAt => new DateTimeOffset(Day.ToDateTime(Start), JapanOffset).ToUniversalTime();

    /// <summary>The end, the length given by the schedule (30 minutes by the ward's rules).</summary>
    public DateTimeOffset EndsAt(TimeSpan length) => StartsAt + length;

    public string Value => Day.ToDateTime(Start).ToString(ValueFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a slot's value exactly as written by <see cref="Value"/>; anything else is not a slot.</summary>
    public static bool TryParse(string? value, out ConsultationSlot slot)
    {
        slot = default;
        if (value is null || !DateTime.TryParseExact(value.Trim(), ValueFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return false;
        }

        slot = new ConsultationSlot(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start));
        return true;
    }

    /// <summary>The slot that starts at an instant (whatever its offset), read in Japan time.</summary>
    public static ConsultationSlot At(DateTimeOffset start)
    {
        var japan = start.ToOffset(JapanOffset).DateTime;
        return new ConsultationSlot(DateOnly.FromDateTime(japan), TimeOnly.FromDateTime(japan));
    }

    public override string ToString() => Value;
}
