using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Account;

/// <summary>The signed-in user's own two-factor sign-in (<see cref="TwoFactorSetUp"/>); reachable before it is set up.</summary>
[Route("account/two-factor")]
[Authorize]
[AllowedBeforeTwoFactorSetUp]
public sealed class TwoFactorController(IValidator<TwoFactorSetUp.Form> validator, TwoFactorSetUp.Handler handler, IStringLocalizer<AccountText> l) : Controller
{
    public const string RecoveryCodesKey = "RecoveryCodes";

    [HttpGet("")]
    public async Task<IActionResult> Index() => await PageAsync(null);

    [HttpPost("")]
    public Task<IActionResult> Enable(TwoFactorSetUp.Form form, CancellationToken ct) =>
        ChangeAsync(form, () => handler.EnableAsync(User, form, ct), "TwoFactor_Enabled", ct);

    [HttpPost("recovery-codes")]
    public Task<IActionResult> RenewRecoveryCodes(TwoFactorSetUp.Form form, CancellationToken ct) =>
        ChangeAsync(form, () => handler.RenewRecoveryCodesAsync(User, form, ct), "TwoFactor_CodesRenewed", ct);

    [HttpPost("disable")]
    public Task<IActionResult> Disable(TwoFactorSetUp.Form form, CancellationToken ct) =>
        ChangeAsync(form, () => handler.DisableAsync(User, form, ct), "TwoFactor_Disabled", ct);

    /// <summary>
    /// The recovery codes just issued, shown once: they travel in the encrypted TempData cookie, read once; the database keeps
    /// nothing that could show them again. Opened later, the page says so and where to make new ones.
    /// </summary>
    [HttpGet("recovery-codes")]
    public IActionResult RecoveryCodes()
    {
        Response.Headers.CacheControl = "no-store";

        // Kept with the account they belong to: another account signed in later in the same browser never sees them.
        var owner = User.FindFirstValue(ClaimTypes.NameIdentifier) + ":";
        var codes = TempData[RecoveryCodesKey] is string kept && kept.StartsWith(owner, StringComparison.Ordinal) ? kept[owner.Length..].Split(' ') : [];
        return View("/Features/Account/RecoveryCodes.cshtml", codes);
    }

    private async Task<IActionResult> ChangeAsync(TwoFactorSetUp.Form form, Func<Task<TwoFactorSetUp.Result>> change, string done, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return await PageAsync(form.Key);
        }

        var result = await change();
        if (result.Refused is { } refusal)
        {
            ModelState.AddModelError(refusal == TwoFactorSetUp.Refusal.CodeWrong ? nameof(form.Code) : "", l["TwoFactor_Refused_" + refusal]);
            return await PageAsync(refusal == TwoFactorSetUp.Refusal.SetUpExpired ? null : form.Key);
        }

        TempData["Flash"] = l[done].Value;
        if (result.RecoveryCodes.Count > 0)
        {
            TempData[RecoveryCodesKey] = User.FindFirstValue(ClaimTypes.NameIdentifier) + ":" + string.Join(' ', result.RecoveryCodes);
            return LocalRedirect("/account/two-factor/recovery-codes");
        }

        return LocalRedirect("/account/two-factor");
    }

    /// <summary>
    /// The page; while setting up, with the key the form carried (after a wrong code), else the one this browser was shown
    /// last (a reload or a change of language must not replace the key just scanned), else a new one. The protected key is
    /// kept in a cookie of this page's own for as long as it is valid.
    /// </summary>
    private async Task<IActionResult> PageAsync(string? protectedKey)
    {
        // The page shows the key that makes codes: never kept by a browser cache or a proxy.
        Response.Headers.CacheControl = "no-store";
        var model = await handler.LoadAsync(User, protectedKey ?? Request.Cookies[SetUpCookie]);
        if (model.ProtectedKey is { } kept)
        {
            Response.Cookies.Append(SetUpCookie, kept, new CookieOptions
            {
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = "/account/two-factor",
                MaxAge = TimeSpan.FromMinutes(30),
            });
        }
        else
        {
            Response.Cookies.Delete(SetUpCookie, new CookieOptions { Path = "/account/two-factor" });
        }

        return View("/Features/Account/TwoFactor.cshtml", model);
    }

    private const string SetUpCookie = "ccc.two-factor-set-up";
}
