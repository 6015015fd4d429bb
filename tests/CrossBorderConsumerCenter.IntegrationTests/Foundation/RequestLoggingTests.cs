using System.Text.Json;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>The portal's log written as JSON to a file, the way an operator would configure it.</summary>
public sealed class FileLoggingFixture : PortalFixture
{
    private readonly JsonLogFile _log = new();

    protected override PortalFactory CreateFactory(string connectionString)
    {
        var settings = _log.Settings();
        settings["Serilog:MinimumLevel:Default"] = "Information";
        return new PortalFactory(connectionString, settings)
            .WithServices(services => services.AddControllersWithViews().AddApplicationPart(typeof(ProbeController).Assembly));
    }

    public IReadOnlyList<JsonElement> Lines() => _log.Lines();

    /// <summary>The request log lines (one per request) with their properties.</summary>
    public IReadOnlyList<JsonElement> RequestLines() =>
        Lines().Where(l => l.GetProperty("MessageTemplate").GetString()!.StartsWith("HTTP ", StringComparison.Ordinal))
            .Select(l => l.GetProperty("Properties")).ToList();
}

public class RequestLoggingTests(FileLoggingFixture portal) : IClassFixture<FileLoggingFixture>
{
    [Fact]
    public async Task WritesOneLinePerRequestWithMethodPathStatusElapsedAndCorrelationId()
    {
        using var client = portal.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Correlation-ID", "corr-home-1");
        using var response = await client.SendAsync(request);
        Assert.Equal("corr-home-1", Assert.Single(response.Headers.GetValues("X-Correlation-ID")));

        var line = Assert.Single(portal.RequestLines(), l => l.GetProperty("CorrelationId").GetString() == "corr-home-1");
        Assert.Equal("GET", line.GetProperty("Method").GetString());
        Assert.Equal("/", line.GetProperty("Path").GetString());
        Assert.Equal(200, line.GetProperty("StatusCode").GetInt32());
        Assert.True(line.GetProperty("Elapsed").GetDouble() >= 0);
    }

    [Fact]
    public async Task NeverLogsTheQueryStringOrAnUnsafeCorrelationId()
    {
        using var client = portal.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?email=taro.yamada@example.jp&name=山田太郎");
        request.Headers.Add("X-Correlation-ID", "bad id with spaces");
        using var response = await client.SendAsync(request);
        var id = Assert.Single(response.Headers.GetValues("X-Correlation-ID"));
        Assert.NotEqual("bad id with spaces", id);

        var text = string.Join('\n', portal.Lines().Select(l => l.GetRawText()));
        Assert.Contains(id, text, StringComparison.Ordinal);
        Assert.DoesNotContain("taro.yamada", text, StringComparison.Ordinal);
        Assert.DoesNotContain("山田", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u5C71\\u7530", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AComplaintFiledThroughTheFormLeavesNoneOfTheConsumersDetailsInTheLog()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync(new Dictionary<string, string?>
        {
            ["Form.Consumer.Name"] = "植木 花子",
            ["Form.Consumer.NameKana"] = "ウエキ ハナコ",
            ["Form.Consumer.Email"] = "planted.canary@example.jp",
            ["Form.Consumer.EmailConfirmation"] = "planted.canary@example.jp",
            ["Form.Consumer.Phone"] = "090-5555-1234",
        }));
        Assert.NotNull(receipt.Find("[data-case-number]"));

        // Case numbers may be logged (docs/privacy.md); what the consumer typed may not.
        Assert.Contains(portal.RequestLines(), l => l.GetProperty("Path").GetString() == "/complaint/submit");
        var text = string.Join('\n', portal.Lines().Select(l => l.GetRawText()));
        foreach (var planted in new[] { "植木", "ウエキ", "planted.canary", "5555-1234", "05555" })
        {
            Assert.DoesNotContain(planted, text, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonSerializer.Serialize(planted).Trim('"'), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DropsTheRawRequestPathThatTheFrameworkAddsToEveryLine()
    {
        using var client = portal.Factory.CreateClient();
        using var response = await client.GetAsync("/error/404");
        Assert.NotEmpty(portal.RequestLines());
        Assert.All(portal.Lines(), l => Assert.False(l.GetProperty("Properties").TryGetProperty("RequestPath", out _), l.GetRawText()));
        Assert.Contains(portal.RequestLines(), l => l.GetProperty("Path").GetString() == "/error/{statusCode}");
    }

    [Fact]
    public async Task LogsAnErrorWithTheOriginalPathAndTheIdShownOnTheErrorPage()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetAsync("/__probe/throw");
        var shownId = page.Find(".error-reference code")!.TextContent;

        var line = Assert.Single(portal.RequestLines(), l => l.GetProperty("CorrelationId").GetString() == shownId);
        Assert.Equal("/__probe/throw", line.GetProperty("Path").GetString());
        Assert.Equal(500, line.GetProperty("StatusCode").GetInt32());
    }
}
