using System.Diagnostics;
using System.Globalization;
using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Imap;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Utils;
using Xunit.Abstractions;

namespace CrossBorderConsumerCenter.BrowserTests.InboundMail;

/// <summary>
/// A question answered by email, end to end: staff ask the consumer from the case page, the email leaves through a real
/// SMTP server, the consumer's mail program answers it with a photo, the answer lands in the center's mailbox (a real
/// Dovecot, read with IDLE), and the case page shows it: back in progress, the answer on the timeline with the quoted
/// history folded away, the photo among the evidence. The time from the answer's arrival in the mailbox to the case's
/// change is written to the test output.
/// </summary>
public class ReplyByEmailTests(ReplyByEmailTests.Fixture portal, ITestOutputHelper output) : IClassFixture<ReplyByEmailTests.Fixture>
{
    /// <summary>The portal on Kestrel sending through aiosmtpd, reading the center's mailbox on Dovecot, processing what it reads.</summary>
    public sealed class Fixture : BrowserFixture
    {
        /// <summary>The center's mailbox: the Dovecot account. Reply addresses add "+" and the case to its local part.</summary>
        public static readonly string ReplyAddress = ImapServer.UserName + "@ccj.test";

        public SmtpServer Smtp { get; private set; } = null!;

        public ImapServer Imap { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Smtp = await SmtpServer.StartAsync();
            Imap = await ImapServer.StartAsync();
            await base.InitializeAsync();
        }

        protected override PortalFactory CreateFactory(string connectionString)
        {
            var settings = new Dictionary<string, string?>(Smtp.PortalSettings);
            foreach (var (key, value) in Imap.PortalSettings)
            {
                settings[key] = value;
            }

            settings["Portal:BaseUrl"] = "http://127.0.0.1/";
            settings["Email:Inbound:Enabled"] = "true";
            settings["InboundMail:ReplyAddress"] = ReplyAddress;
            settings["InboundMail:ReplyTokenKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            return new PortalFactory(connectionString, settings);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (Imap is not null)
            {
                await Imap.DisposeAsync();
            }

            if (Smtp is not null)
            {
                await Smtp.DisposeAsync();
            }
        }
    }

    /// <summary>A real 96×64 JPEG (a parcel with its label, drawn in blocks), as a phone's camera would attach it.</summary>
    private static readonly byte[] Photo = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQ"
        + "AAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB"
        + "UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWi"
        + "AAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM"
        + "ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk"
        + "//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCABAAGADASIAAhEBAxEB/8QAGQABAQEBAQEAAAAAAAAAAAAABwAE"
        + "BQYD/8QANBAAAQECBw4HAQAAAAAAAAAAABESFQMEBhRkouEBAgUTFhchMkFTZaTR4iMkQ1FUYaGj/8QAGAEBAQEBAQAAAAAAAAAAAAAAAAMCAQT/xAAiEQACAQMEAwEBAAAAAAAAAAAAAhIBE2EDEU"
        + "FRIWKhgTL/2gAMAwEAAhEDEQA/AEQiCkg7wKokhWIKSJ38FLORWIKSF/As5FYgpIX8CzkViCkhfwLORWIKRWKI8ybpEgpFYKSevwU0eT30rZUZNzTyU5nDfqsMss/V1db8PO50OC812HbwtHJJYaxT"
        + "zhMdiVY0Qt6iouqntcOc7pAbqtD9T0zXshBujLnQ4LzXYWdDgvNdhqd0gN1Wh+pO6QG6rQ/UTXsQboy50OC812HopJSoyknfkptN2PVbaaa+riav6cd3SA3VaH6nRwTHJJYFxrshMTjkb0Qt8qKmsv"
        + "vdE17EG6PUkcfKjAvzf5X/AELKjAvzf5X/AEE17EG6DcVgpFY82hyX1uCCkVgpGvwNHkyx2OTRjw2212oiGV8UevYao7HJox4bba7URDK+KPXsCJuu8d/067bV/rb8J8UevYT4o9ewnxR69hPij17D"
        + "UPT6Zn7fCfFHr2E+KPXsN8WhpxF72FZZaXQq7T6k6slK7R+lKUavmXw5b4o9ew1RKOTtvw2GE2qqmojNWWtPFDtFalfNSFYKRWKaHJPW4IKRWIo6TJo8QpIViJ2MlL2ApIViFjIvYCkhWIWMi9gKSF"
        + "YhYyL2ApFYiKIkCbvI/9k=");

