using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Features.Queue;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>Keyset pages stay right while cases arrive (a class of its own: it adds cases to its database).</summary>
public class QueuePagingStabilityTests(QueuePagingTests.Fixture portal) : IClassFixture<QueuePagingTests.Fixture>
{
    [Fact]
    public async Task CasesArrivingWhileSomeoneReadsThePagesNeitherRepeatNorHideOthers()
    {
        var before = await portal.ExpectedAsync(QueueSort.Received, descending: true);
        var page = await portal.Me.GetOkAsync(new QueueCriteria { View = QueueView.All, Descending = true }.Href());
        var seen = new List<string>(QueueFixture.ListedNumbers(page));
        while (page.Find("a[rel=next]")?.GetAttribute("href") is { } next)
        {
            // Newer cases come before the first page of "newest first", older ones (backdated by an import) after the last.
            await QueueCases.AddAsync(portal.Factory, new QueueCase { Age = TimeSpan.Zero }, new QueueCase { Age = TimeSpan.FromDays(400) });
            page = await portal.Me.GetOkAsync(next);
            seen.AddRange(QueueFixture.ListedNumbers(page));
        }

        Assert.Equal(before, seen.Where(before.Contains));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
