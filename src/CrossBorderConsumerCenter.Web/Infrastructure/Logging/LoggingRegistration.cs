using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Logging;

public static class LoggingRegistration
{
    /// <summary>
    /// Serilog (Serilog.AspNetCore) from the "Serilog" section: console always (structured), a file when configured.
    /// Framework request logs are quietened; <see cref="RequestLogging"/> writes one line per request. The logger is
    /// built from the final configuration when the host first needs it, so every configuration source (files,
    /// environment, test hosts) applies, and Serilog's static logger is left alone, so that several hosts in one
    /// process (the tests) each keep their own. Personal data never goes into logs (docs/privacy.md).
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.With<DropRawRequestPath>()
            .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>()),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// ASP.NET Core's request scope adds the raw RequestPath to every line; paths can carry case numbers
    /// and tokens, so it is removed. The request line logs the route template instead.
    /// </summary>
    private sealed class DropRawRequestPath : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) => logEvent.RemovePropertyIfPresent("RequestPath");
    }
}
