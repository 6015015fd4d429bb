using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Partners;

/// <summary>Admins keep the partner agency registry: list, add, change, deactivate and activate (each audited).</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/partners")]
public sealed class PartnersController(
    ListPartnerAgencies.Handler list,
    EditPartnerAgency.Validator editValidator,
    EditPartnerAgency.CreateValidator createValidator,
    EditPartnerAgency.Handler edit,
    Data.AppDbContext db,
    IStringLocalizer<PartnersText> text) : Controller
{
    private const string FlashKey = "Flash";
    private const string FlashIsErrorKey = "FlashIsError";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.HandleAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new PartnerEditPage(null, new EditPartnerAgency.Form(), IsActive: true));

    [HttpPost("new")]
    public async Task<IActionResult> Create(EditPartnerAgency.Form form, CancellationToken ct)
    {
        form.Code = form.Code?.Trim().ToUpperInvariant();
        var validation = await createValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View("Edit", new PartnerEditPage(null, form, IsActive: true));
        }

        var result = await edit.HandleAsync(null, form, ct);
        return Saved(result, form, creating: true) ?? RedirectToAction(nameof(Edit), new { code = result.Code });
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct)
    {
        var agency = await db.PartnerAgencies.AsNoTracking().Include(a => a.Countries).SingleOrDefaultAsync(a => a.Code == code, ct);
        return agency is null ? NotFound() : View(new PartnerEditPage(agency.Code, EditPartnerAgency.Form.From(agency), agency.IsActive));
    }

    [HttpPost("{code}")]
    public async Task<IActionResult> Edit(string code, EditPartnerAgency.Form form, CancellationToken ct)
    {
        var current = await db.PartnerAgencies.AsNoTracking().Include(a => a.Countries).SingleOrDefaultAsync(a => a.Code == code, ct);
        if (current is null)
        {
            return NotFound();
        }

        var validation = await editValidator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View(new PartnerEditPage(code, form, current.IsActive));
        }

        var result = await edit.HandleAsync(code, form, ct);
        if (result.Outcome == EditPartnerAgency.Outcome.ChangedBySomeoneElse)
        {
            // What the admin typed stays on the page with the latest version: saving it again is a deliberate choice.
            ModelState.AddModelError("", text["Error_ChangedBySomeoneElse"]);
            var latest = await db.PartnerAgencies.AsNoTracking().SingleAsync(a => a.Code == code, ct);
            form.Version = latest.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new PartnerEditPage(code, form, latest.IsActive));
        }

        return Saved(result, form, creating: false) ?? RedirectToAction(nameof(Edit), new { code });
    }

    [HttpPost("{code}/deactivate")]
    public Task<IActionResult> Deactivate(string code, [FromServices] SetPartnerAgencyActive.Handler handler, CancellationToken ct) => SetActiveAsync(code, false, handler, ct);

    [HttpPost("{code}/activate")]
    public Task<IActionResult> Activate(string code, [FromServices] SetPartnerAgencyActive.Handler handler, CancellationToken ct) => SetActiveAsync(code, true, handler, ct);

    private async Task<IActionResult> SetActiveAsync(string code, bool active, SetPartnerAgencyActive.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(code, active, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        TempData[FlashKey] = result.RefusalKey is { } key ? text[key, result.Arguments!].Value : text[active ? "Agency_Activated" : "Agency_Deactivated"].Value;
        TempData[FlashIsErrorKey] = result.RefusalKey is not null;
        return RedirectToAction(nameof(Edit), new { code });
    }

    /// <summary>Null when saved (the caller redirects); otherwise the page again with the reason.</summary>
    private IActionResult? Saved(EditPartnerAgency.Result result, EditPartnerAgency.Form form, bool creating)
    {
        switch (result.Outcome)
        {
            case EditPartnerAgency.Outcome.Saved:
                TempData[FlashKey] = text[creating ? "Agency_Created" : "Agency_Saved"].Value;
                return null;
            case EditPartnerAgency.Outcome.NotFound:
                return NotFound();
            default:
                var refusal = result.Refusal!;
                ModelState.AddModelError(refusal.Field, text[refusal.MessageKey, refusal.Arguments]);
                return View("Edit", new PartnerEditPage(creating ? null : result.Code, form, IsActive: true));
        }
    }
}

/// <summary>The add/change page: <see cref="Code"/> null when adding.</summary>
public sealed record PartnerEditPage(string? Code, EditPartnerAgency.Form Form, bool IsActive);
