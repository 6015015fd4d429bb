using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
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

        /// <summary>A subject id (user id, message id), a case id or a case number.</summary>
        public string? Subject { get; set; }

        /// <summary>First and last day, Japan time, inclusive.</summary>
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }

        /// <summary>Show entries older than this id (the next page).</summary>
        public long? Before { get; set; }
    }

    public sealed record Row(long Id, DateTimeOffset At, AuditAction Action, string? ActorName, string SubjectType, string? SubjectId, Guid? CaseId, string? Details, string? IpAddress)
    {
        /// <summary>The number of the case the entry concerns (its subject or the case of its subject).</summary>
        public string? CaseNumber { get; init; }

        /// <summary>The subject as people know it: an account's name, a center's name, a message's subject, a file's name.</summary>
        public string? SubjectName { get; init; }
    }

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
                if (CaseNumber.TryParse(subject, out var number))
                {
                    var text = number.ToString();
                    var caseId = await db.Cases.AsNoTracking().Where(c => c.Number == text).Select(c => c.Id).FirstOrDefaultAsync(ct);
                    entries = entries.Where(e => e.CaseId == caseId);
                }
                else
                {
                    entries = Guid.TryParse(subject, out var id)
                        ? entries.Where(e => e.SubjectId == subject || e.CaseId == id)
                        : entries.Where(e => e.SubjectId == subject);
                }
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
            var shown = hasMore ? rows[..PageSize] : rows;
            return new Page(query, await NameSubjectsAsync(shown, ct), hasMore ? rows[PageSize - 1].Id : null);
        }

        /// <summary>
        /// Case numbers and readable names for a page of entries: one query per kind of subject on the page (at most
        /// six, whatever the page's length), never one per row.
        /// </summary>
        private async Task<List<Row>> NameSubjectsAsync(List<Row> rows, CancellationToken ct)
        {
            Guid[] IdsOf(string subjectType) => rows
                .Where(r => r.SubjectType == subjectType)
                .Select(r => Guid.TryParse(r.SubjectId, out var id) ? id : (Guid?)null)
                .OfType<Guid>().Distinct().ToArray();

            var caseIds = rows.Select(r => r.CaseId).OfType<Guid>().Concat(IdsOf(AuditSubjects.Case)).Distinct().ToArray();
            var userIds = IdsOf(AuditSubjects.User);
            var centerIds = IdsOf(AuditSubjects.ConsumerCenter);
            var inboundIds = IdsOf(AuditSubjects.InboundEmail);
            var outboundIds = IdsOf(AuditSubjects.OutboundEmail);
            var evidenceIds = IdsOf(AuditSubjects.CaseEvidence);

            var numbers = caseIds.Length == 0 ? [] : await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
            var names = new Dictionary<(string, Guid), string?>();
            void Add(string subjectType, Dictionary<Guid, string?> found)
            {
                foreach (var (id, name) in found)
                {
                    names[(subjectType, id)] = name;
                }
            }

            if (userIds.Length > 0)
            {
                Add(AuditSubjects.User, await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (string?)u.DisplayName, ct));
            }

            if (centerIds.Length > 0)
            {
                Add(AuditSubjects.ConsumerCenter, await db.ConsumerCenters.AsNoTracking().Where(c => centerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (string?)c.Name, ct));
            }

            if (inboundIds.Length > 0)
            {
                Add(AuditSubjects.InboundEmail, await db.InboundEmails.AsNoTracking().Where(m => inboundIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Subject, ct));
            }

            if (outboundIds.Length > 0)
            {
                Add(AuditSubjects.OutboundEmail, await db.OutboundEmails.AsNoTracking().Where(m => outboundIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => (string?)m.Subject, ct));
            }

            if (evidenceIds.Length > 0)
            {
                Add(AuditSubjects.CaseEvidence, await (
                    from e in db.CaseEvidence.AsNoTracking()
                    join f in db.StoredFiles.AsNoTracking() on e.StoredFileId equals f.Id
                    where evidenceIds.Contains(e.Id)
                    select new { e.Id, f.FileName }).ToDictionaryAsync(x => x.Id, x => (string?)x.FileName, ct));
            }

            return rows.Select(r =>
            {
                Guid? subjectGuid = Guid.TryParse(r.SubjectId, out var g) ? g : null;
                var caseId = r.CaseId ?? (r.SubjectType == AuditSubjects.Case ? subjectGuid : null);
                return r with
                {
                    CaseNumber = caseId is { } c ? numbers.GetValueOrDefault(c) : null,
                    SubjectName = subjectGuid is { } s ? names.GetValueOrDefault((r.SubjectType, s)) : null,
                };
            }).ToList();
        }

        private static DateTimeOffset StartOfJapanDay(DateOnly day) =>
            new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), LocalizationRegistration.JapanTime.BaseUtcOffset).ToUniversalTime();

        private static string EscapeLike(string text) =>
            text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
