using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>The signed-in counselor and the consumer center their account belongs to now.</summary>
public sealed record CounselorIdentity(Guid UserId, string DisplayName, Guid CenterId, string CenterName);

/// <summary>
/// Who the counselor is and which center they act for, read from the database on every request (not from the
/// sign-in cookie), so that an admin moving an account to another center, or making a center inactive, takes
/// effect at once. Every counselor page filters by this center: a case of another center is simply not found.
/// </summary>
public sealed class CurrentCounselor(AppDbContext db)
{
    /// <summary>Null when the account has no center, or its center is inactive: such an account sees no case.</summary>
    public Task<CounselorIdentity?> FindAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        return db.Users.AsNoTracking()
            .Where(u => u.Id == userId && !u.IsDisabled)
            .Join(db.ConsumerCenters.Where(c => c.IsActive), u => u.ConsumerCenterId, c => c.Id, (u, c) => new CounselorIdentity(u.Id, u.DisplayName, c.Id, c.Name))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The id of the case numbered <paramref name="number"/> if it was filed by the counselor's center; null otherwise.</summary>
    public async Task<(Guid Id, string Number)?> FindCaseAsync(CounselorIdentity counselor, string number, CancellationToken ct)
    {
        if (!Domain.Cases.CaseNumber.TryParse(number, out var parsed))
        {
            return null;
        }

        var canonical = parsed.ToString();
        var id = await db.Cases.AsNoTracking().Where(c => c.Number == canonical && c.FiledByCenterId == counselor.CenterId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        return id is { } found ? (found, canonical) : null;
    }
}
