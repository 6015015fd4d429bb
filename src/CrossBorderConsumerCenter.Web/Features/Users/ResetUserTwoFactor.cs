using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Features.Account;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>
/// An admin removes another account's authenticator and recovery codes (the phone was lost or replaced): its sessions end at
/// once, it signs in with its password next and, where a second factor is required, sets one up before anything else.
/// An admin cannot reset their own: that would let a stolen admin password remove the admin's second factor.
/// </summary>
public static class ResetUserTwoFactor
{
    public enum Outcome
    {
        Reset,
        NotFound,
        NotEnabled,
        OwnAccount,
    }

    public sealed class Handler(UserManager<PortalUser> users, UserSessions sessions, AuditTrail audit, AppDbContext db)
    {
        public async Task<Outcome> HandleAsync(ClaimsPrincipal admin, Guid userId, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null)
            {
                return Outcome.NotFound;
            }

            if (user.Id == EditUser.ActorId(admin))
            {
                return Outcome.OwnAccount;
            }

            if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            {
                return Outcome.NotEnabled;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await TwoFactorSetUp.Handler.Forget(users, user);
            audit.Record(AuditAction.TwoFactorReset, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await sessions.EndAllAsync(user.Id, UserSessions.Reasons.TwoFactorReset, ct: ct);
            return Outcome.Reset;
        }
    }
}
