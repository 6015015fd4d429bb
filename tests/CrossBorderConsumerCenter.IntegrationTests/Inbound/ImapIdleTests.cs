using System.Diagnostics;
using System.Globalization;
using CrossBorderConsumerCenter.Testing.Imap;
using Xunit.Abstractions;
using static CrossBorderConsumerCenter.IntegrationTests.Inbound.InboundMail;

namespace CrossBorderConsumerCenter.IntegrationTests.Inbound;

/// <summary>With IDLE the reader hears of a message as it arrives, instead of at the next poll.</summary>
public class ImapIdleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task IdleStoresEachMessageWithinSecondsOfItsArrivalThoughThePollIsAMinute()
    {
        await using var imap = await ImapServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var settings = imap.PortalSettings;
        settings["Imap:PollIntervalSeconds"] = "60";
        settings["Imap:IdleRestartMinutes"] = "5";
        await using var factory = new PortalFactory(database.ConnectionString, settings);
        _ = factory.Services;
        await Eventually.UntilAsync(() => Task.FromResult(InboundMail.Status(factory).Current.Checks > 0), TimeSpan.FromSeconds(20),
            () => $"The reader never read the folder.\n{imap.Log}");
        await Task.Delay(200); // in IDLE by now

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var appended = Stopwatch.StartNew();
            await imap.AppendAsync(Reply($"<idle-{i}@mail.example.jp>"));
            var appendTook = appended.Elapsed;
            while (await CountAsync(database) < i + 1)
            {
                Assert.True(appended.Elapsed < TimeSpan.FromSeconds(5), $"Message {i} was not stored within 5 s of its APPEND.");
                await Task.Delay(5);
            }

            delays.Add(appended.Elapsed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"APPEND {i} took {appendTook.TotalMilliseconds:F0} ms; row seen {(appended.Elapsed - appendTook).TotalMilliseconds:F0} ms after the APPEND's OK ({appended.Elapsed.TotalMilliseconds:F0} ms after it began)"));
        }

        // Dovecot itself waits half a second before it tells an idle client; a poll would take a minute.
        Assert.All(delays, d => Assert.True(d < TimeSpan.FromSeconds(3), $"Stored {d.TotalMilliseconds:F0} ms after its APPEND began."));
    }
}
