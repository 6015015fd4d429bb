using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>
/// The applicant's private links to their booking, <c>/consultation/booking/{token}</c>: 32 random bytes in base64url of
/// which only the SHA-256 is stored (<see cref="ConsultationLink"/>), one per email, as the tracking page's links.
/// Whoever holds one sees the booking's time and status and may cancel or move it; nothing else.
/// </summary>
public sealed class ConsultationLinks(AppDbContext db, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const int TokenLength = 43;

    /// <summary>A new link to the booking (added to the context; the caller saves) and its token.</summary>
    public string Issue(Guid bookingId)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.ConsultationLinks.Add(new ConsultationLink(bookingId, Hash(token), clock.GetUtcNow()));
        return token;
    }

    /// <summary>The booking a token opens, or null (malformed, unknown: the caller reveals nothing more).</summary>
    public async Task<Guid?> FindBookingIdAsync(string? token, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var hash = Hash(token!);
        return await db.ConsultationLinks.AsNoTracking().Where(l => l.TokenHash == hash).Select(l => (Guid?)l.BookingId).SingleOrDefaultAsync(ct);
    }

    /// <summary>The absolute address of a link, for emails.</summary>
    public Uri UrlOf(string token) => new(portal.Value.BaseUri, "consultation/booking/" + token);

    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
