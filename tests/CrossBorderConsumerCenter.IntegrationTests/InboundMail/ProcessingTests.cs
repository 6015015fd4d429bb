using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Features.InboundMail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrossBorderConsumerCenter.IntegrationTests.InboundMail;

/// <summary>
/// What a message from the mailbox does once stored: a consumer's answer to the reminder takes the case back to staff
/// with its photo as evidence and nothing is closed; a partner's answer moves the case to "partner responded"; an
/// out-of-office reply and a stranger's mail change nothing; a bounce marks the email and tells the assignee; each
/// message is processed once, also by two processors at once.
/// </summary>
public class ProcessingTests(RepliesReadFixture portal) : IClassFixture<RepliesReadFixture>
{
    private const string Consumer = "hanako.reply@example.jp";

    /// <summary>The first bytes of a JPEG (what the evidence checks read), and enough after them to be a photo's size.</summary>
    private static readonly byte[] Photo = Testing.Photos.ImageFiles.Jpeg(4107);

    [Fact]
    public async Task TheConsumerAnswersTheReminderByEmailWithAPhotoAndTheCaseGoesBackToStaffAndIsNotClosed()
    {
        var (c, reminder) = await WaitingWithReminderAsync();

        var reply = Reply(reminder, Consumer, "領収書の写真を添付します。\n\nOn Tue, 1 Dec 2026 at 10:00, 越境消費者センター wrote:\n> 領収書の写真を送ってください。");
        AddPhoto(reply, "IMG_0001.jpg");
        var mail = await StoreAsync(reply);
        Assert.Equal(ProcessInboundMail.Result.Processed, await ProcessAsync());

        var after = await portal.ReadCaseAsync(c.Id);
        Assert.Equal(CaseStatus.InProgress, after.Status);
        var line = await LatestEventAsync(c.Id);
        Assert.Equal(CaseEventKind.ConsumerReplied, line.Kind);
        Assert.Equal(new CaseEventData.ConsumerReplied(1, ReplyChannel.Email, mail.Id), line.ReadData());
        Assert.StartsWith("領収書の写真を添付します。", line.Text, StringComparison.Ordinal);
        Assert.Equal(1, await portal.QueryAsync(db => db.CaseEvidence.CountAsync(e => e.CaseId == c.Id)));
        var stored = await ReadMailAsync(mail.Id);
        Assert.Equal((InboundEmailState.Attached, InboundEmailKind.Reply, InboundEmailSender.Consumer, c.Id), (stored.State, stored.Kind, stored.Sender, stored.CaseId));
        Assert.Single(await portal.EmailsAsync(c.Id, MailReceivedEmail.TemplateName));

        // The no-reply clock stopped: long after the reply-by day, nothing closes the case.
        portal.Clock.Advance(TimeSpan.FromDays(30));
        await portal.RunClocksAsync();
        Assert.NotEqual(CaseStatus.Closed, (await portal.ReadCaseAsync(c.Id)).Status);
    }

    [Fact]
    public async Task ThePartnerAnswersTheForwardByEmailAndTheCaseWaitsForStaffToReadWhatTheMerchantDid()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var session = client;
        var c = await portal.ReceiveAsync();
        await portal.ForwardAsync(c, client: client);
        var forward = await portal.LatestForwardEmailAsync(c.Id);

        var answer = Reply(forward, "another.desk@" + forward.ToAddresses[0].Split('@')[1], "The merchant agreed to refund in full.");
        var mail = await StoreAsync(answer);
        await ProcessAsync();

