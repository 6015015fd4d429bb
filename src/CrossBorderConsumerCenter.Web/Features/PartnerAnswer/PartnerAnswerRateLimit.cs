using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.PartnerAnswer;

/// <summary>
/// ASP.NET Core's rate limiter for the answer pages: a fixed window of a minute per client address
/// (PartnerLinks:RequestsPerMinute). Over it, 429 with the friendly error page and Retry-After. The counts live in
/// each instance's memory, so behind several instances an address gets that many per instance.
/// </summary>
public static class PartnerAnswerRateLimit
{
    public const string Policy = "partner-answer";

    public static IServiceCollection AddPartnerAnswerRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Shared by every limited page (this one and the tracking's lost link): the wait the limiter knows, in seconds.
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<PartnerLinksOptions>>().Value.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true });
            });
        });
}
