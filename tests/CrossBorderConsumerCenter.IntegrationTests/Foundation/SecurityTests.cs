using System.Net;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

public class SecurityHeaderTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/health/live")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var client = portal.Factory.CreateClient();
        using var response = await client.GetAsync(path);
        var headers = response.Headers;

        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Assert.Single(headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
        Assert.False(headers.Contains("Server"));
    }

    [Fact]
    public async Task TheAntiforgeryCookieIsHttpOnlyAndStrict()
    {
        using var client = portal.Factory.CreateClient();
        using var response = await client.GetAsync("/");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ccc.af=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>With Portal:EnforceHttps (the default outside development): redirect, HSTS, Secure cookies.</summary>
public sealed class HttpsEnforcedFixture : PortalFixture
{
    protected override PortalFactory CreateFactory(string connectionString) =>
        new(connectionString, new Dictionary<string, string?> { ["Portal:EnforceHttps"] = "true", ["https_port"] = "443" });
}

public class HttpsTests(HttpsEnforcedFixture portal) : IClassFixture<HttpsEnforcedFixture>
{
    [Fact]
    public async Task PlainHttpIsRedirectedToHttps()
    {
        using var client = portal.Factory.CreateFormClient();
        using var response = await client.Http.GetAsync("http://ccj.example/some/page?x=1");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://ccj.example/some/page?x=1", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task HealthProbesAreNotRedirected()
    {
        using var client = portal.Factory.CreateClient();
        using var response = await client.GetAsync("http://ccj.example/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HttpsResponsesCarryHstsAndSecureCookies()
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.BaseAddress = new Uri("https://ccj.example/");
        var home = await client.GetOkAsync("/");

        Assert.Contains("max-age=31536000", home.Headers["Strict-Transport-Security"], StringComparison.Ordinal);
        using var response = await client.SubmitAsync(home, "form.language-switch", submitName: "culture", submitValue: "en");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".ccc.culture=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
