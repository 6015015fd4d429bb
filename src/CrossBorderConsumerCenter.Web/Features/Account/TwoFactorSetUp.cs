using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Account;

/// <summary>
/// A signed-in user's own two-factor sign-in: set up an authenticator app (QR code or key, then a code from the app proves it
/// works), replace the recovery codes, or turn it off where neither the roles nor the settings require it. Every change
/// needs a current code from the app, ends the account's other sessions and is audited.
/// </summary>
public static class TwoFactorSetUp
{
    /// <summary>How many recovery codes are issued at a time; each works once.</summary>
    public const int RecoveryCodeCount = 10;

    public sealed class Form
    {
        public string Code { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountText> l)
        {
            RuleFor(f => f.Code).NotEmpty().WithMessage(_ => l["TwoFactor_CodeRequired"]).MaximumLength(64).WithMessage(_ => l["TwoFactor_CodeWrong"]);
        }
    }

    /// <summary>The page: either set up (with the key to enter and its QR code) or on (with the recovery codes left).</summary>
    public sealed record ViewModel(bool Enabled, bool Required, int RecoveryCodesLeft, string? Key, string? QrCode);

    public enum Refusal
    {
        CodeWrong,
        Required,
        NotEnabled,
        AlreadyEnabled,
    }

    /// <summary>New recovery codes to show once, or why nothing changed.</summary>
    public sealed record Result(IReadOnlyList<string> RecoveryCodes, Refusal? Refused)
    {
        public static Result Refuse(Refusal refusal) => new([], refusal);
    }

    public sealed class Handler(
        UserManager<PortalUser> users,
        PortalSignInManager signIn,
        UserSessions sessions,
        IOptions<AccountSecurityOptions> options,
        AuditTrail audit,
        AppDbContext db,
        IStringLocalizer<SharedResource> shared)
    {
        public async Task<ViewModel> LoadAsync(ClaimsPrincipal principal)
        {
            var user = await UserAsync(principal);
            var required = await IsRequiredAsync(user);
            if (user.TwoFactorEnabled)
            {
                return new ViewModel(true, required, await users.CountRecoveryCodesAsync(user), null, null);
            }

            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A new key changes the security stamp: this session's cookie is renewed with it, so only other sessions notice.
                await users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
                key = (await users.GetAuthenticatorKeyAsync(user))!;
            }

            var uri = AuthenticatorCode.EnrolmentUri(shared["Site_Name"], user.Email ?? user.UserName ?? "", key);
            return new ViewModel(false, required, 0, AuthenticatorCode.ForReading(key), AuthenticatorCode.QrCodeDataUri(uri));
        }

        /// <summary>Turns two-factor sign-in on once a code from the app matches the key shown.</summary>
        public async Task<Result> EnableAsync(ClaimsPrincipal principal, Form form, CancellationToken ct)
        {
            var user = await UserAsync(principal);
            if (user.TwoFactorEnabled)
            {
                return Result.Refuse(Refusal.AlreadyEnabled);
            }

            if (!await CodeMatchesAsync(user, form))
            {
                return Result.Refuse(Refusal.CodeWrong);
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
            audit.Record(AuditAction.TwoFactorEnabled, "User", user.Id.ToString());
            await FinishAsync(principal, user, UserSessions.Reasons.TwoFactorChanged, ct);
            return new Result([.. codes], null);
        }

        /// <summary>Replaces every recovery code (the old ones stop working), given a current code from the app.</summary>
        public async Task<Result> RenewRecoveryCodesAsync(ClaimsPrincipal principal, Form form, CancellationToken ct)
        {
            var user = await UserAsync(principal);
            if (!user.TwoFactorEnabled)
            {
                return Result.Refuse(Refusal.NotEnabled);
            }

            if (!await CodeMatchesAsync(user, form))
            {
                return Result.Refuse(Refusal.CodeWrong);
            }

            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
            audit.Record(AuditAction.RecoveryCodesRenewed, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            return new Result([.. codes], null);
        }

        /// <summary>Turns two-factor sign-in off (the key and the recovery codes are forgotten), where nothing requires it.</summary>
        public async Task<Result> DisableAsync(ClaimsPrincipal principal, Form form, CancellationToken ct)
        {
            var user = await UserAsync(principal);
            if (!user.TwoFactorEnabled)
            {
                return Result.Refuse(Refusal.NotEnabled);
            }

            if (await IsRequiredAsync(user))
            {
                return Result.Refuse(Refusal.Required);
            }

            if (!await CodeMatchesAsync(user, form))
            {
                return Result.Refuse(Refusal.CodeWrong);
            }

            await Forget(users, user);
            audit.Record(AuditAction.TwoFactorDisabled, "User", user.Id.ToString());
            await FinishAsync(principal, user, UserSessions.Reasons.TwoFactorChanged, ct);
            return new Result([], null);
        }

        /// <summary>Off, with no key and no recovery codes left (also used by an admin's reset).</summary>
        internal static async Task Forget(UserManager<PortalUser> users, PortalUser user)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            await users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokenProvider.LoginProvider, AuthenticatorTokenProvider.LastStepToken);
        }

        private async Task<bool> CodeMatchesAsync(PortalUser user, Form form) =>
            await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code);

        private async Task<bool> IsRequiredAsync(PortalUser user) =>
            Domain.Accounts.Roles.NeedSecondFactor(await users.GetRolesAsync(user), options.Value.RequireTwoFactorForEveryone);

        /// <summary>Other sessions end at once; this one continues with a cookie that carries the new state.</summary>
        private async Task FinishAsync(ClaimsPrincipal principal, PortalUser user, string reason, CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            await sessions.EndAllAsync(user.Id, reason, except: UserSessions.IdOf(principal), ct);
            await signIn.RefreshSignInAsync(user);
        }

        private async Task<PortalUser> UserAsync(ClaimsPrincipal principal) =>
            await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
    }
}
