using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// The staff queue: cases needing action oldest first by default, filtered, searched and sorted from the query
/// string, a page of <see cref="PageSize"/> at a time by keyset (never OFFSET), with counts per status for the same
/// filters without the status filter. A word search reads consumers' names and emails, so it is audited.
/// </summary>
public static class ListCases
{
    public const int PageSize = 50;

    /// <summary>Counts per status stop here ("1,000+"): beyond it a number only costs time.</summary>
    public const int CountLimit = 1000;

    /// <summary>
    /// A word search finds at most this many cases through the bigram index (and counts them); a term matching more is
    /// common enough that walking the sort order and checking each case fills a page sooner (docs/performance.md).
    /// </summary>
    public const int SearchLimit = 5000;

    /// <summary>At most this many of each word's rarest bigrams are asked of the index; the exact test checks the rest.</summary>
    public const int KeysPerWord = 4;

    /// <summary>A bigram in more than this share of cases narrows too little to be worth reading its index entries, unless it is a word's rarest.</summary>
    public const float CommonBigram = 0.1f;

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
        bool FiledByCounselor);

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

    public sealed class Handler(AppDbContext db, SearchBigramStatistics statistics, PartnerDirectory partners, AuditTrail audit, TimeProvider clock)
    {
        public async Task<Page> HandleAsync(QueueQuery query, Guid currentUserId, CancellationToken ct)
        {
            // One connection for the page's four or five statements: every close of a pooled connection costs PostgreSQL a
            // session reset on its next use (docs/performance.md).
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                return await ListAsync(query, currentUserId, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task<Page> ListAsync(QueueQuery query, Guid currentUserId, CancellationToken ct)
        {
            var registry = await partners.CurrentAsync(ct);
            var (criteria, ignored) = QueueCriteria.Parse(query, registry);
            var now = clock.GetUtcNow();
            var term = criteria.Term;
            var filtered = Filter(db.Cases.AsNoTracking(), criteria, term, currentUserId, now);

            IReadOnlyDictionary<CaseStatus, int>? counts;
            if (term.Kind == CaseSearchKind.Words)
            {
                // One bounded pass finds up to SearchLimit matches through the bigram index; their statuses are the counts.
                // A single two-character word that the statistics find in far more cases (返金, "refund") skips it.
                var stats = await statistics.ReadAsync(db, ct);
                var keys = SearchKeys(term, stats.Frequencies);
                var found = Containing(filtered.Where(c => keys.All(k => EF.Property<string[]>(c, CaseQueueColumns.SearchBigrams).Contains(k))), term);
                var common = IsTooCommonToCount(term, stats);
                var statuses = common ? [] : await found.Select(c => c.Status).Take(SearchLimit + 1).ToListAsync(ct);
                counts = common || statuses.Count > SearchLimit ? null : statuses.CountBy(s => s).ToDictionary();

                // A term that common is checked case by case along the sort order instead (a page needs few of them), and not counted.
                filtered = counts is null ? Containing(filtered, term) : found;
            }
            else
            {
                // The needs-action view is the default list; a case number finds its case in any state.
                var needsAction = criteria.View == QueueView.NeedsAction && term.Kind == CaseSearchKind.None;
                var openOnly = term.Kind == CaseSearchKind.None && (needsAction || criteria.OverdueOnly);
                if (needsAction && !criteria.HasFilters && criteria is { Sort: QueueSort.Received, Descending: false, Before: null })
                {
                    // The page every staff member opens first and most often, and the pages after it: compiled statements.
                    return await NeedsActionPageAsync(query, criteria, ignored, registry, now, currentUserId, ct);
                }

                counts = await CountPerStatusAsync(filtered, needsAction, openOnly, now, ct);
                filtered = needsAction ? NeedingAction(filtered, now) : filtered;
            }

            IReadOnlyList<CaseStatus> chosen = term.Kind == CaseSearchKind.CaseNumber ? [] : criteria.Statuses;
            var inStatus = chosen.Count == 0 ? filtered : filtered.Where(c => EF.Constant(chosen).Contains(c.Status));
            var backwards = criteria.Before is not null;
            var rows = await Seek(inStatus, criteria.Sort, criteria.Descending != backwards, criteria.After ?? criteria.Before)
                .Take(PageSize + 1)
                .Select(ToRow)
                .ToListAsync(ct);
            return await PageAsync(criteria, term, ignored, registry, now, counts, rows, backwards, query, currentUserId, ct);
        }

        private async Task<Page> PageAsync(
            QueueCriteria criteria, CaseSearchTerm term, IReadOnlyList<string> ignored, PartnerRegistry registry, DateTimeOffset now,
            IReadOnlyDictionary<CaseStatus, int>? counts, List<Row> rows, bool backwards, QueueQuery query, Guid currentUserId, CancellationToken ct)
        {
            var more = rows.Count > PageSize;
            rows = rows.Take(PageSize).ToList();
            if (backwards)
            {
                // Going back reached the start of the list: show the first page itself (it may have gained rows).
                if (!more)
                {
                    query.Before = null;
                    return await ListAsync(query, currentUserId, ct);
                }

                rows.Reverse();
            }

            var first = criteria.FirstPage();
            var previous = (backwards || criteria.After is not null) && rows.Count > 0 ? first with { Before = Cursor(criteria, rows[0]) } : null;
            var next = (more || backwards) && rows.Count > 0 ? first with { After = Cursor(criteria, rows[^1]) } : null;
            var staff = await StaffAsync([.. rows.Where(r => r.AssignedToId is not null).Select(r => r.AssignedToId!.Value).Distinct()], ct);

            if (term.Kind == CaseSearchKind.Words)
            {
                // Consumers' names and emails were searched and shown: who searched for what, and which cases it showed.
                audit.Record(AuditAction.CasesSearched, "Case", null, details: new
                {
                    search = term.Words.Any(w => w.Contains('@', StringComparison.Ordinal)) ? "email" : "words",
                    term = criteria.Search,
                    view = criteria.Href(),
                    shown = rows.Select(r => r.Number),
                });
                await db.SaveChangesAsync(ct);
            }

            return new Page(criteria, term, ignored, rows, counts, previous, next, staff, registry.All, now);
        }

        /// <summary>
        /// Cases per status, each count stopping at <see cref="CountLimit"/> + 1: one query of up to seven index range scans
        /// that never grows with the million closed cases (docs/adr/0030). "Needs action" is spelled per status (all of a
        /// received case, only the overdue ones of a case waiting for the consumer), which the indexes answer directly.
        /// </summary>
        private static async Task<IReadOnlyDictionary<CaseStatus, int>> CountPerStatusAsync(
            IQueryable<Case> filtered, bool needsAction, bool openOnly, DateTimeOffset now, CancellationToken ct)
        {
            var perStatus = Enum.GetValues<CaseStatus>()
                .Where(status => CaseWorkflow.IsOpen(status) || !openOnly)
                .Select(status => needsAction && !CaseQueueRules.CenterActsNext.Contains(status)
                    ? filtered.Where(c => c.Status == status && c.DueAt < now)
                    : filtered.Where(c => c.Status == status))
                .Select(cases => cases.Select(c => c.Status).Take(CountLimit + 1))
                .Aggregate(Queryable.Concat);
            return await perStatus.GroupBy(s => s).Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        }

        /// <summary>The default view's rule (<see cref="CaseQueueRules.NeedsAction"/>), with the open statuses as constants so PostgreSQL can use the partial indexes of open cases.</summary>
        private static IQueryable<Case> NeedingAction(IQueryable<Case> cases, DateTimeOffset now) =>
            cases.Where(c => EF.Constant(CaseQueueRules.OpenStatuses).Contains(c.Status)
                && (EF.Constant(CaseQueueRules.CenterActsNext).Contains(c.Status) || c.DueAt < now));

        /// <summary>
        /// Every filter but the status and the needs-action view, so the counts per status answer "how many if I chose that
        /// status". A search looks through all cases; a case number finds that case whatever the filters.
        /// </summary>
        private static IQueryable<Case> Filter(IQueryable<Case> cases, QueueCriteria criteria, CaseSearchTerm term, Guid currentUserId, DateTimeOffset now)
        {
            switch (term.Kind)
            {
                case CaseSearchKind.CaseNumber:
                    return cases.Where(c => c.Number == term.CaseNumber);
                case CaseSearchKind.TooShort:
                    // Nothing to find a million cases by; the page says so and lists none rather than all.
                    return cases.Where(c => false);
            }

            if (criteria.OverdueOnly)
            {
                cases = cases.Where(c => EF.Constant(CaseQueueRules.OpenStatuses).Contains(c.Status) && c.DueAt < now);
            }

            if (criteria.Category is { } category)
            {
                cases = cases.Where(c => c.Category == category);
            }

            if (criteria.Country is { } country)
            {
                cases = cases.Where(c => c.BusinessCountryCode == country);
            }

            if (criteria.Agency is { } agency)
            {
                var countries = agency.CountryCodes.ToList();
                cases = cases.Where(c => countries.Contains(c.BusinessCountryCode));
            }

            if (criteria.Platform is { } platform)
            {
                cases = cases.Where(c => c.PurchasePlatform == platform);
            }

            if (criteria.Priority is { } priority)
            {
                cases = cases.Where(c => c.Priority == priority);
            }

            cases = criteria.Assignee switch
            {
                null => cases,
                QueueCriteria.Me => cases.Where(c => c.AssignedToId == currentUserId),
                QueueCriteria.Unassigned => cases.Where(c => c.AssignedToId == null),
                var id => cases.Where(c => c.AssignedToId == Guid.Parse(id)),
            };

            if (criteria.From is { } from)
            {
                var start = StartOfJapanDay(from);
                cases = cases.Where(c => c.ReceivedAt >= start);
            }

            if (criteria.To is { } to)
            {
                var end = StartOfJapanDay(to.AddDays(1));
                cases = cases.Where(c => c.ReceivedAt < end);
            }

            return cases;
        }

        /// <summary>Each word occurs in the normalized search text (the exact test, whatever found the candidates).</summary>
        private static IQueryable<Case> Containing(IQueryable<Case> cases, CaseSearchTerm term) =>
            term.Words.Aggregate(cases, (found, word) => found.Where(c => EF.Property<string>(c, CaseQueueColumns.SearchText).Contains(word)));

        /// <summary>
        /// The default view (needs action, no filter, no search, oldest first), its first page and the pages after it, by
        /// compiled queries: the same statements as <see cref="CountPerStatusAsync"/>, <see cref="NeedingAction"/> and
        /// <see cref="Seek(IQueryable{Case}, QueueSort, bool, QueueCursor?)"/> send for that view, without EF Core hashing and
        /// funcletizing their expression trees on every request (docs/performance.md).
        /// </summary>
        private async Task<Page> NeedsActionPageAsync(
            QueueQuery query, QueueCriteria criteria, IReadOnlyList<string> ignored, PartnerRegistry registry, DateTimeOffset now, Guid currentUserId, CancellationToken ct)
        {
            var counts = new Dictionary<CaseStatus, int>();
            await foreach (var count in NeedsActionCounts(db, now).WithCancellation(ct))
            {
                counts[count.Status] = count.Count;
            }

            var rows = new List<Row>(PageSize + 1);
            var page = criteria.After is { } after
                ? NeedsActionRowsAfter(db, now, Time(after.Key), after.Id)
                : NeedsActionRows(db, now);
            await foreach (var row in page.WithCancellation(ct))
            {
                rows.Add(row);
            }

            return await PageAsync(criteria, criteria.Term, ignored, registry, now, counts, rows, backwards: false, query, currentUserId, ct);
        }

        private sealed record StatusCount(CaseStatus Status, int Count);

        // CaseQueueRules spelled out (a compiled query cannot take EF.Constant), in the shape NeedingAction sends: open, and
        // either the center acts next (a received case, one in progress, a partner's answer) or overdue. The open statuses
        // spelled out let PostgreSQL use the partial index of open cases. A test compares this view with the same view
        // reached through the general path.
        private static readonly Func<AppDbContext, DateTimeOffset, IAsyncEnumerable<StatusCount>> NeedsActionCounts = EF.CompileAsyncQuery(
            (AppDbContext db, DateTimeOffset now) => db.Cases.Where(c => c.Status == CaseStatus.Received).Select(c => c.Status).Take(CountLimit + 1)
                .Concat(db.Cases.Where(c => c.Status == CaseStatus.InProgress).Select(c => c.Status).Take(CountLimit + 1))
                .Concat(db.Cases.Where(c => c.Status == CaseStatus.WaitingForConsumer && c.DueAt < now).Select(c => c.Status).Take(CountLimit + 1))
                .Concat(db.Cases.Where(c => c.Status == CaseStatus.Forwarded && c.DueAt < now).Select(c => c.Status).Take(CountLimit + 1))
                .Concat(db.Cases.Where(c => c.Status == CaseStatus.PartnerResponded).Select(c => c.Status).Take(CountLimit + 1))
                .GroupBy(s => s)
                .Select(g => new StatusCount(g.Key, g.Count())));

        /// <summary>A queue row, as every path of the queue reads it.</summary>
        private static readonly Expression<Func<Case, Row>> ToRow = c => new Row(
            c.Id, c.Number, c.ReceivedAt, c.Status, c.Priority, c.Category, c.BusinessName, c.BusinessCountryCode, c.ConsumerName,
            c.AssignedToId, c.DueAt, c.LastActivityAt,
            EF.Property<short>(c, CaseQueueColumns.StatusOrder), EF.Property<short>(c, CaseQueueColumns.PriorityOrder),
            EF.Property<DateTimeOffset>(c, CaseQueueColumns.DueOrder), c.FiledByCenterId != null);

        private static readonly Func<AppDbContext, DateTimeOffset, IAsyncEnumerable<Row>> NeedsActionRows = EF.CompileAsyncQuery(
            (AppDbContext db, DateTimeOffset now) => db.Cases.AsNoTracking()
                .Where(c => (c.Status == CaseStatus.Received || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.WaitingForConsumer
                        || c.Status == CaseStatus.Forwarded || c.Status == CaseStatus.PartnerResponded)
                    && (c.Status == CaseStatus.Received || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.PartnerResponded || c.DueAt < now))
                .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
                .Take(PageSize + 1)
                .Select(ToRow));

        private static readonly Func<AppDbContext, DateTimeOffset, DateTimeOffset, Guid, IAsyncEnumerable<Row>> NeedsActionRowsAfter = EF.CompileAsyncQuery(
            (AppDbContext db, DateTimeOffset now, DateTimeOffset afterReceivedAt, Guid afterId) => db.Cases.AsNoTracking()
                .Where(c => (c.Status == CaseStatus.Received || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.WaitingForConsumer
                        || c.Status == CaseStatus.Forwarded || c.Status == CaseStatus.PartnerResponded)
                    && (c.Status == CaseStatus.Received || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.PartnerResponded || c.DueAt < now))
                .Where(c => EF.Functions.GreaterThan((ITuple)ValueTuple.Create(c.ReceivedAt, c.Id), (ITuple)ValueTuple.Create(afterReceivedAt, afterId)))
                .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
                .Take(PageSize + 1)
                .Select(ToRow));

        /// <summary>The assignees shown and the back office's staff (the assignee filter), in one statement: the roles are joined, not read first.</summary>
        private async Task<IReadOnlyList<StaffMember>> StaffAsync(List<Guid> assignees, CancellationToken ct) =>
            await db.Users.AsNoTracking()
                .Where(u => assignees.Contains(u.Id)
                    || db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && EF.Constant(Roles.BackOffice).Contains(r.Name!))))
                .OrderBy(u => u.DisplayName)
                .Select(u => new StaffMember(u.Id, u.DisplayName, u.IsDisabled))
                .ToListAsync(ct);
    }

    /// <summary>Whether a cursor's key reads as a key of that sort (a tampered token is ignored, not an error).</summary>
    public static bool IsValidKey(QueueSort sort, string key) => sort switch
    {
        QueueSort.Received or QueueSort.Due or QueueSort.Activity => long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks,
        QueueSort.Status or QueueSort.Priority => short.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        _ => key.Length <= 1000,
    };

    private static QueueCursor? Cursor(QueueCriteria criteria, Row? row) => row is null ? null : new QueueCursor(criteria.Sort, criteria.Descending, criteria.Sort switch
    {
        QueueSort.Received => Ticks(row.ReceivedAt),
        QueueSort.Number => row.Number,
        QueueSort.Status => row.StatusOrder.ToString(CultureInfo.InvariantCulture),
        QueueSort.Priority => row.PriorityOrder.ToString(CultureInfo.InvariantCulture),
        QueueSort.Due => Ticks(row.DueOrder),
        QueueSort.Merchant => row.BusinessName,
        _ => Ticks(row.LastActivityAt),
    }, row.Id);

    /// <summary>Ordered by the sort key then the id, from just past the cursor: one row-value comparison that an index range answers.</summary>
    private static IQueryable<Case> Seek(IQueryable<Case> cases, QueueSort sort, bool descending, QueueCursor? cursor) => sort switch
    {
        QueueSort.Received => Seek(cases, c => c.ReceivedAt, descending, cursor, Time),
        QueueSort.Number => Seek(cases, c => c.Number, descending, cursor, k => k),
        QueueSort.Status => Seek(cases, c => EF.Property<short>(c, CaseQueueColumns.StatusOrder), descending, cursor, Short),
        QueueSort.Priority => Seek(cases, c => EF.Property<short>(c, CaseQueueColumns.PriorityOrder), descending, cursor, Short),
        QueueSort.Due => Seek(cases, c => EF.Property<DateTimeOffset>(c, CaseQueueColumns.DueOrder), descending, cursor, Time),
        QueueSort.Merchant => Seek(cases, c => EF.Functions.Collate(c.BusinessName, CaseQueueColumns.MerchantCollation), descending, cursor, k => k),
        _ => Seek(cases, c => c.LastActivityAt, descending, cursor, Time),
    };

    private static IQueryable<Case> Seek<TKey>(IQueryable<Case> cases, Expression<Func<Case, TKey>> key, bool descending, QueueCursor? cursor, Func<string, TKey> parse)
    {
        if (cursor is not null)
        {
            // (key, id) > (@key, @id): the bound's values are read from a closure, so EF sends them as parameters.
            var bound = new Bound<TKey>(parse(cursor.Key), cursor.Id);
            var row = key.Parameters[0];
            var rowValue = Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), [typeof(TKey), typeof(Guid)], key.Body, Expression.Property(row, nameof(Case.Id)));
            var boundValue = Expression.Call(typeof(ValueTuple), nameof(ValueTuple.Create), [typeof(TKey), typeof(Guid)],
                Expression.Property(Expression.Constant(bound), nameof(Bound<TKey>.Key)), Expression.Property(Expression.Constant(bound), nameof(Bound<TKey>.Id)));
            var comparison = Expression.Call(
                typeof(NpgsqlDbFunctionsExtensions),
                descending ? nameof(NpgsqlDbFunctionsExtensions.LessThan) : nameof(NpgsqlDbFunctionsExtensions.GreaterThan),
                null,
                Expression.Property(null, typeof(EF), nameof(EF.Functions)),
                Expression.Convert(rowValue, typeof(ITuple)),
                Expression.Convert(boundValue, typeof(ITuple)));
            cases = cases.Where(Expression.Lambda<Func<Case, bool>>(comparison, row));
        }

        return descending ? cases.OrderByDescending(key).ThenByDescending(c => c.Id) : cases.OrderBy(key).ThenBy(c => c.Id);
    }

    private sealed record Bound<TKey>(TKey Key, Guid Id);

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string key) => new(long.Parse(key, CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static short Short(string key) => short.Parse(key, CultureInfo.InvariantCulture);

    /// <summary>
    /// The bigrams the index is asked for: each word's rarest ones by PostgreSQL's statistics (a bigram the statistics do not
    /// list is rarer than any they do), leaving out common pairs such as "co" or "ne", whose long index entries would be
    /// read for nothing. A word's rarest bigram is always asked for, so every word narrows the candidates.
    /// </summary>
    public static string[] SearchKeys(CaseSearchTerm term, IReadOnlyDictionary<string, float> frequencies) =>
    [
        .. term.Words
            .Select(word => CaseSearchText.Bigrams(word).OrderBy(b => frequencies.GetValueOrDefault(b)).ToList())
            .SelectMany(rarestFirst => rarestFirst.Take(1).Concat(rarestFirst.Skip(1).Where(b => frequencies.GetValueOrDefault(b) <= CommonBigram)).Take(KeysPerWord))
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>
    /// A single two-character word (its one bigram is the word itself) that the statistics find in well over
    /// <see cref="SearchLimit"/> cases: counting it would only read a long index entry to stop at the limit anyway.
    /// </summary>
    public static bool IsTooCommonToCount(CaseSearchTerm term, BigramStatistics statistics) =>
        term.Words is [var word] && CaseSearchText.Bigrams(word) is [var bigram] && bigram == word && statistics.CasesWith(bigram) > 2 * SearchLimit;

    private static DateTimeOffset StartOfJapanDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), LocalizationRegistration.JapanTime.BaseUtcOffset).ToUniversalTime();
}
