using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// The counselor's dashboard: the cases their center filed, newest first, a page at a time (keyset on received time
/// and id, served by the index on (filed_by_center_id, received_at DESC, id DESC)), each with its status and its latest
/// consumer-visible step, in one query.
/// </summary>
public static class ListCenterCases
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Number, DateTimeOffset ReceivedAt, string ResidentName, string BusinessName, CaseStatus Status, bool ResidentHasEmail, CaseEventKind? LastKind, DateTimeOffset? LastAt);

    /// <param name="Rows">This page.</param>
    /// <param name="Next">The cursor of the next page, if there is one.</param>
    /// <param name="IsFirstPage">No cursor was given.</param>
    public sealed record Page(IReadOnlyList<Row> Rows, string? Next, bool IsFirstPage);

    /// <summary>A position in the list: the last row's received time (UTC ticks) and id, as "ticks_id".</summary>
    public static string Cursor(DateTimeOffset receivedAt, Guid id) => $"{receivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{id:N}";

    public static bool TryParseCursor(string? cursor, out DateTimeOffset receivedAt, out Guid id)
    {
        receivedAt = default;
        id = default;
        var parts = cursor?.Split('_');
        if (parts is not [var ticks, var guid] || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            || t < DateTimeOffset.MinValue.UtcTicks || t > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(guid, "N", out id))
        {
            return false;
        }

        receivedAt = new DateTimeOffset(t, TimeSpan.Zero);
        return true;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(Guid centerId, string? after, CancellationToken ct)
        {
            var query = db.Cases.AsNoTracking().Where(c => c.FiledByCenterId == centerId);
            var isFirst = !TryParseCursor(after, out var afterAt, out var afterId);
            if (!isFirst)
            {
                query = query.Where(c => c.ReceivedAt < afterAt || (c.ReceivedAt == afterAt && c.Id.CompareTo(afterId) < 0));
            }

            var rows = await query
                .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)
                .Take(PageSize + 1)
                .Select(c => new
                {
                    c.Id,
                    c.Number,
                    c.ReceivedAt,
                    c.ConsumerName,
                    c.BusinessName,
                    c.Status,
                    HasEmail = c.ConsumerEmail != null,
                    Last = db.CaseEvents.Where(e => e.CaseId == c.Id && e.VisibleToConsumer).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                        .Select(e => new { e.Kind, e.At }).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var page = rows.Take(PageSize)
                .Select(r => new Row(r.Id, r.Number, r.ReceivedAt, r.ConsumerName, r.BusinessName, r.Status, r.HasEmail, r.Last == null ? null : r.Last.Kind, r.Last == null ? null : r.Last.At))
                .ToList();
            return new Page(page, rows.Count > PageSize ? Cursor(page[^1].ReceivedAt, page[^1].Id) : null, isFirst);
        }
    }
}
