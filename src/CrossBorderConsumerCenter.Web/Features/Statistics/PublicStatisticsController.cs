using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

/// <summary>The public figures, without signing in: closed fiscal years only, small counts suppressed.</summary>
[AllowAnonymous]
[Route("statistics")]
public sealed class PublicStatisticsController(ShowPublicStatistics.Handler handler) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? year, CancellationToken ct) =>
        View("~/Features/Statistics/Public.cshtml", await handler.HandleAsync(year, ct));
}
