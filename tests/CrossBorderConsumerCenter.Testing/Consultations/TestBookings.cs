using CrossBorderConsumerCenter.Testing.Hosting;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.Testing.Consultations;

/// <summary>
/// Online consultation bookings in a test database, brought into a status by the booking's own methods (applied three
/// days before the slot, confirmed the day before, the outcome at the start), whatever the portal's clock says: a test
/// sets the clock where it needs it relative to <see cref="ConsultationSlot.StartsAt"/>. Each takes the next free seat
/// of its slot, so that several can share one.
/// </summary>
public static class TestBookings
{
    public const string MeetingUrl = "https://meet.example.jp/room/ward-1";

    public static ConsultationApplicant Applicant(string name = "足立 花子") =>
        new(name, "アダチ ハナコ", "120-8510", "JP-13", "足立区中央本町1-17-1", "03-3880-5380", "hanako@example.jp", "海外の通販サイトで買った靴が届きません。");

    /// <summary>The first consultation day (ward's rules: a business day) on or after <paramref name="from"/>.</summary>
    public static DateOnly ConsultationDayFrom(DateOnly from)
    {
        var day = from;
        while (!ConsultationSchedule.Ward.IsConsultationDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// A booking of <paramref name="slot"/> in <paramref name="status"/> (Requested, Confirmed with
    /// <paramref name="counselorId"/>, Held, NotIdentified, NoContact or Cancelled by the center).
    /// </summary>
    public static async Task<ConsultationBooking> CreateAsync(
        PortalFactory factory, ConsultationSlot slot, ConsultationStatus status = ConsultationStatus.Requested, Guid? counselorId = null,
        ConsultationApplicant? applicant = null, string language = "ja")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var start = slot.StartsAt;
        var seats = await db.ConsultationBookings.AsNoTracking()
            .Where(b => b.SlotStart == start && b.Status != ConsultationStatus.Cancelled).Select(b => b.Seat).ToListAsync();
        var seat = Enumerable.Range(1, seats.Count + 1).Except(seats).First();
        var booking = new ConsultationBooking(applicant ?? Applicant(), slot, seat, language, Web.Domain.Cases.PrivacyNotice.CurrentVersion, filedBy: null, start.AddDays(-3));
        if (status is not ConsultationStatus.Requested and not ConsultationStatus.Cancelled)
        {
            var counselor = counselorId ?? throw new ArgumentException("A confirmed booking names its counselor.", nameof(counselorId));
            Check(booking.Confirm(counselor, MeetingUrl, start.AddDays(-1)));
            Check(status switch
            {
                ConsultationStatus.Held => booking.RecordIdentity(true, counselor, TimeSpan.FromMinutes(30), start),
                ConsultationStatus.NotIdentified => booking.RecordIdentity(false, counselor, TimeSpan.FromMinutes(30), start),
                ConsultationStatus.NoContact => booking.RecordNoContact(counselor, start + ConsultationSchedule.NoContactAfter),
                _ => ConsultationRefusal.None,
            });
        }
        else if (status == ConsultationStatus.Cancelled)
        {
            Check(booking.Cancel(ConsultationCanceller.Center, "都合により", start.AddDays(-1)));
        }

        db.ConsultationBookings.Add(booking);
        await db.SaveChangesAsync();
        return booking;
    }

    public static async Task<ConsultationBooking> ReadAsync(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConsultationBookings.AsNoTracking().SingleAsync(b => b.Id == id);
    }

    private static void Check(ConsultationRefusal refusal)
    {
        if (refusal != ConsultationRefusal.None)
        {
            throw new InvalidOperationException($"The booking refused the step: {refusal}.");
        }
    }
}
