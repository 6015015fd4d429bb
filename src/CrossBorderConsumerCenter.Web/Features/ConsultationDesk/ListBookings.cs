using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

/// <summary>
/// The staff's day and week views of the bookings, per counselor: the bookings not confirmed yet (no counselor) first,
/// then each counselor's, in time order. The day is read in Japan time; a week starts on Monday. One indexed range query
/// over the slot's start (the bookings' (slot_start, id) index), with the counselors' names joined.
/// </summary>
public static class ListBookings
{
    public const string DayView = "day";
    public const string WeekView = "week";

    public sealed record Query(string? Day, string? View);

    public sealed record Row(Guid Id, ConsultationSlot Slot, ConsultationStatus Status, string Name, Guid? CounselorId);

    /// <summary>A counselor's bookings (<see cref="CounselorId"/> null: not confirmed yet).</summary>
    public sealed record Group(Guid? CounselorId, string? CounselorName, IReadOnlyList<Row> Rows);

    public sealed record Page(string View, DateOnly Day, DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<Group> Groups, int AwaitingConfirmation, bool DayIgnored)
    {
        public bool IsWeek => View == WeekView;

        public DateOnly Previous => IsWeek ? From.AddDays(-7) : Day.AddDays(-1);

        public DateOnly Next => IsWeek ? From.AddDays(7) : Day.AddDays(1);

        public static string Href(string view, DateOnly day) =>
            $"/staff/consultations?view={view}&day={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Monday of the week that holds <paramref name="day"/>.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Page> HandleAsync(Query query, CancellationToken ct)
        {
            var today = LocalizationRegistration.JapanToday(clock);
            var view = query.View == WeekView ? WeekView : DayView;
            var parsed = DateOnly.TryParseExact(query.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked);
            var day = parsed ? asked : today;
            var (from, to) = view == WeekView ? (MondayOf(day), MondayOf(day).AddDays(6)) : (day, day);
            var start = new ConsultationSlot(from, TimeOnly.MinValue).StartsAt;
            var end = new ConsultationSlot(to.AddDays(1), TimeOnly.MinValue).StartsAt;

            var rows = await db.ConsultationBookings.AsNoTracking()
                .Where(b => b.SlotStart >= start && b.SlotStart < end)
                .OrderBy(b => b.SlotStart).ThenBy(b => b.Id)
                .Select(b => new { b.Id, b.SlotStart, b.Status, b.Name, b.CounselorId })
                .ToListAsync(ct);
            var counselorIds = rows.Where(r => r.CounselorId is not null).Select(r => r.CounselorId!.Value).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => counselorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var now = clock.GetUtcNow();
            var awaiting = await db.ConsultationBookings.AsNoTracking().CountAsync(b => b.Status == ConsultationStatus.Requested && b.SlotStart > now, ct);

            var groups = rows
                .Select(r => new Row(r.Id, ConsultationSlot.At(r.SlotStart), r.Status, r.Name, r.CounselorId))
                .GroupBy(r => r.CounselorId)
                .Select(g => new Group(g.Key, g.Key is { } id ? names.GetValueOrDefault(id) : null, g.ToList()))
                .OrderBy(g => g.CounselorId is null ? 0 : 1).ThenBy(g => g.CounselorName, StringComparer.Ordinal)
                .ToList();
            return new Page(view, day, from, to, today, groups, awaiting, DayIgnored: query.Day is not null && !parsed);
        }
    }
}
