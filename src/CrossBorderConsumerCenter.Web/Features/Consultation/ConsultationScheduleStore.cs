using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>
/// The booking schedule as it stands: the admin's settings row and closed days, or the ward's rules while no admin has
/// saved any (<see cref="ConsultationSchedule.Ward"/>). Read on each request (one row and a few dates).
/// </summary>
public sealed class ConsultationScheduleStore(AppDbContext db)
{
    public async Task<ConsultationSchedule> LoadAsync(CancellationToken ct)
    {
        var settings = await db.ConsultationSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var closed = await db.ConsultationClosedDays.AsNoTracking().Select(d => d.Day).ToListAsync(ct);
        return settings is null
            ? new ConsultationSchedule(ConsultationSchedule.Ward.SlotTimes, ConsultationSchedule.Ward.SeatsPerSlot, ConsultationSchedule.Ward.HorizonDays, closed)
            : settings.ToSchedule(closed);
    }
}
