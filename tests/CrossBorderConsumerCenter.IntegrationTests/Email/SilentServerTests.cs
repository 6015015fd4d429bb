using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>
/// A server that accepts the connection and never answers. SmtpClient's async send ignores its Timeout, so
/// without our own bound the sender would wait forever; with it, the attempt fails, is retried, and the
/// sender keeps going.
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
}
