using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// Supervisors' page at /staff/supervisor/privacy for the rights of the person (ADR 0085, 0086): disclosure (find, record,
/// download the package), refused correction requests, and the deletion requests consumers made on their tracking page,
/// each confirmed (the anonymiser runs) or refused with a reason. Every page is <c>no-store</c>.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
[Route("staff/supervisor/privacy")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PrivacyRequestsController(PrivacyRequestList list, IStringLocalizer<RetentionText> text) : Controller
{
    private const string FlashKey = "Flash";

    // The views live with the rest of the retention feature, not in a folder named after this controller.
    private const string Views = "~/Features/Retention/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(ct);

    [HttpPost("disclosures")]
    public async Task<IActionResult> Disclose(
        [Bind(Prefix = "Disclosure")] DisclosePersonalData.Form form, [FromServices] DisclosePersonalData.Validator validator, [FromServices] DisclosePersonalData.Handler handler, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "Disclosure");
            return await PageAsync(ct, disclosure: form);
        }

        var result = await handler.HandleAsync(form, User, ct);
        return RedirectToAction(nameof(Disclosure), new { id = result.RequestId, more = result.TooMany ? (bool?)true : null });
    }

    [HttpGet("disclosures/{id:guid}")]
    public async Task<IActionResult> Disclosure(Guid id, bool? more, [FromServices] AppDbContext db, CancellationToken ct)
    {
        var request = await db.PrivacyRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Kind == PrivacyRequestKind.Disclosure, ct);
        if (request is null)
        {
            return NotFound();
        }

        var numbers = await db.Cases.AsNoTracking().Where(c => request.DisclosedCaseIds.Contains(c.Id)).OrderBy(c => c.ReceivedAt).Select(c => c.Number).ToListAsync(ct);
        return View(Views + "Disclosure.cshtml", new DisclosurePage(request, numbers, more == true));
    }

    [HttpGet("disclosures/{id:guid}/package")]
    public async Task<IActionResult> Package(Guid id, [FromServices] AppDbContext db, [FromServices] DisclosurePackage packages, [FromServices] AuditTrail audit, CancellationToken ct)
    {
        var request = await db.PrivacyRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Kind == PrivacyRequestKind.Disclosure, ct);
        if (request is null)
        {
            return NotFound();
        }

        var package = await packages.BuildAsync(request, ct);
        audit.Record(AuditAction.PersonalDataDisclosed, "PrivacyRequest", request.Id.ToString(), null, new { cases = package.Numbers, files = package.Files });
        await db.SaveChangesAsync(ct);
        return File(package.Zip, "application/zip", $"disclosure-{request.ReceivedAt:yyyyMMdd}-{request.Id.ToString("N")[..8]}.zip");
    }

    [HttpPost("corrections")]
    public async Task<IActionResult> RefuseCorrection(
        [Bind(Prefix = "Correction")] RefuseCorrection.Form form, [FromServices] RefuseCorrection.Validator validator, [FromServices] RefuseCorrection.Handler handler, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "Correction");
            return await PageAsync(ct, correction: form);
        }

        if (!await handler.HandleAsync(form, User, ct))
        {
            ModelState.AddModelError("Correction." + nameof(form.Number), text["Hold_Number_NotFound"]);
            return await PageAsync(ct, correction: form);
        }

        TempData[FlashKey] = text["Correction_Refused", form.Number!.Trim()].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("deletions/{id:guid}")]
    public async Task<IActionResult> Deletion(Guid id, CancellationToken ct) =>
        await list.FindAsync(id, ct) is { Kind: PrivacyRequestKind.Deletion } line ? View(Views + "Deletion.cshtml", new DeletionRequestPage(line, new RefusalForm())) : NotFound();

    [HttpPost("deletions/{id:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid id, [FromServices] DeleteOnRequest.Handler deletion, CancellationToken ct)
    {
        var outcome = await deletion.ConfirmAsync(id, User, ct);
        TempData[FlashKey] = text["DeletionRequest_" + outcome].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("deletions/{id:guid}/refuse")]
    public async Task<IActionResult> Refuse(Guid id, [Bind(Prefix = "Refusal")] RefusalForm form, [FromServices] RefusalForm.Validator validator, [FromServices] DeleteOnRequest.Handler deletion, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            if (await list.FindAsync(id, ct) is not { Kind: PrivacyRequestKind.Deletion } line)
            {
                return NotFound();
            }

            validation.AddToModelState(ModelState, "Refusal");
            return View(Views + "Deletion.cshtml", new DeletionRequestPage(line, form));
        }

        var outcome = await deletion.RefuseAsync(id, form.Reason!, User, ct);
        TempData[FlashKey] = text["DeletionRequest_" + outcome].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct, DisclosePersonalData.Form? disclosure = null, RefuseCorrection.Form? correction = null) =>
        View(Views + "Requests.cshtml", new PrivacyRequestsPage(await list.ReadAsync(ct), disclosure ?? new(), correction ?? new()));
}

public sealed record PrivacyRequestsPage(PrivacyRequestList.Lists Requests, DisclosePersonalData.Form Disclosure, RefuseCorrection.Form Correction);

public sealed record DisclosurePage(PrivacyRequest Request, IReadOnlyList<string> Numbers, bool MoreFound);

public sealed record DeletionRequestPage(PrivacyRequestList.Line Request, RefusalForm Refusal);

/// <summary>A supervisor's reason for refusing a consumer's deletion request; the consumer reads it on the tracking page.</summary>
public sealed class RefusalForm
{
    public string? Reason { get; set; }

    public sealed class Validator : AbstractValidator<RefusalForm>
    {
        public Validator(IStringLocalizer<RetentionText> text)
        {
            RuleFor(f => f.Reason).RequestText(text, "Refusal_Reason_Required");
        }
    }
}
