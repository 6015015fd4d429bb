using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>
/// The back office's page of mail the portal could not place on a case by itself: the list, one message, its original,
/// and attaching it to a case or discarding it (post/redirect/get). A refused post shows the message again with what
/// was typed: 200 for invalid input, 409 when someone else handled the message (or kept changing the case) meanwhile.
/// Nothing here is cached by the browser: the pages show people's mail, and every view of a message is audited.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff/mail")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MailController(ShowMail.Handler show, IStringLocalizer<InboundMailText> text) : Controller
{
    private const string FlashKey = "Flash";

    // The views live beside this controller in the feature's folder, which is not named after the controller.
    private const string IndexView = "/Features/InboundMail/Index.cshtml";
    private const string ShowView = "/Features/InboundMail/Show.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListMail.Query query, [FromServices] ListMail.Handler list, CancellationToken ct)
    {
        // A malformed state or page (?state=nonsense, ?after=abc) is dropped by binding: show the default rather than fail.
        ModelState.Clear();
        return View(IndexView, await list.HandleAsync(query, ct));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await show.HandleAsync(id, ct) is { } page ? View(ShowView, page) : NotFound();

    /// <summary>The message exactly as received, as a file to open in a mail program (never shown by the browser).</summary>
    [HttpGet("{id:guid}/raw")]
    public async Task<IActionResult> Raw(Guid id, CancellationToken ct) =>
        await show.OriginalAsync(id, ct) is { } original ? File(original.Bytes, "message/rfc822", $"mail-{id}.eml") : NotFound();

    [HttpPost("{id:guid}/attach")]
    public async Task<IActionResult> Attach(Guid id, [Bind(Prefix = "Attach")] AttachMail.Form form,
        [FromServices] IValidator<AttachMail.Form> validator, [FromServices] AttachMail.Handler handler, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "Attach");
            return await RedisplayAsync(id, page => page with { Attach = form, Posted = "Attach" }, StatusCodes.Status200OK, ct);
        }

        var result = await handler.HandleAsync(id, form, User, ct);
        switch (result.Outcome)
        {
            case AttachMail.Outcome.Attached:
                TempData[FlashKey] = text["Attach_Done", result.CaseNumber!, text["Effect_" + result.Added]].Value;
                return Redirect("/staff/cases/" + result.CaseNumber);
            case AttachMail.Outcome.NotFound:
                return NotFound();
            case AttachMail.Outcome.CaseNotFound:
                ModelState.AddModelError("Attach.CaseNumber", text["Error_CaseNotFound", form.CaseNumber!.Trim()]);
                return await RedisplayAsync(id, page => page with { Attach = form, Posted = "Attach" }, StatusCodes.Status200OK, ct);
            case AttachMail.Outcome.AlreadyHandled:
                ModelState.AddModelError("", text["Error_AlreadyHandled", text["State_" + result.State]]);
                return await RedisplayAsync(id, page => page with { Attach = form, Posted = "Attach" }, StatusCodes.Status409Conflict, ct);
            default:
                ModelState.AddModelError("", text["Error_CaseChanged"]);
                return await RedisplayAsync(id, page => page with { Attach = form, Posted = "Attach" }, StatusCodes.Status409Conflict, ct);
        }
    }

    [HttpPost("{id:guid}/discard")]
    public async Task<IActionResult> Discard(Guid id, [Bind(Prefix = "Discard")] DiscardMail.Form form,
        [FromServices] IValidator<DiscardMail.Form> validator, [FromServices] DiscardMail.Handler handler, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "Discard");
            return await RedisplayAsync(id, page => page with { Discard = form, Posted = "Discard" }, StatusCodes.Status200OK, ct);
        }

        var result = await handler.HandleAsync(id, form, ct);
        switch (result.Outcome)
        {
            case DiscardMail.Outcome.Discarded:
                TempData[FlashKey] = text["Discard_Done"].Value;
                return Redirect("/staff/mail");
            case DiscardMail.Outcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", text["Error_AlreadyHandled", text["State_" + result.State]]);
                return await RedisplayAsync(id, page => page with { Discard = form, Posted = "Discard" }, StatusCodes.Status409Conflict, ct);
        }
    }

    /// <summary>The message again (its latest state), with the posted form and its errors.</summary>
    private async Task<IActionResult> RedisplayAsync(Guid id, Func<ShowMail.Page, ShowMail.Page> keepPosted, int status, CancellationToken ct)
    {
        if (await show.HandleAsync(id, ct) is not { } page)
        {
            return NotFound();
        }

        Response.StatusCode = status;
        return View(ShowView, keepPosted(page));
    }
}
