using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Logging;

public static class LoggingRegistration
{
    /// <summary>
    /// Serilog from the "Serilog" section: console always (structured), a file when configured.
    /// Framework request logs are quietened; <see cref="RequestLoggingMiddleware"/> writes one line per request.
    /// The logger is built from the final configuration when first needed, so every configuration source
    /// (files, environment, test hosts) applies. Personal data never goes into logs (docs/privacy.md).
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILoggerProvider>(sp => new SerilogLoggerProvider(CreateLogger(sp.GetRequiredService<IConfiguration>()), dispose: true));
        return builder;
    }

    private static Serilog.Core.Logger CreateLogger(IConfiguration configuration) =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.With<DropRawRequestPath>()
            .ReadFrom.Configuration(configuration)
            .CreateLogger();

    /// <summary>
    /// ASP.NET Core's request scope adds the raw RequestPath to every line; paths can carry case numbers
    /// and tokens, so it is removed. The request line logs the route template instead.
    /// </summary>
    private sealed class DropRawRequestPath : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) => logEvent.RemovePropertyIfPresent("RequestPath");
    }
}
