using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CrossBorderConsumerCenter.IntegrationTests.Support;

/// <summary>
/// Endpoints that only exist in tests, added to the portal as an application part, to make the
/// portal fail in ways its own pages never should (an exception, an oversized body).
/// </summary>
[Route("__probe")]
public sealed class ProbeController : Controller
{
    [HttpGet("throw")]
    public IActionResult Throw() => throw new InvalidOperationException($"Probe failure at {Request.Path} with secret detail 4242");

    [HttpGet("too-large")]
    public IActionResult TooLarge() => throw new BadHttpRequestException($"Request body too large at {Request.Path}.", StatusCodes.Status413PayloadTooLarge);
}
