using System.Net;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>The key ring lives in PostgreSQL: a token issued by one instance is accepted by another.</summary>
public class DataProtectionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task AFormFromOneInstanceIsAcceptedByAnotherOverTheSameDatabase()
    {
        var (cookie, token) = await IssueAntiforgeryAsync(portal.Factory);
        Assert.True(await portal.Database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);

        await using var secondInstance = new PortalFactory(portal.Database.ConnectionString);
        Assert.Equal(HttpStatusCode.Redirect, await PostLanguageSwitchAsync(secondInstance, cookie, token));
    }

    [Fact]
    public async Task AnInstanceWithAnotherKeyRingRefusesTheForm()
    {
        var (cookie, token) = await IssueAntiforgeryAsync(portal.Factory);

        await using var otherDatabase = await TestDatabase.CreateAsync();
        await using var stranger = new PortalFactory(otherDatabase.ConnectionString);
        Assert.Equal(HttpStatusCode.BadRequest, await PostLanguageSwitchAsync(stranger, cookie, token));
    }

    private static async Task<(string Cookie, string Token)> IssueAntiforgeryAsync(PortalFactory factory)
    {
        using var client = factory.CreateClient(new() { HandleCookies = false });
        using var response = await client.GetAsync("/");
        var page = await HtmlPage.ReadAsync(response);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ccc.af=", StringComparison.Ordinal)).Split(';')[0];
        return (cookie, page.AntiforgeryToken);
    }

    private static async Task<HttpStatusCode> PostLanguageSwitchAsync(PortalFactory factory, string cookie, string token)
    {
        using var client = factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/language")
        {
            Content = new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
