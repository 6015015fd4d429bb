using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Data;

/// <summary>Hands out case numbers (ADR 0012). Everything that creates a case takes its number here.</summary>
public static class CaseNumbers
{
    /// <summary>
    /// The next number of the Japan-time year of <paramref name="now"/>. The counter row stays locked until the
    /// caller's transaction ends, so concurrent submissions take consecutive numbers, and a rolled-back one
    /// leaves no gap. Call it inside the transaction that inserts the case.
    /// </summary>
    public static async Task<CaseNumber> NextAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var year = CaseNumber.YearOf(now);
        var sequence = await db.Database.SqlQuery<int>($"""
            INSERT INTO case_number_counters (year, last_sequence) VALUES ({year}, 1)
            ON CONFLICT (year) DO UPDATE SET last_sequence = case_number_counters.last_sequence + 1
            RETURNING last_sequence AS "Value"
            """).ToListAsync(ct);
        return new CaseNumber(year, sequence.Single());
    }
}
