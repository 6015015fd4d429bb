using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>An admin replaces a forgotten password with a new temporary one (shown once); old sessions end.</summary>
public static class ResetUserPassword
{
    public sealed class Handler(UserManager<PortalUser> users, UserSessions sessions, AuditTrail audit, AppDbContext db)
    {
        /// <summary>The new temporary password, or null when there is no such user.</summary>
        public async Task<string?> HandleAsync(Guid userId, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            if (user is null)
            {
                return null;
            }

            var password = PasswordGenerator.Generate();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            user.MustChangePassword = true; // saved with the new password below
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("A generated password was refused: " + string.Join(", ", result.Errors.Select(e => e.Code)));
            }

            audit.Record(AuditAction.UserPasswordReset, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await sessions.EndAllAsync(user.Id, UserSessions.Reasons.PasswordReset, ct: ct);
            return password;
        }
    }
}
