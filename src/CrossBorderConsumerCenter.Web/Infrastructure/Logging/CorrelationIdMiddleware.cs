using System.Buffers;
using Serilog.Context;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Logging;

/// <summary>
/// Gives every request a correlation id: the caller's X-Correlation-ID when it is a short safe token,
/// otherwise a new one. It becomes HttpContext.TraceIdentifier, is echoed in the response header,
/// is attached to every log line of the request, and is shown on error pages.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-ID";

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = IsSafe(incoming) ? incoming : Guid.NewGuid().ToString("N")[..16];
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }

    internal static bool IsSafe(string value) => value.Length is > 0 and <= 64 && !value.AsSpan().ContainsAnyExcept(Allowed);
}
