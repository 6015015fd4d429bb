using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>
/// Invalid configuration stops the portal at start-up with a message naming the setting: checked
/// through the portal's real registrations and, end to end, by starting the real process.
/// </summary>
public class ConfigurationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=ccc;Username=ccc;Password=x",
        ["Portal:BaseUrl"] = "https://ccj.example.jp/",
        ["Smtp:FromAddress"] = "no-reply@ccj.example.jp",
        ["Smtp:PickupDirectory"] = "/tmp/mail",
    };

    public static TheoryData<string, string?, string> InvalidSettings() => new()
    {
        { "Portal:BaseUrl", "not a url", "Portal:BaseUrl" },
        { "Portal:DefaultCulture", "fr", "Portal:DefaultCulture" },
        { "ConnectionStrings:Default", "", "ConnectionStrings:Default" },
        { "Smtp:FromAddress", "nobody", "Smtp:FromAddress" },
        { "Smtp:Port", "70000", "Smtp:Port" },
        { "Smtp:PickupDirectory", "", "Smtp:PickupDirectory" },
        { "Email:Outbox:BatchSize", "0", "Email:Outbox:BatchSize" },
        { "Email:Outbox:RetryPeriodHours", "-1", "Email:Outbox:RetryPeriodHours" },
        { "ReverseProxy:KnownProxies:0", "not-an-ip", "ReverseProxy:KnownProxies:0" },
        { "DataProtection:KeysDirectory", "relative/keys", "DataProtection:KeysDirectory" },
        { "InboundMail:ReplyAddress", "cases@ccj.example.jp", "InboundMail:ReplyTokenKey" },
        { "InboundMail:ReplyAddress", "cases@ccj.example.jp", "Imap:Enabled" },
        { "InboundMail:ReplyAddress", "cases", "InboundMail:ReplyAddress" },
        { "InboundMail:ReplyTokenKey", "c2hvcnQ=", "InboundMail:ReplyTokenKey" },
    };

    [Fact]
    public void ValidSettingsPassTheStartUpCheck() => Validate(Valid);

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void TheStartUpCheckNamesTheBadSetting(string key, string? value, string named)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Validate(new(Valid) { [key] = value }));
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRealProcessStopsWithTheMessageAndNoStackTrace()
    {
        var result = await PortalProcess.RunAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused", ["Smtp__Port"] = "twenty-five" },
            TimeSpan.FromSeconds(60), "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Smtp:Port", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithSeveralInvalidSettingsTheRealProcessPrintsOneLineForEachAndNoStackTrace()
    {
        var result = await PortalProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
                ["Smtp__FromAddress"] = "nobody",
                ["Email__Outbox__BatchSize"] = "0",
                ["Portal__BaseUrl"] = "not a url",
            },
            TimeSpan.FromSeconds(60), "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error + result.Output, StringComparison.Ordinal);
        var lines = result.Error.Split('\n').Where(line => line.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        foreach (var setting in new[] { "Smtp:FromAddress", "Email:Outbox:BatchSize", "Portal:BaseUrl" })
        {
            Assert.Single(lines, line => line.Contains(setting, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnUnreadableValueAndAnInvalidOneAreBothNamed()
    {
        var result = await PortalProcess.RunAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused", ["Smtp__Port"] = "twenty-five", ["Email__Outbox__BatchSize"] = "0" },
            TimeSpan.FromSeconds(60), "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        var lines = result.Error.Split('\n').Where(line => line.StartsWith("  - ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Single(lines, line => line.Contains("Smtp:Port", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("Email:Outbox:BatchSize", StringComparison.Ordinal));
    }

    /// <summary>Runs what the host runs at start: the portal's settings registrations and their start-up validation.</summary>
    private static void Validate(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" });
        services.AddPortalSettings();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
