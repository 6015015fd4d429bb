using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;

namespace CrossBorderConsumerCenter.Web.Features.Account;

/// <summary>Staff and counselors sign in with email and password; every attempt is audited.</summary>
public static class SignIn
{
    public sealed class Form
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AccountText> l)
        {
            RuleFor(f => f.Email).NotEmpty().WithMessage(_ => l["SignIn_EmailRequired"]).MaximumLength(256).WithMessage(_ => l["SignIn_Failed"]);
            RuleFor(f => f.Password).NotEmpty().WithMessage(_ => l["SignIn_PasswordRequired"]).MaximumLength(1000).WithMessage(_ => l["SignIn_Failed"]);
        }
    }

    public enum Outcome
    {
        SignedIn,

        /// <summary>The password was right; the account signs in with a code from its authenticator next (<see cref="SignInCode"/>).</summary>
        CodeRequired,
        Failed,
    }

    /// <summary>
    /// Every failure looks and takes alike (ADR 0091): an unknown address, a wrong password, a disabled account, and a client
    /// held back for this account all answer <see cref="Outcome.Failed"/> after one run of the password hasher. The
    /// account is never locked: after <c>Accounts:SignInFailuresPerClientAndAccount</c> failures from one client address
    /// within the window, that client's attempts for that address fail unchecked until the window ends, while the owner
    /// signs in from anywhere else.
    /// </summary>
    public sealed class Handler(
        PortalSignInManager signIn,
        UserManager<PortalUser> users,
        RateCounters counters,
        IOptions<AccountSecurityOptions> options,
        AuditTrail audit,
        AppDbContext db)
    {
        public async Task<Outcome> HandleAsync(Form form, string clientAddress, CancellationToken ct)
        {
            var email = form.Email.Trim();
            var settings = options.Value;
            var window = TimeSpan.FromMinutes(settings.SignInFailureWindowMinutes);
            var failuresKey = $"sign-in-failures|{clientAddress}|{email.ToUpperInvariant()}";
            var heldBack = await counters.CountAsync(failuresKey, window, ct) >= settings.SignInFailuresPerClientAndAccount;
            var user = await users.FindByEmailAsync(email);

            AuditAction action;
            if (user is null || heldBack)
            {
                // The hasher runs anyway, so that these answers take as long as a wrong password.
                _ = users.PasswordHasher.HashPassword(user ?? new PortalUser(), form.Password);
                action = heldBack ? AuditAction.SignInThrottled : AuditAction.SignInFailed;
            }
            else if (!await users.CheckPasswordAsync(user, form.Password))
            {
                action = AuditAction.SignInFailed;
            }
            else if (user.IsDisabled)
            {
                action = AuditAction.SignInRefusedDisabled;
            }
            else
            {
                var result = await signIn.PasswordCheckedAsync(user);
                var codeRequired = result.RequiresTwoFactor;
                audit.Record(codeRequired ? AuditAction.SignInPasswordAccepted : AuditAction.SignInSucceeded, "User", user.Id.ToString(), actorNameOverride: user.DisplayName);
                await db.SaveChangesAsync(ct);
                return codeRequired ? Outcome.CodeRequired : Outcome.SignedIn;
            }

            await counters.HitAsync(failuresKey, window, ct);
            if (user is null)
            {
                audit.Record(action, "User", null, details: new { reason = "unknown email" }, actorNameOverride: email);
            }
            else
            {
                audit.Record(action, "User", user.Id.ToString(), actorNameOverride: user.DisplayName);
            }

            await db.SaveChangesAsync(ct);
            return Outcome.Failed;
        }
    }
}
