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
    public static RateLimitPartition<string> PerClientAddress(HttpContext http, int permits, TimeSpan window, string prefix = "") =>
        RateLimitPartition.GetFixedWindowLimiter(
            prefix + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true });
}
