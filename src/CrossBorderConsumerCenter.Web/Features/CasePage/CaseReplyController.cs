using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.ReplyTemplates;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// Help in writing to the consumer, without doing anything to the case: "use the template" puts a reply template, filled
/// from the case, into the message of the action whose form was posted (everything else typed is kept), and a decline
/// is previewed as the email the consumer will receive. Both show the case page again with the form open; JavaScript
/// only saves the round trip of the first (wwwroot/js/reply-templates.js).
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff/cases/{number}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CaseReplyController(
    ShowCase.Handler show, AppDbContext db, IStringLocalizer<ReplyTemplatesText> templates, IStringLocalizer<CasePageText> text, IStringLocalizer<CaseLabels> labels) : Controller
{
    /// <summary>ViewData key: the previewed decline (<see cref="DeclinePreview.Result"/>).</summary>
    public const string PreviewKey = "DeclinePreview";

    [HttpPost("request-information/template")]
    public Task<IActionResult> RequestInformation(string number, [Bind(Prefix = nameof(CaseAction.RequestInformation))] RequestInformation.Form form, CancellationToken ct) =>
        UseTemplateAsync(number, CaseAction.RequestInformation, form, form.TemplateId, filled => form.Message = filled, forms => forms.RequestInformation = form, ct);

    [HttpPost("notify-consumer/template")]
    public Task<IActionResult> NotifyConsumer(string number, [Bind(Prefix = nameof(CaseAction.NotifyConsumer))] NotifyConsumer.Form form, CancellationToken ct) =>
        UseTemplateAsync(number, CaseAction.NotifyConsumer, form, form.TemplateId, filled => form.Message = filled, forms => forms.NotifyConsumer = form, ct);

    [HttpPost("decline/template")]
    public Task<IActionResult> Decline(string number, [Bind(Prefix = nameof(CaseAction.Decline))] DeclineCase.Form form, CancellationToken ct) =>
        UseTemplateAsync(number, CaseAction.Decline, form, form.TemplateId, filled => form.Comment = filled, forms => forms.Decline = form, ct);

    [HttpPost("close/template")]
    public Task<IActionResult> Close(string number, [Bind(Prefix = nameof(CaseAction.Close))] CloseCase.Form form, CancellationToken ct) =>
        UseTemplateAsync(number, CaseAction.Close, form, form.TemplateId, filled => form.Comment = filled, forms => forms.Close = form, ct);

    /// <summary>The email the decline as posted would send, with the button that declines with exactly that email.</summary>
    [HttpPost("decline/preview")]
    public async Task<IActionResult> PreviewDecline(string number, [Bind(Prefix = nameof(CaseAction.Decline))] DeclineCase.Form form,
        [FromServices] IValidator<DeclineCase.Form> validator, [FromServices] DeclinePreview preview, CancellationToken ct)
    {
        if (!CaseNumber.TryParse(number, out var parsed))
        {
            return NotFound();
        }

        var canonical = parsed.ToString();
        var prefix = nameof(CaseAction.Decline);
        form.PreviewOf = null;
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            validation.AddToModelState(ModelState, prefix);
            return await ShowAsync(canonical, CaseAction.Decline, form, forms => forms.Decline = form, StatusCodes.Status200OK, ct);
        }

        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Number == canonical, ct);
        if (c is null)
        {
            return NotFound();
        }

        if (!CaseWorkflow.Can(c.Status, CaseAction.Decline))
        {
            ModelState.AddModelError("", text["Conflict_NotAllowed", text["Action_Decline"], labels["CaseStatus_" + c.Status]]);
            return await ShowAsync(canonical, CaseAction.Decline, form, forms => forms.Decline = form, StatusCodes.Status409Conflict, ct);
        }

        var reason = FormValues.ParseEnum<DeclineReason>(form.Reason)!.Value;
        var duplicate = await DeclineCase.DuplicateOfAsync(db, c.Number, reason, form.DuplicateOf, ct);
        if (duplicate.Refusal?.Refusal is { } refusal)
        {
            ModelState.AddModelError($"{prefix}.{refusal.Field}", text[refusal.MessageKey, refusal.Arguments]);
            return await ShowAsync(canonical, CaseAction.Decline, form, forms => forms.Decline = form, StatusCodes.Status200OK, ct);
        }

        var result = await preview.ForAsync(c, reason, duplicate.Number, form.Comment, ct);
        form.PreviewOf = result.Fingerprint;
        ViewData[PreviewKey] = result;
        return await ShowAsync(canonical, CaseAction.Decline, form, forms => forms.Decline = form, StatusCodes.Status200OK, ct);
    }

    private async Task<IActionResult> UseTemplateAsync<TForm>(
        string number, CaseAction action, TForm form, Guid? templateId, Action<string> fill, Action<CaseActionForms> keepPosted, CancellationToken ct)
        where TForm : ICaseActionForm
    {
        if (!CaseNumber.TryParse(number, out var parsed))
        {
            return NotFound();
        }

        var field = $"{action}.{nameof(CloseCase.Form.TemplateId)}";
        var template = templateId is { } id ? await ReplyTemplateDirectory.FindAsync(db, id, action, ct) : null;
        if (template is null)
        {
            ModelState.Remove(field);
            ModelState.AddModelError(field, templates[templateId is null ? "Use_Required" : "Use_NotFound"]);
        }

        return await ShowAsync(parsed.ToString(), action, form, keepPosted, StatusCodes.Status200OK, ct, page =>
        {
            if (template is not null)
            {
                fill(CaseReplyTemplates.Fill(template, page, templates));
                ViewData[CaseReplyTemplates.FilledKey] = template.Name;
            }
        });
    }

    /// <summary>The page with the latest state of the case, the posted form kept (with the latest version) and open.</summary>
    private async Task<IActionResult> ShowAsync<TForm>(
        string number, CaseAction action, TForm form, Action<CaseActionForms> keepPosted, int status, CancellationToken ct, Action<CasePageModel>? before = null)
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

        before?.Invoke(page);
        keepPosted(page.Forms);
        Response.StatusCode = status;

        // The case page's view finds its partials beside it by the controller's name, so it is rendered as the case page's.
        RouteData.Values["controller"] = "CasePage";
        return View("~/Features/CasePage/Show.cshtml", page with { PostedAction = action, PostedForm = form });
    }
}
