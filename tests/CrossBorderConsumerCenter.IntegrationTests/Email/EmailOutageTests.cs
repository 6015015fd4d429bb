using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>Mail servers go down. What was queued meanwhile waits, retries, and goes out once, when the server is back.</summary>
public class EmailOutageTests
{
    [Fact]
    public async Task TwoHundredMessagesQueuedWhileTheServerIsDownAreAllDeliveredOnceItStarts()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await smtp.StopAsync();
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PortalFactory(database.ConnectionString, smtp.PortalSettings);
        _ = factory.Services;

        await TestEmails.EnqueueManyAsync(factory, 200);

        // Every message is tried against the closed port and waits for its retry.
        await Eventually.UntilAsync(
            async () => await database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE attempts > 0 AND state = 'Pending'") == 200,
            TimeSpan.FromSeconds(60), () => "Not every message was tried while the server was down.");
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE last_error NOT LIKE 'No connection to the SMTP server (127.0.0.1:%'"));

        await smtp.StartAgainAsync();
        await Eventually.UntilAsync(async () => await TestEmails.CountAsync(database, OutboundEmailState.Sent) == 200,
            TimeSpan.FromSeconds(90), () => "Not every message was delivered after the server came back.");
        await factory.DisposeAsync(); // the sender has stopped: nothing more can arrive

        var received = await smtp.ReadAllAsync();
        Assert.Equal(200, received.Count);
        Assert.Equal(200, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(200L, await database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE message_id = ANY(@ids)", ("ids", received.Select(m => m.MessageId!).ToArray())));
    }
}
