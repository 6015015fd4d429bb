using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// The staff case page: everything the consumer gave, the consent record, evidence, the timeline, and a form per
/// action the workflow allows now (post/redirect/get). A refused post shows the page again with the latest state
/// and what the user typed: 200 for invalid input, 409 when the case changed meanwhile or the action is no
/// longer allowed. Nothing here is cached by the browser: every view of the personal data is audited.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff/cases/{number}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CasePageController(ShowCase.Handler show, IStringLocalizer<CasePageText> text, IStringLocalizer<CaseLabels> labels) : Controller
{
    /// <summary>An inline preview runs nothing and loads nothing, even when opened on its own.</summary>
    public const string PreviewContentSecurityPolicy = "default-src 'none'; sandbox";

    private const string FlashKey = "Flash";

    [HttpGet("")]
    public async Task<IActionResult> Show(string number, CancellationToken ct)
    {
        if (!CaseNumber.TryParse(number, out var parsed))
        {
            return NotFound();
        }

        var page = await show.HandleAsync(parsed.ToString(), User, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("evidence/{id:guid}")]
    public async Task<IActionResult> Evidence(string number, Guid id, [FromServices] ServeEvidence.Handler evidence, CancellationToken ct)
    {
        var file = CaseNumber.TryParse(number, out var parsed) ? await evidence.HandleAsync(parsed.ToString(), id, preview: false, ct) : null;
        // File(..., name) sends Content-Disposition: attachment with filename (ASCII) and filename* (UTF-8, RFC 5987).
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    [HttpGet("evidence/{id:guid}/preview")]
    public async Task<IActionResult> Preview(string number, Guid id, [FromServices] ServeEvidence.Handler evidence, CancellationToken ct)
    {
        var file = CaseNumber.TryParse(number, out var parsed) ? await evidence.HandleAsync(parsed.ToString(), id, preview: true, ct) : null;
        if (file is null)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.ContentSecurityPolicy = PreviewContentSecurityPolicy;
        return File(file.Bytes, file.ContentType);
    }

    [HttpPost("assign")]
    public Task<IActionResult> Assign(string number, [Bind(Prefix = nameof(CaseAction.Assign))] AssignCase.Form form,
        [FromServices] IValidator<AssignCase.Form> validator, [FromServices] AssignCase.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.Assign, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.Assign = form, ct);

    [HttpPost("category")]
    public Task<IActionResult> ChangeCategory(string number, [Bind(Prefix = nameof(CaseAction.ChangeCategory))] ChangeCaseCategory.Form form,
        [FromServices] IValidator<ChangeCaseCategory.Form> validator, [FromServices] ChangeCaseCategory.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.ChangeCategory, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.ChangeCategory = form, ct);

    [HttpPost("priority")]
    public Task<IActionResult> ChangePriority(string number, [Bind(Prefix = nameof(CaseAction.ChangePriority))] ChangeCasePriority.Form form,
        [FromServices] IValidator<ChangeCasePriority.Form> validator, [FromServices] ChangeCasePriority.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.ChangePriority, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.ChangePriority = form, ct);

    [HttpPost("notes")]
    public Task<IActionResult> AddNote(string number, [Bind(Prefix = nameof(CaseAction.AddNote))] AddCaseNote.Form form,
        [FromServices] IValidator<AddCaseNote.Form> validator, [FromServices] AddCaseNote.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.AddNote, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.AddNote = form, ct);

    [HttpPost("request-information")]
    public Task<IActionResult> RequestInformation(string number, [Bind(Prefix = nameof(CaseAction.RequestInformation))] RequestInformation.Form form,
        [FromServices] IValidator<RequestInformation.Form> validator, [FromServices] RequestInformation.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.RequestInformation, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.RequestInformation = form, ct);

    [HttpPost("notify-consumer")]
    public Task<IActionResult> NotifyConsumer(string number, [Bind(Prefix = nameof(CaseAction.NotifyConsumer))] NotifyConsumer.Form form,
        [FromServices] IValidator<NotifyConsumer.Form> validator, [FromServices] NotifyConsumer.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.NotifyConsumer, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.NotifyConsumer = form, ct);

    [HttpPost("keep-waiting")]
    public Task<IActionResult> KeepWaiting(string number, [Bind(Prefix = nameof(CaseAction.KeepWaiting))] KeepWaiting.Form form,
        [FromServices] IValidator<KeepWaiting.Form> validator, [FromServices] KeepWaiting.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.KeepWaiting, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.KeepWaiting = form, ct);

    [HttpPost("record-reply")]
    public Task<IActionResult> RecordReply(string number, [Bind(Prefix = nameof(CaseAction.RecordReply))] RecordReply.Form form,
        [FromServices] IValidator<RecordReply.Form> validator, [FromServices] RecordReply.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.RecordReply, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.RecordReply = form, ct);

    [HttpPost("decline")]
    public Task<IActionResult> Decline(string number, [Bind(Prefix = nameof(CaseAction.Decline))] DeclineCase.Form form,
        [FromServices] IValidator<DeclineCase.Form> validator, [FromServices] DeclineCase.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.Decline, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.Decline = form, ct);

    [HttpPost("close")]
    public Task<IActionResult> Close(string number, [Bind(Prefix = nameof(CaseAction.Close))] CloseCase.Form form,
        [FromServices] IValidator<CloseCase.Form> validator, [FromServices] CloseCase.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.Close, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.Close = form, ct);

    [HttpPost("reopen")]
    public Task<IActionResult> Reopen(string number, [Bind(Prefix = nameof(CaseAction.Reopen))] ReopenCase.Form form,
        [FromServices] IValidator<ReopenCase.Form> validator, [FromServices] ReopenCase.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.Reopen, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.Reopen = form, ct);

    [HttpPost("correct")]
    public Task<IActionResult> Correct(string number, [Bind(Prefix = nameof(CaseAction.Correct))] CorrectCase.Form form,
        [FromServices] IValidator<CorrectCase.Form> validator, [FromServices] CorrectCase.Handler handler, CancellationToken ct) =>
        ActAsync(number, CaseAction.Correct, form, validator, n => handler.HandleAsync(n, form, User, ct), forms => forms.Correct = form, ct);

    /// <summary>Validate, run the use case, then redirect (PRG) or show the page again with the posted form kept.</summary>
    private async Task<IActionResult> ActAsync<TForm>(
        string number, CaseAction action, TForm form, IValidator<TForm> validator, Func<string, Task<CaseChanges.Result>> handle,
        Action<CaseActionForms> keepPosted, CancellationToken ct)
        where TForm : ICaseActionForm
    {
        if (!CaseNumber.TryParse(number, out var parsed))
        {
            return NotFound();
        }

        var canonical = parsed.ToString();
        var prefix = action.ToString();
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            validation.AddToModelState(ModelState, prefix);
            return await RedisplayAsync(canonical, action, form, keepPosted, StatusCodes.Status200OK, ct);
        }

        var result = await handle(canonical);
        switch (result.Outcome)
        {
            case CaseChanges.Outcome.Done or CaseChanges.Outcome.Unchanged:
                TempData[FlashKey] = result.Outcome == CaseChanges.Outcome.Done ? text["Done_" + action].Value : text["Unchanged"].Value;
                return RedirectToAction(nameof(Show), new { number = canonical });
            case CaseChanges.Outcome.NotFound:
                return NotFound();
            case CaseChanges.Outcome.Refused:
                var refusal = result.Refusal!;
                ModelState.AddModelError($"{prefix}.{refusal.Field}", text[refusal.MessageKey, refusal.Arguments]);
                return await RedisplayAsync(canonical, action, form, keepPosted, StatusCodes.Status200OK, ct);
            default:
                return await RedisplayAsync(canonical, action, form, keepPosted, StatusCodes.Status409Conflict, ct, conflict: result.Outcome);
        }
    }

    /// <summary>The page with the latest state of the case, the posted form kept (with the latest version) and open.</summary>
    private async Task<IActionResult> RedisplayAsync<TForm>(
        string number, CaseAction action, TForm form, Action<CaseActionForms> keepPosted, int status, CancellationToken ct, CaseChanges.Outcome? conflict = null)
        where TForm : ICaseActionForm
    {
        var page = await show.HandleAsync(number, User, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (form is IVersionedCaseForm versioned)
        {
            versioned.Version = page.Case.Version;
        }

        keepPosted(page.Forms);
        if (conflict is { } outcome)
        {
            ModelState.AddModelError("", outcome == CaseChanges.Outcome.ChangedBySomeoneElse
                ? text["Conflict_ChangedBySomeoneElse"]
                : text["Conflict_NotAllowed", text["Action_" + action], labels["CaseStatus_" + page.Case.Status]]);
        }

        Response.StatusCode = status;
        return View(nameof(Show), page with { PostedAction = action, PostedForm = form });
    }
}
