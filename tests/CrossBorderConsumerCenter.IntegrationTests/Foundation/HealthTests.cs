using System.Net;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

public class HealthTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task AnswersHealthyWhenTheDatabaseIsReachable(string path)
    {
        using var client = portal.Factory.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessFailsButLivenessHoldsWhenTheDatabaseIsUnreachable()
    {
        // A port where nothing listens.
        await using var factory = new PortalFactory($"Host=127.0.0.1;Port={Testing.Smtp.SmtpServer.FreePort()};Database=none;Username=none;Password=none;Timeout=2");
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());

        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
