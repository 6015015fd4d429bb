using System.Security.Cryptography;
using CrossBorderConsumerCenter.Testing.Imap;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static CrossBorderConsumerCenter.IntegrationTests.Inbound.InboundMail;

namespace CrossBorderConsumerCenter.IntegrationTests.Inbound;

/// <summary>
/// The portal reads the center's mailbox (a real Dovecot): each message is stored once, as received, then moved to the
/// Processed folder; whatever a sender wrote, nothing is dropped.
/// </summary>
public class ImapInboxTests
{
    [Fact]
    public async Task AMessageThatArrivesIsStoredOnceAsReceivedAndMovedToProcessed()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider();
        await using var factory = new PortalFactory(database.ConnectionString, imap.PortalSettings)
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var raw = Bytes(Reply("<reply-1@mail.example.jp>", subject: "Re: 【CCJ-2026-000123】ご相談について"));
        var uid = await imap.AppendAsync(raw);
        _ = factory.Services;

        await ReadThroughAsync(database, imap, stored: 1, processed: 1);

        var row = Assert.Single(await RowsAsync(factory));
        Assert.Equal("reply-1@mail.example.jp", row.MessageKey);
        Assert.Equal(InboundEmailSource.Imap, row.Source);
        Assert.Equal("INBOX", row.MailboxFolder);
        Assert.Equal(uid, row.Uid);
        Assert.NotNull(row.UidValidity);
        Assert.Equal(raw, row.Raw);
        Assert.Equal(raw.Length, row.RawSize);
        Assert.False(row.RawTruncated);
        Assert.Equal("hanako.yamada@example.jp", row.FromAddress);
        Assert.Equal("Re: 【CCJ-2026-000123】ご相談について", row.Subject);
        Assert.Equal(InboundEmailState.Pending, row.State);
        Assert.Equal(clock.GetUtcNow(), row.ReceivedAt);
        Assert.Equal(clock.GetUtcNow(), row.NextAttemptAt);

