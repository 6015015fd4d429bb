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

    /// <summary>
    /// A new link for "I lost my link" (the caller saves); the case's other links keep working until this one is used, so a
    /// stranger who asks cannot cut the consumer off. Returns its token.
    /// </summary>
    public string IssueReplacement(Guid caseId)
    {
        var (token, hash) = NewToken();
        db.CaseTrackingLinks.Add(new CaseTrackingLink(caseId, hash, clock.GetUtcNow(), revokesEarlierOnUse: true));
        return token;
    }

    /// <summary>The case a token opens, or null (a malformed, unknown or removed token: the caller reveals nothing more).</summary>
    public async Task<Guid?> FindCaseIdAsync(string? token, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var hash = Hash(token!);
        var link = await db.CaseTrackingLinks.AsNoTracking().Where(l => l.TokenHash == hash)
            .Select(l => new { l.Id, l.CaseId, l.IssuedAt, l.RevokesEarlierOnUse }).SingleOrDefaultAsync(ct);
        if (link is { RevokesEarlierOnUse: true })
        {
            // The first use of a link sent through "I lost my link": the consumer has it, so the links before it stop working.
            await db.CaseTrackingLinks.Where(l => l.CaseId == link.CaseId && l.Id != link.Id && l.IssuedAt <= link.IssuedAt).ExecuteDeleteAsync(ct);
            await db.CaseTrackingLinks.Where(l => l.Id == link.Id).ExecuteUpdateAsync(u => u.SetProperty(l => l.RevokesEarlierOnUse, false), ct);
        }

        return link?.CaseId;
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
