using System.Linq.Expressions;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// The staff queue: cases needing action oldest first by default, filtered, searched and sorted from the query
/// string, a page of <see cref="PageSize"/> at a time by keyset (never OFFSET), with counts per status for the same
/// filters without the status filter. A word search reads consumers' names and emails, so it is audited. The parts:
/// <see cref="QueueCriteria"/> (the query string), <see cref="QueueFilters"/>, <see cref="QueueSearch"/>,
/// <see cref="NeedsActionView"/> (the rule in SQL, and the default view compiled), <see cref="QueueKeyset"/> (paging).
/// </summary>
public static class ListCases
{
    public const int PageSize = 50;

    /// <summary>Counts per status stop here ("1,000+"): beyond it a number only costs time.</summary>
    public const int CountLimit = 1000;

    /// <summary>A word search counts at most this many cases (<see cref="QueueSearch.SearchLimit"/>).</summary>
    public const int SearchLimit = QueueSearch.SearchLimit;

    /// <summary>A case as the queue lists it; <see cref="Version"/> is what a bulk action on the row checks the case against (xmin).</summary>
    public sealed record Row(
        Guid Id,
        string Number,
        DateTimeOffset ReceivedAt,
        CaseStatus Status,
        CasePriority Priority,
        CaseCategory Category,
        string BusinessName,
        string BusinessCountryCode,
        string ConsumerName,
        Guid? AssignedToId,
        DateTimeOffset? DueAt,
        DateTimeOffset LastActivityAt,
        short StatusOrder,
        short PriorityOrder,
        DateTimeOffset DueOrder,
        DateOnly? RightsDeadline,
        DateOnly DeadlineOrder,
        bool FiledByCounselor,
        uint Version);

    public sealed record StaffMember(Guid Id, string DisplayName, bool IsDisabled);

    /// <summary>A number of cases, and whether there are more than that (a count that stopped at its limit).</summary>
    public readonly record struct Count(int Value, bool More);

    public sealed record Page(
        QueueCriteria Criteria,
        CaseSearchTerm Term,
        IReadOnlyList<string> Ignored,
        IReadOnlyList<Row> Rows,
        IReadOnlyDictionary<CaseStatus, int>? Counts,
        QueueCriteria? Previous,
        QueueCriteria? Next,
        IReadOnlyList<StaffMember> Staff,
        IReadOnlyList<PartnerListing> Agencies,
        DateTimeOffset Now)
    {
        /// <summary>The cases of a status; null when a common search term was not counted per status.</summary>
        public Count? CountOf(CaseStatus status) => Counts is null ? null : Capped(Counts.GetValueOrDefault(status));

        /// <summary>How many cases the view holds: the counts of the chosen statuses (all of them when none is chosen).</summary>
        public Count Total
        {
            get
            {
                if (Counts is null)
                {
                    return new Count(SearchLimit, More: true);
                }

                var counts = (Criteria.Statuses.Count == 0 || Term.Kind == CaseSearchKind.CaseNumber ? Enum.GetValues<CaseStatus>() : Criteria.Statuses)
                    .Select(CountOf).OfType<Count>().ToList();
                return new Count(counts.Sum(c => c.Value), counts.Any(c => c.More));
            }
        }

        public string AssigneeName(Guid id) => Staff.FirstOrDefault(s => s.Id == id)?.DisplayName ?? "";

        // Counts per status stop at CountLimit + 1; a word search's counts are exact (up to SearchLimit, or not made at all).
        private Count Capped(int count) => Term.Kind != CaseSearchKind.Words && count > CountLimit ? new Count(CountLimit, More: true) : new Count(count, More: false);
    }

    /// <summary>One page asked for: the criteria read from the query string, and what they are read against.</summary>
    public sealed record Request(QueueCriteria Criteria, IReadOnlyList<string> Ignored, PartnerRegistry Registry, Guid CurrentUserId, DateTimeOffset Now)
    {
        public CaseSearchTerm Term => Criteria.Term;

