using Microsoft.AspNetCore.Routing.Patterns;
using Serilog;
using Serilog.Events;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Logging;

/// <summary>
/// One log line per request, written by Serilog's request logging: method, path, status, elapsed ms (the correlation id
/// comes from the log context). When a route matched, the route template is logged instead of the raw path, so case
/// numbers, tokens and search words never reach the logs; the query string is never logged (ADR 0007).
/// </summary>
public static class RequestLogging
{
    public const string MessageTemplate = "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms";

    /// <summary>The request line, written by the portal's own logger (not Serilog's static one, which test hosts share).</summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = MessageTemplate;
            options.GetLevel = Level;
            options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("Method", new ScalarValue(context.Request.Method)),
                new LogEventProperty("Path", new ScalarValue(context.Items[CapturePath.ItemKey] as string ?? LoggablePath(context))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });

    /// <summary>Remembers the loggable path right after routing, before an error page re-executes the pipeline with another path.</summary>
    public static IApplicationBuilder UseRequestLoggingPathCapture(this IApplicationBuilder app) => app.UseMiddleware<CapturePath>();

    private static LogEventLevel Level(HttpContext context, double elapsed, Exception? failure)
    {
        var status = context.Response.StatusCode;
        return failure is not null || status >= 500 ? LogEventLevel.Error
            : context.Request.Path.StartsWithSegments("/health") && status < 400 ? LogEventLevel.Debug
            : LogEventLevel.Information;
    }

    private sealed class CapturePath(RequestDelegate next)
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
        return TextInput.Clip(raw, 200);
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
