using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>
/// One pass of the sender at a time, on a clock the test moves: backoff and the retry period, leases of
/// senders that stopped, claims that were lost, shutdown, and the pickup folder. The background loop is off.
/// </summary>
public sealed class EmailSenderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = TestTime.Today;
    private readonly FakeTimeProvider _clock = new(Start);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ATemporaryFailureIsRetriedWithGrowingWaitsUntilTheRetryPeriodEndsThenDeadLettered()
    {
        await using var factory = Portal(SmtpAt(SmtpServer.FreePort())); // nothing listens there
        var sender = factory.Services.GetRequiredService<EmailSender>();
        var email = await TestEmails.EnqueueAsync(factory, "届かないメール");

        Assert.Equal(1, await sender.SendDueAsync(default));
        var row = await TestEmails.ReadAsync(factory, email.Id);
        Assert.Equal((OutboundEmailState.Pending, 1), (row.State, row.Attempts));
        Assert.InRange(row.NextAttemptAt, Start.AddMinutes(1), Start.AddMinutes(2));
        Assert.StartsWith("No connection to the SMTP server (127.0.0.1:", row.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await sender.SendDueAsync(default)); // not due yet

        _clock.SetUtcNow(row.NextAttemptAt);
        Assert.Equal(1, await sender.SendDueAsync(default));
        row = await TestEmails.ReadAsync(factory, email.Id);
        Assert.Equal((OutboundEmailState.Pending, 2), (row.State, row.Attempts));
        Assert.InRange(row.NextAttemptAt - _clock.GetUtcNow(), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4));

        _clock.SetUtcNow(Start.AddHours(47.5));
        Assert.Equal(1, await sender.SendDueAsync(default));
        row = await TestEmails.ReadAsync(factory, email.Id);
        Assert.Equal((OutboundEmailState.Pending, 3), (row.State, row.Attempts));
        Assert.InRange(row.NextAttemptAt, Start.AddHours(47.5).AddMinutes(1), Start.AddHours(48));

        _clock.SetUtcNow(Start.AddHours(48));
        Assert.Equal(1, await sender.SendDueAsync(default));
        row = await TestEmails.ReadAsync(factory, email.Id);
        Assert.Equal((OutboundEmailState.DeadLettered, 4), (row.State, row.Attempts));
        Assert.Equal(Start.AddHours(48), row.LastAttemptAt);
    }

    [Fact]
    public async Task AMessageLeftSendingByASenderThatStoppedIsClaimedAgainWhenItsLeaseRunsOut()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var factory = Portal(SmtpAt(smtp.Port));
        var sender = factory.Services.GetRequiredService<EmailSender>();
        var email = await TestEmails.EnqueueAsync(factory, "止まった送信者のメール");
        await _database.ScalarAsync<int>(
            "UPDATE outbound_emails SET state = 'Sending', locked_until = @until, claim_token = gen_random_uuid() WHERE id = @id RETURNING 1",
            ("until", Start.AddMinutes(5)), ("id", email.Id));

        Assert.Equal(0, await sender.SendDueAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sender.SendDueAsync(default));

        var row = await TestEmails.ReadAsync(factory, email.Id);
        Assert.Equal((OutboundEmailState.Sent, 1), (row.State, row.Attempts));
        Assert.Equal(email.MessageId, Assert.Single(await smtp.WaitForAsync(1)).MessageId);
    }

    [Fact]
    public async Task AnOutcomeIsNotRecordedWhenAnotherSenderHasClaimedTheMessageMeanwhile()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var otherClaim = Guid.NewGuid();
        await using var factory = Portal(SmtpAt(smtp.Port)).WithServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IEmailTransport>(sp =>
                new ClaimedMeanwhile(ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp), _database, otherClaim))));
        var sender = factory.Services.GetRequiredService<EmailSender>();
        var email = await TestEmails.EnqueueAsync(factory, "二つの送信者");

        Assert.Equal(1, await sender.SendDueAsync(default));

        var row = await TestEmails.ReadAsync(factory, email.Id);
        Assert.Equal((OutboundEmailState.Sending, 0, otherClaim), (row.State, row.Attempts, row.ClaimToken));
    }

    [Fact]
    public async Task StoppingTheSenderHandsItsUnfinishedClaimsBackAtOnce()
    {
        await using var silent = new SilentSmtpServer();
        await using var factory = Portal(SmtpAt(silent.Port));
        var sender = factory.Services.GetRequiredService<EmailSender>();
        var email = await TestEmails.EnqueueAsync(factory, "停止中のメール");
        using var stopping = new CancellationTokenSource();

        var pass = sender.SendDueAsync(stopping.Token);
        await Eventually.UntilAsync(() => Task.FromResult(silent.Connections == 1), TimeSpan.FromSeconds(10), () => "The sender did not connect.");
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);
        var row = await TestEmails.ReadAsync(factory, email.Id);
        Assert.Equal((OutboundEmailState.Pending, 0, null, null), (row.State, row.Attempts, row.ClaimToken, row.LockedUntil));
    }

    [Fact]
    public async Task ASentMessageKeepsNoSecretInItsStoredCopyWhileOneNotYetSentKeepsItForTheNextAttempt()
    {
        const string secret = "Tr4ck-token_0123456789abcdefghijklmnopqrstuv";
        var body = $"ご相談の状況: https://ccj.example.jp/track/{secret}\n控え: {secret}";

        OutboundEmail failing;
        await using (var down = Portal(SmtpAt(SmtpServer.FreePort()))) // nothing listens there
        {
            failing = await TestEmails.EnqueueAsync(down, "届かないリンク", body, redactAfterSending: [secret]);
            Assert.Equal(1, await down.Services.GetRequiredService<EmailSender>().SendDueAsync(default));
            var pending = await TestEmails.ReadAsync(down, failing.Id);
            Assert.Equal(OutboundEmailState.Pending, pending.State);
            Assert.Contains($"/track/{secret}", pending.TextBody, StringComparison.Ordinal);
            Assert.Equal([secret], pending.RedactAfterSending);
        }

        await using var smtp = await SmtpServer.StartAsync();
        await using var factory = Portal(SmtpAt(smtp.Port));
        var email = await TestEmails.EnqueueAsync(factory, "リンクのお知らせ", body, redactAfterSending: [secret]);
        _clock.Advance(TimeSpan.FromMinutes(5)); // the first one's next attempt is due
        Assert.Equal(2, await factory.Services.GetRequiredService<EmailSender>().SendDueAsync(default)); // the earlier one too

        var received = await smtp.WaitForAsync(2);
        Assert.All(received, m => Assert.Contains($"/track/{secret}", m.Text, StringComparison.Ordinal));
        foreach (var id in new[] { failing.Id, email.Id })
        {
            var row = await TestEmails.ReadAsync(factory, id);
            Assert.Equal(OutboundEmailState.Sent, row.State);
            Assert.DoesNotContain(secret, row.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, row.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"/track/{OutboundEmail.RedactedMark}", row.TextBody, StringComparison.Ordinal);
            Assert.Empty(row.RedactAfterSending);
        }

        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE text_body LIKE '%' || @s || '%' OR html_body LIKE '%' || @s || '%'", ("s", secret)));
    }

    [Fact]
    public async Task WithoutAnSmtpHostMessagesAreWrittenAsEmlFilesIntoThePickupFolder()
    {
        await using var factory = Portal(new Dictionary<string, string?>());
        var email = await TestEmails.EnqueueAsync(factory, "開発用のメール");

        Assert.Equal(1, await factory.Services.GetRequiredService<EmailSender>().SendDueAsync(default));

        Assert.Equal(OutboundEmailState.Sent, (await TestEmails.ReadAsync(factory, email.Id)).State);
        var eml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(factory.MailPickupDirectory, "*.eml")));
        Assert.Contains($"Message-ID: {email.MessageId}", eml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Subject: =?utf-8?B?", eml, StringComparison.OrdinalIgnoreCase);
    }

    private PortalFactory Portal(Dictionary<string, string?> settings) =>
        new PortalFactory(_database.ConnectionString, settings).WithServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));

    /// <summary>SMTP settings for a port, with the default retry schedule (a minute to an hour, for 48 hours).</summary>
    private static Dictionary<string, string?> SmtpAt(int port) => new()
    {
        ["Smtp:Host"] = SmtpServer.Host,
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
    };

    /// <summary>While the message is being sent, another sender claims it (as if our lease had run out).</summary>
    private sealed class ClaimedMeanwhile(IEmailTransport real, TestDatabase database, Guid otherClaim) : IEmailTransport
    {
        public IEmailConnection Open() => new Connection(real.Open(), database, otherClaim);

        private sealed class Connection(IEmailConnection real, TestDatabase database, Guid otherClaim) : IEmailConnection
        {
            public async Task<SendResult> SendAsync(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, CancellationToken ct)
            {
                await database.ScalarAsync<int>("UPDATE outbound_emails SET claim_token = @claim WHERE id = @id RETURNING 1", ("claim", otherClaim), ("id", email.Id));
                return await real.SendAsync(email, attachments, ct);
            }

            public ValueTask DisposeAsync() => real.DisposeAsync();
        }
    }
}
