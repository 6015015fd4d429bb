using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>What a request's draft cookie leads to.</summary>
public enum DraftState
{
    /// <summary>No cookie, or one that matches nothing.</summary>
    None,

    /// <summary>The draft was there but is past its 24 hours.</summary>
    Expired,

    /// <summary>Alive, but its consent was given against an older privacy notice: consent again to go on.</summary>
    NeedsConsent,

    /// <summary>Being written, with valid consent.</summary>
    Open,

    /// <summary>Already a case.</summary>
    Submitted,
}

public sealed record DraftLookup(DraftState State, IntakeDraft? Draft)
{
    /// <summary>
    /// The newest unsubmitted draft among <paramref name="owned"/> (a counselor's or a staff member's own, found by their
    /// account instead of a cookie) and what it leads to: one draft at a time per account.
    /// </summary>
    public static async Task<DraftLookup> NewestOpenAsync(IQueryable<IntakeDraft> owned, DateTimeOffset now, CancellationToken ct)
    {
        var draft = await owned.Include(d => d.Files)
            .Where(d => d.SubmittedCaseId == null)
            .OrderByDescending(d => d.UpdatedAt)
            .FirstOrDefaultAsync(ct);
        if (draft is null)
        {
            return new DraftLookup(DraftState.None, null);
        }

        var state = draft.IsExpired(now) ? DraftState.Expired
            : draft.Consent.IsValidFor(PrivacyNotice.CurrentVersion) ? DraftState.Open
            : DraftState.NeedsConsent;
        return new DraftLookup(state, draft);
    }
}

/// <summary>
/// The consumer's draft, found through an unguessable token in an HttpOnly cookie (only its SHA-256 is
/// stored). The cookie lives as long as the draft: 24 hours after the last change.
/// </summary>
public sealed class IntakeDrafts(AppDbContext db, TimeProvider clock, IOptions<PortalOptions> portal)
{
    public const string CookieName = "ccc.intake";
    private const string CookiePath = "/complaint";

    public async Task<DraftLookup> FindAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return new DraftLookup(DraftState.None, null);
        }

        var hash = Hash(token);
        var draft = await db.IntakeDrafts.Include(d => d.Files).SingleOrDefaultAsync(d => d.TokenHash == hash, ct);
        if (draft is null)
        {
            return new DraftLookup(DraftState.None, null);
        }

        if (draft.IsSubmitted)
        {
            return new DraftLookup(DraftState.Submitted, draft);
        }

        var state = draft.IsExpired(clock.GetUtcNow()) ? DraftState.Expired
            : draft.Consent.IsValidFor(PrivacyNotice.CurrentVersion) ? DraftState.Open
            : DraftState.NeedsConsent;
        return new DraftLookup(state, draft);
    }

    /// <summary>A new draft (added to the context, saved by the caller) and the token for the consumer's cookie.</summary>
    public (IntakeDraft Draft, string Token) Create(ConsentChoices consent)
    {
        var token = Base64UrlToken();
        var draft = new IntakeDraft(Hash(token), consent, clock.GetUtcNow());
        db.IntakeDrafts.Add(draft);
        return (draft, token);
    }

    /// <summary>(Re)issues the cookie so that it expires with the draft.</summary>
    public void IssueCookie(HttpContext http, string token, DateTimeOffset expiresAt) =>
        http.Response.Cookies.Append(CookieName, token, CookieOptions(http, expiresAt));

    /// <summary>Extends the cookie of the request to the draft's new expiry.</summary>
    public void RenewCookie(HttpContext http, IntakeDraft draft)
    {
        if (http.Request.Cookies.TryGetValue(CookieName, out var token) && token is not null)
        {
            IssueCookie(http, token, draft.ExpiresAt);
        }
    }

    /// <summary>Deletes a draft now; an unsubmitted draft's files go with it.</summary>
    public async Task DiscardAsync(IntakeDraft draft, CancellationToken ct)
    {
        var fileIds = draft.IsSubmitted ? [] : draft.Files.Select(f => f.StoredFileId).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.StoredFiles.Where(f => fileIds.Contains(f.Id)).ExecuteDeleteAsync(ct);
        await db.IntakeDrafts.Where(d => d.Id == draft.Id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public void ForgetCookie(HttpContext http) => http.Response.Cookies.Delete(CookieName, CookieOptions(http, null));

    private CookieOptions CookieOptions(HttpContext http, DateTimeOffset? expiresAt) => new()
    {
        Path = CookiePath,
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = portal.Value.EnforceHttps || http.Request.IsHttps,
        Expires = expiresAt,
    };

    private static string Base64UrlToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