    private const string Question = "注文確認メールの画面を写真で送ってください。";
    private const string Answer = "注文確認の画面の写真を添付します。\n注文番号は A-1001 です。";
    private const string PhotoName = "IMG_0001.jpg";

    /// <summary>How long the staff member keeps reloading: well under both the processor's 30 s look and IDLE's restart, so a lost wake-up fails.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TheConsumerAnswersTheQuestionByEmailWithAPhotoAndTheCasePageShowsTheAnswer()
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var c = await TestCases.ReceiveAsync(portal.Factory);
        var casePath = $"/staff/cases/{c.Number}";
        var clock = portal.Factory.Services.GetRequiredService<TimeProvider>();

        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, "ja", async page =>
        {
            await page.GotoAsync(casePath);
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);

            // The question: the case waits for the consumer, and the email goes out through the SMTP server.
            await page.Locator("#action-RequestInformation summary").ClickAsync();
            await page.FillAsync("#RequestInformation_Message", Question);
            await page.Locator("#action-RequestInformation button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Equal("相談者の回答待ち", (await page.Locator("[data-field=status]").TextContentAsync())!.Trim());
            var asked = await SentQuestionAsync(c.Id);
            Assert.StartsWith(ImapServer.UserName + "+", MailboxAddress.Parse(asked.Header("Reply-To")!).Address, StringComparison.Ordinal);
            Assert.Contains(Question, asked.Text, StringComparison.Ordinal);

            // The consumer's answer reaches the center's mailbox: a mail server delivers cases' plus-addresses to the
            // account itself, which here is an APPEND to its INBOX. The reader is idling on that folder by now.
            await WaitUntilTheMailboxIsReadAsync();
            await portal.Imap.AppendAsync(ReplyTo(asked));
            var appendedAt = clock.GetUtcNow();
            var sinceAppend = Stopwatch.StartNew();

            // The staff member reloads the case page until the answer is there.
            var answered = page.Locator("[data-kind=ConsumerReplied]");
            while (await answered.CountAsync() == 0)
            {
                Assert.True(sinceAppend.Elapsed < AnswerWithin, $"No answer on the case page {AnswerWithin.TotalSeconds:F0} s after the APPEND.\nDovecot's log:\n{portal.Imap.Log}");
                await Task.Delay(250);
                await page.ReloadAsync();
            }

            var seenOnPage = sinceAppend.Elapsed;

            Assert.Equal("対応中", (await page.Locator("[data-field=status]").TextContentAsync())!.Trim());
            Assert.Equal("InProgress", await StatusAsync(c.Number));
            Assert.Equal("ConsumerReplied", await page.Locator(".timeline > li").First.GetAttributeAsync("data-kind"));
            Assert.Contains("メール", await answered.Locator("[data-field=reply-via]").TextContentAsync(), StringComparison.Ordinal);

            // What the consumer wrote is shown; the history their mail program quoted is folded away, closed.
            var text = answered.Locator(".timeline__text");
            Assert.True(await text.IsVisibleAsync());
            Assert.Equal(Answer, await text.InnerTextAsync());
            var quoted = answered.Locator("details.timeline__quoted");
            Assert.Equal(1, await quoted.CountAsync());
            Assert.False(await quoted.EvaluateAsync<bool>("d => d.open"));
            Assert.Contains(Question, await quoted.TextContentAsync(), StringComparison.Ordinal);
            Assert.False(await quoted.Locator(".case-text").IsVisibleAsync());

            // The photo is the case's evidence now, and its preview shows it.
            var evidence = page.Locator(".case-evidence__item", new PageLocatorOptions { HasText = PhotoName });
            Assert.Equal(1, await evidence.CountAsync());
            await evidence.Locator(".case-evidence__preview").ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("() => { const img = document.querySelector('.case-evidence__preview'); return img.complete && img.naturalWidth === 96; }");

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= BrowserSession.Desktop.Width, $"The case page is {scrollWidth}px wide.");
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, "case-page-answered-by-email-ja-1280");

            await ReportLatencyAsync(c.Id, appendedAt, seenOnPage);
        });
    }

    /// <summary>The question as the SMTP server received it (found by the Message-ID the portal gave it).</summary>
    private async Task<ReceivedMessage> SentQuestionAsync(Guid caseId)
    {
        var messageId = await QueryAsync(db => db.OutboundEmails.Where(e => e.CaseId == caseId && e.Template == RequestInformation.Email.TemplateName)
            .Select(e => e.MessageId).SingleAsync());
        ReceivedMessage? sent = null;
        await Eventually.UntilAsync(async () =>
        {
            sent = (await portal.Smtp.ReadAllAsync()).SingleOrDefault(m => m.MessageId == messageId);
            return sent is not null;
        }, TimeSpan.FromSeconds(30), () => $"The question ({messageId}) never reached the SMTP server.");
        return sent!;
    }

    /// <summary>
    /// The consumer's answer as a mail program writes it: from the address asked, to the question's Reply-To, in its thread, "Re:" before its
    /// subject, the answer above the question quoted under an attribution line (Gmail's Japanese one), a photo attached.
    /// </summary>
    private static MimeMessage ReplyTo(ReceivedMessage asked)
    {
        var original = MailboxAddress.Parse(asked.Header("From")!);
        var sentAt = DateUtils.TryParse(asked.Header("Date"), out var date) ? date : throw new InvalidOperationException("The question has no Date.");
        var inJapan = sentAt.ToOffset(TimeSpan.FromHours(9));
        var japanese = CultureInfo.GetCultureInfo("ja-JP");
        var attribution = $"{inJapan.ToString("yyyy年M月d日(ddd) H:mm", japanese)} {original.Name} <{original.Address}>:";
        var quoted = string.Join('\n', asked.Text!.ReplaceLineEndings("\n").TrimEnd().Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));

        var reply = new MimeMessage { Subject = "Re: " + asked.Subject, MessageId = MimeUtils.GenerateMessageId("mail.example.jp") };
        reply.From.Add(new MailboxAddress("山田 太郎", MailboxAddress.Parse(asked.Header("To")!).Address));
        reply.To.AddRange(InternetAddressList.Parse(asked.Header("Reply-To")!));
        var thread = asked.MessageId!.Trim('<', '>');
        reply.InReplyTo = thread;
        reply.References.Add(thread);
        reply.Body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = $"{Answer}\n\n{attribution}\n{quoted}\n" },
            new MimePart("image", "jpeg")
            {
                Content = new MimeContent(new MemoryStream(Photo)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = PhotoName,
            },
        };
        return reply;
    }

    /// <summary>The reader has read the mailbox through once since it started, so it is idling on the folder (or about to).</summary>
    private Task WaitUntilTheMailboxIsReadAsync() =>
        Eventually.UntilAsync(
            () => Task.FromResult(portal.Factory.Services.GetRequiredService<InboundMailStatus>().Current.Checks > 0),
            TimeSpan.FromSeconds(20),
            () => $"The portal never read the mailbox.\nDovecot's log:\n{portal.Imap.Log}");

    /// <summary>
    /// Writes how long the answer took: from the APPEND's OK to the row stored (the reader, woken by IDLE), to the row
    /// processed and the case's timeline line (the processor, woken by the reader), and to the page showing it. Every
    /// time is read from the portal's own clock or a stopwatch, never compared with a date.
    /// </summary>
    private async Task ReportLatencyAsync(Guid caseId, DateTimeOffset appendedAt, TimeSpan seenOnPage)
    {
        var mail = await QueryAsync(db => db.InboundEmails.AsNoTracking().SingleAsync(m => m.CaseId == caseId));
        var line = await QueryAsync(db => db.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.ConsumerReplied));
        Assert.Equal((InboundEmailState.Attached, InboundEmailKind.Reply, InboundEmailSender.Consumer), (mail.State, mail.Kind, mail.Sender));
        Assert.NotNull(mail.ProcessedAt);

        static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";
        output.WriteLine($"APPEND OK → stored (received_at): {Ms(mail.ReceivedAt - appendedAt)}");
        output.WriteLine($"stored → processed (processed_at): {Ms(mail.ProcessedAt.Value - mail.ReceivedAt)}");
        output.WriteLine($"APPEND OK → processed_at: {Ms(mail.ProcessedAt.Value - appendedAt)}");
        output.WriteLine($"APPEND OK → timeline line (case_events.at): {Ms(line.At - appendedAt)}");
        output.WriteLine($"APPEND OK → seen on the reloaded page: {Ms(seenOnPage)}");
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<string> StatusAsync(string number) =>
        portal.Database.ScalarAsync<string>("SELECT status FROM cases WHERE number = @n", ("n", number));
}
