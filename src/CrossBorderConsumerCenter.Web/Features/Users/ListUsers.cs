using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>All accounts with their roles and state, for admins (a center has tens, not thousands).</summary>
public static class ListUsers
{
    public sealed record Row(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool IsDisabled, bool TwoFactorEnabled, bool HasTemporaryPassword, DateTimeOffset CreatedAt);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct)
        {
            var users = await db.Users.AsNoTracking()
                .OrderBy(u => u.IsDisabled).ThenBy(u => u.DisplayName)
                .Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.Email,
                    u.IsDisabled,
                    u.TwoFactorEnabled,
                    u.MustChangePassword,
                    u.CreatedAt,
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                })
                .ToListAsync(ct);
            return users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.Roles.Order().ToList(), u.IsDisabled, u.TwoFactorEnabled, u.MustChangePassword, u.CreatedAt)).ToList();
        }
    }
}
