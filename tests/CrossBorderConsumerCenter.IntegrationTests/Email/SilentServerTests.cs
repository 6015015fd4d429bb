using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>
/// A server that accepts the connection and never answers. Every attempt is bounded by Smtp:TimeoutSeconds, so the
/// attempt fails, is retried, and the sender keeps going; and stopping the portal stops a hung attempt at once.
/// </summary>
public class SilentServerTests
{
    [Fact]
    public async Task ASendToASilentServerTimesOutAndIsRetriedAndTheSenderNeverHangs()
    {
        await using var silent = new SilentSmtpServer();
        await using var database = await TestDatabase.CreateAsync();
        var settings = SmtpServer.PortalSettingsFor(silent.Port);
        settings["Smtp:TimeoutSeconds"] = "1";
        await using var factory = new PortalFactory(database.ConnectionString, settings);
        _ = factory.Services;

        var email = await TestEmails.EnqueueAsync(factory, "返事のないサーバー");

        var row = await TestEmails.WaitForAsync(factory, email.Id, e => e.Attempts >= 3, TimeSpan.FromSeconds(60));
        Assert.Equal(OutboundEmailState.Pending, row.State);
        Assert.Equal("No answer from the SMTP server within 1 seconds.", row.LastError);
        Assert.True(silent.Connections >= 3, $"{silent.Connections} connections for {row.Attempts} attempts.");
    }

    [Fact]
    public async Task StoppingThePortalWhileASendHangsEndsItAtOnceAndHandsTheMessageBack()
    {
        await using var silent = new SilentSmtpServer();
        await using var database = await TestDatabase.CreateAsync();
        var settings = SmtpServer.PortalSettingsFor(silent.Port);
        settings["Smtp:TimeoutSeconds"] = "300";
        var factory = new PortalFactory(database.ConnectionString, settings);
        _ = factory.Services;
        var email = await TestEmails.EnqueueAsync(factory, "止まったサーバー");
        await TestEmails.WaitForAsync(factory, email.Id, e => e.State == OutboundEmailState.Sending);
        await Eventually.UntilAsync(() => Task.FromResult(silent.Connections > 0), TimeSpan.FromSeconds(10), () => "The sender never connected.");

        // The host gives its services 30 seconds to stop; a send that ignored cancellation would use them all (or 300).
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await factory.DisposeAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"Stopping took {stopping.Elapsed}.");

        var row = await database.ScalarAsync<string>("SELECT state FROM outbound_emails WHERE id = @id", ("id", email.Id));
        Assert.Equal(nameof(OutboundEmailState.Pending), row);
    }
}
