using System.Security.Claims;
using System.Text.Json;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using CrossBorderConsumerCenter.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>
/// The staff queue: the back office's home page, with bulk actions on the cases ticked and each staff member's saved
/// views. Every post carries the view's query string and comes back to the same view (post/redirect/get); a refused
/// post shows the same view again with the errors and what was typed or ticked.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff")]
public sealed class QueueController(ListCases.Handler list, SavedViews.Handler views, PartnerDirectory partners, IStringLocalizer<QueueText> text) : Controller
{
    private const string SummaryKey = "QueueBulkSummary";
    private const string FlashKey = "QueueFlash";

    /// <summary>The back office's address; anyone may follow it, the queue itself asks who they are.</summary>
    [HttpGet("")]
    [AllowAnonymous]
    public IActionResult Home() => LocalRedirect(QueueCriteria.Path);

    [HttpGet("cases")]
    public async Task<IActionResult> Index([FromQuery] QueueQuery query, CancellationToken ct)
    {
        // Every value is read as text and parsed by QueueCriteria: a malformed one is ignored and named on the page.
        ModelState.Clear();
        var page = await PageAsync(query, ct);
        return View(page with
        {
            Summary = TempData[SummaryKey] is string summary ? JsonSerializer.Deserialize<BulkCaseAction.Summary>(summary) : null,
            Flash = TempData[FlashKey] as string,
        });
    }

    [HttpPost("cases/bulk")]
    public async Task<IActionResult> Bulk([FromQuery] QueueQuery query, [Bind(Prefix = "Bulk")] BulkCaseAction.Form form,
        [FromServices] IValidator<BulkCaseAction.Form> validator, [FromServices] BulkCaseAction.Handler handler, CancellationToken ct)
    {
        // The query string is read leniently (as on the page) and the form's own values are checked by its validator.
        ModelState.Clear();
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "Bulk");
            return await RedisplayAsync(query, page => page with { Bulk = form }, ct);
        }

        var summary = await handler.HandleAsync(form, User, ct);
        if (summary is null)
        {
            ModelState.AddModelError("Bulk.AssigneeId", text["Bulk_Assignee_NotAssignable"]);
            return await RedisplayAsync(query, page => page with { Bulk = form }, ct);
        }

        TempData[SummaryKey] = JsonSerializer.Serialize(summary);
        return LocalRedirect(await HrefAsync(query, ct));
    }

    [HttpPost("cases/views")]
    public async Task<IActionResult> SaveView([FromQuery] QueueQuery query, [Bind(Prefix = "SaveView")] SaveView.Form form,
        [FromServices] IValidator<SaveView.Form> validator, [FromServices] SaveView.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState, "SaveView");
            return await RedisplayAsync(query, page => page with { SaveView = form }, ct);
        }

        var (criteria, _) = QueueCriteria.Parse(query, await partners.CurrentAsync(ct));
        if (await handler.HandleAsync(UserId, form, criteria, ct) is { } problem)
        {
            ModelState.AddModelError("SaveView.Name", text[Queue.SaveView.MessageKey(problem), Queue.SaveView.MessageArgument(problem)]);
            return await RedisplayAsync(query, page => page with { SaveView = form }, ct);
        }

        TempData[FlashKey] = text["SavedView_Saved", Domain.Queue.SavedView.NormalizeName(form.Name)].Value;
        return LocalRedirect(criteria.Href());
    }

    [HttpPost("cases/views/{id:guid}/delete")]
    public async Task<IActionResult> DeleteView(Guid id, [FromQuery] QueueQuery query, CancellationToken ct)
    {
        if (!await views.DeleteAsync(UserId, id, ct))
        {
            return NotFound();
        }

        TempData[FlashKey] = text["SavedView_Deleted"].Value;
        return LocalRedirect(await HrefAsync(query, ct));
    }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task<QueuePage> PageAsync(QueueQuery query, CancellationToken ct) =>
        new(await list.HandleAsync(query, UserId, ct), await views.ListAsync(UserId, ct));

    private async Task<IActionResult> RedisplayAsync(QueueQuery query, Func<QueuePage, QueuePage> keepPosted, CancellationToken ct) =>
        View(nameof(Index), keepPosted(await PageAsync(query, ct)));

    /// <summary>The view the post came from, as the queue's links write it (so never anywhere but the queue).</summary>
    private async Task<string> HrefAsync(QueueQuery query, CancellationToken ct) => QueueCriteria.Parse(query, await partners.CurrentAsync(ct)).Criteria.Href();
}
