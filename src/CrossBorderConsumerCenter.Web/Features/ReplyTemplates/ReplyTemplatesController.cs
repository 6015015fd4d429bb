using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.ReplyTemplates;

/// <summary>Admins keep the reply templates staff start messages to consumers from: list, add, change, deactivate, activate (each audited).</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/reply-templates")]
public sealed class ReplyTemplatesController(
    ListReplyTemplates.Handler list,
    SaveReplyTemplate.Validator validator,
    SaveReplyTemplate.Handler save,
    AppDbContext db,
    IStringLocalizer<ReplyTemplatesText> text) : Controller
{
    private const string FlashKey = "Flash";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.HandleAsync(ct));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new ReplyTemplatePage(null, new SaveReplyTemplate.Form(), IsActive: true));

    [HttpPost("new")]
    public Task<IActionResult> Create(SaveReplyTemplate.Form form, CancellationToken ct) => SaveAsync(null, form, isActive: true, ct);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var template = await db.ReplyTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        return template is null ? NotFound() : View(new ReplyTemplatePage(id, SaveReplyTemplate.Form.From(template), template.IsActive));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, SaveReplyTemplate.Form form, CancellationToken ct)
    {
        var isActive = await db.ReplyTemplates.Where(t => t.Id == id).Select(t => (bool?)t.IsActive).SingleOrDefaultAsync(ct);
        return isActive is null ? NotFound() : await SaveAsync(id, form, isActive.Value, ct);
    }

    [HttpPost("{id:guid}/deactivate")]
    public Task<IActionResult> Deactivate(Guid id, [FromServices] SetReplyTemplateActive.Handler handler, CancellationToken ct) => SetActiveAsync(id, false, handler, ct);

    [HttpPost("{id:guid}/activate")]
    public Task<IActionResult> Activate(Guid id, [FromServices] SetReplyTemplateActive.Handler handler, CancellationToken ct) => SetActiveAsync(id, true, handler, ct);

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, SetReplyTemplateActive.Handler handler, CancellationToken ct)
    {
        if (!await handler.HandleAsync(id, active, ct))
        {
            return NotFound();
        }

        TempData[FlashKey] = text[active ? "Template_Activated" : "Template_Deactivated"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> SaveAsync(Guid? id, SaveReplyTemplate.Form form, bool isActive, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View("Edit", new ReplyTemplatePage(id, form, isActive));
        }

        var result = await save.HandleAsync(id, form, ct);
        switch (result.Outcome)
        {
            case SaveReplyTemplate.Outcome.NotFound:
                return NotFound();
            case SaveReplyTemplate.Outcome.Duplicate:
                ModelState.AddModelError(nameof(form.Name), text["Error_Name_Duplicate"]);
                return View("Edit", new ReplyTemplatePage(id, form, isActive));
            case SaveReplyTemplate.Outcome.ChangedBySomeoneElse:
                // What the admin typed stays on the page with the latest version: saving it again is a deliberate choice.
                ModelState.AddModelError("", text["Error_ChangedBySomeoneElse"]);
                var latest = await db.ReplyTemplates.AsNoTracking().SingleAsync(t => t.Id == id, ct);
                form.Version = latest.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Edit", new ReplyTemplatePage(id, form, latest.IsActive));
            default:
                TempData[FlashKey] = text[id is null ? "Template_Created" : "Template_Saved"].Value;
                return RedirectToAction(nameof(Index));
        }
    }
}

/// <summary>The add/change page: <see cref="Id"/> null when adding.</summary>
public sealed record ReplyTemplatePage(Guid? Id, SaveReplyTemplate.Form Form, bool IsActive);
