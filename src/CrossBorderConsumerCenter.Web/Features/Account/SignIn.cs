using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

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
        Failed,
        LockedOut,
    }

    public sealed class Handler(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditTrail audit, AppDbContext db)
    {
        public async Task<Outcome> HandleAsync(Form form, CancellationToken ct)
        {
            var user = await users.FindByEmailAsync(form.Email.Trim());
            if (user is null)
            {
                audit.Record(AuditAction.SignInFailed, "User", null, details: new { reason = "unknown email" }, actorNameOverride: form.Email.Trim());
                await db.SaveChangesAsync(ct);
                return Outcome.Failed;
            }

            var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
            var (action, outcome) = result switch
            {
                { Succeeded: true } => (AuditAction.SignInSucceeded, Outcome.SignedIn),
                { IsLockedOut: true } => (AuditAction.SignInLockedOut, Outcome.LockedOut),
                { IsNotAllowed: true } => (AuditAction.SignInRefusedDisabled, Outcome.Failed),
                _ => (AuditAction.SignInFailed, Outcome.Failed),
            };
            audit.Record(action, "User", user.Id.ToString(), actorNameOverride: user.DisplayName);
            await db.SaveChangesAsync(ct);
            return outcome;
        }
    }
}
