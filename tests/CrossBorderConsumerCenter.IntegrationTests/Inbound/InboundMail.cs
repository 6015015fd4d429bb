using CrossBorderConsumerCenter.Testing.Imap;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrossBorderConsumerCenter.IntegrationTests.Inbound;

/// <summary>What the inbound mail tests share: replies as senders write them, the stored rows, waiting for the reader.</summary>
internal static class InboundMail
{
    /// <summary>A consumer's reply, as their mail program would write it.</summary>
    public static MimeMessage Reply(string messageId, string subject = "Re: 【CCJ】ご相談について", string body = "返信します。\nよろしくお願いします。")
    {
        var message = new MimeMessage
        {
            MessageId = messageId,
            Subject = subject,
            Body = new TextPart("plain") { Text = body },
        };
        message.From.Add(new MailboxAddress("山田 花子", "hanako.yamada@example.jp"));
        message.To.Add(new MailboxAddress("越境消費者センター", "consult@ccj.test"));
        return message;
    }

    /// <summary>The message as it travels and as IMAP serves it: lines end in CRLF.</summary>
    public static byte[] Bytes(MimeMessage message)
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(format, stream);
        return stream.ToArray();
    }

    public static async Task<List<InboundEmail>> RowsAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.InboundEmails.AsNoTracking().OrderBy(e => e.Uid).ThenBy(e => e.ReceivedAt).ToListAsync();
    }

    public static Task<long> CountAsync(TestDatabase database) => database.ScalarAsync<long>("SELECT count(*) FROM inbound_emails");

    /// <summary>Waits until <paramref name="stored"/> rows exist and the mailbox's INBOX is empty: everything read was stored and moved.</summary>
    public static async Task ReadThroughAsync(TestDatabase database, ImapServer imap, long stored, int processed, TimeSpan? timeout = null) =>
        await ReadThroughAsync(database, imap, stored, moved => moved == processed, $"{processed}", timeout);

    /// <summary>As above, with a condition on the number of messages in Processed.</summary>
    public static async Task ReadThroughAsync(TestDatabase database, ImapServer imap, long stored, Func<int, bool> processed, string expected, TimeSpan? timeout = null)
    {
        var inbox = -1;
        var moved = -1;
        long rows = -1;
        await Eventually.UntilAsync(async () =>
        {
            rows = await CountAsync(database);
            inbox = await imap.CountAsync("INBOX");
            moved = await imap.CountAsync("Processed");
            return rows == stored && inbox == 0 && processed(moved);
        }, timeout ?? TimeSpan.FromSeconds(30), () => $"Expected {stored} rows, an empty INBOX and {expected} in Processed; found {rows} rows, {inbox} in INBOX, {moved} in Processed.\nDovecot's log:\n{imap.Log}");
    }

    public static InboundMailStatus Status(PortalFactory factory) => factory.Services.GetRequiredService<InboundMailStatus>();
}