        /// <summary>Going back reached the start of the list: the first page itself (it may have gained rows).</summary>
        public Request FirstPage() => this with { Criteria = Criteria.FirstPage() };
    }

    /// <summary>A queue row, as every path of the queue reads it.</summary>
    public static readonly Expression<Func<Case, Row>> ToRow = c => new Row(
        c.Id, c.Number, c.ReceivedAt, c.Status, c.Priority, c.Category, c.BusinessName, c.BusinessCountryCode, c.ConsumerName,
        c.AssignedToId, c.DueAt, c.LastActivityAt,
        EF.Property<short>(c, CaseQueueColumns.StatusOrder), EF.Property<short>(c, CaseQueueColumns.PriorityOrder),
        EF.Property<DateTimeOffset>(c, CaseQueueColumns.DueOrder), c.EarliestRightsDeadline, EF.Property<DateOnly>(c, CaseQueueColumns.DeadlineOrder),
        c.FiledByCenterId != null, c.Version);

    public sealed class Handler(AppDbContext db, SearchBigramStatistics statistics, PartnerDirectory partners, AuditTrail audit, TimeProvider clock)
    {
        public async Task<Page> HandleAsync(QueueQuery query, Guid currentUserId, CancellationToken ct)
        {
            // One connection for the page's four or five statements: every close of a pooled connection costs PostgreSQL a
            // session reset on its next use (docs/performance.md).
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var registry = await partners.CurrentAsync(ct);
                var (criteria, ignored) = QueueCriteria.Parse(query, registry);
                var request = new Request(criteria, ignored, registry, currentUserId, clock.GetUtcNow());
                var slice = await ReadAsync(request, ct);
                if (slice.ReachedStart)
                {
                    request = request.FirstPage();
                    slice = await ReadAsync(request, ct);
                }

                return await PageAsync(request, slice, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        /// <summary>Up to a page and one more row (which tells whether there is a next page), and the counts per status.</summary>
        private sealed record Slice(List<Row> Rows, IReadOnlyDictionary<CaseStatus, int>? Counts, bool Backwards)
        {
            public bool More => Rows.Count > PageSize;

            public bool ReachedStart => Backwards && !More;
        }

        private async Task<Slice> ReadAsync(Request request, CancellationToken ct)
        {
            var (criteria, term, now) = (request.Criteria, request.Term, request.Now);
            var filtered = QueueFilters.Apply(db.Cases.AsNoTracking(), criteria, request.CurrentUserId, now);

            IReadOnlyDictionary<CaseStatus, int>? counts;
            if (term.Kind == CaseSearchKind.Words)
            {
                // One bounded pass finds up to SearchLimit matches through the bigram index; their statuses are the counts.
                // A single two-character word that the statistics find in far more cases (返金, "refund") skips it.
                var stats = await statistics.ReadAsync(db, ct);
                var found = QueueSearch.Found(filtered, term, QueueSearch.SearchKeys(term, stats.Frequencies));
                var common = QueueSearch.IsTooCommonToCount(term, stats);
                var statuses = common ? [] : await found.Select(c => c.Status).Take(SearchLimit + 1).ToListAsync(ct);
                counts = common || statuses.Count > SearchLimit ? null : statuses.CountBy(s => s).ToDictionary();

                // A term that common is checked case by case along the sort order instead (a page needs few of them), and not counted.
                filtered = counts is null ? QueueSearch.Containing(filtered, term) : found;
            }
            else
            {
                // The needs-action view is the default list; a case number finds its case in any state.
                var needsAction = criteria.View == QueueView.NeedsAction && term.Kind == CaseSearchKind.None;
                var openOnly = term.Kind == CaseSearchKind.None && (needsAction || criteria.OverdueOnly);
                if (needsAction && !criteria.HasFilters && criteria is { Sort: QueueSort.Received, Descending: false, Before: null })
                {
                    // The page every staff member opens first and most often, and the pages after it: compiled statements.
                    return await DefaultViewAsync(criteria.After, now, ct);
                }

                counts = await NeedsActionView.CountPerStatus(filtered, needsAction, openOnly, now, CountLimit + 1)
                    .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
                filtered = needsAction ? NeedsActionView.Of(filtered, now) : filtered;
            }

            IReadOnlyList<CaseStatus> chosen = term.Kind == CaseSearchKind.CaseNumber ? [] : criteria.Statuses;
            var inStatus = chosen.Count == 0 ? filtered : filtered.Where(c => EF.Constant(chosen).Contains(c.Status));
            var backwards = criteria.Before is not null;
            var rows = await QueueKeyset.Seek(inStatus, criteria.Sort, criteria.Descending != backwards, criteria.After ?? criteria.Before)
                .Take(PageSize + 1)
                .Select(ToRow)
                .ToListAsync(ct);
            return new Slice(rows, counts, backwards);
        }

        /// <summary>The default view (needs action, no filter, no search, oldest first): its first page and the pages after it.</summary>
        private async Task<Slice> DefaultViewAsync(QueueCursor? after, DateTimeOffset now, CancellationToken ct)
        {
            var counts = new Dictionary<CaseStatus, int>();
            await foreach (var count in NeedsActionView.CompiledCounts(db, now).WithCancellation(ct))
            {
                counts[count.Status] = count.Count;
            }

            var rows = new List<Row>(PageSize + 1);
            var page = after is null
                ? NeedsActionView.CompiledFirstRows(db, now)
                : NeedsActionView.CompiledRowsAfter(db, now, QueueKeyset.Time(after.Key), after.Id);
            await foreach (var row in page.WithCancellation(ct))
            {
                rows.Add(row);
            }

            return new Slice(rows, counts, Backwards: false);
        }

        private async Task<Page> PageAsync(Request request, Slice slice, CancellationToken ct)
        {
            var criteria = request.Criteria;
            var rows = slice.Rows.Take(PageSize).ToList();
            if (slice.Backwards)
            {
                rows.Reverse();
            }

            var first = criteria.FirstPage();
            var previous = (slice.Backwards || criteria.After is not null) && rows.Count > 0 ? first with { Before = QueueKeyset.Cursor(criteria, rows[0]) } : null;
            var next = (slice.More || slice.Backwards) && rows.Count > 0 ? first with { After = QueueKeyset.Cursor(criteria, rows[^1]) } : null;
            var staff = await StaffAsync([.. rows.Where(r => r.AssignedToId is not null).Select(r => r.AssignedToId!.Value).Distinct()], ct);

            if (request.Term.Kind == CaseSearchKind.Words)
            {
                // Consumers' names and emails were searched and shown: who searched for what, and which cases it showed.
                audit.Record(AuditAction.CasesSearched, "Case", null, details: new
                {
                    search = request.Term.Words.Any(w => w.Contains('@', StringComparison.Ordinal)) ? "email" : "words",
                    term = criteria.Search,
                    view = criteria.Href(),
                    shown = rows.Select(r => r.Number),
                });
                await db.SaveChangesAsync(ct);
            }

            return new Page(criteria, request.Term, request.Ignored, rows, slice.Counts, previous, next, staff, request.Registry.All, request.Now);
        }

        /// <summary>The assignees shown and the back office's staff (the assignee filter), in one statement: the roles are joined, not read first.</summary>
        private async Task<IReadOnlyList<StaffMember>> StaffAsync(List<Guid> assignees, CancellationToken ct) =>
            await db.Users.AsNoTracking()
                .Where(u => assignees.Contains(u.Id)
                    || db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && EF.Constant(Roles.BackOffice).Contains(r.Name!))))
                .OrderBy(u => u.DisplayName)
                .Select(u => new StaffMember(u.Id, u.DisplayName, u.IsDisabled))
                .ToListAsync(ct);
    }
}
