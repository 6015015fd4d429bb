using CrossBorderConsumerCenter.IntegrationTests.Queue;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using CrossBorderConsumerCenter.Web.Features.Statistics;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Statistics;

/// <summary>
/// The public figures of the last fiscal year that has ended: six US cases and three Taiwanese ones in its first half;
/// the three are shown as "&lt;5" and the totals do not give them away; nothing of the current year is shown.
/// </summary>
public class PublicStatisticsTests(PublicStatisticsTests.Fixture portal) : IClassFixture<PublicStatisticsTests.Fixture>
{
    public sealed class Fixture : QueueFixture
    {
        public int Year { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Year = StatisticsPeriod.LastClosedFiscalYear(LocalizationRegistration.JapanToday(Clock));
            var seeds = Enumerable.Repeat(new QueueCase { Country = "US" }, 6).Concat(Enumerable.Repeat(new QueueCase { Country = "TW" }, 3)).ToArray();
            var cases = await QueueCases.AddAsync(Factory, seeds);
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var inFirstHalf = ReadCaseFacts.JapanMidnight(new DateOnly(Year, 5, 15));
            foreach (var @case in cases)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE cases SET received_at = {inFirstHalf} WHERE id = {@case.Id}");
            }
        }
    }

    [Fact]
    public async Task ShowsSmallCountsAsFewerThanFiveAndHidesWhatWouldGiveThemAway()
    {
        using var visitor = portal.Factory.CreateFormClient();
        var page = await visitor.GetOkAsync("/statistics");

        var rows = page.FindAll("#table-countries tbody tr").Select(tr => tr.QuerySelectorAll("th, td").Select(c => c.ChildNodes[0].TextContent.Trim()).ToArray()).ToList();
        // The three show as "<5"; with the total of 9 shown, the six in the same column must be hidden too.
        Assert.Equal("<5", rows[1][1]);
        Assert.Equal("x", rows[0][1]);
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell == "3");
    }

    [Fact]
    public async Task ShowsTheLastClosedYearWhenAskedForOneNotEnded()
    {
        using var visitor = portal.Factory.CreateFormClient();
        var page = await visitor.GetOkAsync($"/statistics?year={portal.Year + 1}");

        Assert.NotNull(page.Find("[role='status']"));
        Assert.NotNull(page.Find("#table-categories"));
    }
}
