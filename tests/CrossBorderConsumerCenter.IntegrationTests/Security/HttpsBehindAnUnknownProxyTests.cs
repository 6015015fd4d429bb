using System.Net;

namespace CrossBorderConsumerCenter.IntegrationTests.Security;

/// <summary>
/// The portal set to require HTTPS (Portal:EnforceHttps) behind a proxy that ends TLS but is not listed in
/// ReverseProxy:KnownProxies: the proxy's X-Forwarded-Proto is not trusted, every request looks like plain HTTP, and
/// cookies that must be secure cannot be written. Its log, written as JSON to a file, is read back.
/// </summary>
public sealed class UnknownProxyFixture : PortalFixture
{
    public JsonLogFile Log { get; } = new();

    protected override PortalFactory CreateFactory(string connectionString)
    {
        var settings = Log.Settings();
        settings["Portal:EnforceHttps"] = "true";
        settings["Serilog:MinimumLevel:Default"] = "Information";
        return new(connectionString, settings);
    }
}

public class HttpsBehindAnUnknownProxyTests(UnknownProxyFixture portal) : IClassFixture<UnknownProxyFixture>
{
    private async Task<HttpResponseMessage> GetThroughTheProxyAsync(string url, string language = "ja")
    {
        using var client = portal.Factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        request.Headers.Add(PortalFactory.ClientAddressHeader, "10.1.2.3");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/complaint/consent")]
    [InlineData("/account/sign-in")]
    public async Task EveryPageSaysInBothLanguagesWhatIsWrongInsteadOfABlank500(string url)
    {
        using var response = await GetThroughTheProxyAsync(url);
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("https の設定が合っていないため、表示できません", page.Find("[lang=ja] h1")?.TextContent.Trim());
        Assert.Equal("This page cannot be shown: the HTTPS settings do not match", page.Find("[lang=en] h1")?.TextContent.Trim());
        Assert.Contains("Portal:EnforceHttps", page.Text, StringComparison.Ordinal);
        Assert.Contains("ReverseProxy:KnownProxies", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.2.3", page.Text, StringComparison.Ordinal); // the proxy's address is the operator's, in the log
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLogSaysAtStartUpAndAtTheFirstRequestWhichSettingToChange()
    {
        using var _ = await GetThroughTheProxyAsync("/");
        using var again = await GetThroughTheProxyAsync("/faq");

        var messages = portal.Log.Messages();
        Assert.Contains(messages, m => m.Contains("Portal:EnforceHttps", StringComparison.Ordinal) && m.Contains("ReverseProxy:KnownProxies", StringComparison.Ordinal) && !m.Contains("10.1.2.3", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Contains("10.1.2.3", StringComparison.Ordinal) && m.Contains("ReverseProxy:KnownProxies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHealthChecksStillAnswerOverPlainHttp()
    {
        using var response = await GetThroughTheProxyAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
