using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Audit;

/// <summary>The audit trail for admins: newest first, filtered, a page at a time (keyset on the id).</summary>
public static class ListAudit
{
    public const int PageSize = 50;

    /// <summary>Bound from the query string, so a filtered view can be bookmarked and shared.</summary>
    public sealed class Query
    {
        public AuditAction? Action { get; set; }

        /// <summary>Part of the actor's name (or of the email tried at a failed sign-in).</summary>
        public string? Actor { get; set; }

        /// <summary>A subject id (user id, message id) or a case id.</summary>
        public string? Subject { get; set; }

        /// <summary>First and last day, Japan time, inclusive.</summary>
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }

        /// <summary>Show entries older than this id (the next page).</summary>
        public long? Before { get; set; }
    }

    public sealed record Row(long Id, DateTimeOffset At, AuditAction Action, string? ActorName, string SubjectType, string? SubjectId, Guid? CaseId, string? Details, string? IpAddress);

    public sealed record Page(Query Query, IReadOnlyList<Row> Rows, long? NextBefore);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(Query query, CancellationToken ct)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (query.Action is { } action)
            {
                entries = entries.Where(e => e.Action == action);
            }

            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                var pattern = "%" + EscapeLike(query.Actor.Trim()) + "%";
                entries = entries.Where(e => e.ActorName != null && EF.Functions.ILike(e.ActorName, pattern, "\\"));
            }

            if (!string.IsNullOrWhiteSpace(query.Subject))
            {
                var subject = query.Subject.Trim();
                entries = Guid.TryParse(subject, out var id)
                    ? entries.Where(e => e.SubjectId == subject || e.CaseId == id)
                    : entries.Where(e => e.SubjectId == subject);
            }

            if (query.From is { } from)
            {
                var start = StartOfJapanDay(from);
                entries = entries.Where(e => e.At >= start);
            }

            if (query.To is { } to)
            {
                var end = StartOfJapanDay(to.AddDays(1));
                entries = entries.Where(e => e.At < end);
            }

            if (query.Before is { } before)
            {
                entries = entries.Where(e => e.Id < before);
            }

            var rows = await entries.OrderByDescending(e => e.Id).Take(PageSize + 1)
                .Select(e => new Row(e.Id, e.At, e.Action, e.ActorName, e.SubjectType, e.SubjectId, e.CaseId, e.Details, e.IpAddress))
                .ToListAsync(ct);
            var hasMore = rows.Count > PageSize;
            return new Page(query, hasMore ? rows[..PageSize] : rows, hasMore ? rows[PageSize - 1].Id : null);
        }

        private static DateTimeOffset StartOfJapanDay(DateOnly day) =>
            new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), LocalizationRegistration.JapanTime.BaseUtcOffset).ToUniversalTime();

        private static string EscapeLike(string text) =>
            text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
