using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using static CrossBorderConsumerCenter.IntegrationTests.Inbound.InboundMail;

namespace CrossBorderConsumerCenter.IntegrationTests.Inbound;

/// <summary>In development a folder of .eml files stands in for the mailbox: each file is stored once, then moved to processed/.</summary>
public class FolderInboxTests
{
    [Fact]
    public async Task EachEmlFileIsStoredOnceAndMovedToProcessed()
    {
        var folder = Directory.CreateTempSubdirectory("ccc-inbox-").FullName;
        try
        {
            await using var database = await TestDatabase.CreateAsync();
            var waiting = Bytes(Reply("<waiting@mail.example.jp>"));
            await File.WriteAllBytesAsync(Path.Combine(folder, "waiting.eml"), waiting);
            await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not mail");
            await using var factory = new PortalFactory(database.ConnectionString, new Dictionary<string, string?>
            {
                ["Imap:PickupDirectory"] = folder,
                ["Imap:PollIntervalSeconds"] = "60", // only the folder's watcher can be this quick
            });
            _ = factory.Services;
            await UntilAsync(() => CountAsync(database), 1);

            // Written under another name, then renamed: never read half-written. The same Message-ID twice is one row.
            var again = Bytes(Reply("<arrived@mail.example.jp>"));
            foreach (var name in new[] { "arrived.eml", "arrived-again.eml" })
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, name + ".tmp"), again);
                File.Move(Path.Combine(folder, name + ".tmp"), Path.Combine(folder, name));
            }

            await UntilAsync(() => Task.FromResult((long)Directory.GetFiles(Path.Combine(folder, FolderInbox.ProcessedSubfolder)).Length), 3);
            var rows = await RowsAsync(factory);
            Assert.Equal(["arrived@mail.example.jp", "waiting@mail.example.jp"], rows.Select(r => r.MessageKey).Order());
            Assert.All(rows, r => Assert.Equal(InboundEmailSource.Folder, r.Source));
            Assert.Equal(waiting, rows.Single(r => r.MessageKey == "waiting@mail.example.jp").Raw);
            Assert.Equal(["notes.txt", "processed"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order());
            Assert.Equal(InboundMailMode.Folder, Status(factory).Current.Mode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task UntilAsync(Func<Task<long>> count, long expected) =>
        Eventually.UntilAsync(async () => await count() == expected, TimeSpan.FromSeconds(20), () => $"Expected {expected}.");
}
