using System.Globalization;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>
/// What the SMTP transport does with real servers (aiosmtpd on loopback): implicit TLS and STARTTLS with a certificate
/// the portal is told to trust, one authenticated connection for a batch, SMTPUTF8 when a message needs it, and a
/// connection dropped in the middle of a batch.
/// </summary>
public class SmtpTransportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("ccc-smtp-tls-").FullName;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ImplicitTlsWithTheServersSelfSignedCertificateTrustedDeliversAndWithoutItTheMessageWaits()
    {
        var certificate = TestCertificate.ForLoopback();
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerFeatures(Certificate: certificate, ImplicitTls: true));

        // Not trusted: the handshake fails, the message waits for the operator (a settings problem, never dead-lettered).
        await using (var untrusted = Portal(smtp, Security("Implicit")))
        {
            var waiting = await TestEmails.EnqueueAsync(untrusted, "信頼されない証明書");
            Assert.Equal(1, await SendAsync(untrusted));
            var row = await TestEmails.ReadAsync(untrusted, waiting.Id);
            Assert.Equal(OutboundEmailState.Pending, row.State);
            Assert.StartsWith("No TLS connection with the SMTP server (check Smtp:Security and Smtp:TrustedCertificatePath)", row.LastError, StringComparison.Ordinal);
            Assert.Equal(0, smtp.Count);
        }

        await using var trusted = Portal(smtp, Security("Implicit", certificate.WriteCertificate(_folder)));
        var email = await TestEmails.EnqueueAsync(trusted, "暗号化された接続で");
        while (await SendAsync(trusted) > 0)
        {
        }

        Assert.Equal(OutboundEmailState.Sent, (await TestEmails.ReadAsync(trusted, email.Id)).State);
        var received = await smtp.WaitForAsync(1);
        Assert.Contains(received, m => m.MessageId == email.MessageId && m.Subject == "暗号化された接続で");
    }

    [Fact]
    public async Task ACertificateOtherThanTheTrustedOneIsRefused()
    {
        // The portal trusts one certificate; the server presents another, made for the same names by someone else.
        var presented = TestCertificate.ForLoopback();
        var trustedOther = TestCertificate.ForLoopback();
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerFeatures(Certificate: presented, ImplicitTls: true));
        await using var portal = Portal(smtp, Security("Implicit", trustedOther.WriteCertificate(_folder)));

        var email = await TestEmails.EnqueueAsync(portal, "別の証明書");
        Assert.Equal(1, await SendAsync(portal));

        Assert.Equal(OutboundEmailState.Pending, (await TestEmails.ReadAsync(portal, email.Id)).State);
        Assert.Equal(0, smtp.Count);
    }

    [Fact]
    public async Task ABatchGoesOverOneStartTlsConnectionWithOneLogin()
    {
        var certificate = TestCertificate.ForLoopback();
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerFeatures(Certificate: certificate, Login: ("ccj-relay", "s3cret-pass")));
        var settings = Security("StartTls", certificate.WriteCertificate(_folder));
        settings["Smtp:UserName"] = "ccj-relay";
        settings["Smtp:Password"] = "s3cret-pass";
        settings["Email:Outbox:MaxParallelSends"] = "1";
        await using var portal = Portal(smtp, settings);
        await TestEmails.EnqueueManyAsync(portal, 12);
        var connectionsBefore = smtp.Connections;

        Assert.Equal(12, await SendAsync(portal));

        Assert.Equal(12L, await TestEmails.CountAsync(_database, OutboundEmailState.Sent));
        Assert.Equal(12, (await smtp.WaitForAsync(12)).Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(1, smtp.Connections - connectionsBefore);
        Assert.Equal(1, smtp.Logins);
    }

    [Fact]
    public async Task AWrongPasswordKeepsTheMessageWaitingForTheOperator()
    {
        var certificate = TestCertificate.ForLoopback();
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerFeatures(Certificate: certificate, Login: ("ccj-relay", "s3cret-pass")));
        var settings = Security("StartTls", certificate.WriteCertificate(_folder));
        settings["Smtp:UserName"] = "ccj-relay";
        settings["Smtp:Password"] = "wrong";
        await using var portal = Portal(smtp, settings);
        var email = await TestEmails.EnqueueAsync(portal, "パスワード違い");

        Assert.Equal(1, await SendAsync(portal));

        var row = await TestEmails.ReadAsync(portal, email.Id);
        Assert.Equal(OutboundEmailState.Pending, row.State);
        Assert.StartsWith("The SMTP server refused Smtp:UserName and Smtp:Password", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressWithJapaneseBeforeTheAtGoesOutWithSmtpUtf8WhenTheServerOffersIt()
    {
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerFeatures(SmtpUtf8: true));
        await using var portal = Portal(smtp, Security("None"));
        var email = await TestEmails.EnqueueAsync(portal, "国際化メールアドレス", recipients: EmailRecipients.ForAddress("山田太郎@例え.jp"));

        Assert.Equal(1, await SendAsync(portal));

        Assert.Equal(OutboundEmailState.Sent, (await TestEmails.ReadAsync(portal, email.Id)).State);
        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Contains("山田太郎@", message.To, StringComparison.Ordinal);
        Assert.Equal("国際化メールアドレス", message.Subject);
    }

    [Fact]
    public async Task WithoutSmtpUtf8SuchAnAddressIsDeadLetteredWithTheReasonAndOtherMessagesStillGo()
    {
        await using var smtp = await SmtpServer.StartAsync(new SmtpServerFeatures(SmtpUtf8: false));
        await using var portal = Portal(smtp, Security("None"));
        var international = await TestEmails.EnqueueAsync(portal, "届けられない宛先", recipients: EmailRecipients.ForAddress("山田太郎@example.jp"));
        var plain = await TestEmails.EnqueueAsync(portal, "普通の宛先");

        Assert.Equal(2, await SendAsync(portal));

        var refused = await TestEmails.ReadAsync(portal, international.Id);
        Assert.Equal(OutboundEmailState.DeadLettered, refused.State);
        Assert.Contains("does not offer SMTPUTF8", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboundEmailState.Sent, (await TestEmails.ReadAsync(portal, plain.Id)).State);
        Assert.Equal([plain.MessageId], (await smtp.WaitForAsync(1)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task AConnectionDroppedInTheMiddleOfABatchLosesNothingAndSendsNothingTwice()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var settings = Security("None");
        settings["Email:Outbox:MaxParallelSends"] = "1";
        await using var portal = Portal(smtp, settings);
        await TestEmails.EnqueueManyAsync(portal, 8);

        // The third message's DATA is answered by a closed connection: the server never said it took it.
        smtp.Script(SmtpStage.Data, SmtpServer.DropConnection, times: 1, after: 2);
        var connectionsBefore = smtp.Connections;
        Assert.Equal(8, await SendAsync(portal));
        Assert.Equal(1, smtp.ScriptedRepliesGiven);
        Assert.Equal(7L, await TestEmails.CountAsync(_database, OutboundEmailState.Sent));
        Assert.Equal(2, smtp.Connections - connectionsBefore); // the rest of the batch went over a new connection
        var dropped = await _database.ScalarAsync<string>("SELECT last_error FROM outbound_emails WHERE state = 'Pending'");
        Assert.Contains("unexpectedly disconnected", dropped, StringComparison.Ordinal);

        // The retry delivers it; every message arrived exactly once.
        await Eventually.UntilAsync(async () => await SendAsync(portal) > 0 && await TestEmails.CountAsync(_database, OutboundEmailState.Sent) == 8,
            TimeSpan.FromSeconds(30), () => "The dropped message was not sent again.");
        var received = await smtp.WaitForAsync(8);
        Assert.Equal(8, received.Count);
        Assert.Equal(8, received.Select(m => m.MessageId).Distinct().Count());
    }

    private static async Task<int> SendAsync(PortalFactory portal) => await portal.Services.GetRequiredService<EmailSender>().SendDueAsync(default);

    /// <summary>The portal's settings for <paramref name="smtp"/> with the background sender off (the test sends), retries within a second.</summary>
    private PortalFactory Portal(SmtpServer smtp, Dictionary<string, string?> settings)
    {
        var all = SmtpServer.PortalSettingsFor(smtp.Port);
        all["Email:Outbox:Enabled"] = "false";
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var portal = new PortalFactory(_database.ConnectionString, all);
        _ = portal.Services;
        return portal;
    }

    private static Dictionary<string, string?> Security(string security, string? trustedCertificate = null) => new()
    {
        ["Smtp:Security"] = security,
        ["Smtp:TrustedCertificatePath"] = trustedCertificate,
        ["Smtp:TimeoutSeconds"] = 10.ToString(CultureInfo.InvariantCulture),
    };
}
