using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
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

        /// <summary>While setting up: the key shown, protected for this account and session (never stored before it is proven).</summary>
        public string? Key { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountText> l)
        {
            RuleFor(f => f.Code).NotEmpty().WithMessage(_ => l["TwoFactor_CodeRequired"]).MaximumLength(64).WithMessage(_ => l["TwoFactor_CodeWrong"]);
            RuleFor(f => f.Key).MaximumLength(2_000).WithMessage(_ => l["TwoFactor_Refused_SetUpExpired"]);
        }
    }

    /// <summary>The page: either set up (with the key to enter, its QR code and the key protected for the form) or on.</summary>
    public sealed record ViewModel(bool Enabled, bool Required, int RecoveryCodesLeft, string? Key, string? QrCode, string? ProtectedKey);

    public enum Refusal
    {
        CodeWrong,
        Required,
        NotEnabled,
        AlreadyEnabled,

        /// <summary>The set-up page was open too long, or its key was made for another session: a new key is shown.</summary>
        SetUpExpired,
    }

    /// <summary>New recovery codes to show once, or why nothing changed.</summary>
    public sealed record Result(IReadOnlyList<string> RecoveryCodes, Refusal? Refused)
    {
        public static Result Refuse(Refusal refusal) => new([], refusal);
    }

    /// <summary>
    /// A key waiting to be set up lives only in the page's form, protected (Data Protection, 30 minutes) together with the account
    /// and the session that were shown it, and is stored once a code proves the person's app has it. Someone else who signs in
    /// with the same password sees another key, which the owner never sets up.
    /// </summary>
    public sealed class Handler(
        UserManager<PortalUser> users,
        PortalSignInManager signIn,
        UserSessions sessions,
        SecondFactorAttempts attempts,
        IDataProtectionProvider protection,
        TimeProvider clock,
        IOptions<AccountSecurityOptions> options,
        AuditTrail audit,
        AppDbContext db,
        IStringLocalizer<SharedResource> shared)
    {
        private static readonly TimeSpan SetUpLifetime = TimeSpan.FromMinutes(30);
        private const string KeyToken = "AuthenticatorKey";
        private const string IdentityLoginProvider = "[AspNetUserStore]";

        /// <summary>The page; while setting up, the key of <paramref name="protectedKey"/> again when it is still valid, else a new one.</summary>
        public async Task<ViewModel> LoadAsync(ClaimsPrincipal principal, string? protectedKey = null)
        {
            var user = await UserAsync(principal);
            var required = await IsRequiredAsync(user);
            if (user.TwoFactorEnabled)
            {
                return new ViewModel(true, required, await users.CountRecoveryCodesAsync(user), null, null, null);
            }

            var key = Unprotect(principal, protectedKey) ?? users.GenerateNewAuthenticatorKey();
            var uri = AuthenticatorCode.EnrolmentUri(shared["Site_Name"], user.Email ?? user.UserName ?? "", key);
            return new ViewModel(false, required, 0, AuthenticatorCode.ForReading(key), AuthenticatorCode.QrCodeDataUri(uri), Protect(principal, key));
        }

        /// <summary>Turns two-factor sign-in on once a code from the app matches the key shown.</summary>
        public async Task<Result> EnableAsync(ClaimsPrincipal principal, Form form, CancellationToken ct)
        {
            var user = await UserAsync(principal);
            if (user.TwoFactorEnabled)
            {
                return Result.Refuse(Refusal.AlreadyEnabled);
            }

            if (Unprotect(principal, form.Key) is not { } key)
            {
                return Result.Refuse(Refusal.SetUpExpired);
            }

            long? step = null;
            var (matched, _, _) = await attempts.CheckAsync(user.Id, null, () =>
            {
                step = AuthenticatorCode.MatchingStep(key, AuthenticatorCode.Normalise(form.Code), clock.GetUtcNow());
                return Task.FromResult(step is not null);
            }, ct);
            if (!matched)
            {
                return await RefusedCodeAsync(user, "set up", ct);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await users.SetAuthenticationTokenAsync(user, IdentityLoginProvider, KeyToken, key);
            await users.SetAuthenticationTokenAsync(user, AuthenticatorTokenProvider.LoginProvider, AuthenticatorTokenProvider.LastStepToken, step!.Value.ToString(CultureInfo.InvariantCulture));
            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
            audit.Record(AuditAction.TwoFactorEnabled, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await FinishAsync(principal, user, ct);
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

            if (!await CodeMatchesAsync(user, form, ct))
            {
                return await RefusedCodeAsync(user, "new recovery codes", ct);
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

            if (!await CodeMatchesAsync(user, form, ct))
            {
                return await RefusedCodeAsync(user, "turn off", ct);
            }

            await Forget(users, user);
            audit.Record(AuditAction.TwoFactorDisabled, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            await FinishAsync(principal, user, ct);
            return new Result([], null);
        }

        /// <summary>Off, with no key and no recovery codes left (also used by an admin's reset).</summary>
        internal static async Task Forget(UserManager<PortalUser> users, PortalUser user)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.RemoveAuthenticationTokenAsync(user, IdentityLoginProvider, KeyToken);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            await users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokenProvider.LoginProvider, AuthenticatorTokenProvider.LastStepToken);
        }

        /// <summary>A current code from the app (never twice), counted with the sign-in's wrong codes for this account.</summary>
        private async Task<bool> CodeMatchesAsync(PortalUser user, Form form, CancellationToken ct) =>
            (await attempts.CheckAsync(user.Id, null, () => users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code), ct)).Succeeded;

        /// <summary>A wrong code on this page is audited like one at sign-in: someone at an open session may be guessing.</summary>
        private async Task<Result> RefusedCodeAsync(PortalUser user, string action, CancellationToken ct)
        {
            audit.Record(AuditAction.TwoFactorCodeRefused, "User", user.Id.ToString(), details: new { action });
            await db.SaveChangesAsync(ct);
            return Result.Refuse(Refusal.CodeWrong);
        }

        // The payload: account and session, when it stops being accepted (the portal's clock), the key.
        private string Protect(ClaimsPrincipal principal, string key) =>
            Protector().Protect($"{Owner(principal)}|{(clock.GetUtcNow() + SetUpLifetime).ToUnixTimeSeconds()}|{key}");

        private string? Unprotect(ClaimsPrincipal principal, string? protectedKey)
        {
            if (string.IsNullOrEmpty(protectedKey))
            {
                return null;
            }

            try
            {
                var parts = Protector().Unprotect(protectedKey).Split('|');
                return parts.Length == 4
                    && $"{parts[0]}|{parts[1]}" == Owner(principal)
                    && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var until)
                    && clock.GetUtcNow().ToUnixTimeSeconds() < until
                    ? parts[3]
                    : null;
            }
            catch (CryptographicException)
            {
                return null;
            }
        }

        private IDataProtector Protector() => protection.CreateProtector("two-factor set-up");

        private static string Owner(ClaimsPrincipal principal) =>
            $"{principal.FindFirstValue(ClaimTypes.NameIdentifier)}|{UserSessions.IdOf(principal)}";

        private async Task<bool> IsRequiredAsync(PortalUser user) =>
            Domain.Accounts.Roles.NeedSecondFactor(await users.GetRolesAsync(user), options.Value.RequireTwoFactorForEveryone);

        /// <summary>Other sessions end at once; this one continues with a cookie that carries the new state.</summary>
        private async Task FinishAsync(ClaimsPrincipal principal, PortalUser user, CancellationToken ct)
        {
            await sessions.EndAllAsync(user.Id, UserSessions.Reasons.TwoFactorChanged, except: UserSessions.IdOf(principal), ct);
            await signIn.RefreshSignInAsync(user);
        }

        private async Task<PortalUser> UserAsync(ClaimsPrincipal principal) =>
            await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
    }
}
