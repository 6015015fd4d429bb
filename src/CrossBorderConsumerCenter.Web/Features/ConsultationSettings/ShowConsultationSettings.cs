using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationSettings;

/// <summary>
/// The schedule as it stands and what it means: the slot times, seats and horizon (the ward's defaults until an admin
/// saves), the closed days to come, and for an application made today the first and last day it may ask for.
/// </summary>
public static class ShowConsultationSettings
{
    public sealed record ClosedDayRow(DateOnly Day, string Reason);

    public sealed record Page(
        SaveConsultationSchedule.Form Schedule,
        ClosedDays.Form NewClosedDay,
        bool IsWardDefault,
        ConsultationSchedule Current,
        IReadOnlyList<ClosedDayRow> ClosedDays,
        DateOnly Today,
        DateOnly? FirstBookableDay,
        DateOnly LastDay);

    /// <summary>A day as the page shows it, with its weekday: 2027年1月6日(水) / Wed 6 Jan 2027.</summary>
    public static string DayLabel(DateOnly day, string language) => language == "en"
        ? day.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
        : day.ToString("yyyy年M月d日(ddd)", System.Globalization.CultureInfo.GetCultureInfo("ja-JP"));

    public sealed class Handler(AppDbContext db, ConsultationScheduleStore store, TimeProvider clock)
    {
        /// <summary>The page, with the forms as typed when they come back with errors.</summary>
        public async Task<Page> HandleAsync(SaveConsultationSchedule.Form? schedule, ClosedDays.Form? newClosedDay, CancellationToken ct)
        {
            var current = await store.LoadAsync(ct);
            var version = await db.ConsultationSettings.AsNoTracking().Select(s => (uint?)s.Version).SingleOrDefaultAsync(ct);
            var today = LocalizationRegistration.JapanToday(clock);
            var closed = await db.ConsultationClosedDays.AsNoTracking().Where(d => d.Day >= today).OrderBy(d => d.Day)
                .Select(d => new ClosedDayRow(d.Day, d.Reason)).ToListAsync(ct);
            var last = current.LastDay(today);
            DateOnly? first = null;
            for (var day = ConsultationSchedule.EarliestDay(today); day <= last; day = day.AddDays(1))
            {
                if (current.IsBookableDay(day, today))
                {
                    first = day;
                    break;
                }
            }

            return new Page(
                schedule ?? SaveConsultationSchedule.Form.From(current, version ?? 0),
                newClosedDay ?? new ClosedDays.Form(),
                version is null,
                current,
                closed,
                today,
                first,
                last);
        }
    }
}
