using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.Web.Features.Account;

/// <summary>Sign in, sign out, the signed-in user's own account and password. Shared by staff and counselors.</summary>
[Route("account")]
public sealed class AccountController(
    IValidator<SignIn.Form> signInValidator,
    SignIn.Handler signInHandler,
    IValidator<SignInCode.Form> codeValidator,
    SignInCode.Handler codeHandler,
    IValidator<ChangePassword.Form> passwordValidator,
    ChangePassword.Handler passwordHandler,
    PortalSignInManager signInManager,
    UserSessions sessions,
    IOptions<AccountSecurityOptions> accountOptions,
    AuditTrail audit,
    Data.AppDbContext db,
    IStringLocalizer<AccountText> l) : Controller
{
    [HttpGet("sign-in")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(new SignIn.Form { ReturnUrl = returnUrl });

    [HttpPost("sign-in")]
    [AllowAnonymous]
    [EnableRateLimiting(AccountRegistration.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignIn.Form form, CancellationToken ct)
    {
        var validation = await signInValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(Cleared(form));
        }

        switch (await signInHandler.HandleAsync(form, RateLimiting.ClientAddress(HttpContext), ct))
        {
            case Account.SignIn.Outcome.SignedIn:
                return LocalRedirect(form.ReturnUrl is not null && Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : await LandingPageAsync(form.Email));
            case Account.SignIn.Outcome.CodeRequired:
                var returnUrl = form.ReturnUrl is not null && Url.IsLocalUrl(form.ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(form.ReturnUrl) : "";
                return LocalRedirect("/account/sign-in/code" + returnUrl);
            default:
                ModelState.AddModelError("", l["SignIn_Failed"]);
                return View(Cleared(form));
        }
    }

    /// <summary>The code step, for an account with a second factor whose password was just accepted in this browser.</summary>
    [HttpGet("sign-in/code")]
    [AllowAnonymous]
    public async Task<IActionResult> SignInCode(string? returnUrl) =>
        await signInManager.PendingTwoFactorUserAsync() is null
            ? LocalRedirect("/account/sign-in?expired=1")
            : View(new SignInCode.Form { ReturnUrl = returnUrl });

    [HttpPost("sign-in/code")]
    [AllowAnonymous]
    [EnableRateLimiting(AccountRegistration.SignInRateLimit)]
    public async Task<IActionResult> SignInCode(SignInCode.Form form, CancellationToken ct)
    {
        var validation = await codeValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(new SignInCode.Form { ReturnUrl = form.ReturnUrl });
        }

        var (outcome, user) = await codeHandler.HandleAsync(form, RateLimiting.ClientAddress(HttpContext), ct);
        switch (outcome)
        {
            case Account.SignInCode.Outcome.SignedIn:
                return LocalRedirect(form.ReturnUrl is not null && Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : await LandingPageAsync(user?.Email ?? ""));
            case Account.SignInCode.Outcome.Expired:
                return LocalRedirect("/account/sign-in?expired=1");
            default:
                ModelState.AddModelError(nameof(form.Code), l["SignInCode_Failed"]);
                return View(new SignInCode.Form { ReturnUrl = form.ReturnUrl });
        }
    }

    [HttpPost("sign-out")]
    [Authorize]
    [AllowedWithTemporaryPassword]
    [AllowedBeforeTwoFactorSetUp]
    public async Task<IActionResult> SignOut(CancellationToken ct)
    {
        TempData.Clear(); // recovery codes waiting to be shown go with the session
        audit.Record(AuditAction.SignedOut, "User", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        await db.SaveChangesAsync(ct);
        await signInManager.SignOutAsync();
        return LocalRedirect("/account/sign-in?signedOut=1");
    }

    /// <summary>Ends every session of this account (other devices and copies of the cookie included), then this one.</summary>
    [HttpPost("sign-out-everywhere")]
    [Authorize]
    [AllowedWithTemporaryPassword]
    [AllowedBeforeTwoFactorSetUp]
    public async Task<IActionResult> SignOutEverywhere(CancellationToken ct)
    {
        TempData.Clear();
        var user = await signInManager.UserManager.GetUserAsync(User);
        if (user is not null)
        {
            await sessions.EndAllAsync(user.Id, UserSessions.Reasons.SignedOutEverywhere, ct: ct);
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
            audit.Record(AuditAction.SignedOutEverywhere, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
        }

        await signInManager.SignOutAsync();
        return LocalRedirect("/account/sign-in?signedOut=1");
    }

    [HttpGet("")]
    [Authorize]
    public async Task<IActionResult> Index() => View(new AccountViewModel(
        User.FindFirst(PortalClaims.DisplayName)?.Value ?? "",
        User.Identity?.Name ?? "",
        Roles.All.Where(User.IsInRole).ToList(),
        accountOptions.Value.SessionHours,
        (await signInManager.UserManager.GetUserAsync(User))?.TwoFactorEnabled == true));

    [HttpGet("password")]
    [Authorize]
    [AllowedWithTemporaryPassword]
    [AllowedBeforeTwoFactorSetUp]
    public IActionResult Password(string? returnUrl) => View(new ChangePassword.Form { ReturnUrl = returnUrl });

    [HttpPost("password")]
    [Authorize]
    [AllowedWithTemporaryPassword]
    [AllowedBeforeTwoFactorSetUp]
    public async Task<IActionResult> Password(ChangePassword.Form form, CancellationToken ct)
    {
        var validation = await passwordValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(new ChangePassword.Form { ReturnUrl = form.ReturnUrl });
        }

        var wasTemporary = User.HasClaim(c => c.Type == PortalClaims.TemporaryPassword);

        var errors = await passwordHandler.HandleAsync(User, form, ct);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword), error.Description);
            }

            return View(new ChangePassword.Form { ReturnUrl = form.ReturnUrl });
        }

        TempData["Flash"] = l["Password_Changed"].Value;
        if (form.ReturnUrl is not null && Url.IsLocalUrl(form.ReturnUrl))
        {
            return LocalRedirect(form.ReturnUrl);
        }

        // Replacing a temporary password is the first thing after signing in: go on to where work starts.
        return wasTemporary ? LocalRedirect(await LandingPageAsync(User.Identity?.Name ?? "")) : RedirectToAction(nameof(Index));
    }

    /// <summary>The back office starts at the queue (Features/Queue); a counselor at their center's cases (Features/Counselors).</summary>
    private async Task<string> LandingPageAsync(string email)
    {
        var user = await signInManager.UserManager.FindByEmailAsync(email.Trim());
        var roles = user is null ? [] : await signInManager.UserManager.GetRolesAsync(user);
        return roles.Any(Roles.BackOffice.Contains) ? "/staff/cases" : roles.Contains(Roles.Counselor) ? "/counselor" : "/account";
    }

    // Passwords are never sent back to the browser, not even on a validation error.
    private static SignIn.Form Cleared(SignIn.Form form) => new() { Email = form.Email, ReturnUrl = form.ReturnUrl };
}

public sealed record AccountViewModel(string DisplayName, string Email, IReadOnlyList<string> Roles, int SessionHours, bool TwoFactorEnabled);
