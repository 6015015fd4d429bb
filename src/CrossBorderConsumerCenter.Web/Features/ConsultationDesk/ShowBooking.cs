using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

/// <summary>The actions of the booking page, by the name their fields are posted under (e.g. "Confirm.MeetingUrl").</summary>
public enum BookingAction
{
    Confirm,
    Move,
    Cancel,
    Identity,
    NoContact,
    Note,
}

/// <summary>One form per action, filled from the booking; after a refused post the posted one replaces its default.</summary>
public sealed class BookingForms
{
    public ConfirmBooking.Form Confirm { get; set; } = new();
    public MoveBooking.Form Move { get; set; } = new();
    public CancelBooking.Form Cancel { get; set; } = new();
    public RecordIdentity.Form Identity { get; set; } = new();
    public RecordNoContact.Form NoContact { get; set; } = new();
    public AddBookingNote.Form Note { get; set; } = new();

    public static BookingForms For(ConsultationBooking b) => new()
    {
        Confirm = new() { Version = b.Version, CounselorId = b.CounselorId, MeetingUrl = b.MeetingUrl },
        Move = new() { Version = b.Version },
        Cancel = new() { Version = b.Version },
        Identity = new() { Version = b.Version },
        NoContact = new() { Version = b.Version },
    };

    public void WithVersion(uint version)
    {
        foreach (var form in new IVersionedBookingForm[] { Confirm, Move, Cancel, Identity, NoContact })
        {
            form.Version = version;
        }
    }
}

public sealed record BookingNoteLine(string AuthorName, DateTimeOffset WrittenAt, string Text);

public sealed record BookingAuditLine(DateTimeOffset At, AuditAction Action, string? ActorName);

public sealed record CounselorOption(Guid Id, string DisplayName);

