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

    /// <summary>New drafts (the consent gate's post) per client address.</summary>
    public const string NewDraftPolicy = "intake-new-draft";

    /// <summary>A post carrying more than this is counted as an upload (a form without files is a few kilobytes).</summary>
    public const long UploadThresholdBytes = 64 * 1024;

    /// <summary>The window of the per-client limits on new drafts and uploads.</summary>
    public static readonly TimeSpan ClientWindow = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddIntakeFormRateLimit(this IServiceCollection services)
    {
        services.AddOptions<IntakeClientLimits>().BindConfiguration(IntakeClientLimits.Section);
        return services.Configure<RateLimiterOptions>(options =>
        {
            // Posts with files are also counted per client address: one address cannot fill the database with uploads by
            // opening draft after draft. Generous, for the many consumers behind one carrier's address.
            options.AddPolicy(Policy, http =>
                http.Request.ContentLength > UploadThresholdBytes
                    ? RateLimiting.PerClientAddress(http, Limits(http).UploadsPerTenMinutes, ClientWindow, "upload:")
                    : http.Request.Cookies.TryGetValue(IntakeDrafts.CookieName, out var token) && token is { Length: > 0 and <= MaxTokenLength }
                        ? RateLimiting.Shared(http, Policy, "draft:" + token, PostsPerMinute, TimeSpan.FromMinutes(1))
                        : RateLimiting.PerClientAddress(http, PostsPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(NewDraftPolicy, http => RateLimiting.PerClientAddress(http, Limits(http).NewDraftsPerTenMinutes, ClientWindow, "new-draft:"));
        });
    }

    private static IntakeClientLimits Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeClientLimits>>().Value;
}

/// <summary>Intake's limits per client address (section <c>Intake</c>), over a window of ten minutes.</summary>
public sealed class IntakeClientLimits
{
    public const string Section = "Intake";

    /// <summary>Complaints started (consent given for a new draft) from one address.</summary>
    public int NewDraftsPerTenMinutes { get; set; } = 30;

    /// <summary>Posts of the form that carry files, from one address.</summary>
    public int UploadsPerTenMinutes { get; set; } = 60;
}
