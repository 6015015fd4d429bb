using System.Security.Cryptography.X509Certificates;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

/// <summary>
/// The center's mailbox over IMAP (MailKit). One run connects (TLS per Imap:Security, trusting
/// Imap:TrustedCertificatePath besides the system's authorities), logs in, opens Imap:Folder read-write and creates
/// Imap:ProcessedFolder if it is missing; then, for as long as the connection lasts, reads the folder through and waits
/// for more. Each message is downloaded (its headers only above Imap:MaxMessageBytes), stored and committed, and only
/// then moved to the Processed folder: a message is never out of the folder before it is in the database. If the
/// portal stops between the two, the next run finds the message again, stores nothing new (the key is already there)
/// and moves it. Waiting uses IDLE when the server offers it (woken as soon as a message arrives, restarted every
/// Imap:IdleRestartMinutes) and polls every Imap:PollIntervalSeconds otherwise. Any failure ends the run;
/// <see cref="InboundMailReader"/> starts another after a pause.
/// </summary>
public sealed class ImapInbox(IOptions<ImapOptions> options, InboundMailStore store, InboundMailStatus status, TimeProvider clock) : IInbox
{
    private readonly Lazy<X509Certificate2?> _trusted = new(() =>
        string.IsNullOrWhiteSpace(options.Value.TrustedCertificatePath) ? null : X509Certificate2.CreateFromPem(File.ReadAllText(options.Value.TrustedCertificatePath)));

    public async Task RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        using var client = new ImapClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        if (_trusted.Value is { } trusted)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => TrustedCertificates.Accept(trusted, certificate, errors);
        }

        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings.Security), ct);
            await client.AuthenticateAsync(settings.UserName!, settings.Password!, ct);
            var folder = await client.GetFolderAsync(settings.Folder, ct);
            await folder.OpenAsync(FolderAccess.ReadWrite, ct);
            var processed = await ProcessedFolderAsync(client, settings.ProcessedFolder, ct);

            while (!ct.IsCancellationRequested)
            {
                await ReadThroughAsync(client, folder, processed, settings, ct);
                status.Checked(clock.GetUtcNow());
                if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
                {
                    await IdleAsync(client, folder, settings, ct);
                }
                else
                {
                    // The server tells of new messages only in answer to a command.
                    await Task.Delay(settings.PollInterval, clock, ct);
                    await client.NoOpAsync(ct);
                }
            }
        }
        finally
        {
            await LeaveAsync(client, settings);
        }
    }

    private static async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(name, ct);
        }
        catch (FolderNotFoundException)
        {
            // Created under the personal namespace's root, where INBOX usually lives ("Processed" or "INBOX.Processed"
            // depending on the server: Imap:ProcessedFolder names it as the server lists it).
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            try
            {
                return await root.CreateAsync(name, isMessageFolder: true, ct) ?? await client.GetFolderAsync(name, ct);
            }
            catch (ImapCommandException)
            {
                // Another instance created it a moment ago.
                return await client.GetFolderAsync(name, ct);
            }
        }
    }

    /// <summary>Every message now in the folder: downloaded, stored, then moved.</summary>
    private async Task ReadThroughAsync(ImapClient client, IMailFolder folder, IMailFolder processed, ImapOptions settings, CancellationToken ct)
    {
        if (folder.Count == 0)
        {
            return;
        }

        var messages = await folder.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, ct);
        foreach (var summary in messages)
        {
            ct.ThrowIfCancellationRequested();
            var message = await DownloadAsync(folder, summary, settings, ct);
            if (message is null)
            {
                continue; // gone meanwhile: another instance read and moved it
            }

            await store.StoreAsync(message, ct);
            await MoveAsync(client, folder, summary.UniqueId, processed, ct);
        }
    }

    private static async Task<InboundMessage?> DownloadAsync(IMailFolder folder, IMessageSummary summary, ImapOptions settings, CancellationToken ct)
    {
        var size = summary.Size is { } reported ? (long)reported : (long?)null;
        var truncated = size > settings.MaxMessageBytes;
        byte[] raw;
        try
        {
            // BODY.PEEK[] (or BODY.PEEK[HEADER]): the bytes exactly as the server holds them, without marking the message seen.
            await using var stream = await folder.GetStreamAsync(summary.UniqueId, truncated ? "HEADER" : "", ct);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            raw = copy.ToArray();
        }
        catch (MessageNotFoundException)
        {
            return null;
        }

        if (raw.Length == 0 && size > 0 || (!truncated && size is { } whole && raw.LongLength != whole))
        {
            // Another instance moved it while this one fetched it: the server answers with nothing, or with less than
            // the whole (RFC822.SIZE is exactly what BODY[] returns), rather than a refusal. If the message is still
            // there, the next look reads it whole.
            return null;
        }

        var wholeSize = size ?? raw.LongLength;
        return new InboundMessage(raw, (int)Math.Min(wholeSize, int.MaxValue), truncated, InboundEmailSource.Imap, folder.FullName, folder.UidValidity, summary.UniqueId.Id);
    }

    /// <summary>UID MOVE when the server offers it; otherwise COPY, then \Deleted and EXPUNGE (of this message only when UIDPLUS allows).</summary>
    private static async Task MoveAsync(ImapClient client, IMailFolder folder, UniqueId uid, IMailFolder processed, CancellationToken ct)
    {
        UniqueId[] uids = [uid];
        if (client.Capabilities.HasFlag(ImapCapabilities.Move))
        {
            await folder.MoveToAsync(uids, processed, ct);
            return;
        }

        await folder.CopyToAsync(uids, processed, ct);
        await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted) { Silent = true }, ct);
        if (client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
        {
            await folder.ExpungeAsync(uids, ct);
        }
        else
        {
            await folder.ExpungeAsync(ct);
        }
    }

    /// <summary>Waits in IDLE until a message arrives (the folder's count grows), Imap:IdleRestartMinutes pass, or the portal stops.</summary>
    private async Task IdleAsync(ImapClient client, IMailFolder folder, ImapOptions settings, CancellationToken ct)
    {
        using var done = new CancellationTokenSource(settings.IdleRestart, clock);
        void Arrived(object? sender, EventArgs e)
        {
            // Also raised when messages leave (moved by another instance): only one that is still there wakes the reader.
            if (folder.Count > 0)
            {
                done.Cancel();
            }
        }

        folder.CountChanged += Arrived;
        try
        {
            if (folder.Count > 0)
            {
                return; // arrived while the last ones were read: read again at once
            }

            await client.IdleAsync(done.Token, ct);
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }

    private static async Task LeaveAsync(ImapClient client, ImapOptions settings)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(settings.Timeout);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Saying goodbye to a server that is gone changes nothing.
        }
    }

    private static SecureSocketOptions SocketOptions(ImapSecurity security) => security switch
    {
        ImapSecurity.StartTls => SecureSocketOptions.StartTls,
        ImapSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
