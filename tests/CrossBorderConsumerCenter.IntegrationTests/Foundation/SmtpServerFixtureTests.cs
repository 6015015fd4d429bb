using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using CrossBorderConsumerCenter.Testing.Smtp;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>The SMTP fixture itself: real aiosmtpd, messages read back decoded.</summary>
public class SmtpServerFixtureTests
{
    [Fact]
    public async Task ReceivesAMessageAndDecodesJapaneseSubjectBodiesAndAttachments()
    {
        await using var server = await SmtpServer.StartAsync();
        var attachmentBytes = Enumerable.Range(0, 3000).Select(i => (byte)(i % 251)).ToArray();

        using (var message = new MailMessage("from@ccj.test", "to@example.jp"))
        {
            message.Subject = "【受付】ご相談を受け付けました CCJ-2026-000001";
            message.SubjectEncoding = Encoding.UTF8;
            message.Headers.Add("Message-ID", "<fixture-1@ccj.test>");
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString("本文です。\nSecond line.", Encoding.UTF8, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString("<p>本文です。</p>", Encoding.UTF8, MediaTypeNames.Text.Html));
            message.Attachments.Add(new Attachment(new MemoryStream(attachmentBytes), "証拠写真.png", "image/png"));
            using var client = new SmtpClient(SmtpServer.Host, server.Port);
            await client.SendMailAsync(message);
        }

        var received = Assert.Single(await server.WaitForAsync(1));
        Assert.Equal("【受付】ご相談を受け付けました CCJ-2026-000001", received.Subject);
        Assert.StartsWith("=?utf-8?", received.RawHeader("Subject")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("<fixture-1@ccj.test>", received.MessageId);
        Assert.Equal("本文です。\nSecond line.", received.Text!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
        Assert.Contains("<p>本文です。</p>", received.Html, StringComparison.Ordinal);
        var attachment = Assert.Single(received.Attachments);
        Assert.Equal("証拠写真.png", attachment.FileName);
        Assert.Equal(attachmentBytes, attachment.Content);
    }

    [Fact]
    public async Task CanBeStoppedAndStartedAgainOnTheSamePort()
    {
        await using var server = await SmtpServer.StartAsync();
        await server.StopAsync();
        using (var client = new SmtpClient(SmtpServer.Host, server.Port))
        {
            await Assert.ThrowsAsync<SmtpException>(() => client.SendMailAsync("from@ccj.test", "to@example.jp", "down", "body"));
        }

        await server.StartAgainAsync();
        using (var client = new SmtpClient(SmtpServer.Host, server.Port))
        {
            await client.SendMailAsync("from@ccj.test", "to@example.jp", "up again", "body");
        }

        Assert.Equal("up again", Assert.Single(await server.WaitForAsync(1)).Subject);
    }
}
