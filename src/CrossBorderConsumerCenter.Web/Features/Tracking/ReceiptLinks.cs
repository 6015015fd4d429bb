using System.Globalization;
using System.Security.Cryptography;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// Lets a receipt page show the new case's tracking link again after a reload, without the server keeping the
/// token: the browser that submitted holds it in an HttpOnly cookie, encrypted by Data Protection, sent only to the
/// receipt page's path and gone when the draft would have expired (24 hours). The expiry travels inside the encrypted
/// value and is judged by the portal's own clock (the one that set it), not by the browser's. The page shows it only
/// for the case it names and only while it is the case's current link.
/// </summary>
public sealed class ReceiptLinks(IDataProtectionProvider protection, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const string CookieName = "ccc.receipt";
    public static readonly TimeSpan Lifetime = Domain.Intake.IntakeDraft.Lifetime;

    private IDataProtector Protector => protection.CreateProtector("CrossBorderConsumerCenter.Tracking.Receipt");

    /// <summary>Remembers the token of case <paramref name="caseNumber"/> for the receipt page at <paramref name="path"/>.</summary>
    public void Remember(HttpContext http, string path, string caseNumber, string token)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var value = string.Join('\n', caseNumber, token, expires.UtcTicks.ToString(CultureInfo.InvariantCulture));
        http.Response.Cookies.Append(CookieName, Protector.Protect(value), Options(http, path, expires));
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
            return parts.Length == 3 && parts[0] == caseNumber && TrackingLinks.IsWellFormed(parts[1])
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresTicks)
                && clock.GetUtcNow().UtcTicks < expiresTicks
                ? parts[1]
                : null;
        }
        catch (CryptographicException)
        {
            // From another key ring, or tampered with: there is no link to show.
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
