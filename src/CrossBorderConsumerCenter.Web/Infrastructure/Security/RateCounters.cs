using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// Fixed-window counters in PostgreSQL (table <c>rate_limit_counters</c>, ADR 0091), shared by every instance: the rate
/// limits of the pages and the sign-in's failures per client and account. A window starts at a multiple of its length
/// (on the portal's clock), so every instance agrees on it. Keys are stored as their SHA-256.
/// </summary>
public sealed class RateCounters(NpgsqlDataSource database, TimeProvider clock)
{
    /// <summary>Counts one hit of <paramref name="key"/>; returns the hits of the current window, this one included, and when it ends.</summary>
    public async Task<(int Hits, DateTimeOffset WindowEnds)> HitAsync(string key, TimeSpan window, CancellationToken ct = default)
    {
        var start = WindowStart(window);
        await using var command = database.CreateCommand(
            "INSERT INTO rate_limit_counters AS c (key_hash, window_start, hits) VALUES ($1, $2, 1) " +
            "ON CONFLICT (key_hash) DO UPDATE SET hits = CASE WHEN c.window_start = excluded.window_start THEN c.hits + 1 ELSE 1 END, " +
            "window_start = excluded.window_start RETURNING hits");
        command.Parameters.Add(new() { Value = Hash(key) });
        command.Parameters.Add(new() { Value = start });
        var hits = (int)(await command.ExecuteScalarAsync(ct))!;
        return (hits, start + window);
    }

    /// <summary>The hits of <paramref name="key"/> in the current window, without counting one.</summary>
    public async Task<int> CountAsync(string key, TimeSpan window, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand("SELECT hits FROM rate_limit_counters WHERE key_hash = $1 AND window_start = $2");
        command.Parameters.Add(new() { Value = Hash(key) });
        command.Parameters.Add(new() { Value = WindowStart(window) });
        return await command.ExecuteScalarAsync(ct) is int hits ? hits : 0;
    }

    /// <summary>Deletes counters whose window started before <paramref name="before"/>.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand("DELETE FROM rate_limit_counters WHERE window_start < $1");
        command.Parameters.Add(new() { Value = before });
        return await command.ExecuteNonQueryAsync(ct);
    }

    private DateTimeOffset WindowStart(TimeSpan window) => Domain.Accounts.CountingWindow.StartOf(clock.GetUtcNow(), window);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>Deletes rate-limit counters a day old, once an hour, in every instance (a delete is harmless twice).</summary>
public sealed class RateCounterCleanup(RateCounters counters, TimeProvider clock, ILogger<RateCounterCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await counters.DeleteOlderThanAsync(clock.GetUtcNow().AddDays(-1), stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Old rate-limit counters could not be deleted; trying again in an hour.");
            }

            await Task.Delay(TimeSpan.FromHours(1), clock, stoppingToken);
        }
    }
}
