using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

/// <summary>A form of the booking page that changes the booking row, so it carries the version it was loaded with.</summary>
public interface IVersionedBookingForm
{
    uint Version { get; set; }
}

/// <summary>Who may hold a consultation: active accounts with a back-office role (never a local center's counselor, never a disabled account).</summary>
public static class ConsultationCounselors
{
    public static IQueryable<Data.Accounts.PortalUser> Query(AppDbContext db) =>
        db.Users.AsNoTracking().Where(u => !u.IsDisabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && Roles.BackOffice.Contains(r.Name!))));
}

/// <summary>Confirm the booking (or change its counselor and meeting link): the invitation goes out (again).</summary>
public static class ConfirmBooking
{
    public sealed class Form : IVersionedBookingForm
    {
        public uint Version { get; set; }

        public Guid? CounselorId { get; set; }

        public string? MeetingUrl { get; set; }
    }

    /// <summary>An https address of at most <see cref="ConsultationBooking.MaxMeetingUrlLength"/> characters.</summary>
    public static bool IsMeetingUrl(string? value) =>
        value is { Length: > 0 and <= ConsultationBooking.MaxMeetingUrlLength }
        && value == value.Trim()
        && !TextInput.HasControlCharacters(value)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ConsultationDeskText> text)
        {
            RuleFor(f => f.CounselorId).NotNull().WithMessage(_ => text["Confirm_CounselorId_Required"]);
            RuleFor(f => f.MeetingUrl).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Confirm_MeetingUrl_Required"])
                .Must(v => v!.Trim().Length <= ConsultationBooking.MaxMeetingUrlLength)
                .WithMessage(_ => text["Confirm_MeetingUrl_TooLong", ConsultationBooking.MaxMeetingUrlLength.ToString("N0", CultureInfo.CurrentCulture)])
                .Must(v => IsMeetingUrl(v!.Trim())).WithMessage(_ => text["Confirm_MeetingUrl_Invalid"]);
        }
    }

    public sealed class Handler(BookingChanges changes, AppDbContext db, ConsultationEmails mail)
    {
        public Task<BookingChanges.Result> HandleAsync(Guid id, Form form, CancellationToken ct) =>
            changes.RunAsync(id, form.Version, AuditAction.ConsultationConfirmed, async (booking, now) =>
            {
                var counselor = await ConsultationCounselors.Query(db).Where(u => u.Id == form.CounselorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
                if (counselor is null)
                {
                    return BookingChanges.Change.Refuse(nameof(Form.CounselorId), "Confirm_CounselorId_NotAllowed");
                }

                var refusal = booking.Confirm(form.CounselorId!.Value, form.MeetingUrl!.Trim(), now);
                if (refusal != ConsultationRefusal.None)
                {
                    return BookingChanges.Change.From(refusal);
                }

                await mail.InviteAsync(booking, ct);
                return BookingChanges.Change.Made(new { counselor, calendarSequence = booking.CalendarSequence });
            }, ct);
    }
}

/// <summary>Move the booking to another slot with a seat free (asked for on the phone, say); the applicant is told.</summary>
public static class MoveBooking
{
    public sealed class Form : IVersionedBookingForm
    {
        public uint Version { get; set; }

        /// <summary>The new slot's value (<see cref="ConsultationSlot.Value"/>).</summary>
        public string? Slot { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ConsultationDeskText> text) =>
            RuleFor(f => f.Slot).Must(v => ConsultationSlot.TryParse(v, out _)).WithMessage(_ => text["Move_Slot_Required"]);
    }

    public sealed class Handler(BookingChanges changes, ConsultationScheduleStore schedules, ConsultationSeats seats, ConsultationEmails mail)
    {
        public async Task<BookingChanges.Result> HandleAsync(Guid id, Form form, CancellationToken ct)
        {
            var schedule = await schedules.LoadAsync(ct);
            if (!ConsultationSlot.TryParse(form.Slot, out var slot))
            {
                return new BookingChanges.Result(BookingChanges.Outcome.Refused, nameof(Form.Slot), "Move_Slot_Required");
            }

            return await changes.RunAsync(id, form.Version, AuditAction.ConsultationMoved, async (booking, now) =>
            {
                if (booking.IsUpcoming && !schedule.IsSchedulableByStaff(slot, now))
                {
                    return BookingChanges.Change.Refuse(nameof(Form.Slot), "Move_Slot_NotSchedulable");
                }

                if (booking.IsUpcoming && slot == booking.Slot)
                {
                    return BookingChanges.Change.Refuse(nameof(Form.Slot), "Move_Slot_Same");
                }

                var previous = booking.Slot;
                var refusal = booking.MoveTo(slot, 1, now);
                if (refusal != ConsultationRefusal.None)
                {
                    return BookingChanges.Change.From(refusal);
                }

                await mail.MovedAsync(booking, previous, ct);
                return BookingChanges.Change.Made(new { from = previous.Value, to = slot.Value }, c => seats.SaveWithSeatAsync(booking, schedule.SeatsPerSlot, c));
            }, ct, (nameof(Form.Slot), "Move_Slot_Full"));
        }
    }
}