        Assert.Equal(CaseStatus.PartnerResponded, (await portal.ReadCaseAsync(c.Id)).Status);
        var line = await LatestEventAsync(c.Id);
        var data = Assert.IsType<CaseEventData.PartnerResponded>(line.ReadData());
        Assert.Equal((null, null, ReplyChannel.Email, mail.Id), ((PartnerOutcome?)data.Outcome, data.LinkId, data.Via, data.MailId));
        Assert.Equal(CaseActorKind.Partner, line.ActorKind);
    }

    [Fact]
    public async Task AnOutOfOfficeReplyIsKeptButNeverAnswersTheQuestionNorIsAnswered()
    {
        var (c, reminder) = await WaitingWithReminderAsync();
        var auto = Reply(reminder, Consumer, "I am away until Monday.");
        auto.Headers.Add("Auto-Submitted", "auto-replied");
        var mail = await StoreAsync(auto);
        var emailsBefore = await portal.QueryAsync(db => db.OutboundEmails.CountAsync());
        await ProcessAsync();

        Assert.Equal(CaseStatus.WaitingForConsumer, (await portal.ReadCaseAsync(c.Id)).Status);
        var stored = await ReadMailAsync(mail.Id);
        Assert.Equal((InboundEmailState.Ignored, InboundEmailKind.AutoReply, c.Id), (stored.State, stored.Kind, stored.CaseId));
        Assert.Equal(emailsBefore, await portal.QueryAsync(db => db.OutboundEmails.CountAsync()));
    }

    [Fact]
    public async Task ABounceMarksTheEmailNotDeliveredPutsItOnTheCaseAndTellsTheAssignee()
    {
        var (c, reminder) = await WaitingWithReminderAsync();
        var bounce = DeliveryReport(reminder, Consumer);
        var mail = await StoreAsync(bounce);
        await ProcessAsync();

        var email = await portal.QueryAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == reminder.Id));
        Assert.NotNull(email.BouncedAt);
        Assert.Contains("5.1.1", email.BounceStatus, StringComparison.Ordinal);
        var line = await LatestEventAsync(c.Id);
        Assert.Equal(CaseEventKind.DeliveryFailed, line.Kind);
        Assert.Equal(Consumer, Assert.IsType<CaseEventData.DeliveryFailed>(line.ReadData()).Recipient);
        Assert.Equal(CaseStatus.WaitingForConsumer, (await portal.ReadCaseAsync(c.Id)).Status);
        var notice = Assert.Single(await portal.EmailsAsync(c.Id, DeliveryFailedEmail.TemplateName));
        Assert.Contains(Consumer, notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(InboundEmailKind.Bounce, (await ReadMailAsync(mail.Id)).Kind);
    }

    [Fact]
    public async Task AReplyFromAnAddressTheCaseDoesNotKnowWaitsForStaffWithTheCaseSuggested()
    {
        var (c, reminder) = await WaitingWithReminderAsync();
        var mail = await StoreAsync(Reply(reminder, "someone.else@example.com", "I am the consumer's friend."));
        await ProcessAsync();

        Assert.Equal(CaseStatus.WaitingForConsumer, (await portal.ReadCaseAsync(c.Id)).Status);
        var stored = await ReadMailAsync(mail.Id);
        Assert.Equal((InboundEmailState.Unmatched, InboundEmailSender.Unknown, c.Id), (stored.State, stored.Sender, stored.CaseId));
    }

    [Fact]
    public async Task TheCaseNumberInTheSubjectPlacesAMessageFromTheConsumerWithoutAnyThread()
    {
        var (c, _) = await WaitingWithReminderAsync();
        var message = NewMessage(Consumer, "cases@ccj.test", $"{c.Number} の件", "追加の情報です。");
        var mail = await StoreAsync(message);
        await ProcessAsync();

        Assert.Equal(CaseStatus.InProgress, (await portal.ReadCaseAsync(c.Id)).Status);
        Assert.Equal(InboundEmailState.Attached, (await ReadMailAsync(mail.Id)).State);

        var stranger = await StoreAsync(NewMessage("who@example.com", "cases@ccj.test", $"Re: {c.Number}", "hello"));
        await ProcessAsync();
        Assert.Equal(InboundEmailState.Unmatched, (await ReadMailAsync(stranger.Id)).State);
    }

    [Fact]
    public async Task MailThatNamesNoCaseAndUnreadableBytesWaitForStaff()
    {
        var plain = await StoreAsync(NewMessage(Consumer, "cases@ccj.test", "質問があります", "こんにちは"));
        var garbage = await StoreAsync(null, [0x00, 0x01, 0x02, 0xFF]);
        await ProcessAsync();
        await ProcessAsync();

        Assert.Equal(InboundEmailState.Unmatched, (await ReadMailAsync(plain.Id)).State);
        var unreadable = await ReadMailAsync(garbage.Id);
        Assert.Equal((InboundEmailState.Unmatched, InboundEmailKind.Malformed), (unreadable.State, unreadable.Kind));
    }

    [Fact]
    public async Task TwoProcessorsAtOnceProcessEachMessageOnce()
    {
        // Asked and reminded together: a later case's wait would otherwise run past an earlier one's deadline.
        var cases = await WaitingWithRemindersAsync(6);

        foreach (var (_, reminder) in cases)
        {
            await StoreAsync(Reply(reminder, Consumer, "回答です。"));
        }

        async Task<int> RunAsync()
        {
            var processed = 0;
            while (await ProcessAsync() == ProcessInboundMail.Result.Processed)
            {
                processed++;
            }

            return processed;
        }

        var counts = await Task.WhenAll(RunAsync(), RunAsync());
        Assert.Equal(cases.Count, counts.Sum());
        foreach (var (c, _) in cases)
        {
            Assert.Equal(1, await portal.QueryAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.ConsumerReplied)));
        }

        Assert.Equal(ProcessInboundMail.Result.NoneDue, await ProcessAsync());
    }

    /// <summary>A case whose consumer was asked a question and reminded (the reminder carries the case's reply address).</summary>
    private async Task<(Case Case, OutboundEmail Reminder)> WaitingWithReminderAsync() => (await WaitingWithRemindersAsync(1))[0];

    private async Task<IReadOnlyList<(Case Case, OutboundEmail Reminder)>> WaitingWithRemindersAsync(int count)
    {
        var asked = portal.Clock.GetUtcNow();
        var cases = new List<Case>();
        for (var i = 0; i < count; i++)
        {
            var c = await portal.ReceiveAsync();
            await portal.ChangeAsync(c.Id, (x, actor, now) => x.Assign(portal.Staff.Id, portal.Staff.DisplayName, actor, now));
            await portal.QueryAsync(db => db.Cases.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsumerEmail, Consumer)));
            cases.Add(await portal.ChangeAsync(c.Id, (x, actor, now) => x.RequestInformation("領収書の写真を送ってください。", actor, now)));
        }

        portal.Clock.SetUtcNow(asked + CaseClocks.ConsumerReplyPeriod + TimeSpan.FromMinutes(1));
        await portal.RunClocksAsync();
        var reminded = new List<(Case, OutboundEmail)>();
        foreach (var c in cases)
        {
            reminded.Add((await portal.ReadCaseAsync(c.Id), Assert.Single(await portal.EmailsAsync(c.Id, RunCaseClocks.ReminderEmail.TemplateName))));
        }

        return reminded;
    }

    private static MimeMessage NewMessage(string from, string to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.jp") };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>A reply as a mail client writes it: to the Reply-To, in the thread of the email answered.</summary>
    private static MimeMessage Reply(OutboundEmail answered, string from, string text)
    {
        var message = NewMessage(from, answered.ReplyTo!, "Re: " + answered.Subject, text);
        message.InReplyTo = answered.MessageId.Trim('<', '>');
        message.References.Add(answered.MessageId.Trim('<', '>'));
        return message;
    }

    private static void AddPhoto(MimeMessage message, string name)
    {
        var body = new Multipart("mixed") { message.Body! };
        body.Add(new MimePart("image", "jpeg") { Content = new MimeContent(new MemoryStream(Photo)), ContentDisposition = new ContentDisposition(ContentDisposition.Attachment), ContentTransferEncoding = ContentEncoding.Base64, FileName = name });
        message.Body = body;
    }

    /// <summary>A delivery-status notification (RFC 3464) for <paramref name="failed"/>, as a receiving MTA returns it.</summary>
    private static MimeMessage DeliveryReport(OutboundEmail failed, string recipient)
    {
        var report = new MimeMessage { Subject = "Undelivered Mail Returned to Sender", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mx.example.jp") };
        report.From.Add(MailboxAddress.Parse("MAILER-DAEMON@mx.example.jp"));
        report.To.Add(MailboxAddress.Parse("consult@ccj.test"));
        report.Headers.Add("Auto-Submitted", "auto-replied");
        var status = new MessageDeliveryStatus();
        status.StatusGroups.Add(new HeaderList { new Header("Reporting-MTA", "dns; mx.example.jp") });
        status.StatusGroups.Add(new HeaderList
        {
            new Header("Final-Recipient", "rfc822; " + recipient),
            new Header("Action", "failed"),
            new Header("Status", "5.1.1"),
            new Header("Diagnostic-Code", "smtp; 550 5.1.1 user unknown"),
        });
        var headers = new MimeMessage { MessageId = failed.MessageId.Trim('<', '>'), Subject = failed.Subject };
        var original = new TextRfc822Headers { Message = headers };
        report.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Your message could not be delivered." }, status, original };
        return report;
    }

    private async Task<InboundEmail> StoreAsync(MimeMessage? message, byte[]? bytes = null)
    {
        if (message is not null)
        {
            using var stream = new MemoryStream();
            await message.WriteToAsync(stream);
            bytes = stream.ToArray();
        }

        var now = portal.Clock.GetUtcNow();
        var mail = new InboundEmail(Guid.CreateVersion7(now), message?.MessageId ?? "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes!)),
            InboundEmailSource.Folder, null, null, null, bytes!, bytes!.Length, false, message?.From.Mailboxes.FirstOrDefault()?.Address, message?.Subject, now);
        await portal.QueryAsync(async db =>
        {
            db.InboundEmails.Add(mail);
            return await db.SaveChangesAsync();
        });
        return mail;
    }

    private async Task<ProcessInboundMail.Result> ProcessAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProcessInboundMail>().ProcessNextAsync(CancellationToken.None);
    }

    private Task<InboundEmail> ReadMailAsync(Guid id) => portal.QueryAsync(db => db.InboundEmails.AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<CaseEvent> LatestEventAsync(Guid caseId) =>
        portal.QueryAsync(db => db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).FirstAsync());
}
