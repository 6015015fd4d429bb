using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>Two instances of the portal over one database share one count per client address (ADR 0091).</summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestTime.Today);
    private TestDatabase? _database;
    private PortalFactory? _first;
    private PortalFactory? _second;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _first = Instance(_database.ConnectionString);
        _second = Instance(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _first!.DisposeAsync();
        await _second!.DisposeAsync();
        await _database!.DisposeAsync();
    }

    [Fact]
    public async Task TwoInstancesTogetherAllowWhatOneAllows()
    {
        using var viaFirst = Client(_first!, "10.9.0.1");
        using var viaSecond = Client(_second!, "10.9.0.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await StatusAsync(viaFirst));
            statuses.Add(await StatusAsync(viaSecond));
        }

        Assert.Equal(4, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        // Another address has its own count, and the next minute starts again.
        using var elsewhere = Client(_second!, "10.9.0.2");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await StatusAsync(elsewhere));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await StatusAsync(viaFirst));
    }

    private PortalFactory Instance(string connectionString) =>
        new PortalFactory(connectionString, new Dictionary<string, string?> { ["PartnerLinks:RequestsPerMinute"] = "4" })
            .WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    private static HttpClient Client(PortalFactory factory, string address)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/partner/no-such-link");
        return response.StatusCode;
    }
}
