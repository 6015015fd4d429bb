using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// Supervisors' page at /staff/supervisor/retention: the retention job's dry run (what its next pass would remove) and
/// the cases on legal hold, with placing and releasing a hold.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
[Route("staff/supervisor/retention")]
public sealed class RetentionController(RetentionPlan plan, PlaceLegalHold.Validator validator, PlaceLegalHold.Handler holds, DeleteOnRequest.Validator deleteValidator, DeleteOnRequest.Handler deletion, IStringLocalizer<RetentionText> text) : Controller
{
    private const string FlashKey = "Flash";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(new PlaceLegalHold.Form(), ct);

    [HttpPost("holds")]
    public async Task<IActionResult> Hold(PlaceLegalHold.Form form, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return await PageAsync(form, ct);
        }

        switch (await holds.PlaceAsync(form, User, ct))
        {
            case PlaceLegalHold.Outcome.NotFound:
                ModelState.AddModelError(nameof(form.Number), text["Hold_Number_NotFound"]);
                return await PageAsync(form, ct);
            case PlaceLegalHold.Outcome.Anonymised:
                ModelState.AddModelError(nameof(form.Number), text["Hold_Number_Anonymised"]);
                return await PageAsync(form, ct);
            default:
                TempData[FlashKey] = text["Hold_Placed", form.Number!.Trim()].Value;
                return RedirectToAction(nameof(Index));
        }
    }

    [HttpPost("holds/{number}/release")]
    public async Task<IActionResult> Release(string number, CancellationToken ct)
    {
        if (await holds.ReleaseAsync(number, ct) == PlaceLegalHold.Outcome.NotFound)
        {
            return NotFound();
        }

        TempData[FlashKey] = text["Hold_Released", number].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("deletions")]
    public async Task<IActionResult> Delete([Bind(Prefix = "Deletion")] DeleteOnRequest.Form form, CancellationToken ct)
    {
        var validation = await deleteValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "Deletion");
            return await PageAsync(new PlaceLegalHold.Form(), ct, form);
        }

        var outcome = await deletion.HandleAsync(form, User, ct);
        if (outcome == DeleteOnRequest.Outcome.NotFound)
        {
            ModelState.AddModelError("Deletion." + nameof(form.Number), text["Hold_Number_NotFound"]);
            return await PageAsync(new PlaceLegalHold.Form(), ct, form);
        }

        TempData[FlashKey] = text["Delete_" + (outcome == DeleteOnRequest.Outcome.AlreadyAnonymised ? "Already" : outcome.ToString()), form.Number!.Trim()].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> PageAsync(PlaceLegalHold.Form form, CancellationToken ct, DeleteOnRequest.Form? deletionForm = null)
    {
        Response.Headers.CacheControl = "no-store";
        return View("Index", new RetentionPage(await plan.ReadAsync(ct), form, deletionForm ?? new DeleteOnRequest.Form()));
    }
}

public sealed record RetentionPage(RetentionPlan.Plan Plan, PlaceLegalHold.Form Form, DeleteOnRequest.Form Deletion);
