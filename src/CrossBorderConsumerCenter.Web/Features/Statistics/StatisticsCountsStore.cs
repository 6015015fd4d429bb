using System.Data;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Calendars;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>
/// The statistics' counts kept per month (docs/adr/0084). Triggers mark every case whose counted columns are written
/// (statistics_pending_cases, in the writer's transaction); <see cref="CountPendingAsync"/> counts those cases again with
/// the figures' own rules (<see cref="ReadCaseFacts"/>, <see cref="CaseEntries"/>): it takes away what each was counted
/// under before and adds what it is counted under now. <see cref="ReadAsync"/> does that first, then sums whole months
/// from statistics_month_counts and the days of a partial month from each case's entries, so the figures are those of
/// the cases as they stand when the page is made (less any being counted by another page at that moment).
/// </summary>
public sealed class StatisticsCountsStore(AppDbContext db, ReadCaseFacts.Handler facts, TimeProvider clock)
{
    /// <summary>The advisory lock that lets one counter at a time write the counts (any number may read them).</summary>
    private const long CountingLock = 0x5354_4154_5331; // "STATS1"

    /// <summary>Cases counted per transaction: at a million cases waiting (after the migration) each batch takes about half a second.</summary>
    public const int Batch = 5_000;

    /// <summary>Counts again every case written since it was last counted, waiting for another counter to finish; returns how many were.</summary>
    public Task<int> CountPendingAsync(CancellationToken ct) => CountAsync(wait: true, ct);

