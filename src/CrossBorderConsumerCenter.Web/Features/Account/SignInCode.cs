using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.Extensions.Localization;

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
    /// and per account from everywhere (Accounts:SecondFactorFailuresPerAccount). The codes of one account are checked one at
    /// a time (a PostgreSQL advisory lock, every instance): parallel guesses cannot all pass the count before any is counted.
    /// Repeated wrong codes are emailed to the account's owner once per window (<see cref="SecondFactorAlertEmail"/>).
    /// </summary>
    public sealed class Handler(
        PortalSignInManager signIn,
        SecondFactorAttempts attempts,
        SecondFactorAlertEmail alert,
        AuditTrail audit,
        AppDbContext db)
    {
        /// <summary>The outcome, and the account that signed in.</summary>
        public async Task<(Outcome Outcome, PortalUser? User)> HandleAsync(Form form, string clientAddress, CancellationToken ct)
        {
            var user = await signIn.PendingTwoFactorUserAsync();
            if (user is null)
            {
                return (Outcome.Expired, null);
            }

            var code = AuthenticatorCode.Normalise(form.Code);
            var byRecoveryCode = !(code.Length == AuthenticatorCode.Digits && code.All(char.IsAsciiDigit));
            var (succeeded, heldBack, accountFailures) = await attempts.CheckAsync(user.Id, clientAddress, async () =>
            {
                var result = byRecoveryCode
                    ? await signIn.TwoFactorRecoveryCodeSignInAsync(AuthenticatorCode.NormaliseRecoveryCode(form.Code))
                    : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
                return result.Succeeded;
            }, ct);

            var kind = byRecoveryCode ? "recovery code" : "authenticator";
            if (succeeded)
            {
                var left = byRecoveryCode ? await signIn.UserManager.CountRecoveryCodesAsync(user) : (int?)null;
                audit.Record(AuditAction.SignInSucceeded, "User", user.Id.ToString(), details: new { secondFactor = kind, recoveryCodesLeft = left }, actorNameOverride: user.DisplayName);
                await db.SaveChangesAsync(ct);
                return (Outcome.SignedIn, user);
            }

            audit.Record(AuditAction.SignInCodeFailed, "User", user.Id.ToString(), details: new { secondFactor = kind, heldBack }, actorNameOverride: user.DisplayName);
            await alert.TellOwnerIfDueAsync(user, accountFailures, ct);
            await db.SaveChangesAsync(ct);
            return (Outcome.Failed, null);
        }
    }
}
