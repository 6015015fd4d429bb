using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.PartnerAnswer;

/// <summary>
/// The answer pages' limit: a fixed window of a minute per client address (PartnerLinks:RequestsPerMinute). Over it,
/// 429 with the friendly error page and Retry-After (<see cref="RateLimiting"/>).
/// </summary>
public static class PartnerAnswerRateLimit
{
    public const string Policy = "partner-answer";

    public static IServiceCollection AddPartnerAnswerRateLimit(this IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context =>
            RateLimiting.PerClientAddress(context, context.RequestServices.GetRequiredService<IOptions<PartnerLinksOptions>>().Value.RequestsPerMinute, TimeSpan.FromMinutes(1))));
}
