using System.Threading.RateLimiting;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// A fixed-window limiter whose count lives in PostgreSQL (<see cref="RateCounters"/>), so that every instance shares it
/// (ADR 0091). ASP.NET Core's rate-limiting middleware first tries <see cref="RateLimiter.AttemptAcquire"/>, which here
/// always declines without work, then awaits <see cref="RateLimiter.AcquireAsync"/>, which counts the request. When the
/// database cannot be reached the request is let through: the page it asks for needs the database anyway.
/// </summary>
public sealed class SharedWindowLimiter(RateCounters counters, string key, int permits, TimeSpan window, TimeProvider clock, ILogger logger) : RateLimiter
{
    private long _lastUsedTicks = clock.GetTimestamp();

    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTicks, clock.GetTimestamp());
        try
        {
            var (hits, windowEnds) = await counters.HitAsync(key, window, cancellationToken);
            return hits <= permits ? Lease.Acquired : new Lease(false, windowEnds - clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "A rate-limit counter could not be read; the request is let through.");
            return Lease.Acquired;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);
        public static readonly Lease NotYet = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
