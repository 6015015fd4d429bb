using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrossBorderConsumerCenter.IntegrationTests.InboundMail;

/// <summary>
/// The portal on a clock that stands still, a staff member signed in once for the class, and messages stored in the
/// mailbox's table as the processor leaves them (real RFC 822 bytes written by MimeKit, the state and kind set).
/// </summary>
public sealed class MailPagesFixture : SignedInStaffFixture
{
    /// <summary>A received case (a valid Japanese complaint about a US shop).</summary>
    public Task<Case> ReceiveAsync() => TestCases.ReceiveAsync(Factory);

    /// <summary>A case whose staff asked the consumer a question: it waits for their answer.</summary>
    public async Task<Case> WaitingForConsumerAsync()
    {
        var received = await ReceiveAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == received.Id);
        c.RequestInformation("注文確認メールを送ってください。", CaseActor.Staff(Staff.Id, Staff.DisplayName), Clock.GetUtcNow());
        await db.SaveChangesAsync();
        Assert.Equal(CaseStatus.WaitingForConsumer, c.Status);
        return c;
    }

    public Task<Case> ReadCaseAsync(Guid id) => QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    public Task<InboundEmail> ReadMailAsync(Guid id) => QueryAsync(db => db.InboundEmails.AsNoTracking().SingleAsync(m => m.Id == id));

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A plain-text message with files, as a mail client writes it.</summary>
    public static MimeMessage Message(string from, string subject, string text, params (string Name, string ContentType, byte[] Bytes)[] files)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.jp"), Date = TestTime.Today };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("consult@ccj.test"));
        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, contentType, bytes) in files)
        {
            body.Attachments.Add(name, bytes, ContentType.Parse(contentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Stores <paramref name="message"/> as the processor leaves it: waiting for staff unless told otherwise.</summary>
    public Task<Guid> StoreAsync(MimeMessage message, InboundEmailState state = InboundEmailState.Unmatched, InboundEmailKind? kind = InboundEmailKind.Reply,
        Guid? caseId = null, string? lastError = null, TimeSpan? ago = null) =>
        StoreAsync(Factory, message, state, kind, caseId, lastError, ago);

    /// <summary>Stores <paramref name="message"/> in <paramref name="factory"/>'s database, received <paramref name="ago"/> before the portal's now.</summary>
    public static async Task<Guid> StoreAsync(PortalFactory factory, MimeMessage message, InboundEmailState state = InboundEmailState.Unmatched,
        InboundEmailKind? kind = InboundEmailKind.Reply, Guid? caseId = null, string? lastError = null, TimeSpan? ago = null)
    {
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var raw = bytes.ToArray();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var at = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow() - (ago ?? TimeSpan.Zero);
        var mail = new InboundEmail(Guid.CreateVersion7(), message.MessageId ?? Guid.NewGuid().ToString(), InboundEmailSource.Folder, null, null, null,
            raw, raw.Length, rawTruncated: false, message.From.Mailboxes.FirstOrDefault()?.Address, message.Subject, at)
        {
            State = state,
            Kind = kind,
            Sender = InboundEmailSender.Unknown,
            CaseId = caseId,
            LastError = lastError,
            Attempts = lastError is null ? 1 : 8,
            ProcessedAt = at,
        };
        db.InboundEmails.Add(mail);
        await db.SaveChangesAsync();
        return mail.Id;
    }
}
