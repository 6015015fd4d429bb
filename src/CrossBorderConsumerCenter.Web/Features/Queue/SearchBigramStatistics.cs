using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// How often the commonest bigrams occur in <c>cases.search_bigrams</c>, from PostgreSQL's own statistics
/// (<c>pg_stats.most_common_elems</c>, refreshed by ANALYZE), read at most once an hour. The search asks the index for each
/// word's rarest bigrams (<see cref="ListCases.SearchKeys"/>).
/// </summary>
public sealed class SearchBigramStatistics(TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private Snapshot? _snapshot;

    public async Task<IReadOnlyDictionary<string, float>> FrequenciesAsync(AppDbContext db, CancellationToken ct)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || clock.GetUtcNow() - snapshot.ReadAt > MaxAge)
        {
            // The last three numbers of most_common_elem_freqs are the minimum, the maximum and the null frequency; unnest pairs them with NULL.
            var rows = await db.Database.SqlQuery<Frequency>($"""
                SELECT e AS "Bigram", f AS "Value"
                FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS u(e, f)
                WHERE schemaname = current_schema() AND tablename = 'cases' AND attname = 'search_bigrams' AND e IS NOT NULL
                """).ToListAsync(ct);
            snapshot = new Snapshot(clock.GetUtcNow(), rows.ToDictionary(r => r.Bigram, r => r.Value, StringComparer.Ordinal));
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Frequencies;
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyDictionary<string, float> Frequencies);

    private sealed record Frequency(string Bigram, float Value);
}
