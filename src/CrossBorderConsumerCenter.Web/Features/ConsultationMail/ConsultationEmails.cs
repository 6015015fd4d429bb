using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationMail;

/// <summary>
/// The emails about a booked online consultation, to the applicant in the booking's language (and in copy to the
/// counselor who booked it for a resident): received (not yet confirmed), confirmed with the meeting link and a calendar
/// invitation, moved, cancelled, and the reminder the day before. Each is added to the outbox; the caller saves, so the
/// email commits with the change it tells of. Each carries a private link of its own to the booking
/// (<c>/consultation/booking/{token}</c>, to cancel or move it) whose token the outbox removes from the stored copy once
/// the email is sent. Once the invitation went out, every change carries the calendar entry again (same UID, the
/// booking's current SEQUENCE), so the applicant's calendar follows the booking (ADR 0080).
/// </summary>
/// <remarks>Named for the emails rather than "ConsultationMail": a type named as its own namespace could not be named by the features that call it.</remarks>
public sealed class ConsultationEmails(
    AppDbContext db,
    EmailOutbox outbox,
    ConsultationLinks links,
    IOptions<SmtpOptions> smtp,
    IOptions<PortalOptions> portal,
    IStringLocalizerFactory localizers,
    TimeProvider clock)
{
    public const string Acknowledgement = "ConsultationAcknowledgement";
    public const string Invitation = "ConsultationInvitation";
    public const string InvitationChanged = "ConsultationInvitationChanged";
    public const string Moved = "ConsultationMoved";
    public const string Cancelled = "ConsultationCancelled";
    public const string Reminder = "ConsultationReminder";

    /// <summary>One email (its subject and body in ConsultationMailText; the body chosen when the template has variants).</summary>
    public sealed record Email(string Name, string BodyKey, IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public Type ResourceType => typeof(ConsultationMailText);
    }

    /// <summary>Received, not yet confirmed: the time asked for, that the confirmation with the meeting link follows by email.</summary>
    public Task AcknowledgeAsync(ConsultationBooking booking, CancellationToken ct) =>
        EnqueueAsync(booking, Acknowledgement, Acknowledgement + "_Body", calendar: null, ct);

    /// <summary>Confirmed (or the counselor or link changed): the time, the meeting link, the rules of the session, and the invitation (.ics).</summary>
    public Task InviteAsync(ConsultationBooking booking, CancellationToken ct)
    {
        if (booking.Status != ConsultationStatus.Confirmed || booking.MeetingUrl is null)
        {
            throw new InvalidOperationException($"Booking {booking.Id} is {booking.Status}: only a confirmed booking with its meeting link is invited.");
        }

        var name = booking.CalendarSequence > 0 ? InvitationChanged : Invitation;
        StandsForTheReminder(booking);
        return EnqueueAsync(booking, name, name + "_Body", CalendarMethod.Request, ct);
    }

    /// <summary>Moved to another slot: the new time; an updated invitation when one went out, otherwise that it awaits confirmation.</summary>
    public Task MovedAsync(ConsultationBooking booking, ConsultationSlot previous, CancellationToken ct)
    {
        if (!booking.InvitationSent)
        {
            return EnqueueAsync(booking, Moved, Moved + "_Requested_Body", calendar: null, ct, previous);
        }

        StandsForTheReminder(booking);
        return EnqueueAsync(booking, Moved, Moved + "_Confirmed_Body", CalendarMethod.Request, ct, previous);
    }

    /// <summary>Cancelled (by the applicant, or by the center with its reason): how to book again; the invitation withdrawn when one went out.</summary>
    public Task CancelledAsync(ConsultationBooking booking, CancellationToken ct)
    {
        if (booking.Status != ConsultationStatus.Cancelled)
        {
            throw new InvalidOperationException($"Booking {booking.Id} is {booking.Status}, not cancelled.");
        }

        var body = booking.CancelledBy == ConsultationCanceller.Center
            ? booking.CancelReason is null ? "_ByCenter_Body" : "_ByCenterWithReason_Body"
            : "_ByApplicant_Body";
        return EnqueueAsync(booking, Cancelled, Cancelled + body, booking.InvitationSent ? CalendarMethod.Cancel : null, ct);
    }

    /// <summary>The day before: the time, the meeting link, join 5 minutes early, and the link to cancel or move.</summary>
    public Task RemindAsync(ConsultationBooking booking, CancellationToken ct) =>
        EnqueueAsync(booking, Reminder, Reminder + "_Body", calendar: null, ct);

    /// <summary>
    /// An invitation (or a move of a confirmed booking) sent once the reminder is due carries all the reminder would say,
    /// the time and the link, fresh: it stands for the reminder, so the applicant does not get both at once (ADR 0080).
    /// </summary>
    private void StandsForTheReminder(ConsultationBooking booking)
    {
        var now = clock.GetUtcNow();
        if (booking.ReminderSentAt is null && now >= ConsultationSchedule.ReminderAt(booking.Slot))
        {
            booking.MarkReminderSent(now);
        }
    }

    private async Task EnqueueAsync(ConsultationBooking booking, string name, string bodyKey, CalendarMethod? calendar, CancellationToken ct,
        ConsultationSlot? previous = null)
    {
        var language = booking.Language == Languages.English ? Languages.English : Languages.Japanese;
        var token = links.Issue(booking.Id);
        var values = Values(booking, language, links.UrlOf(token).ToString(), previous);
        var cc = await CounselorCopyAsync(booking, ct);
        var recipients = new EmailRecipients([booking.Email], cc);
        IEnumerable<EmailAttachmentRef> attachments = [];
        if (calendar is { } method)
        {
            var file = CalendarFile(booking, method, language);
            db.StoredFiles.Add(file);
            attachments = [new EmailAttachmentRef(file.Id, ConsultationCalendar.FileName)];
        }

        outbox.Enqueue(new Email(name, bodyKey, values), recipients, language, caseId: null, attachments, redactAfterSending: [token]);
    }

    // The counselor who booked for a resident gets a copy (their account's address), unless the account has none.
    private async Task<IReadOnlyList<string>?> CounselorCopyAsync(ConsultationBooking booking, CancellationToken ct)
    {
        if (booking.FiledByCounselorId is not { } counselorId)
        {
            return null;
        }

        var email = await db.Users.AsNoTracking().Where(u => u.Id == counselorId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        return email is { Length: > 0 } && MailAddresses.IsValid(email) && !string.Equals(email, booking.Email, StringComparison.OrdinalIgnoreCase) ? [email] : null;
    }

    private StoredFile CalendarFile(ConsultationBooking booking, CalendarMethod method, string language)
    {
        var text = localizers.Create(typeof(ConsultationMailText));
        var texts = InCulture(language, () => new CalendarTexts(
            text["Calendar_Summary"].Value,
            booking.MeetingUrl is { } meeting ? text["Calendar_Description", meeting].Value : text["Calendar_Summary"].Value));
        var now = clock.GetUtcNow();
        var bytes = ConsultationCalendar.Build(booking, ConsultationSchedule.Ward.Length, method, smtp.Value.FromAddress, smtp.Value.FromDisplayName, texts, now);
        return new StoredFile(ConsultationCalendar.FileName, ConsultationCalendar.ContentTypeOf(method), bytes, now);
    }

    private Dictionary<string, string> Values(ConsultationBooking booking, string language, string bookingUrl, ConsultationSlot? previous)
    {
        var text = localizers.Create(typeof(ConsultationMailText));
        return InCulture(language, () => new Dictionary<string, string>
        {
            ["Name"] = booking.Name,
            ["When"] = When(booking.Slot, language),
            ["Previous"] = previous is { } before ? When(before, language) : "",
            ["MeetingUrl"] = booking.MeetingUrl ?? "",
            ["BookingUrl"] = bookingUrl,
            ["BookAgainUrl"] = new Uri(portal.Value.BaseUri, "consultation").ToString(),
            ["FromAddress"] = smtp.Value.FromAddress,
            ["Reason"] = booking.CancelReason ?? "",
            ["Minutes"] = ((int)ConsultationSchedule.Ward.Length.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            ["Regarding"] = booking.FiledByCounselorId is null ? "" : text["Regarding"].Value,
            ["CalendarNote"] = booking.Status == ConsultationStatus.Cancelled && booking.InvitationSent ? text["Cancelled_CalendarNote"].Value : "",
            ["Urgent"] = text["Urgent"].Value,
        });
    }

    /// <summary>The slot as the emails write it, in Japan time with its weekday: 2027年1月6日(水) 14:00〜14:30 / Wednesday 6 January 2027, 14:00–14:30.</summary>
    public static string When(ConsultationSlot slot, string language)
    {
        var end = slot.Start.Add(ConsultationSchedule.Ward.Length);
        var date = slot.Day.ToDateTime(TimeOnly.MinValue);
        return language == Languages.English
            ? string.Create(CultureInfo.InvariantCulture, $"{date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}, {slot.Start:HH:mm}–{end:HH:mm}")
            : string.Create(CultureInfo.InvariantCulture, $"{date.ToString("yyyy年M月d日(ddd)", CultureInfo.GetCultureInfo("ja-JP"))} {slot.Start:HH:mm}〜{end:HH:mm}");
    }

    private static T InCulture<T>(string language, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
