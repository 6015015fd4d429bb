using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationMail;

/// <summary>
/// One pass of the consultation reminders: every confirmed booking whose reminder is due
/// (<see cref="ConsultationSchedule.ReminderAt"/>, 9:00 Japan time the day before) and has not started gets the
/// reminder email once, and is marked reminded, in the transaction that claimed it with FOR UPDATE SKIP LOCKED: two
/// workers (or two instances) never remind the same booking, and a booking reminded no longer matches. A move clears the
/// mark, so the new time is reminded in its turn; an invitation or a move sent once the reminder was due stands for it
/// (<see cref="ConsultationEmails"/>, ADR 0080).
/// </summary>
public sealed class RunConsultationReminders(IServiceScopeFactory scopes, IOptions<ConsultationRemindersOptions> options, TimeProvider clock, ILogger<RunConsultationReminders> logger)
{
    /// <summary>
    /// The farthest a reminder comes before its consultation: the day before at 9:00 for a slot that starts as late as a
    /// slot may (it ends by 20:00). The query takes the bookings starting within it; the rule itself decides.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1) + (ConsultationSchedule.LatestEnd - new TimeOnly(9, 0));

    /// <summary>Whether the reminder of <paramref name="booking"/> is due now.</summary>
    public static bool IsDue(ConsultationBooking booking, DateTimeOffset now) =>
        booking.Status == ConsultationStatus.Confirmed
        && booking.ReminderSentAt is null
        && ConsultationSchedule.ReminderAt(booking.Slot) <= now
        && now < booking.SlotStart;

    /// <summary>Reminds every booking due now, batch after batch; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var (reminded, more) = await RunBatchAsync(ct);
            total += reminded;
            if (!more)
            {
                return total;
            }
        }
    }

    private async Task<(int Reminded, bool More)> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<ConsultationEmails>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var until = now + Window;
        var batch = options.Value.BatchSize;

        // Locked until commit: another worker skips these rows, and after the commit the reminded ones no longer match.
        // The reminder time only grows with the start, so in this order the due bookings come first.
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM consultation_bookings
            WHERE status = 'Confirmed' AND reminder_sent_at IS NULL AND slot_start > {now} AND slot_start <= {until}
            ORDER BY slot_start, id
            LIMIT {batch}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (0, false);
        }

        var bookings = await db.ConsultationBookings.Where(b => ids.Contains(b.Id)).OrderBy(b => b.SlotStart).ThenBy(b => b.Id).ToListAsync(ct);
        var due = bookings.Where(b => IsDue(b, now)).ToList();
        foreach (var booking in due)
        {
            booking.MarkReminderSent(now);
            await mail.RemindAsync(booking, ct);
            logger.LogInformation("Consultation {BookingId}: reminder sent", booking.Id);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (due.Count, due.Count == ids.Count && ids.Count == batch);
    }
}
