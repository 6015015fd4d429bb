using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>
/// The background sender delivering to Debian's aiosmtpd on loopback; the messages are read back decoded by
/// Python's email package, an independent MIME implementation.
/// </summary>
public class EmailDeliveryTests(SendingPortalFixture portal) : IClassFixture<SendingPortalFixture>
{
    private static readonly DateTimeOffset Now = TestTime.Today;

    [Fact]
    public async Task AMessageThatRollsBackIsNeverSentAndOneThatCommitsIsDeliveredOnceIntact()
    {
        portal.Smtp.AcceptEverything();
        var rolledBackSubject = "【取消】送られてはならないメール " + Guid.NewGuid();
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<EmailOutbox>()
                .Enqueue(composer.FromText(rolledBackSubject, "本文", "ja"), "Test", TestEmails.Consumer, "ja");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // Long enough that the encoded subject must be folded over several encoded words.
        var subject = "【越境消費者センター】ご相談を受け付けました（受付番号 CCJ-2026-000123）海外事業者との交渉状況について " + Guid.NewGuid();
        var body = "山田 太郎 様\n\nご相談を受け付けました。担当者からの連絡をお待ちください。\n迷惑メールフォルダもご確認ください。";
        var photo = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7 % 256)).ToArray();
        var receipt = "Order #123, ¥12,800 — 領収書\n"u8.ToArray();
        var sent = await TestEmails.EnqueueAsync(portal.Factory, subject, body,
            new EmailRecipients(["taro@example.jp"], ["counselor@center.example.jp"]),
            [new StoredFile("破損した商品の写真（外箱）.png", "image/png", photo, Now), new StoredFile("receipt.txt", "text/plain", receipt, Now)]);

        await TestEmails.WaitForAsync(portal.Factory, sent.Id, e => e.State == OutboundEmailState.Sent);
        var received = (await portal.Smtp.ReadAllAsync()).Where(m => m.MessageId == sent.MessageId).ToList();
        var message = Assert.Single(received);

        Assert.Equal(subject, message.Subject);
        Assert.StartsWith("=?utf-8?", message.RawHeader("Subject")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("越境消費者センター Cross-Border Consumer Center Japan <no-reply@ccj.test>", message.Header("From"));
        Assert.Equal("taro@example.jp", message.To);
        Assert.Equal("counselor@center.example.jp", message.Header("Cc"));
        Assert.Equal("consult@ccj.test", message.Header("Reply-To"));
        Assert.StartsWith(body, message.Text!.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<p>ご相談を受け付けました。担当者からの連絡をお待ちください。<br>迷惑メールフォルダもご確認ください。</p>", message.Html, StringComparison.Ordinal);
        Assert.Collection(message.Attachments,
            a =>
            {
                Assert.Equal("破損した商品の写真（外箱）.png", a.FileName);
                Assert.Equal("image/png", a.ContentType);
                Assert.Equal(photo, a.Content);
            },
            a =>
            {
                Assert.Equal("receipt.txt", a.FileName);
                Assert.Equal(receipt, a.Content);
            });

        Assert.DoesNotContain(await portal.Smtp.ReadAllAsync(), m => m.Subject == rolledBackSubject);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE subject = @s", ("s", rolledBackSubject)));
    }

    [Fact]
    public async Task AServerThatAnswers451AtFirstGetsTheMessageAfterRetries()
    {
        portal.Smtp.Script(SmtpStage.Data, "451 4.3.0 Temporary local problem, try again later", times: 2);
        var email = await TestEmails.EnqueueAsync(portal.Factory, "451 のあとで届く " + Guid.NewGuid());

        var row = await TestEmails.WaitForAsync(portal.Factory, email.Id, e => e.State == OutboundEmailState.Sent);

        Assert.Equal(3, row.Attempts);
        Assert.Equal(2, portal.Smtp.ScriptedRepliesGiven);
        Assert.StartsWith("451 ", row.LastError, StringComparison.Ordinal);
        Assert.Contains("4.3.0 Temporary local problem", row.LastError, StringComparison.Ordinal);
        Assert.Single(await portal.Smtp.ReadAllAsync(), m => m.MessageId == email.MessageId);
    }

    [Fact]
    public async Task AServerThatAnswers550DeadLettersTheMessageWhichAdminsSeeAndSendAgainOnceTheServerAccepts()
    {
        portal.Smtp.Script(SmtpStage.Rcpt, "550 5.1.1 Mailbox unavailable");
        var email = await TestEmails.EnqueueAsync(portal.Factory, "550 で届かない " + Guid.NewGuid());

        var row = await TestEmails.WaitForAsync(portal.Factory, email.Id, e => e.State == OutboundEmailState.DeadLettered);

        Assert.Equal(1, row.Attempts);
        Assert.Equal(1, portal.Smtp.ScriptedRepliesGiven);
        Assert.StartsWith("550 ", row.LastError, StringComparison.Ordinal);
        Assert.Contains("5.1.1 Mailbox unavailable", row.LastError, StringComparison.Ordinal);
        Assert.Null(row.SentAt);
        Assert.Null(row.ClaimToken);
        Assert.DoesNotContain(await portal.Smtp.ReadAllAsync(), m => m.MessageId == email.MessageId);

        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync("/admin/email");
            var listed = page.Find($"#email-{email.Id}") ?? throw new InvalidOperationException("The dead letter is not on the page.");
            Assert.Contains("5.1.1 Mailbox unavailable", listed.TextContent, StringComparison.Ordinal);

            portal.Smtp.AcceptEverything();
            using var response = await admin.SubmitAsync(page, $"#email-{email.Id} form");
            Assert.Equal("/admin/email?list=DeadLettered", response.Headers.Location!.OriginalString);
        }

        var delivered = await TestEmails.WaitForAsync(portal.Factory, email.Id, e => e.State == OutboundEmailState.Sent);
        Assert.Equal(1, delivered.Attempts);
        Assert.Single(await portal.Smtp.ReadAllAsync(), m => m.MessageId == email.MessageId);
    }

    [Fact]
    public async Task ARecipientRefusedAmongTwoDoesNotMakeTheOtherGetItTwice()
    {
        portal.Smtp.Script(SmtpStage.Rcpt, "550 5.1.1 Mailbox unavailable", times: 1);
        var email = await TestEmails.EnqueueAsync(portal.Factory, "一人だけ届く " + Guid.NewGuid(), recipients: new(["gone@example.jp"], ["counselor@center.example.jp"]));

        var row = await TestEmails.WaitForAsync(portal.Factory, email.Id, e => e.State == OutboundEmailState.Sent);

        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("Delivered, but refused for 1 of 2 recipients: 550 ", row.LastError, StringComparison.Ordinal);
        var received = Assert.Single(await portal.Smtp.ReadAllAsync(), m => m.MessageId == email.MessageId);
        Assert.Equal("counselor@center.example.jp", received.Header("X-RcptTo"));
    }
}
