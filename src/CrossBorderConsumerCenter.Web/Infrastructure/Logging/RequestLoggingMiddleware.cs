using System.Diagnostics;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Logging;

/// <summary>
/// One log line per request: method, path, status, elapsed ms (the correlation id comes from the log context).
/// When a route matched, the route template is logged instead of the raw path, so case numbers, tokens
/// and search words never reach the logs; the query string is never logged.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var status = 500;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var path = context.Items[RouteCapture.ItemKey] as string ?? LoggablePath(context);
            var level = context.Request.Path.StartsWithSegments("/health") && status < 400 ? LogLevel.Debug
                : status >= 500 ? LogLevel.Error
                : LogLevel.Information;
            logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                context.Request.Method, path, status, elapsed);
        }
    }

    /// <summary>
    /// Runs right after routing and remembers what to log for the original request, before an error
    /// page re-executes the pipeline with another path.
    /// </summary>
    public sealed class RouteCapture(RequestDelegate next)
    {
        public const string ItemKey = "ccc.loggable-path";

        public Task InvokeAsync(HttpContext context)
        {
            context.Items.TryAdd(ItemKey, LoggablePath(context));
            return next(context);
        }
    }

    internal static string LoggablePath(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && pattern.Parameters.Count > 0)
        {
            return "/" + string.Join('/', pattern.PathSegments.Select(s => Segment(s, context.Request.RouteValues)));
        }

        var raw = context.Request.Path.Value ?? "/";
        return raw.Length <= 200 ? raw : raw[..200];
    }

    // Controller and action names are not data; every other parameter is logged by name only.
    private static readonly HashSet<string> PlainValues = new(StringComparer.OrdinalIgnoreCase) { "controller", "action", "area" };

    private static string Segment(RoutePatternPathSegment segment, RouteValueDictionary values) =>
        string.Concat(segment.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter when PlainValues.Contains(parameter.Name) && values.TryGetValue(parameter.Name, out var value) => value?.ToString(),
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }));
}
