using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>What the account use cases share: roles of a user and the count of active admins.</summary>
public sealed class UserAdministration(AppDbContext db, UserManager<PortalUser> users)
{
    public async Task<IReadOnlyList<string>> RolesOfAsync(PortalUser user) => [.. await users.GetRolesAsync(user)];

    public Task<int> ActiveAdminCountAsync(CancellationToken ct) =>
        db.Users.CountAsync(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)), ct);
}