    /// <summary>
    /// Counts the pending cases in batches, each in its own transaction under the counting lock. Without
    /// <paramref name="wait"/>, stops when another counter holds the lock: a page then reads the sums as they are, without
    /// the cases being counted at that moment (the next page has them), instead of queueing behind it.
    /// </summary>
    private async Task<int> CountAsync(bool wait, CancellationToken ct)
    {
        var counted = 0;
        while (await db.StatisticsPendingCases.AnyAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (wait)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CountingLock})", ct);
            }
            else if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({CountingLock}) AS \"Value\"").SingleAsync(ct))
            {
                break;
            }

            var ids = await PendingIdsAsync(ct);
            if (ids.Count > 0)
            {
                await CountAgainAsync(ids, ct);
            }

            await transaction.CommitAsync(ct);
            counted += ids.Count;
            if (ids.Count == 0)
            {
                break;
            }
        }

        return counted;
    }

    /// <summary>The counts of the cases received in <paramref name="period"/>, and how many of them are overdue now.</summary>
    public async Task<(StatisticsCounts Counts, int Overdue)> ReadAsync(StatisticsPeriod period, CancellationToken ct)
    {
        await CountAsync(wait: false, ct);
        return (await ReadCountsAsync(period, ct), await ReadOverdueAsync(period, ct));
    }

    /// <summary>
    /// Counts the cases written since they were last counted (unless another page is counting at that moment), then gives
    /// the version of the counts: it changes with every counting, in the same transaction, so counts read after this
    /// are those of this version or newer, and what was drawn from this version's counts is still right (docs/adr/0102).
    /// </summary>
    public async Task<Guid> CountAndReadVersionAsync(CancellationToken ct)
    {
        await CountAsync(wait: false, ct);
        return await db.StatisticsCountsVersion.Select(v => v.Version).SingleAsync(ct);
    }

    /// <summary>The counts of the cases received in <paramref name="period"/> as they are kept (call after counting).</summary>
    public async Task<StatisticsCounts> ReadCountsAsync(StatisticsPeriod period, CancellationToken ct)
    {
        var (fullFrom, fullTo) = WholeMonths(period);
        var counts = new StatisticsCounts();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await SumAsync(counts, period, fullFrom, fullTo, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return counts;
    }

    /// <summary>How many of the cases received in <paramref name="period"/> are open and past their deadline now: never kept, it changes with the clock.</summary>
    public Task<int> ReadOverdueAsync(StatisticsPeriod period, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (start, end) = (ReadCaseFacts.JapanMidnight(period.From), ReadCaseFacts.JapanMidnight(period.To.AddDays(1)));
        return db.Cases.CountAsync(
            c => c.ReceivedAt >= start && c.ReceivedAt < end && CaseQueueRules.OpenStatuses.Contains(c.Status) && c.DueAt < now, ct);
    }

    private async Task SumAsync(StatisticsCounts counts, StatisticsPeriod period, DateOnly fullFrom, DateOnly fullTo, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT month, entry, sum(cases)::integer FROM (
                SELECT CASE WHEN entry = 'cases:' THEN month END AS month, entry, cases
                FROM statistics_month_counts WHERE month >= $1 AND month < $2
                UNION ALL
                SELECT CASE WHEN e = 'cases:' THEN date_trunc('month', received_on)::date END, e, 1
                FROM statistics_case_entries, unnest(entries) AS e
                WHERE (received_on >= $3 AND received_on < $1) OR (received_on >= $2 AND received_on <= $4)
            ) AS counted
            GROUP BY month, entry
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = fullFrom });
        command.Parameters.Add(new NpgsqlParameter { Value = fullTo });
        command.Parameters.Add(new NpgsqlParameter { Value = period.From });
        command.Parameters.Add(new NpgsqlParameter { Value = period.To });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // Only the "cases:" entry has its month: the other entries are summed over the whole period.
            counts.Add(reader.IsDBNull(0) ? period.From : reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt32(2));
        }
    }

    /// <summary>The whole months of the period, [from, to) as first days; an empty range at its start when it has none.</summary>
    public static (DateOnly From, DateOnly To) WholeMonths(StatisticsPeriod period)
    {
        var from = period.From.Day == 1 ? period.From : new DateOnly(period.From.Year, period.From.Month, 1).AddMonths(1);
        var after = period.To.AddDays(1);
        var to = after.Day == 1 ? after : new DateOnly(period.To.Year, period.To.Month, 1);
        return from < to ? (from, to) : (period.From, period.From);
    }

    private async Task<List<Guid>> PendingIdsAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "DELETE FROM statistics_pending_cases WHERE case_id IN (SELECT case_id FROM statistics_pending_cases LIMIT $1) RETURNING case_id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Batch });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Takes away what the cases were counted under and adds what they are counted under now (nothing for a case that no longer exists).</summary>
    private async Task CountAgainAsync(List<Guid> ids, CancellationToken ct)
    {
        var before = await db.StatisticsCaseEntries.AsNoTracking().Where(e => ids.Contains(e.CaseId))
            .Select(e => new { e.CaseId, e.ReceivedOn, e.Entries }).ToListAsync(ct);
        var now = await facts.ByIdAsync(ids, ct);

        var changes = new Dictionary<(DateOnly Month, string Entry), int>();
        void Change(DateOnly day, IEnumerable<string> entries, int by)
        {
            var month = new DateOnly(day.Year, day.Month, 1);
            foreach (var entry in entries)
            {
                changes[(month, entry)] = changes.GetValueOrDefault((month, entry)) + by;
            }
        }

        foreach (var old in before)
        {
            Change(old.ReceivedOn, old.Entries, -1);
        }

        var current = now.Select(f => (Id: f.Key, f.Value.ReceivedOn, Entries: CaseEntries.Of(f.Value, BusinessCalendar.Japan))).ToList();
        foreach (var (_, receivedOn, entries) in current)
        {
            Change(receivedOn, entries, +1);
        }

        var connection = await OpenAsync(ct);
        await ExecuteAsync(connection, "DELETE FROM statistics_case_entries WHERE case_id = ANY($1)", ct, ids.ToArray());
        await ExecuteAsync(connection,
            """
            INSERT INTO statistics_case_entries (case_id, received_on, entries)
            SELECT id, day, string_to_array(entries, E'\n')::character varying(80)[] FROM unnest($1::uuid[], $2::date[], $3::text[]) AS c(id, day, entries)
            """,
            ct, current.Select(c => c.Id).ToArray(), current.Select(c => c.ReceivedOn).ToArray(), current.Select(c => string.Join('\n', c.Entries)).ToArray());

        // In key order, so that the rows are always locked in the same order.
        var changed = changes.Where(c => c.Value != 0).OrderBy(c => c.Key.Month).ThenBy(c => c.Key.Entry, StringComparer.Ordinal).ToList();
        var months = changed.Select(c => c.Key.Month).ToArray();
        await ExecuteAsync(connection,
            """
            INSERT INTO statistics_month_counts (month, entry, cases)
            SELECT month, entry, cases FROM unnest($1::date[], $2::text[], $3::integer[]) AS c(month, entry, cases)
            ON CONFLICT (month, entry) DO UPDATE SET cases = statistics_month_counts.cases + excluded.cases
            """,
            ct, months, changed.Select(c => c.Key.Entry).ToArray(), changed.Select(c => c.Value).ToArray());
        await ExecuteAsync(connection, "DELETE FROM statistics_month_counts WHERE month = ANY($1) AND cases = 0", ct, months.Distinct().ToArray());
        await ExecuteAsync(connection, "UPDATE statistics_counts_version SET version = gen_random_uuid()", ct);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
