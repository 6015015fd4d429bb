using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Utils;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

/// <summary>A message as read from the mailbox (or the pickup folder), before it is stored.</summary>
/// <param name="Raw">The bytes as received: the whole message, or its headers only when <paramref name="Truncated"/>.</param>
/// <param name="Size">The size of the whole message in bytes.</param>
/// <param name="Truncated">Larger than Imap:MaxMessageBytes: only the headers were read.</param>
/// <param name="Source">The IMAP mailbox or the pickup folder.</param>
/// <param name="Folder">The IMAP folder it was read from.</param>
/// <param name="UidValidity">The folder's UIDVALIDITY when it was read.</param>
/// <param name="Uid">The message's UID in that folder.</param>
public sealed record InboundMessage(byte[] Raw, int Size, bool Truncated, InboundEmailSource Source, string? Folder = null, long? UidValidity = null, long? Uid = null);

/// <summary>
/// Stores a message read from the mailbox, exactly once: the row's key is the message's Message-ID (or a hash of its
/// bytes when it has none), unique in the table, and the insert does nothing when the key is already there. So a
/// message read twice (the portal stopped after storing it but before moving it, two instances read the same folder,
/// the sender's server sent it twice) is one row. Only what finding the row needs is read from the message (its
/// Message-ID, sender and subject); a message that cannot be read is stored all the same, as bytes, so nothing a
/// sender wrote is ever dropped. Each new row wakes the processor (<see cref="InboundMailSignal"/>).
/// </summary>
public sealed class InboundMailStore(IServiceScopeFactory scopes, TimeProvider clock, InboundMailSignal signal, InboundMailStatus status)
{
    /// <summary>The key's prefix when the message has no usable Message-ID: the SHA-256 of its bytes follows.</summary>
    public const string HashPrefix = "sha256:";

    /// <summary>The key's prefix for a Message-ID longer than the column: the SHA-256 of the Message-ID follows, so copies still meet.</summary>
    public const string LongIdPrefix = "sha256-id:";

    /// <summary>Stores the message unless a message with its key is already stored; true when this call stored it.</summary>
    public async Task<bool> StoreAsync(InboundMessage message, CancellationToken ct)
    {
        var read = Read(message.Raw);
        var email = new InboundEmail(Guid.CreateVersion7(), read.Key, message.Source, message.Folder, message.UidValidity, message.Uid,
            message.Raw, message.Size, message.Truncated, read.From, read.Subject, clock.GetUtcNow());

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO inbound_emails (id, message_key, source, mailbox_folder, uid_validity, uid, received_at, raw, raw_size, raw_truncated,
                                        from_address, subject, state, attempts, next_attempt_at)
            VALUES ({email.Id}, {email.MessageKey}, {email.Source.ToString()}, {email.MailboxFolder}, {email.UidValidity}, {email.Uid},
                    {email.ReceivedAt}, {email.Raw}, {email.RawSize}, {email.RawTruncated}, {email.FromAddress}, {email.Subject},
                    {email.State.ToString()}, {email.Attempts}, {email.NextAttemptAt})
            ON CONFLICT (message_key) DO NOTHING
            """, ct);
        if (inserted == 0)
        {
            return false;
        }

        status.Stored();
        signal.Notify();
        return true;
    }

    /// <summary>The key, sender address and subject of a message, as far as its headers can be read.</summary>
    public static InboundHeaders Read(byte[] raw)
    {
        HeaderList headers;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            headers = HeaderList.Load(stream);
        }
        catch (Exception ex) when (ex is FormatException or ParseException)
        {
            return new InboundHeaders(HashOf(raw), null, null);
        }

        return new InboundHeaders(KeyOf(headers, raw), FromOf(headers), SubjectOf(headers));
    }

    private static string KeyOf(HeaderList headers, byte[] raw)
    {
        var value = headers[HeaderId.MessageId];
        var id = string.IsNullOrWhiteSpace(value) ? null : MimeUtils.ParseMessageId(value) ?? value.Trim().Trim('<', '>').Trim();
        if (string.IsNullOrEmpty(id) || id.Any(char.IsControl))
        {
            return HashOf(raw);
        }

        return id.Length <= InboundEmail.MaxKeyLength ? id : LongIdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }

    private static string? FromOf(HeaderList headers)
    {
        var value = headers[HeaderId.From];
        if (string.IsNullOrWhiteSpace(value) || !InternetAddressList.TryParse(value, out var addresses))
        {
            return null;
        }

        return Clean(addresses.Mailboxes.FirstOrDefault()?.Address);
    }

    private static string? SubjectOf(HeaderList headers)
    {
        var header = headers.FirstOrDefault(h => h.Id == HeaderId.Subject);
        return header is null ? null : Clean(header.Value.Trim());
    }

    /// <summary>PostgreSQL's text holds no NUL; other control characters say nothing to staff either.</summary>
    private static string? Clean(string? value) =>
        string.IsNullOrEmpty(value) ? value : new string(value.Where(c => !char.IsControl(c) || c is '\t').ToArray());

    private static string HashOf(byte[] raw) => HashPrefix + Convert.ToHexStringLower(SHA256.HashData(raw));
}

/// <param name="Key">The Message-ID without angle brackets, or a hash (<see cref="InboundMailStore.HashPrefix"/>).</param>
/// <param name="From">The first address of From, when it can be read.</param>
/// <param name="Subject">The subject, decoded.</param>
public sealed record InboundHeaders(string Key, string? From, string? Subject);