/// <summary>The booking page: the applicant as registered, the time and status, the notes and the audit, and what staff may do now.</summary>
public sealed record BookingPage
{
    public required ConsultationBooking Booking { get; init; }
    public required TimeSpan Length { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required Guid CurrentUserId { get; init; }
    public required string? CounselorName { get; init; }
    public required string? FiledByName { get; init; }
    public required string? FiledByCenterName { get; init; }
    public required string? CaseNumber { get; init; }
    public required IReadOnlyList<BookingNoteLine> Notes { get; init; }
    public required IReadOnlyList<BookingAuditLine> Audit { get; init; }
    public required IReadOnlyList<CounselorOption> Counselors { get; init; }
    public required IReadOnlyList<ConsultationSlot> FreeSlots { get; init; }
    public required BookingForms Forms { get; init; }
    public BookingAction? PostedAction { get; init; }
    public string? Flash { get; init; }

    public ConsultationSlot Slot => Booking.Slot;

    /// <summary>Confirming, moving: before the start of a booking that may still take place.</summary>
    public bool CanConfirm => Booking.IsUpcoming && Now < Booking.SlotStart;

    public bool CanMove => CanConfirm;

    public bool CanCancel => Booking.IsUpcoming;

    public DateTimeOffset IdentityOpensAt => Booking.SlotStart - ConsultationSchedule.JoinEarly;

    public DateTimeOffset IdentityClosesAt => Booking.SlotStart + Length;

    /// <summary>The identity check, from 5 minutes before the start (when the applicant joins) to the end of the slot.</summary>
    public bool CanRecordIdentity => Booking.Status == ConsultationStatus.Confirmed && Now >= IdentityOpensAt && Now <= IdentityClosesAt;

    public DateTimeOffset NoContactFrom => Booking.SlotStart + ConsultationSchedule.NoContactAfter;

    public bool CanRecordNoContact => Booking.Status == ConsultationStatus.Confirmed && ConsultationSchedule.CanMarkNoContact(Slot, Now);

    /// <summary>"No contact" will be possible later: the button is shown disabled with the time it opens.</summary>
    public bool NoContactLater => Booking.Status == ConsultationStatus.Confirmed && !CanRecordNoContact;

    public bool CanOpenCase => Booking.Status == ConsultationStatus.Held && Booking.CaseId is null && Booking.AnonymisedAt is null;

    public static string JapanTime(DateTimeOffset at, string format = "yyyy-MM-dd HH:mm") => LocalizationRegistration.FormatJapanTime(at, format);
}

/// <summary>
/// Reads the booking page: the booking, the names it refers to, its notes, its audit lines, and the lists its forms
/// offer. Every read records <see cref="AuditAction.ConsultationViewed"/>: the page shows the applicant's personal data.
/// </summary>
public static class ShowBooking
{
    /// <summary>How many of the next free slots the move form offers.</summary>
    public const int MaxFreeSlots = 60;

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock, ConsultationScheduleStore schedules, ConsultationSeats seats)
    {
        public async Task<BookingPage?> HandleAsync(Guid id, Guid currentUserId, CancellationToken ct)
        {
            var booking = await db.ConsultationBookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
            if (booking is null)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var schedule = await schedules.LoadAsync(ct);
            var userIds = new[] { booking.CounselorId, booking.FiledByCounselorId }.OfType<Guid>().ToList();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var center = booking.FiledByCenterId is { } centerId
                ? await db.ConsumerCenters.AsNoTracking().Where(c => c.Id == centerId).Select(c => c.Name).SingleOrDefaultAsync(ct)
                : null;
            var caseNumber = booking.CaseId is { } caseId ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Number).SingleOrDefaultAsync(ct) : null;
            var notes = await db.ConsultationNotes.AsNoTracking().Where(n => n.BookingId == id).OrderBy(n => n.WrittenAt).ThenBy(n => n.Id)
                .Select(n => new BookingNoteLine(n.AuthorName, n.WrittenAt, n.Text)).ToListAsync(ct);
            var subjectId = id.ToString();
            var lines = await db.AuditEntries.AsNoTracking().Where(a => a.SubjectType == BookingChanges.SubjectType && a.SubjectId == subjectId && a.Action != AuditAction.ConsultationViewed)
                .OrderBy(a => a.Id).Select(a => new BookingAuditLine(a.At, a.Action, a.ActorName)).ToListAsync(ct);

            var upcoming = booking.IsUpcoming && now < booking.SlotStart;
            var counselors = upcoming
                ? await ConsultationCounselors.Query(db).OrderBy(u => u.DisplayName).Select(u => new CounselorOption(u.Id, u.DisplayName)).ToListAsync(ct)
                : [];
            var free = upcoming ? await FreeSlotsAsync(schedule, booking, now, ct) : [];

            audit.Record(AuditAction.ConsultationViewed, BookingChanges.SubjectType, subjectId, booking.CaseId);
            await db.SaveChangesAsync(ct);
            return new BookingPage
            {
                Booking = booking,
                Length = schedule.Length,
                Now = now,
                CurrentUserId = currentUserId,
                CounselorName = booking.CounselorId is { } c ? names.GetValueOrDefault(c) : null,
                FiledByName = booking.FiledByCounselorId is { } f ? names.GetValueOrDefault(f) : null,
                FiledByCenterName = center,
                CaseNumber = caseNumber,
                Notes = notes,
                Audit = lines,
                Counselors = counselors,
                FreeSlots = free,
                Forms = BookingForms.For(booking),
            };
        }

        /// <summary>Slots staff may put the booking in (from now to the schedule's horizon) with a seat free, its own left out.</summary>
        private async Task<IReadOnlyList<ConsultationSlot>> FreeSlotsAsync(ConsultationSchedule schedule, ConsultationBooking booking, DateTimeOffset now, CancellationToken ct)
        {
            var today = LocalizationRegistration.JapanToday(clock);
            var slots = Enumerable.Range(0, schedule.HorizonDays + 1)
                .Select(today.AddDays)
                .SelectMany(day => schedule.SlotTimes.Select(time => new ConsultationSlot(day, time)))
                .Where(s => schedule.IsSchedulableByStaff(s, now) && s != booking.Slot)
                .ToList();
            if (slots.Count == 0)
            {
                return [];
            }

            var taken = await seats.TakenSeatsAsync(slots[0].StartsAt, slots[^1].StartsAt, ct);
            return slots.Where(s => taken.GetValueOrDefault(s.StartsAt) < schedule.SeatsPerSlot).Take(MaxFreeSlots).ToList();
        }
    }
}
