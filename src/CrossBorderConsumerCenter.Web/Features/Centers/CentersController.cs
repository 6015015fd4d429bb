using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Centers;

/// <summary>Admins keep the list of consumer centers whose counselors file cases: add, change, make inactive.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/centers")]
public sealed class CentersController(ListCenters.Handler list, SaveCenter.Validator validator, SaveCenter.Handler save, AppDbContext db, IStringLocalizer<CentersText> text) : Controller
{
    private const string FlashKey = "Flash";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.HandleAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new CenterPage(null, new SaveCenter.Form()));

    [HttpPost("new")]
    public Task<IActionResult> Create(SaveCenter.Form form, CancellationToken ct) => SaveAsync(null, form, ct);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var center = await db.ConsumerCenters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return center is null ? NotFound() : View(new CenterPage(id, SaveCenter.Form.From(center)));
    }

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Edit(Guid id, SaveCenter.Form form, CancellationToken ct) => SaveAsync(id, form, ct);

    private async Task<IActionResult> SaveAsync(Guid? id, SaveCenter.Form form, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View("Edit", new CenterPage(id, form));
        }

        var result = await save.HandleAsync(id, form, ct);
        switch (result.Outcome)
        {
            case SaveCenter.Outcome.NotFound:
                return NotFound();
            case SaveCenter.Outcome.Duplicate:
                ModelState.AddModelError(nameof(form.Name), text["Center_Duplicate"]);
                return View("Edit", new CenterPage(id, form));
            default:
                TempData[FlashKey] = text["Center_Saved"].Value;
                return RedirectToAction(nameof(Index));
        }
    }
}

/// <summary>The center form's page; Id is null for a new center.</summary>
public sealed record CenterPage(Guid? Id, SaveCenter.Form Form);
