using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Users;

/// <summary>Admins manage accounts: create, edit, roles, disable and enable, reset a password.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/users")]
public sealed class UsersController(
    ListUsers.Handler list,
    IValidator<CreateUser.Form> createValidator,
    CreateUser.Handler create,
    IValidator<EditUser.Form> editValidator,
    EditUser.Handler edit,
    SetUserEnabled.Handler setEnabled,
    ResetUserPassword.Handler resetPassword,
    ResetUserTwoFactor.Handler resetTwoFactor,
    UserManager<PortalUser> users,
    UserAdministration admin,
    IStringLocalizer<UsersText> l) : Controller
{
    private const string OneTimePasswordKey = "OneTimePassword";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.HandleAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View(new CreateUser.Form { Roles = [Roles.Staff] });

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateUser.Form form, CancellationToken ct)
    {
        var validation = await createValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(form);
        }

        var result = await create.HandleAsync(form, ct);
        if (result.UserId is null)
        {
            AddIdentityErrors(result.Errors);
            return View(form);
        }

        TempData[OneTimePasswordKey] = result.TemporaryPassword;
        TempData["Flash"] = l["User_Created"].Value;
        return RedirectToAction(nameof(Edit), new { id = result.UserId });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var roles = await admin.RolesOfAsync(user);
        var form = new EditUser.Form { Email = user.Email ?? "", DisplayName = user.DisplayName, Roles = [.. roles], ConsumerCenterId = user.ConsumerCenterId, ConcurrencyStamp = user.ConcurrencyStamp ?? "" };
        return View(await EditModelAsync(user, form));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, EditUser.Form form, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var validation = await editValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(await EditModelAsync(user, form));
        }

        var result = await edit.HandleAsync(User, id, form, ct);
        switch (result.Outcome)
        {
            case EditUser.Outcome.Saved:
                TempData["Flash"] = l["User_Saved"].Value;
                return RedirectToAction(nameof(Edit), new { id });
            case EditUser.Outcome.NotFound:
                return NotFound();
            case EditUser.Outcome.ChangedBySomeoneElse:
                // Show the latest state; keep nothing of the stale form silently.
                ModelState.AddModelError("", l["User_ChangedBySomeoneElse"]);
                var fresh = (await users.FindByIdAsync(id.ToString()))!;
                var latest = new EditUser.Form
                {
                    Email = fresh.Email ?? "", DisplayName = fresh.DisplayName, Roles = [.. await admin.RolesOfAsync(fresh)], ConsumerCenterId = fresh.ConsumerCenterId,
                    ConcurrencyStamp = fresh.ConcurrencyStamp ?? "",
                };
                return View(await EditModelAsync(fresh, latest));
            case EditUser.Outcome.Refused:
                ModelState.AddModelError(nameof(form.Roles), l["Refusal_" + result.Refusal]);
                return View(await EditModelAsync(user, form));
            default:
                AddIdentityErrors(result.Errors ?? []);
                return View(await EditModelAsync(user, form));
        }
    }

    [HttpPost("{id:guid}/disable")]
    public Task<IActionResult> Disable(Guid id, CancellationToken ct) => SetEnabledAsync(id, enabled: false, ct);

    [HttpPost("{id:guid}/enable")]
    public Task<IActionResult> Enable(Guid id, CancellationToken ct) => SetEnabledAsync(id, enabled: true, ct);

    [HttpPost("{id:guid}/reset-password")]
    public async Task<IActionResult> ResetPassword(Guid id, CancellationToken ct)
    {
        var password = await resetPassword.HandleAsync(id, ct);
        if (password is null)
        {
            return NotFound();
        }

        TempData[OneTimePasswordKey] = password;
        TempData["Flash"] = l["User_PasswordReset"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>A lost phone: the account's authenticator and recovery codes are removed; it sets them up again at its next sign-in.</summary>
    [HttpPost("{id:guid}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(Guid id, CancellationToken ct)
    {
        var result = await resetTwoFactor.HandleAsync(User, id, ct);
        if (result == ResetUserTwoFactor.Outcome.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = l["User_TwoFactor" + result].Value;
        TempData["FlashIsError"] = result != ResetUserTwoFactor.Outcome.Reset;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> SetEnabledAsync(Guid id, bool enabled, CancellationToken ct)
    {
        var result = await setEnabled.HandleAsync(User, id, enabled, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Refusal is { } refusal ? l["Refusal_" + refusal].Value : l[enabled ? "User_Enabled" : "User_Disabled2"].Value;
        TempData["FlashIsError"] = result.Refusal is not null;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<EditUserViewModel> EditModelAsync(PortalUser user, EditUser.Form form) => new(
        user.Id,
        form,
        user.IsDisabled,
        user.TwoFactorEnabled,
        user.CreatedAt,
        TempData[OneTimePasswordKey] as string,
        user.Id == EditUser.ActorId(User));

    private void AddIdentityErrors(IEnumerable<IdentityError> errors)
    {
        foreach (var error in errors)
        {
            if (error.Code == UserAdministration.InactiveCenterError.Code)
            {
                ModelState.AddModelError(nameof(IAccountFields.ConsumerCenterId), l["User_CenterInactive"]);
                continue;
            }

            ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Email" : "", error.Description);
        }
    }
}

public sealed record EditUserViewModel(Guid Id, EditUser.Form Form, bool IsDisabled, bool TwoFactorEnabled, DateTimeOffset CreatedAt, string? OneTimePassword, bool IsYou);
