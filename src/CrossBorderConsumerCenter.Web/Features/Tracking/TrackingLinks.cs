using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// The consumer's private links to their case, /track/{token}: 32 random bytes in base64url (43 characters), of which
/// only the SHA-256 is stored (<see cref="CaseTrackingLink"/>). Each email that concerns the case gets a link of its own
/// as it is written (ADR 0073). Whoever holds a link sees the case's status and consumer-visible timeline, answers the
/// center's questions and may withdraw the case; nothing else.
/// </summary>
public sealed class TrackingLinks(AppDbContext db, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const int TokenLength = 43;

    /// <summary>A new link to case <paramref name="caseId"/> (added to the context; the caller saves) and its token.</summary>
    public string Issue(Guid caseId) => Issue(db, caseId, clock.GetUtcNow());

    /// <summary>A new link to case <paramref name="caseId"/>, added to <paramref name="context"/> (which the caller saves); its token.</summary>
    public static string Issue(AppDbContext context, Guid caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (token, hash) = NewToken();
        context.CaseTrackingLinks.Add(new CaseTrackingLink(caseId, hash, now));
        return token;
    }

    /// <summary>Removes every link of the case (each one stops working) and issues one new link; the caller saves. Returns its token.</summary>
    public async Task<string> ReplaceAllAsync(Guid caseId, CancellationToken ct)
    {
        db.CaseTrackingLinks.RemoveRange(await db.CaseTrackingLinks.Where(l => l.CaseId == caseId).ToListAsync(ct));
        return Issue(caseId);
    }

    /// <summary>The case a token opens, or null (a malformed, unknown or removed token: the caller reveals nothing more).</summary>
    public async Task<Guid?> FindCaseIdAsync(string? token, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var hash = Hash(token!);
        return await db.CaseTrackingLinks.AsNoTracking().Where(l => l.TokenHash == hash).Select(l => (Guid?)l.CaseId).SingleOrDefaultAsync(ct);
    }

    /// <summary>Whether <paramref name="token"/> still opens the case (a receipt shows only a link that works).</summary>
    public Task<bool> IsCurrentAsync(Guid caseId, string token, CancellationToken ct)
    {
        var hash = IsWellFormed(token) ? Hash(token) : "";
        return db.CaseTrackingLinks.AnyAsync(l => l.CaseId == caseId && l.TokenHash == hash, ct);
    }

    /// <summary>The absolute address of a link, for emails and the receipt.</summary>
    public Uri UrlOf(string token) => UrlOf(portal.Value.BaseUri, token);

    public static Uri UrlOf(Uri baseUri, string token) => new(baseUri, "track/" + token);

    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static (string Token, string Hash) NewToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }
}
