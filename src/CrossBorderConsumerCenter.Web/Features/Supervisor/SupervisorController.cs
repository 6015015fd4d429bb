using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Supervisor;

/// <summary>The supervisor's overview of the back office's work (Supervisor or Admin: <see cref="Policies.Supervisor"/>).</summary>
[Authorize(Policy = Policies.Supervisor)]
[Route("staff/supervisor")]
public sealed class SupervisorController(ShowOverview.Handler overview, IStringLocalizer<SupervisorText> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await overview.HandleAsync(text["Supervisor_Unassigned"], ct));
}
