using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>How many cases there are and how often the commonest bigrams occur in them, as PostgreSQL's statistics say.</summary>
public sealed record BigramStatistics(double Cases, IReadOnlyDictionary<string, float> Frequencies)
{
    /// <summary>About how many cases hold this bigram (0 for one the statistics do not list: rarer than any they do).</summary>
    public double CasesWith(string bigram) => Cases * Frequencies.GetValueOrDefault(bigram);
}

/// <summary>
/// Reads <see cref="BigramStatistics"/> from <c>pg_class.reltuples</c> and <c>pg_stats.most_common_elems</c> of
/// <c>cases.search_bigrams</c> (both refreshed by ANALYZE), at most once an hour. The search asks the index for each
/// word's rarest bigrams (<see cref="QueueSearch.SearchKeys"/>).
/// </summary>
public sealed class SearchBigramStatistics(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private Snapshot? _snapshot;

    public async Task<BigramStatistics> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || clock.GetUtcNow() - snapshot.ReadAt > MaxAge)
        {
            // The last three numbers of most_common_elem_freqs are the minimum, the maximum and the null frequency; unnest pairs them with NULL.
            var frequencies = await db.Database.SqlQuery<Frequency>($"""
                SELECT e AS "Bigram", f AS "Value"
                FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS u(e, f)
                WHERE schemaname = current_schema() AND tablename = 'cases' AND attname = 'search_bigrams' AND e IS NOT NULL
                """).ToListAsync(ct);
            var cases = await db.Database.SqlQuery<float>($"""SELECT reltuples AS "Value" FROM pg_class WHERE oid = 'cases'::regclass""").SingleAsync(ct);
            snapshot = new Snapshot(clock.GetUtcNow(), new BigramStatistics(Math.Max(cases, 0), frequencies.ToDictionary(r => r.Bigram, r => r.Value, StringComparer.Ordinal)));
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Statistics;
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, BigramStatistics Statistics);

    private sealed record Frequency(string Bigram, float Value);
}
