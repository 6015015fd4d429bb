using System.Security.Cryptography;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// Lets a receipt page show the new case's tracking link again after a reload, without the server keeping the
/// token: the browser that submitted holds it in an HttpOnly cookie, encrypted and time-limited by Data Protection,
/// sent only to the receipt page's path and gone when the draft would have expired (24 hours). The page shows it
/// only for the case it names and only while it is the case's current link.
/// </summary>
public sealed class ReceiptLinks(IDataProtectionProvider protection, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const string CookieName = "ccc.receipt";
    public static readonly TimeSpan Lifetime = Domain.Intake.IntakeDraft.Lifetime;

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("CrossBorderConsumerCenter.Tracking.Receipt").ToTimeLimitedDataProtector();

    /// <summary>Remembers the token of case <paramref name="caseNumber"/> for the receipt page at <paramref name="path"/>.</summary>
    public void Remember(HttpContext http, string path, string caseNumber, string token)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        http.Response.Cookies.Append(CookieName, Protector.Protect(caseNumber + "\n" + token, expires), Options(http, path, expires));
    }

    /// <summary>The remembered token when it is for <paramref name="caseNumber"/>, still valid and unaltered; otherwise null.</summary>
    public string? Recall(HttpRequest request, string caseNumber)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(value).Split('\n');
            return parts.Length == 2 && parts[0] == caseNumber && TrackingLinks.IsWellFormed(parts[1]) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            // Expired, from another key ring, or tampered with: there is no link to show.
            return null;
        }
    }

    public void Forget(HttpContext http, string path) => http.Response.Cookies.Delete(CookieName, Options(http, path, null));

    private CookieOptions Options(HttpContext http, string path, DateTimeOffset? expires) => new()
    {
        Path = path,
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = portal.Value.EnforceHttps || http.Request.IsHttps,
        Expires = expires,
    };
}
