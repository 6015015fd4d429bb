using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// The consumer's private link to their case, /track/{token}: 32 random bytes in base64url (43 characters), of
/// which only the SHA-256 is stored (<see cref="CaseTrackingLink"/>). Whoever holds the link sees the case's
/// status and consumer-visible timeline, answers the center's questions and may withdraw the case; nothing else.
/// </summary>
public sealed class TrackingLinks(AppDbContext db, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const int TokenLength = 43;

    /// <summary>Gives a case it is creating its first link (added to the context; the caller saves) and returns the token.</summary>
    public string IssueForNewCase(Case c)
    {
        var (token, hash) = NewToken();
        db.CaseTrackingLinks.Add(new CaseTrackingLink(c.Id, hash, clock.GetUtcNow()));
        return token;
    }

    /// <summary>Replaces the case's link with a new one (the old one stops working); the caller saves. Returns the token.</summary>
    public async Task<string> ReplaceAsync(Guid caseId, CancellationToken ct)
    {
        var (token, hash) = NewToken();
        var link = await db.CaseTrackingLinks.SingleOrDefaultAsync(l => l.CaseId == caseId, ct);
        if (link is null)
        {
            db.CaseTrackingLinks.Add(new CaseTrackingLink(caseId, hash, clock.GetUtcNow()));
        }
        else
        {
            link.Replace(hash, clock.GetUtcNow());
        }

        return token;
    }

    /// <summary>The case a token opens, or null (a malformed, unknown or replaced token: the caller reveals nothing more).</summary>
    public async Task<Guid?> FindCaseIdAsync(string? token, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var hash = Hash(token!);
        return await db.CaseTrackingLinks.AsNoTracking().Where(l => l.TokenHash == hash).Select(l => (Guid?)l.CaseId).SingleOrDefaultAsync(ct);
    }

    /// <summary>Whether <paramref name="token"/> is the case's current link (a receipt shows only a link that still works).</summary>
    public Task<bool> IsCurrentAsync(Guid caseId, string token, CancellationToken ct)
    {
        var hash = IsWellFormed(token) ? Hash(token) : "";
        return db.CaseTrackingLinks.AnyAsync(l => l.CaseId == caseId && l.TokenHash == hash, ct);
    }

    /// <summary>The absolute address of a link, for emails and the receipt.</summary>
    public Uri UrlOf(string token) => new(portal.Value.BaseUri, "track/" + token);

    /// <summary>Where a consumer who lost their link asks for a new one.</summary>
    public Uri LostLinkUrl => new(portal.Value.BaseUri, "track/lost");

    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static (string Token, string Hash) NewToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }
}
