using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using MailKit.Security;

namespace CrossBorderConsumerCenter.UnitTests.Email;

/// <summary>Reading the mailbox: the key a message is stored under, the signal and the kinds of failure.</summary>
public class InboundMailTests
{
    [Fact]
    public void TheKeyIsTheMessageIdWithoutItsBracketsAndTheSubjectIsDecoded()
    {
        var raw = "Message-ID:  <abc.123@mail.example.jp>\r\nFrom: =?UTF-8?B?5bGx55Sw?= <Hanako@Example.jp>\r\nSubject: =?UTF-8?B?44GU55u46KuH?=\r\n\r\nbody\r\n"u8.ToArray();
        var read = InboundMailStore.Read(raw);
        Assert.Equal("abc.123@mail.example.jp", read.Key);
        Assert.Equal("Hanako@Example.jp", read.From);
        Assert.Equal("ご相談", read.Subject);
    }

    [Fact]
    public void AMessageWithoutMessageIdIsKeyedByTheHashOfItsBytes()
    {
        var raw = "From: someone@example.jp\r\nSubject: no id\r\n\r\nbody\r\n"u8.ToArray();
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw)), InboundMailStore.Read(raw).Key);
        Assert.Equal("someone@example.jp", InboundMailStore.Read(raw).From);
    }

    [Fact]
    public void AMessageIdLongerThanTheColumnIsKeyedByItsHashSoCopiesStillMeet()
    {
        var id = new string('x', 300) + "@example.jp";
        var first = InboundMailStore.Read(Encoding.ASCII.GetBytes($"Message-ID: <{id}>\r\n\r\none\r\n")).Key;
        var second = InboundMailStore.Read(Encoding.ASCII.GetBytes($"Received: by relay\r\nMessage-ID: <{id}>\r\n\r\none\r\n")).Key;
        Assert.Equal(first, second);
        Assert.StartsWith(InboundMailStore.LongIdPrefix, first, StringComparison.Ordinal);
        Assert.True(first.Length <= 255);
    }

    [Fact]
    public void ControlCharactersNeverReachTheStoredSubject()
    {
        var read = InboundMailStore.Read("Subject: a\u0000b\r\n\r\n"u8.ToArray());
        Assert.Equal("ab", read.Subject);
    }

    [Fact]
    public void TheHeadersOfAMessageEndAtItsFirstEmptyLine()
    {
        Assert.Equal("A: 1\r\nB: 2\r\n\r\n"u8.ToArray(), FolderInbox.HeadersOf("A: 1\r\nB: 2\r\n\r\nbody\r\n\r\nmore"u8.ToArray()));
        Assert.Equal("A: 1\n\n"u8.ToArray(), FolderInbox.HeadersOf("A: 1\n\nbody"u8.ToArray()));
        Assert.Equal("A: 1\r\nB: 2"u8.ToArray(), FolderInbox.HeadersOf("A: 1\r\nB: 2"u8.ToArray()));
    }

    [Fact]
    public async Task ASignalGivenBeforeTheWaitIsKeptAndWakesTheNextWaitAtOnce()
    {
        using var signal = new InboundMailSignal();
        signal.Notify();
        signal.Notify();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));

        // Two notifications are one wake-up: the next wait runs to its bound.
        started.Restart();
        await signal.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task ASignalWakesAWaiter()
    {
        using var signal = new InboundMailSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        signal.Notify();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public static TheoryData<Exception, InboundMailErrorKind> Failures() => new()
    {
        { new SocketException((int)SocketError.ConnectionRefused), InboundMailErrorKind.Connection },
        { new AuthenticationException("Authentication failed."), InboundMailErrorKind.Authentication },
        { new SslHandshakeException("untrusted"), InboundMailErrorKind.Tls },
        { new MailKit.FolderNotFoundException("INBOX"), InboundMailErrorKind.Folder },
        { new TimeoutException(), InboundMailErrorKind.Timeout },
        { new Npgsql.NpgsqlException("down"), InboundMailErrorKind.Database },
        { new IOException("disk"), InboundMailErrorKind.File },
        { new InvalidOperationException(), InboundMailErrorKind.Unexpected },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void EachFailureHasAKindForTheLog(Exception failure, InboundMailErrorKind kind) => Assert.Equal(kind, InboundMailReader.Classify(failure));
}
