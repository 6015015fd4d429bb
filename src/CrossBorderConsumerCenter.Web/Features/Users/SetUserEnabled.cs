using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>Disable an account (its sessions end at once) or enable it again.</summary>
public static class SetUserEnabled
{
    public sealed record Result(bool Found, AccountChangeRefusal? Refusal = null);

    public sealed class Handler(UserManager<PortalUser> users, UserAdministration admin, UserSessions sessions, AuditTrail audit, AppDbContext db)
    {
        public async Task<Result> HandleAsync(ClaimsPrincipal actor, Guid userId, bool enabled, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null)
            {
                return new Result(false);
            }

            if (user.IsDisabled == !enabled)
            {
                return new Result(true);
            }

            if (!enabled)
            {
                var refusal = AccountRules.CheckDisable(EditUser.ActorId(actor), user.Id, await admin.RolesOfAsync(user), await admin.ActiveAdminCountAsync(ct));
                if (refusal is not null)
                {
                    return new Result(true, refusal);
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            user.IsDisabled = !enabled;
            await users.UpdateAsync(user);

            await users.UpdateSecurityStampAsync(user);
            audit.Record(enabled ? AuditAction.UserEnabled : AuditAction.UserDisabled, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);

            // A disabled account's sessions fail their next request's check at once; ended, they stay ended when it is enabled again.
            if (!enabled)
            {
                await sessions.EndAllAsync(user.Id, UserSessions.Reasons.Disabled, ct: ct);
            }
            return new Result(true);
        }
    }
}
