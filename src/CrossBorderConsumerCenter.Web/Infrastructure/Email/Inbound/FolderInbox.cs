using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

/// <summary>
/// Development's mailbox: every *.eml file in Imap:PickupDirectory is a message that arrived. Each is read, stored, then
/// moved into the folder's "processed" subfolder, as the IMAP inbox moves messages to its Processed folder (a copy left
/// behind by a stop between the two is stored once all the same). A file is picked up as soon as it appears; write it
/// under another name and rename it to .eml, so that it is never read half-written.
/// </summary>
public sealed class FolderInbox(IOptions<ImapOptions> options, InboundMailStore store, InboundMailStatus status, TimeProvider clock) : IInbox
{
    public const string ProcessedSubfolder = "processed";

    public async Task RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var folder = settings.PickupDirectory!;
        var processed = Path.Combine(folder, ProcessedSubfolder);
        Directory.CreateDirectory(processed);

        using var arrived = new SemaphoreSlim(0, 1);
        using var watcher = new FileSystemWatcher(folder, "*.eml") { IncludeSubdirectories = false };
        void Wake(object? sender, FileSystemEventArgs e)
        {
            if (arrived.CurrentCount == 0)
            {
                try
                {
                    arrived.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Woken already.
                }
            }
        }

        watcher.Created += Wake;
        watcher.Renamed += (sender, e) => Wake(sender, e);
        watcher.EnableRaisingEvents = true;

        while (!ct.IsCancellationRequested)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList())
            {
                ct.ThrowIfCancellationRequested();
                if (await ReadAsync(file, settings.MaxMessageBytes, ct) is not { } message)
                {
                    continue; // gone meanwhile
                }

                await store.StoreAsync(message, ct);
                MoveToProcessed(file, processed);
            }

            status.Checked(clock.GetUtcNow());
            await arrived.WaitAsync(settings.PollInterval, ct);
        }
    }

    private static async Task<InboundMessage?> ReadAsync(string file, int maxBytes, CancellationToken ct)
    {
        try
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            var size = stream.Length;
            if (size <= maxBytes)
            {
                var whole = new byte[size];
                await stream.ReadExactlyAsync(whole, ct);
                return new InboundMessage(whole, (int)size, Truncated: false, InboundEmailSource.Folder);
            }

            var start = new byte[maxBytes];
            await stream.ReadExactlyAsync(start, ct);
            return new InboundMessage(HeadersOf(start), (int)Math.Min(size, int.MaxValue), Truncated: true, InboundEmailSource.Folder);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The header block: up to and including the first empty line (all of <paramref name="start"/> if there is none).</summary>
    internal static byte[] HeadersOf(byte[] start)
    {
        for (var i = 0; i < start.Length - 1; i++)
        {
            if (start[i] == '\n' && (start[i + 1] == '\n' || (start[i + 1] == '\r' && i + 2 < start.Length && start[i + 2] == '\n')))
            {
                var end = start[i + 1] == '\n' ? i + 2 : i + 3;
                return start[..end];
            }
        }

        return start;
    }

    private static void MoveToProcessed(string file, string processed)
    {
        var target = Path.Combine(processed, Path.GetFileName(file));
        if (File.Exists(target))
        {
            // A file of the same name was read before: keep both.
            target = Path.Combine(processed, $"{Path.GetFileNameWithoutExtension(file)}-{Guid.NewGuid():N}.eml");
        }

        try
        {
            File.Move(file, target);
        }
        catch (FileNotFoundException)
        {
            // Moved by another instance reading the same folder.
        }
    }
}
