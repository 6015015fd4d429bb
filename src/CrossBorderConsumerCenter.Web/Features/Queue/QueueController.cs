using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>The staff queue: the back office's home page.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("staff")]
public sealed class QueueController(ListCases.Handler list) : Controller
{
    /// <summary>The back office's address; anyone may follow it, the queue itself asks who they are.</summary>
    [HttpGet("")]
    [AllowAnonymous]
    public IActionResult Home() => LocalRedirect(QueueCriteria.Path);

    [HttpGet("cases")]
    public async Task<IActionResult> Index([FromQuery] QueueQuery query, CancellationToken ct)
    {
        // Every value is read as text and parsed by QueueCriteria: a malformed one is ignored and named on the page.
        ModelState.Clear();
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return View(await list.HandleAsync(query, userId, ct));
    }
}
