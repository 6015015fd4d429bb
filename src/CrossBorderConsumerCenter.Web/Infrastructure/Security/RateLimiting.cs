using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// What every rate-limited page shares (features add their own policies): 429 with the friendly error page, and
/// Retry-After the wait the limiter knows, in seconds. Counts live in PostgreSQL, shared by every instance (ADR 0091), and
/// are mostly kept per client address, so behind a proxy <c>ReverseProxy:KnownProxies</c> must be set (docs/operations.md).
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddPortalRateLimiter(this IServiceCollection services) => services
        .AddSingleton<RateCounters>()
        .AddHostedService<RateCounterCleanup>()
        .AddRateLimiter(options =>
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
    /// A fixed window of <paramref name="permits"/> requests per <paramref name="key"/> (within the policy that asks), counted
    /// in PostgreSQL and so shared by every instance (ADR 0091).
    /// </summary>
    public static RateLimitPartition<string> Shared(HttpContext http, string policy, string key, int permits, TimeSpan window)
    {
        var fullKey = FormattableString.Invariant($"{policy}|{permits}/{window.TotalSeconds}s|{key}");
        return RateLimitPartition.Get(fullKey, k => new SharedWindowLimiter(
            http.RequestServices.GetRequiredService<RateCounters>(),
            k,
            permits,
            window,
            http.RequestServices.GetRequiredService<TimeProvider>(),
            http.RequestServices.GetRequiredService<ILogger<SharedWindowLimiter>>()));
    }

    /// <summary>The client's address as the portal sees it (after trusted proxies' forwarded headers).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// A fixed window of <paramref name="permits"/> requests per client address, shared by every instance;
    /// <paramref name="prefix"/> keeps the counts of one policy apart from another's for the same address.
    /// </summary>
    public static RateLimitPartition<string> PerClientAddress(HttpContext http, int permits, TimeSpan window, string prefix = "") =>
        Shared(http, http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "endpoint", prefix + ClientAddress(http), permits, window);
}
