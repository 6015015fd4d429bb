namespace CrossBorderConsumerCenter.Web.Domain.Consultations;

/// <summary>
/// How long a booking that never became a case keeps the applicant's personal data (ADR 0103). Its last day is the day
/// (in Japan) it was cancelled, for a cancelled booking, and otherwise the day of its consultation, whatever became of it
/// (held without a case, not identified, no contact, or never confirmed nor recorded). It is kept through that day and
/// the given number of days after it, and is due from midnight in Japan at the end of them. A booking linked to a case
/// follows the case's period instead, and an upcoming booking is never due: its day has not come.
/// </summary>
public static class ConsultationRetention
{
    /// <summary>The day (in Japan) from which the period is counted.</summary>
    public static DateOnly LastDay(ConsultationStatus status, DateTimeOffset slotStart, DateTimeOffset? cancelledAt) =>
        JapanDate(status == ConsultationStatus.Cancelled && cancelledAt is { } cancelled ? cancelled : slotStart);

    /// <summary>The instant from which the booking is due: midnight in Japan after <paramref name="days"/> whole days following its last day.</summary>
    public static DateTimeOffset DueFrom(ConsultationStatus status, DateTimeOffset slotStart, DateTimeOffset? cancelledAt, int days) =>
        StartOf(LastDay(status, slotStart, cancelledAt).AddDays(days + 1));

    /// <summary>Whether <paramref name="booking"/> should lose its personal data at <paramref name="now"/>.</summary>
    public static bool IsDue(ConsultationBooking booking, int days, DateTimeOffset now) =>
        booking.CaseId is null && booking.AnonymisedAt is null && now >= DueFrom(booking.Status, booking.SlotStart, booking.CancelledAt, days);

    /// <summary>
    /// The same rule as one instant for a query: a booking without a case is due at <paramref name="now"/> when the moment
    /// it was cancelled (or else its slot's start) is before this, midnight in Japan <paramref name="days"/> days before today.
    /// </summary>
    public static DateTimeOffset DueBefore(DateTimeOffset now, int days) => StartOf(JapanDate(now).AddDays(-days));

    private static DateOnly JapanDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ConsultationSlot.JapanOffset).DateTime);

    private static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ConsultationSlot.JapanOffset).ToUniversalTime();
}
