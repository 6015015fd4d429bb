using CrossBorderConsumerCenter.Testing.Imap;
using static CrossBorderConsumerCenter.IntegrationTests.Inbound.InboundMail;

namespace CrossBorderConsumerCenter.IntegrationTests.Inbound;

/// <summary>Several instances of the portal may read the same mailbox at once; each message is still one row.</summary>
public class ImapReaderInstancesTests
{
    [Fact]
    public async Task TwoReadersOnOneMailboxStoreEachMessageOnce()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        // Some messages wait before the readers start (both see them at once), more arrive while they run.
        for (var i = 0; i < 20; i++)
        {
            await imap.AppendAsync(Reply($"<waiting-{i}@mail.example.jp>"));
        }

        await using var first = new PortalFactory(database.ConnectionString, imap.PortalSettings);
        await using var second = new PortalFactory(database.ConnectionString, imap.PortalSettings);
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));
        for (var i = 0; i < 20; i++)
        {
            await imap.AppendAsync(Reply($"<arriving-{i}@mail.example.jp>"));
        }

        // Two readers moving one message at the same moment can both copy it into Processed (the server's MOVE is a
        // copy and an expunge): an extra copy there is harmless; the rows are what counts.
        await ReadThroughAsync(database, imap, stored: 40, moved => moved >= 40, "at least 40", TimeSpan.FromSeconds(60));

        var rows = await RowsAsync(first);
        Assert.Equal(40, rows.Select(r => r.MessageKey).Distinct().Count());
        Assert.Equal(40, Status(first).Current.Stored + Status(second).Current.Stored);
        // On a busy machine one host may still be logging in when the other has read everything: both get there.
        await Eventually.UntilAsync(() => Task.FromResult(Status(first).Current.Checks > 0 && Status(second).Current.Checks > 0), TimeSpan.FromSeconds(30),
            () => $"Both readers read the mailbox through: {Status(first).Current}; {Status(second).Current}");
        var processed = await imap.ListAsync("Processed");
        Assert.Equal(40, processed.Select(m => m.MessageId).Distinct().Count());
    }
}
