using CrossBorderConsumerCenter.Web.Domain.Calendars;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// Every open case has a next deadline (<see cref="Case.DueAt"/>), so no case goes quiet: the queue shows
/// what is overdue. Deadlines counted in business days end when the office closes (17:45 Japan time) on
/// that day; the consumer's reply deadline is a week of calendar days (as import agents' terms count an unanswered question).
/// </summary>
public static class CaseClocks
{
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
    public static readonly TimeOnly OfficeCloses = new(17, 45);

    /// <summary>A received case is picked up (assigned, or acted on) within 2 business days.</summary>
    public const int TriageBusinessDays = 2;

    /// <summary>A case in progress is moved on (forwarded, asked about, closed) within 5 business days.</summary>
    public const int WorkBusinessDays = 5;

    /// <summary>After a partner's answer, the consumer is told and the case closed within 2 business days.</summary>
    public const int FollowUpBusinessDays = 2;

    /// <summary>The consumer has 7 days to answer a request for information.</summary>
    public static readonly TimeSpan ConsumerReplyPeriod = TimeSpan.FromDays(7);

    public static DateTimeOffset TriageDue(DateTimeOffset receivedAt) => EndOfBusinessDay(receivedAt, TriageBusinessDays);

    public static DateTimeOffset WorkDue(DateTimeOffset from) => EndOfBusinessDay(from, WorkBusinessDays);

    public static DateTimeOffset FollowUpDue(DateTimeOffset from) => EndOfBusinessDay(from, FollowUpBusinessDays);

    public static DateTimeOffset ConsumerReplyDue(DateTimeOffset requestedAt) => requestedAt + ConsumerReplyPeriod;

    /// <summary>A forwarded case waits for the agency's answer until its deadline, counted in business days from the forward (Japan's calendar for now).</summary>
    public static DateTimeOffset PartnerDue(DateTimeOffset forwardedAt, int responseBusinessDays) => EndOfBusinessDay(forwardedAt, responseBusinessDays);

    /// <summary>Office closing time, Japan time, on the <paramref name="businessDays"/>-th business day after <paramref name="from"/>'s Japan date.</summary>
    public static DateTimeOffset EndOfBusinessDay(DateTimeOffset from, int businessDays)
    {
        var japanDate = DateOnly.FromDateTime(from.ToOffset(JapanOffset).DateTime);
        var day = BusinessCalendar.Japan.AddBusinessDays(japanDate, businessDays);
        return new DateTimeOffset(day.ToDateTime(OfficeCloses), JapanOffset).ToUniversalTime();
    }

    /// <summary>The deadline a case gets on entering <paramref name="status"/> at <paramref name="now"/> (null when it has none).</summary>
    public static DateTimeOffset? DueOnEntering(CaseStatus status, DateTimeOffset now) => status switch
    {
        CaseStatus.Received => TriageDue(now),
        CaseStatus.InProgress => WorkDue(now),
        CaseStatus.WaitingForConsumer => ConsumerReplyDue(now),
        CaseStatus.PartnerResponded => FollowUpDue(now),

        // Forwarded: the partner agency's own deadline, set by the forwarding use case.
        _ => null,
    };
}
