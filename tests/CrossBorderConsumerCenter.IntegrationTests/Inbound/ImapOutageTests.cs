using System.Text.Json;
using CrossBorderConsumerCenter.Testing.Imap;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using static CrossBorderConsumerCenter.IntegrationTests.Inbound.InboundMail;

namespace CrossBorderConsumerCenter.IntegrationTests.Inbound;

/// <summary>The mailbox goes down or refuses the portal; mail waits in it, and the portal keeps serving.</summary>
public class ImapOutageTests
{
    [Fact]
    public async Task MailThatWaitedWhileTheServerWasDownIsStoredOnceItIsBack()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await imap.AppendAsync(Reply($"<before-outage-{i}@mail.example.jp>"));
        }

        await imap.StopAsync();
        await using var factory = new PortalFactory(database.ConnectionString, imap.PortalSettings);
        _ = factory.Services;

        // Tried, failed, tried again after a pause.
        await Eventually.UntilAsync(() => Task.FromResult(Status(factory).Current.ConsecutiveFailures >= 2), TimeSpan.FromSeconds(20),
            () => $"The reader did not retry: {Status(factory).Current}");
        Assert.Equal(InboundMailErrorKind.Connection, Status(factory).Current.LastErrorKind);
        Assert.Equal(0, await CountAsync(database));

        await imap.StartAgainAsync();
        await imap.AppendAsync(Reply("<after-outage@mail.example.jp>"));

        await ReadThroughAsync(database, imap, stored: 4, processed: 4, TimeSpan.FromSeconds(30));
        Assert.Equal(0, Status(factory).Current.ConsecutiveFailures);
    }

    [Fact]
    public async Task AServerThatStopsWhileTheReaderWaitsLosesNothingAndTheReaderComesBack()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PortalFactory(database.ConnectionString, imap.PortalSettings);
        _ = factory.Services;
        await imap.AppendAsync(Reply("<first@mail.example.jp>"));
        await ReadThroughAsync(database, imap, stored: 1, processed: 1);

        await imap.StopAsync(); // the reader was in IDLE: its connection is cut
        await Eventually.UntilAsync(() => Task.FromResult(Status(factory).Current.ConsecutiveFailures >= 1), TimeSpan.FromSeconds(20),
            () => $"The reader did not notice: {Status(factory).Current}");
        await imap.StartAgainAsync();
        await imap.AppendAsync(Reply("<second@mail.example.jp>"));

        await ReadThroughAsync(database, imap, stored: 2, processed: 2, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AWrongPasswordIsLoggedAsAWarningWithoutSecretsAndThePortalKeepsServing()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var logFile = Path.Combine(Directory.CreateTempSubdirectory("ccc-log-").FullName, "portal.json");
        var settings = imap.PortalSettings;
        settings["Imap:Password"] = "wrong-password-planted";
        settings["Serilog:MinimumLevel:Default"] = "Information";
        settings["Serilog:WriteTo:0:Name"] = "File";
        settings["Serilog:WriteTo:0:Args:path"] = logFile;
        settings["Serilog:WriteTo:0:Args:formatter"] = "Serilog.Formatting.Json.JsonFormatter, Serilog";
        await imap.AppendAsync(Reply("<waits@mail.example.jp>"));
        await using var factory = new PortalFactory(database.ConnectionString, settings);
        using var client = factory.CreateClient();

        // Dovecot answers a wrong password after a delay that grows with each attempt: one refusal is enough here.
        await Eventually.UntilAsync(() => Task.FromResult(Status(factory).Current.ConsecutiveFailures >= 1), TimeSpan.FromSeconds(30),
            () => $"The reader was not refused: {Status(factory).Current}");
        Assert.Equal(InboundMailErrorKind.Authentication, Status(factory).Current.LastErrorKind);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(0, await CountAsync(database));
        Assert.Equal(1, imap.CountOnDisk("INBOX"));

        var lines = ReadLines(logFile);
        var warnings = lines.Where(l => l.GetProperty("Level").GetString() == "Warning"
            && l.GetProperty("MessageTemplate").GetString()!.StartsWith("Reading inbound mail failed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal("Authentication", w.GetProperty("Properties").GetProperty("InboundErrorKind").GetString()));
        var text = string.Join('\n', lines.Select(l => l.GetRawText()));
        Assert.DoesNotContain("wrong-password-planted", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ImapServer.UserName + "@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.jp", text, StringComparison.Ordinal);
    }

    private static List<JsonElement> ReadLines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }
}
