using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>
/// What the applicant's private link shows and does (<c>/consultation/booking/{token}</c>): the time and where the
/// booking stands, and while it is upcoming, cancelling it or moving it to another free slot (the two business days'
/// notice binds a move as it binds an application). Each change sends its email and is recorded in the audit trail
/// with the applicant as the actor (no account: the link is who they are). A link opens its booking until the
/// consultation's day is over.
/// </summary>
public sealed class ApplicantBooking(
    AppDbContext db,
    ConsultationLinks links,
    ConsultationScheduleStore schedules,
    ConsultationSeats seats,
    ConsultationMail.ConsultationEmails mail,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<ApplicantBooking> logger)
{
    /// <summary>How the audit trail names an applicant acting through their link.</summary>
    public const string ActorName = "applicant (private link)";

    public enum Outcome
    {
        Done,

        /// <summary>The booking is no longer upcoming (cancelled, held...), or it has started.</summary>
        TooLate,

        /// <summary>The chosen slot cannot be applied for today, or is the booking's own.</summary>
        NotBookable,

        /// <summary>Every seat of the chosen slot was taken meanwhile.</summary>
        SlotTaken,

        /// <summary>Staff changed the booking at that very moment: nothing was saved.</summary>
        ChangedMeanwhile,
    }

    /// <summary>The booking a token opens today, or null (unknown token, or its day is over).</summary>
    public async Task<ConsultationBooking?> FindAsync(string? token, CancellationToken ct)
    {
        if (await links.FindBookingIdAsync(token, ct) is not { } id)
        {
            return null;
        }

        var booking = await db.ConsultationBookings.SingleOrDefaultAsync(b => b.Id == id, ct);
        return booking is not null && booking.Slot.Day >= LocalizationRegistration.JapanToday(clock) ? booking : null;
    }

    /// <summary>The page: the booking, and the slots it may move to (none once it cannot move).</summary>
    public async Task<BookingPage> PageAsync(ConsultationBooking booking, string token, CancellationToken ct)
    {
        var schedule = await schedules.LoadAsync(ct);
        var canChange = CanChange(booking);
        var free = canChange
            ? (await seats.FreeSlotsAsync(schedule, LocalizationRegistration.JapanToday(clock), ct)).Where(s => s != booking.Slot).ToList()
            : [];
        return new BookingPage(token, booking.Slot, schedule.Length, booking.Status, booking.CancelledBy, canChange, free);
    }

    public bool CanChange(ConsultationBooking booking) => booking.IsUpcoming && clock.GetUtcNow() < booking.SlotStart;

    public async Task<Outcome> CancelAsync(ConsultationBooking booking, CancellationToken ct)
    {
        if (booking.Cancel(ConsultationCanceller.Applicant, reason: null, clock.GetUtcNow()) != ConsultationRefusal.None)
        {
            return Outcome.TooLate;
        }

        await mail.CancelledAsync(booking, ct);
        audit.Record(AuditAction.ConsultationCancelled, "ConsultationBooking", booking.Id.ToString(),
            details: new { by = ConsultationCanceller.Applicant.ToString(), slot = booking.Slot.Value }, actorNameOverride: ActorName);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.ChangedMeanwhile;
        }

        logger.LogInformation("Consultation {BookingId} cancelled by the applicant", booking.Id);
        return Outcome.Done;
    }

    public async Task<Outcome> MoveAsync(ConsultationBooking booking, ConsultationSlot slot, CancellationToken ct)
    {
        var schedule = await schedules.LoadAsync(ct);
        if (slot == booking.Slot || !schedule.IsBookable(slot, LocalizationRegistration.JapanToday(clock)))
        {
            return Outcome.NotBookable;
        }

        var previous = booking.Slot;
        if (booking.MoveTo(slot, seat: 1, clock.GetUtcNow()) != ConsultationRefusal.None)
        {
            return Outcome.TooLate;
        }

        await mail.MovedAsync(booking, previous, ct);
        audit.Record(AuditAction.ConsultationMoved, "ConsultationBooking", booking.Id.ToString(),
            details: new { slot = new { before = previous.Value, after = slot.Value } }, actorNameOverride: ActorName);
        try
        {
            if (!await seats.SaveWithSeatAsync(booking, schedule.SeatsPerSlot, ct))
            {
                return Outcome.SlotTaken;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.ChangedMeanwhile;
        }

        logger.LogInformation("Consultation {BookingId} moved by the applicant from {Before} to {After}", booking.Id, previous.Value, slot.Value);
        return Outcome.Done;
    }
}

/// <summary>
/// The applicant's booking as their link shows it: its token (the page posts back to it), its slot, status and who
/// cancelled it; whether it may still be cancelled or moved (upcoming and not started) and the slots it may move to.
/// </summary>
public sealed record BookingPage(
    string Token, ConsultationSlot Slot, TimeSpan Length, ConsultationStatus Status, ConsultationCanceller? CancelledBy, bool CanChange,
    IReadOnlyList<ConsultationSlot> FreeSlots)
{
    /// <summary>The slot chosen in a move that was refused, kept checked.</summary>
    public string? Selected { get; init; }
}
