using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Account;

/// <summary>A signed-in user changes their own password; other sessions end at once.</summary>
public static class ChangePassword
{
    public sealed class Form
    {
        public string CurrentPassword { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";

        /// <summary>Where a user sent here to replace a temporary password was going.</summary>
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountText> l)
        {
            RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(_ => l["Password_CurrentRequired"]);
            RuleFor(f => f.NewPassword).NotEmpty().WithMessage(_ => l["Password_NewRequired"]).MaximumLength(1000).WithMessage(_ => l["Password_TooLong"]);
            RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage(_ => l["Password_ConfirmMismatch"]);
        }
    }

    public sealed class Handler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, UserSessions sessions, AuditTrail audit, AppDbContext db)
    {
        /// <summary>Returns Identity's errors (wrong current password, too short, too easy), or none.</summary>
        public async Task<IReadOnlyList<IdentityError>> HandleAsync(ClaimsPrincipal principal, Form form, CancellationToken ct)
        {
            var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            var wasTemporary = user.MustChangePassword;
            user.MustChangePassword = false; // saved with the new password; stays set when the change is refused
            var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
            if (!result.Succeeded)
            {
                user.MustChangePassword = wasTemporary;
                return result.Errors.ToList();
            }

            audit.Record(AuditAction.PasswordChanged, "User", user.Id.ToString(), details: new { replacedTemporaryPassword = wasTemporary });
            await db.SaveChangesAsync(ct);
            await sessions.EndAllAsync(user.Id, UserSessions.Reasons.PasswordChanged, except: UserSessions.IdOf(principal), ct);
            await signIn.RefreshSignInAsync(user);
            return [];
        }
    }
}