/// <summary>Cancel the booking with a reason; the applicant is told.</summary>
public static class CancelBooking
{
    public sealed class Form : IVersionedBookingForm
    {
        public uint Version { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ConsultationDeskText> text) =>
            RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Cancel_Reason_Required"])
                .Must(v => v!.Trim().Length <= ConsultationBooking.MaxReasonLength)
                .WithMessage((_, v) => text["Cancel_Reason_TooLong", ConsultationBooking.MaxReasonLength.ToString("N0", CultureInfo.CurrentCulture), v!.Trim().Length.ToString("N0", CultureInfo.CurrentCulture)])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Cancel_Reason_ControlCharacters"]);
    }

    public sealed class Handler(BookingChanges changes, ConsultationEmails mail)
    {
        public Task<BookingChanges.Result> HandleAsync(Guid id, Form form, CancellationToken ct) =>
            changes.RunAsync(id, form.Version, AuditAction.ConsultationCancelled, async (booking, now) =>
            {
                var refusal = booking.Cancel(ConsultationCanceller.Center, form.Reason, now);
                if (refusal != ConsultationRefusal.None)
                {
                    return BookingChanges.Change.From(refusal);
                }

                await mail.CancelledAsync(booking, ct);
                return BookingChanges.Change.Made(new { by = ConsultationCanceller.Center.ToString() });
            }, ct);
    }
}

/// <summary>At the start: the applicant was identified by the name and address registered (the consultation is held), or not (it ends).</summary>
public static class RecordIdentity
{
    public sealed class Form : IVersionedBookingForm
    {
        public uint Version { get; set; }

        public bool Identified { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>;

    public sealed class Handler(BookingChanges changes, ConsultationScheduleStore schedules)
    {
        public async Task<BookingChanges.Result> HandleAsync(Guid id, Form form, Guid staffId, CancellationToken ct)
        {
            var schedule = await schedules.LoadAsync(ct);
            return await changes.RunAsync(id, form.Version, AuditAction.ConsultationIdentityRecorded, (booking, now) =>
                Task.FromResult(booking.RecordIdentity(form.Identified, staffId, schedule.Length, now) is var refusal && refusal != ConsultationRefusal.None
                    ? BookingChanges.Change.From(refusal)
                    : BookingChanges.Change.Made(new { identified = form.Identified })), ct);
        }
    }
}

/// <summary>No contact 15 minutes after the start: the booking ends.</summary>
public static class RecordNoContact
{
    public sealed class Form : IVersionedBookingForm
    {
        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>;

    public sealed class Handler(BookingChanges changes)
    {
        public Task<BookingChanges.Result> HandleAsync(Guid id, Form form, Guid staffId, CancellationToken ct) =>
            changes.RunAsync(id, form.Version, AuditAction.ConsultationNoContactRecorded, (booking, now) =>
                Task.FromResult(booking.RecordNoContact(staffId, now) is var refusal && refusal != ConsultationRefusal.None
                    ? BookingChanges.Change.From(refusal)
                    : BookingChanges.Change.Made()), ct);
    }
}

/// <summary>A note on the booking. It does not change the booking row, so its form carries no version.</summary>
public static class AddBookingNote
{
    public sealed class Form
    {
        public string? Text { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ConsultationDeskText> text) =>
            RuleFor(f => f.Text).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Note_Text_Required"])
                .Must(v => v!.Length <= ConsultationNote.MaxTextLength)
                .WithMessage((_, v) => text["Note_Text_TooLong", ConsultationNote.MaxTextLength.ToString("N0", CultureInfo.CurrentCulture), v!.Length.ToString("N0", CultureInfo.CurrentCulture)])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Note_Text_ControlCharacters"]);
    }

    public sealed class Handler(BookingChanges changes, AppDbContext db)
    {
        public Task<BookingChanges.Result> HandleAsync(Guid id, Form form, Guid staffId, string staffName, CancellationToken ct) =>
            changes.RunAsync(id, version: null, AuditAction.ConsultationNoteAdded, (booking, now) =>
            {
                var note = db.ConsultationNotes.Add(new ConsultationNote(booking.Id, staffId, TextInput.Clip(staffName, 100), form.Text!, now)).Entity;
                return Task.FromResult(BookingChanges.Change.Made(new { noteId = note.Id }));
            }, ct);
    }
}
