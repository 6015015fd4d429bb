using System.Globalization;
using System.Security.Cryptography;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>The case a receipt's cookie names, and its tracking link's token when the browser that sent it got one.</summary>
public sealed record RememberedReceipt(string CaseNumber, string? Token);

/// <summary>
/// Lets a receipt page show the new case (and its tracking link) again after a reload, without the server keeping the
/// token: the browser that submitted holds them in an HttpOnly cookie, encrypted by Data Protection, sent only to the
/// paths given and gone at the time given. The expiry travels inside the encrypted value and is judged by the portal's
/// own clock (the one that set it), not by the browser's. A counselor's receipt keeps its cookie, at that receipt's own
/// path, for 24 hours; a consumer's, at <c>/complaint</c>, only for <see cref="Domain.Intake.IntakeDraft.ReceiptWindow"/>
/// (ADR 0072). The pages show a link only for the case they name and only while it still opens the case.
/// </summary>
public sealed class ReceiptLinks(IDataProtectionProvider protection, IOptions<PortalOptions> portal, TimeProvider clock)
{
    /// <summary>A counselor's receipt: the cookie's name.</summary>
    public const string CookieName = "ccc.receipt";

    /// <summary>The consumer's receipt: the cookie's name (its path is intake's, <c>/complaint</c>).</summary>
    public const string ConsumerCookieName = "ccc.received";

    /// <summary>How long a counselor's receipt keeps the link.</summary>
    public static readonly TimeSpan Lifetime = Domain.Intake.IntakeDraft.Lifetime;

    private IDataProtector Protector => protection.CreateProtector("CrossBorderConsumerCenter.Tracking.Receipt");

    /// <summary>A counselor's receipt: remembers the token of case <paramref name="caseNumber"/> for the receipt page at <paramref name="path"/>.</summary>
    public void Remember(HttpContext http, string path, string caseNumber, string token) =>
        Remember(http, CookieName, path, new RememberedReceipt(caseNumber, token), clock.GetUtcNow() + Lifetime);

    /// <summary>Remembers <paramref name="receipt"/> in the cookie <paramref name="name"/> at <paramref name="path"/> until <paramref name="expires"/>.</summary>
    public void Remember(HttpContext http, string name, string path, RememberedReceipt receipt, DateTimeOffset expires)
    {
        var value = string.Join('\n', receipt.CaseNumber, receipt.Token ?? "", expires.UtcTicks.ToString(CultureInfo.InvariantCulture));
        var lifetime = expires - clock.GetUtcNow();
        http.Response.Cookies.Append(name, Protector.Protect(value), Options(http, path, lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero));
    }

    /// <summary>A counselor's receipt: the remembered token when it is for <paramref name="caseNumber"/>, still valid and unaltered; otherwise null.</summary>
    public string? Recall(HttpRequest request, string caseNumber) =>
        Read(request, CookieName) is { } receipt && receipt.CaseNumber == caseNumber ? receipt.Token : null;

    /// <summary>The receipt the cookie <paramref name="name"/> remembers, while it is valid and unaltered; otherwise null.</summary>
    public RememberedReceipt? Read(HttpRequest request, string name)
    {
        if (!request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value) || value.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(value).Split('\n');
            return parts.Length == 3 && parts[0].Length > 0 && (parts[1].Length == 0 || TrackingLinks.IsWellFormed(parts[1]))
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresTicks)
                && clock.GetUtcNow().UtcTicks < expiresTicks
                ? new RememberedReceipt(parts[0], parts[1].Length == 0 ? null : parts[1])
                : null;
        }
        catch (CryptographicException)
        {
            // From another key ring, or tampered with: there is no receipt to show.
            return null;
        }
    }

    public void Forget(HttpContext http, string name, string path) => http.Response.Cookies.Delete(name, Options(http, path, null));

    /// <remarks>
    /// The browser is told how long to keep the cookie (Max-Age), not until when (Expires): a browser whose clock is wrong
    /// would otherwise drop it at once or keep it for hours. The portal's clock still decides, by the time inside.
    /// </remarks>
    private CookieOptions Options(HttpContext http, string path, TimeSpan? maxAge) => new()
    {
        Path = path,
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = portal.Value.EnforceHttps || http.Request.IsHttps,
        MaxAge = maxAge,
    };
}
