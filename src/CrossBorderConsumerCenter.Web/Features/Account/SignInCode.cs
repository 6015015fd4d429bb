using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Account;

/// <summary>
/// The second step of signing in for an account with a second factor: a code from the authenticator app, or one of the
/// recovery codes (each works once). The first step's password check is kept in Identity's two-factor cookie for five minutes.
/// </summary>
public static class SignInCode
{
    public sealed class Form
    {
        public string Code { get; set; } = "";
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountText> l)
        {
            RuleFor(f => f.Code).NotEmpty().WithMessage(_ => l["SignInCode_Required"]).MaximumLength(64).WithMessage(_ => l["SignInCode_Failed"]);
        }
    }

    public enum Outcome
    {
        SignedIn,
        Failed,

        /// <summary>No password step within the last five minutes (or it was another browser): start again.</summary>
        Expired,
    }

    /// <summary>
    /// A wrong code, a code already used, and a code not checked because of repeated failures all answer <see cref="Outcome.Failed"/>
    /// with one message. Failures count per client and account (as passwords do, Accounts:SignInFailuresPerClientAndAccount)
    /// and per account from everywhere (Accounts:SecondFactorFailuresPerAccount).
    /// </summary>
    public sealed class Handler(PortalSignInManager signIn, RateCounters counters, IOptions<AccountSecurityOptions> options, AuditTrail audit, AppDbContext db)
    {
        /// <summary>The outcome, and the account that signed in.</summary>
        public async Task<(Outcome Outcome, PortalUser? User)> HandleAsync(Form form, string clientAddress, CancellationToken ct)
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null)
            {
                return (Outcome.Expired, null);
            }

            var settings = options.Value;
            var window = TimeSpan.FromMinutes(settings.SignInFailureWindowMinutes);
            var clientKey = $"sign-in-code-failures|{clientAddress}|{user.Id}";
            var accountKey = $"sign-in-code-failures|{user.Id}";
            var heldBack = await counters.CountAsync(clientKey, window, ct) >= settings.SignInFailuresPerClientAndAccount
                || await counters.CountAsync(accountKey, window, ct) >= settings.SecondFactorFailuresPerAccount;

            var code = AuthenticatorCode.Normalise(form.Code);
            var byRecoveryCode = !(code.Length == AuthenticatorCode.Digits && code.All(char.IsAsciiDigit));
            if (!heldBack)
            {
                var result = byRecoveryCode
                    ? await signIn.TwoFactorRecoveryCodeSignInAsync(AuthenticatorCode.NormaliseRecoveryCode(form.Code))
                    : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
                if (result.Succeeded)
                {
                    var left = byRecoveryCode ? await signIn.UserManager.CountRecoveryCodesAsync(user) : (int?)null;
                    audit.Record(
                        AuditAction.SignInSucceeded,
                        "User",
                        user.Id.ToString(),
                        details: new { secondFactor = byRecoveryCode ? "recovery code" : "authenticator", recoveryCodesLeft = left },
                        actorNameOverride: user.DisplayName);
                    await db.SaveChangesAsync(ct);
                    return (Outcome.SignedIn, user);
                }
            }

            await counters.HitAsync(clientKey, window, ct);
            await counters.HitAsync(accountKey, window, ct);
            audit.Record(
                AuditAction.SignInCodeFailed,
                "User",
                user.Id.ToString(),
                details: new { secondFactor = byRecoveryCode ? "recovery code" : "authenticator", heldBack },
                actorNameOverride: user.DisplayName);
            await db.SaveChangesAsync(ct);
            return (Outcome.Failed, null);
        }
    }
}
