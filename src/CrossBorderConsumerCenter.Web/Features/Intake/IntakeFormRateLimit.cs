using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// The complaint form's posts (every button and the script's autosave), counted per draft: a fixed window of a minute,
/// far above what a person and intake.js send (the script saves at most every two seconds), so only a runaway script or
/// someone hammering the form meets it. Over it, 429 with Retry-After (<see cref="RateLimiting"/>); intake.js then says
/// the entries are kept on the page and tries again later. A post without a draft cookie is counted per client address
/// (it only leads back to the consent gate). Not per address for drafts: many consumers share one address behind a
/// mobile carrier's NAT.
/// </summary>
public static class IntakeFormRateLimit
{
    public const string Policy = "intake-form";

    public const int PostsPerMinute = 60;

    /// <summary>The longest token IntakeDrafts looks up; a longer cookie finds no draft.</summary>
    private const int MaxTokenLength = 100;

    public static IServiceCollection AddIntakeFormRateLimit(this IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, http =>
            http.Request.Cookies.TryGetValue(IntakeDrafts.CookieName, out var token) && token is { Length: > 0 and <= MaxTokenLength }
                ? RateLimiting.Shared(http, Policy, "draft:" + token, PostsPerMinute, TimeSpan.FromMinutes(1))
                : RateLimiting.PerClientAddress(http, PostsPerMinute, TimeSpan.FromMinutes(1))));
}
