using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

/// <summary>
/// With Portal:EnforceHttps on, a request that is still plain HTTP where a page would be written cannot be served: the
/// cookies (and the antiforgery token every form carries) must be secure, and writing them throws. That happens behind a
/// proxy that ends TLS but is not listed in ReverseProxy:KnownProxies (its X-Forwarded-Proto is not trusted), or when
/// no HTTPS port is known to redirect to. Instead of an empty 500 such a request gets a page, in Japanese and English,
/// that says which settings do not match, and the log says which proxy address to list (once per address). The health checks
/// answer as before.
/// </summary>
public sealed partial class PlainHttpGuard(RequestDelegate next, IStringLocalizerFactory localizers, ILogger<PlainHttpGuard> logger)
{
    /// <summary>Addresses already named in the log (a few are enough: it is a setting to fix, not traffic to count).</summary>
    private readonly ConcurrentDictionary<string, bool> _logged = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        // A proxy's address is the operator's to know; a visitor's (no proxy) is personal data and stays out of the log.
        var proxied = context.Request.Headers.ContainsKey("X-Forwarded-Proto");
        var address = proxied ? context.Connection.RemoteIpAddress?.ToString() ?? "?" : "";
        if (_logged.Count < 20 && _logged.TryAdd(address, true))
        {
            if (proxied)
            {
                LogUntrustedProxy(logger, address);
            }
            else
            {
                LogPlainHttp(logger);
            }
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(Page(proxied));
    }

    private string Page(bool proxied)
    {
        var localizer = localizers.Create(typeof(SharedResource));
        var encoder = HtmlEncoder.Default;
        var sections = new System.Text.StringBuilder();
        var title = "";
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var language in new[] { "ja", "en" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                title = title.Length == 0 ? localizer["PlainHttp_Title"] : title + " / " + localizer["PlainHttp_Title"];
                sections.Append(CultureInfo.InvariantCulture, $"""
                    <section lang="{language}">
                    <h1>{encoder.Encode(localizer["PlainHttp_Title"])}</h1>
                    <p>{encoder.Encode(localizer["PlainHttp_Body"])}</p>
                    <p>{encoder.Encode(localizer[proxied ? "PlainHttp_Operator_Proxy" : "PlainHttp_Operator_NoPort"])}</p>
                    </section>

                    """);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        return $"""
            <!DOCTYPE html>
            <html lang="ja">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{encoder.Encode(title)}</title></head>
            <body><main>
            {sections}</main></body>
            </html>
            """;
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Error, Message =
        "Portal:EnforceHttps is on, but a request from {ProxyAddress} came over plain HTTP with X-Forwarded-Proto: that proxy is not in ReverseProxy:KnownProxies " +
        "(nor in ReverseProxy:KnownNetworks), so its headers are not trusted and no page can be served. Add its address to ReverseProxy:KnownProxies (see docs/operations.md).")]
    private static partial void LogUntrustedProxy(ILogger logger, string proxyAddress);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message =
        "Portal:EnforceHttps is on, but a request came over plain HTTP without a proxy and there is no HTTPS port to redirect it to: no page can be served. " +
        "Serve HTTPS (an https:// address in ASPNETCORE_URLS), or behind a proxy that ends TLS list it in ReverseProxy:KnownProxies (see docs/operations.md).")]
    private static partial void LogPlainHttp(ILogger logger);
}

/// <summary>
/// At start-up, with Portal:EnforceHttps on, no trusted proxy and no HTTPS address of its own, the portal can only be
/// reached through a proxy it does not trust: it says so once, naming the settings.
/// </summary>
public sealed partial class PlainHttpStartupCheck(
    IOptions<PortalOptions> portal, IOptions<ReverseProxyOptions> proxy, IServer server, IHostApplicationLifetime lifetime, ILogger<PlainHttpStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (portal.Value.EnforceHttps && proxy.Value.KnownProxies.Count == 0 && proxy.Value.KnownNetworks.Count == 0
                && !addresses.Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            {
                LogNoTrustedProxy(logger);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9100, Level = LogLevel.Warning, Message =
        "Portal:EnforceHttps is on, ReverseProxy:KnownProxies and ReverseProxy:KnownNetworks are empty and the portal listens on no https:// address: " +
        "behind a proxy that ends TLS every page will fail. List the proxy's address in ReverseProxy:KnownProxies (or its network in ReverseProxy:KnownNetworks) (see docs/operations.md).")]
    private static partial void LogNoTrustedProxy(ILogger logger);
}
