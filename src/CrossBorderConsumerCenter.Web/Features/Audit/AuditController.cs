using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CrossBorderConsumerCenter.Web.Features.Audit;

/// <summary>Admins read the audit trail. There is no action that changes or deletes it.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/audit")]
public sealed class AuditController(ListAudit.Handler list) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListAudit.Query query, CancellationToken ct)
    {
        // A malformed filter (a date like "2026-13-40") is dropped by binding; show the rest rather than fail.
        ModelState.Clear();
        return View(await list.HandleAsync(query, ct));
    }
}
