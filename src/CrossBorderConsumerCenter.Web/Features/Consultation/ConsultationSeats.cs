using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Configurations;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>
/// Takes a seat of a slot for a booking, safely when many people want the last one at once: the booking is saved with
/// a seat the slot seemed to have free, and the database's unique index (one live booking per seat of a slot) refuses
/// all but one of those who tried the same seat; a refused save tries the next seat, and when none is left the slot is
/// full. Nothing is checked and then inserted: the index decides (ADR 0079).
/// </summary>
public sealed class ConsultationSeats(AppDbContext db)
{
    /// <summary>
    /// Saves <paramref name="booking"/> (new, or moved with <see cref="ConsultationBooking.MoveTo"/>) with everything else
    /// the context holds (its emails, links, audit), in the first seat of its slot the database accepts. False when every
    /// seat is taken: nothing was saved, and the booking and what was added with it are no longer tracked.
    /// </summary>
    public async Task<bool> SaveWithSeatAsync(ConsultationBooking booking, int seatsPerSlot, CancellationToken ct)
    {
        var slotStart = booking.SlotStart;
        var taken = await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.SlotStart == slotStart && b.Status != ConsultationStatus.Cancelled && b.Id != booking.Id)
            .Select(b => b.Seat)
            .ToListAsync(ct);
        foreach (var seat in Enumerable.Range(1, Math.Max(seatsPerSlot, 1)).Except(taken))
        {
            booking.TrySeat(seat);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ConsultationBookingConfiguration.SeatIndex })
            {
                // Someone else took this seat a moment ago: the next one, if there is one.
            }
        }

        db.ChangeTracker.Clear();
        return false;
    }

    /// <summary>How many live bookings hold each slot between two moments (the page shows only slots with a seat free).</summary>
    public async Task<Dictionary<DateTimeOffset, int>> TakenSeatsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.SlotStart >= from && b.SlotStart <= to && b.Status != ConsultationStatus.Cancelled)
            .GroupBy(b => b.SlotStart)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The slots an application made today may still take: bookable by the schedule, with a seat free.</summary>
    public async Task<IReadOnlyList<ConsultationSlot>> FreeSlotsAsync(ConsultationSchedule schedule, DateOnly today, CancellationToken ct)
    {
        var slots = schedule.BookableSlots(today).ToList();
        if (slots.Count == 0)
        {
            return [];
        }

        var taken = await TakenSeatsAsync(slots[0].StartsAt, slots[^1].StartsAt, ct);
        return slots.Where(s => taken.GetValueOrDefault(s.StartsAt) < schedule.SeatsPerSlot).ToList();
    }
}
