using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Security;

public static class SecurityRegistration
{
    public const string ApplicationName = "CrossBorderConsumerCenter";

    /// <summary>Data Protection keys in PostgreSQL (or a configured folder), so cookies survive restarts and instances.</summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRingLocation>();
        return services;
    }

    private sealed class KeyRingLocation(IOptions<DataProtectionSettings> settings, IServiceScopeFactory scopes, ILoggerFactory loggers) : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions options) =>
            options.XmlRepository = settings.Value.KeysDirectory is { Length: > 0 } directory
                ? new FileSystemXmlRepository(new DirectoryInfo(directory), loggers)
                : new DatabaseXmlRepository(scopes);
    }

    /// <summary>Cookie, antiforgery, HSTS and forwarded-header settings that depend on configuration.</summary>
    public static IServiceCollection AddPortalTransportSecurity(this IServiceCollection services)
    {
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ccc.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddSingleton<IConfigureOptions<AntiforgeryOptions>, SecureCookiesFromSettings>();
        services.AddSingleton<IConfigureOptions<CookiePolicyOptions>, SecureCookiesFromSettings>();
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersFromSettings>();
        services.AddHostedService<PlainHttpStartupCheck>();
        return services;
    }

    private sealed class SecureCookiesFromSettings(IOptions<PortalOptions> portal) : IConfigureOptions<AntiforgeryOptions>, IConfigureOptions<CookiePolicyOptions>
    {
        private CookieSecurePolicy Policy => portal.Value.EnforceHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        public void Configure(AntiforgeryOptions options) => options.Cookie.SecurePolicy = Policy;

        public void Configure(CookiePolicyOptions options) => options.Secure = Policy;
    }

    private sealed class ForwardedHeadersFromSettings(IOptions<ReverseProxyOptions> proxy) : IConfigureOptions<ForwardedHeadersOptions>
    {
        public void Configure(ForwardedHeadersOptions options)
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
            {
                // Reached directly: trust no forwarded header at all.
                options.ForwardedHeaders = ForwardedHeaders.None;
            }
        }
    }
}
