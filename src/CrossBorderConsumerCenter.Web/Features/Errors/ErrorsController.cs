using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace CrossBorderConsumerCenter.Web.Features.Errors;

/// <summary>
/// Friendly error pages in the visitor's language for every error status, re-executed by the
/// status-code-pages and exception-handler middleware. Never a stack trace; always the correlation id.
/// </summary>
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    private static readonly HashSet<int> KnownStatuses = [400, 403, 404, 405, 413, 429, 500, 503];

    // No parameters on purpose: binding any would make MVC read the form of a re-executed POST,
    // which fails for the oversized requests this page must explain.
    [Route("/error/{statusCode:int}")]
    public IActionResult Show()
    {
        var statusCode = int.Parse((string)RouteData.Values["statusCode"]!, System.Globalization.CultureInfo.InvariantCulture);
        // When re-executed for an exception, the handler's chosen status wins over the route value.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            statusCode = Response.StatusCode;
        }

        // A form too large to read fails antiforgery validation with a bare 400: say what really happened.
        if (statusCode == StatusCodes.Status400BadRequest
            && Request.ContentLength > HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
        {
            statusCode = StatusCodes.Status413PayloadTooLarge;
        }

        if (statusCode is < 400 or > 599)
        {
            statusCode = 404;
        }

        Response.StatusCode = statusCode;
        var kind = KnownStatuses.Contains(statusCode) ? statusCode : statusCode >= 500 ? 500 : 400;
        return View("Error", new ErrorViewModel(statusCode, kind, HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorViewModel(int StatusCode, int Kind, string CorrelationId);