        var moved = Assert.Single(await imap.ListAsync("Processed"));
        Assert.Equal(raw, moved.Raw);
        Assert.Contains("Processed", await imap.FoldersAsync());
        Assert.Equal(1, Status(factory).Current.Stored);
    }

    [Fact]
    public async Task TheSameMessageIdArrivingTwiceIsStoredOnceAndBothCopiesAreMoved()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        // The sender's server delivered it twice: the second copy went through one more relay.
        var first = Bytes(Reply("<twice@mail.example.jp>"));
        byte[] second = [.. "Received: from relay.example.jp by mx.ccj.test; resent\r\n"u8, .. first];
        await imap.AppendAsync(first);
        await imap.AppendAsync(second);
        await using var factory = new PortalFactory(database.ConnectionString, imap.PortalSettings);
        _ = factory.Services;

        await ReadThroughAsync(database, imap, stored: 1, processed: 2);

        var row = Assert.Single(await RowsAsync(factory));
        Assert.Equal("twice@mail.example.jp", row.MessageKey);
        Assert.Equal(first, row.Raw);
    }

    [Fact]
    public async Task AMessageLargerThanTheLimitKeepsItsHeadersOnlyAndItsWholeSize()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var settings = imap.PortalSettings;
        settings["Imap:MaxMessageBytes"] = "4096";
        var large = Bytes(Reply("<large@mail.example.jp>", body: string.Concat(Enumerable.Repeat("添付の写真をご確認ください。\n", 2000))));
        await imap.AppendAsync(large);
        await using var factory = new PortalFactory(database.ConnectionString, settings);
        _ = factory.Services;

        await ReadThroughAsync(database, imap, stored: 1, processed: 1);

        var row = Assert.Single(await RowsAsync(factory));
        Assert.True(row.RawTruncated);
        Assert.Equal(large.Length, row.RawSize);
        var headerEnd = large.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        Assert.Equal(large[..headerEnd], row.Raw);
        Assert.Equal("large@mail.example.jp", row.MessageKey);
        Assert.Equal("hanako.yamada@example.jp", row.FromAddress);
        Assert.Equal(large, Assert.Single(await imap.ListAsync("Processed")).Raw);
    }

    [Fact]
    public async Task BytesThatAreNoReadableMessageAreStoredUnderTheirHash()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        // IMAP carries any byte but NUL in a message (RFC 3501); a lone CR or LF the server would make a CRLF.
        byte[] garbage = [.. "\u0001\u0002 no header here\r\n\u00ff\u00fe"u8, .. RandomNumberGenerator.GetBytes(300).Select(b => b is 0 or 10 or 13 ? (byte)1 : b), .. "\r\n"u8];
        await imap.AppendAsync(garbage);
        await using var factory = new PortalFactory(database.ConnectionString, imap.PortalSettings);
        _ = factory.Services;

        await ReadThroughAsync(database, imap, stored: 1, processed: 1);

        var row = Assert.Single(await RowsAsync(factory));
        Assert.Equal(garbage, row.Raw);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(garbage)), row.MessageKey);
        Assert.Null(row.FromAddress);
        Assert.Null(row.Subject);
        Assert.False(row.RawTruncated);
    }

    [Fact]
    public async Task AMessageStoredJustBeforeAStopIsMovedByTheNextRunAndNotStoredAgain()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var raw = Bytes(Reply("<crash@mail.example.jp>"));
        var uid = await imap.AppendAsync(raw);

        // The state a stop between storing and moving leaves: the row committed, the message still in INBOX.
        Guid storedId;
        await using (var before = new PortalFactory(database.ConnectionString))
        {
            var store = before.Services.GetRequiredService<InboundMailStore>();
            Assert.True(await store.StoreAsync(new InboundMessage(raw, raw.Length, false, InboundEmailSource.Imap, "INBOX", null, uid), CancellationToken.None));
            storedId = Assert.Single(await RowsAsync(before)).Id;
        }

        Assert.Equal(1, await imap.CountAsync("INBOX"));

        await using var factory = new PortalFactory(database.ConnectionString, imap.PortalSettings);
        _ = factory.Services;
        await ReadThroughAsync(database, imap, stored: 1, processed: 1);

        Assert.Equal(storedId, Assert.Single(await RowsAsync(factory)).Id);
        await Eventually.UntilAsync(() => Task.FromResult(Status(factory).Current.Checks > 0), TimeSpan.FromSeconds(10), () => "The reader never read the folder through.");
        Assert.Equal(0, Status(factory).Current.Stored);
    }

    [Fact]
    public async Task WithoutIdleAndMoveTheReaderPollsAndMovesByCopyDeleteAndExpunge()
    {
        await using var imap = await ImapServer.StartAsync(new ImapServerFeatures(Idle: false, Move: false));
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PortalFactory(database.ConnectionString, imap.PortalSettings);
        _ = factory.Services;
        await Eventually.UntilAsync(() => Task.FromResult(Status(factory).Current.Checks > 0), TimeSpan.FromSeconds(20), () => $"The reader never read the folder.\n{imap.Log}");

        await imap.AppendAsync(Reply("<polled-1@mail.example.jp>"));
        await imap.AppendAsync(Reply("<polled-2@mail.example.jp>"));

        await ReadThroughAsync(database, imap, stored: 2, processed: 2);
        Assert.Equal(["polled-1@mail.example.jp", "polled-2@mail.example.jp"], (await RowsAsync(factory)).Select(r => r.MessageKey).Order());
        Assert.True(Status(factory).Current.Checks > 1, "Reading without IDLE polls again and again.");
    }

    [Fact]
    public async Task TheReaderUsesStartTlsOnThePlainPortWhenTold()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var settings = imap.PortalSettings;
        settings["Imap:Port"] = imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Imap:Security"] = "StartTls";
        await imap.AppendAsync(Reply("<starttls@mail.example.jp>"));
        await using var factory = new PortalFactory(database.ConnectionString, settings);
        _ = factory.Services;

        await ReadThroughAsync(database, imap, stored: 1, processed: 1);
        Assert.Contains("TLS", imap.Log, StringComparison.Ordinal);
    }
}
