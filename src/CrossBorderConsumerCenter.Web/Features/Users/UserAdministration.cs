using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>What the account use cases share: roles of a user and the count of active admins.</summary>
public sealed class UserAdministration(AppDbContext db, UserManager<PortalUser> users)
{
    public async Task<IReadOnlyList<string>> RolesOfAsync(PortalUser user) => [.. await users.GetRolesAsync(user)];

    /// <summary>An Identity-style error for a center that does not exist or is inactive (shown at the center field).</summary>
    public static readonly IdentityError InactiveCenterError = new() { Code = "ConsumerCenterInactive", Description = "" };

    public Task<bool> IsActiveCenterAsync(Guid centerId, CancellationToken ct) => db.ConsumerCenters.AnyAsync(c => c.Id == centerId && c.IsActive, ct);

    /// <summary>The centers an account can be given: the active ones, and the account's current one (which may be inactive).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, bool IsActive)>> CenterChoicesAsync(Guid? current, CancellationToken ct) =>
        [.. (await db.ConsumerCenters.AsNoTracking()
            .Where(c => c.IsActive || c.Id == current)
            .OrderBy(c => c.PrefectureCode).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.IsActive })
            .ToListAsync(ct)).Select(c => (c.Id, c.Name, c.IsActive))];

    public Task<int> ActiveAdminCountAsync(CancellationToken ct) =>
        db.Users.CountAsync(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)), ct);
}
