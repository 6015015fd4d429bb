using System.Globalization;
using System.Threading.RateLimiting;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// What every rate-limited page shares (features add their own policies): 429 with the friendly error page, and
/// Retry-After the wait the limiter knows, in seconds. Counts live in each instance's memory and are kept per client
/// address, so behind a proxy <c>ReverseProxy:KnownProxies</c> must be set (docs/operations.md).
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddPortalRateLimiter(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });

    /// <summary>
    /// A fixed window of <paramref name="permits"/> requests per client address; <paramref name="prefix"/> keeps the counts
    /// of one policy apart from another's for the same address.
    /// </summary>
    public static RateLimitPartition<string> PerClientAddress(HttpContext http, int permits, TimeSpan window, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(http);
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(prefix + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new WindowLimiter(permits, window, clock));
    }

    /// <summary>
    /// A fixed window that starts at its first request and tells, when it refuses, the real time left until it ends (the
    /// framework's fixed window says the whole window's length, however little of it is left).
    /// </summary>
    private sealed class WindowLimiter(int permits, TimeSpan window, TimeProvider clock) : RateLimiter
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _end = DateTimeOffset.MinValue;
        private int _used;

        public override TimeSpan? IdleDuration
        {
            get
            {
                lock (_gate)
                {
                    var now = clock.GetUtcNow();
                    return now >= _end ? now - _end : null;
                }
            }
        }

        public override RateLimiterStatistics? GetStatistics()
        {
            lock (_gate)
            {
                return new RateLimiterStatistics { CurrentAvailablePermits = clock.GetUtcNow() >= _end ? permits : permits - _used };
            }
        }

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (now >= _end)
                {
                    _end = now + window;
                    _used = 0;
                }

                if (_used + permitCount <= permits)
                {
                    _used += permitCount;
                    return new WindowLease(true, null);
                }

                return new WindowLease(false, _end - now);
            }
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
