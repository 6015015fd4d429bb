using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.EmailDelivery;

/// <summary>Admins watch the email outbox and send failed messages again.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/email")]
public sealed class EmailDeliveryController(ListEmails.Handler list, SendEmailAgain.Handler sendAgain, IStringLocalizer<EmailDeliveryText> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListEmails.Query query, CancellationToken ct)
    {
        // A malformed list or page (?list=nonsense) is dropped by binding: show the default rather than fail.
        ModelState.Clear();
        return View(await list.HandleAsync(query, ct));
    }

    /// <summary>Posted from a row of either list; <paramref name="list"/> brings the admin back to it.</summary>
    [HttpPost("{id:guid}/send-again")]
    public async Task<IActionResult> SendAgain(Guid id, [FromForm] ListEmails.EmailList list, CancellationToken ct)
    {
        var outcome = await sendAgain.HandleAsync(id, ct);
        if (outcome == SendEmailAgain.Outcome.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = t[outcome == SendEmailAgain.Outcome.Queued ? "SendAgain_Queued" : "SendAgain_NotWaiting"].Value;
        TempData["FlashIsError"] = outcome != SendEmailAgain.Outcome.Queued;
        return RedirectToAction(nameof(Index), new { list });
    }
}
