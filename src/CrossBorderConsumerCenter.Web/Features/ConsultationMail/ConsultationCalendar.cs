using System.Text;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationMail;

/// <summary>Whether an invitation asks the applicant's calendar to hold the consultation or to drop it (iTIP, RFC 5546).</summary>
public enum CalendarMethod
{
    Request,
    Cancel,
}

/// <summary>The texts of a calendar entry, in the applicant's language.</summary>
public sealed record CalendarTexts(string Summary, string Description);

/// <summary>
/// The booking as an iCalendar invitation (.ics): one event in Japan time (TZID Asia/Tokyo, with its VTIMEZONE) with the
/// booking's UID kept for its whole life and its SEQUENCE counting the changes, so that a calendar updates or removes the
/// entry it already holds instead of adding another. The meeting link is its LOCATION and URL; the organizer is the
/// center's sending address; the applicant is the only attendee. No name, address or description of the trouble goes in.
/// </summary>
public static class ConsultationCalendar
{
    public const string TimeZoneId = "Asia/Tokyo";

    /// <summary>The attachment's content type, with the iTIP method mail clients read to show it as an invitation.</summary>
    public static string ContentTypeOf(CalendarMethod method) => $"text/calendar; method={MethodName(method)}; charset=utf-8";

    public static string FileName => "consultation.ics";

    public static byte[] Build(ConsultationBooking booking, TimeSpan length, CalendarMethod method, string organizerAddress, string? organizerName,
        CalendarTexts texts, DateTimeOffset now)
    {
        var start = booking.Slot;
        var calendar = new Calendar { Method = MethodName(method), ProductId = "-//Cross-Border Consumer Center//Online consultation//EN" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, start.StartsAt.UtcDateTime.AddDays(-1), includeHistoricalData: false));
        var startLocal = start.Day.ToDateTime(start.Start);
        var calendarEvent = new CalendarEvent
        {
            Uid = booking.CalendarUid,
            Sequence = booking.CalendarSequence,
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            DtStart = new CalDateTime(startLocal, TimeZoneId),
            DtEnd = new CalDateTime(startLocal + length, TimeZoneId),
            Summary = texts.Summary,
            Description = texts.Description,
            Status = method == CalendarMethod.Cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + organizerAddress) { CommonName = string.IsNullOrWhiteSpace(organizerName) ? null : organizerName },
        };
        if (booking.MeetingUrl is { } meeting)
        {
            calendarEvent.Location = meeting;
            calendarEvent.Url = new Uri(meeting);
        }

        calendarEvent.Attendees.Add(new Attendee("mailto:" + booking.Email)
        {
            Role = ParticipationRole.RequiredParticipant,
            Rsvp = false,
        });
        calendar.Events.Add(calendarEvent);
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar)!);
    }

    private static string MethodName(CalendarMethod method) => method switch
    {
        CalendarMethod.Request => "REQUEST",
        CalendarMethod.Cancel => "CANCEL",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
