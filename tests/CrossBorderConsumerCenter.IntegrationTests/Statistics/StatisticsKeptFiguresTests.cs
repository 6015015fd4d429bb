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
/// The statistics page keeps what it drew from the counts per period, version of the counts and language
/// (docs/adr/0102): every write that changes the counts shows on the next page, in either language; the overdue count
/// follows the clock without any write; the public figures are drawn again too; and a long list of countries is drawn as
/// its first fifteen, the table keeping all.
/// Each test writes, so each reads the figures before and after in its own period (the tests of this class share one
/// database and run one after another).
/// </summary>
public class StatisticsKeptFiguresTests(StatisticsKeptFiguresTests.Fixture portal) : IClassFixture<StatisticsKeptFiguresTests.Fixture>
{
    public sealed class Fixture : QueueFixture
    {
        /// <summary>The last sixty days in Japan: every case the tests add falls in it whatever the day they run.</summary>
        public string Query(string lang) =>
            $"?period=range&from={LocalizationRegistration.JapanToday(Clock).AddDays(-60):yyyy-MM-dd}&to={LocalizationRegistration.JapanToday(Clock):yyyy-MM-dd}&lang={lang}";

        public async Task<HtmlPage> PageAsync(string lang = "ja") => await Me.GetOkAsync("/staff/statistics" + Query(lang));

        public async Task ExecuteAsync(FormattableString sql)
        {
            using var scope = Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlAsync(sql);
        }

        public async Task<Guid> VersionAsync()
        {
            using var scope = Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<StatisticsCountsStore>().CountAndReadVersionAsync(CancellationToken.None);
        }
    }

    private static int Total(HtmlPage page, string total) =>
        int.Parse(page.Find($"[data-total='{total}']")!.TextContent.Trim().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static string Cell(HtmlPage page, string table, string code) =>
        page.Find($"#table-{table} tr[data-code='{code}'] td")?.TextContent.Trim() ?? "(none)";

    [Fact]
    public async Task ACaseReceivedOrChangedAfterAPageWasDrawnShowsOnTheNextPageInBothLanguages()
    {
        await QueueCases.AddAsync(portal.Factory, new QueueCase { Age = TimeSpan.FromDays(2), Country = "KR" });
        var japanese = await portal.PageAsync();
        var english = await portal.PageAsync("en");
        var received = Total(japanese, "received");
        Assert.Equal(received, Total(english, "received"));
        var korea = int.Parse(Cell(japanese, "countries", "KR"), System.Globalization.CultureInfo.InvariantCulture);

        // Drawn again from what was kept: the same figures.
        Assert.Equal(received, Total(await portal.PageAsync(), "received"));

        var added = await QueueCases.AddAsync(portal.Factory, new QueueCase { Age = TimeSpan.FromDays(1), Country = "KR" });
        japanese = await portal.PageAsync();
        english = await portal.PageAsync("en");
        Assert.Equal(received + 1, Total(japanese, "received"));
        Assert.Equal(received + 1, Total(english, "received"));
        Assert.Equal((korea + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(english, "countries", "KR"));

        // Kept per language: the English page is drawn in English, the Japanese one in Japanese.
        Assert.Equal("South Korea", english.Find("#table-countries tr[data-code='KR'] th")!.TextContent.Trim());
        Assert.Equal("韓国", japanese.Find("#table-countries tr[data-code='KR'] th")!.TextContent.Trim());

        // A write straight to the database (an operator's correction) is counted too.
        await portal.ExecuteAsync($"UPDATE cases SET business_country_code = 'CN' WHERE id = {added[0].Id}");
        var corrected = await portal.PageAsync("en");
        Assert.Equal(korea.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(corrected, "countries", "KR"));
        Assert.NotEqual("(none)", Cell(corrected, "countries", "CN"));
    }

    [Fact]
    public async Task TheOverdueCountFollowsTheClockWithoutAnyWrite()
    {
        await QueueCases.AddAsync(portal.Factory, new QueueCase { Age = TimeSpan.FromDays(3), DueIn = TimeSpan.FromHours(5) });
        var before = await portal.PageAsync();
        var version = await portal.VersionAsync();

        portal.Clock.Advance(TimeSpan.FromHours(6));
        try
        {
            var after = await portal.PageAsync();
            Assert.Equal(Total(before, "overdue") + 1, Total(after, "overdue"));
            Assert.Equal(Total(before, "received"), Total(after, "received"));
            Assert.Equal(version, await portal.VersionAsync());
        }
        finally
        {
            portal.Clock.Advance(-TimeSpan.FromHours(6));
        }
    }

    [Fact]
    public async Task TheVersionChangesWithEveryCountingAndOnlyThen()
    {
        var first = await portal.VersionAsync();
        Assert.Equal(first, await portal.VersionAsync());

        // A case received is counted.
        var added = await QueueCases.AddAsync(portal.Factory, new QueueCase { Age = TimeSpan.FromDays(4) });
        var second = await portal.VersionAsync();
        Assert.NotEqual(first, second);

        // A write to a column the figures do not read marks nothing.
        await portal.ExecuteAsync($"UPDATE cases SET consumer_name = '別の 名前' WHERE id = {added[0].Id}");
        Assert.Equal(second, await portal.VersionAsync());
    }

    [Fact]
    public async Task ThePublicFiguresShowCasesCountedAfterTheyWereDrawnInBothLanguages()
    {
        using var visitor = portal.Factory.CreateFormClient();
        var year = StatisticsPeriod.LastClosedFiscalYear(LocalizationRegistration.JapanToday(portal.Clock));
        static IEnumerable<string> Countries(HtmlPage page) => page.FindAll("#table-countries tbody th").Select(th => th.TextContent.Trim());
        Assert.DoesNotContain("ニュージーランド", Countries(await visitor.GetOkAsync("/statistics")));
        Assert.DoesNotContain("New Zealand", Countries(await visitor.GetOkAsync("/statistics?lang=en")));

        var added = await QueueCases.AddAsync(portal.Factory, [.. Enumerable.Range(0, 6).Select(_ => new QueueCase { Country = "NZ" })]);
        var inFirstHalf = ReadCaseFacts.JapanMidnight(new DateOnly(year, 5, 15));
        foreach (var c in added)
        {
            await portal.ExecuteAsync($"UPDATE cases SET received_at = {inFirstHalf} WHERE id = {c.Id}");
        }

        foreach (var (lang, name) in new[] { ("ja", "ニュージーランド"), ("en", "New Zealand") })
        {
            var page = await visitor.GetOkAsync("/statistics?lang=" + lang);
            var row = page.FindAll("#table-countries tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == name);
            Assert.Equal(["6", "0", "6"], row.QuerySelectorAll("td").Select(td => td.ChildNodes[0].TextContent.Trim()));
        }
    }

    [Fact]
    public async Task AChartOfManyCountriesDrawsTheFifteenWithTheMostCasesAndTheTableListsThemAll()
    {
        string[] countries = ["FR", "DE", "IT", "ES", "GB", "NL", "BE", "SE", "NO", "DK", "FI", "PL", "AT", "CH", "IE", "PT", "GR", "CZ", "HU", "RO"];
        await QueueCases.AddAsync(portal.Factory, [.. countries.Select(c => new QueueCase { Age = TimeSpan.FromDays(5), Country = c })]);

        foreach (var lang in new[] { "ja", "en" })
        {
            var page = await portal.PageAsync(lang);
            var listed = page.FindAll("#table-countries tbody tr").Count;
            Assert.True(listed >= countries.Length + 1, $"{listed} countries listed");
            var figure = page.Find("[data-table='countries']")!;
            Assert.Equal(StatisticsTables.ChartCountries, figure.QuerySelectorAll(".stat-chart__row").Length);
            Assert.Contains(listed.ToString(System.Globalization.CultureInfo.InvariantCulture), figure.QuerySelector(".stat-chart__note")!.TextContent, StringComparison.Ordinal);

            // The bars are those of the table's first rows, the most cases first.
            var charted = figure.QuerySelectorAll(".stat-chart__label").Select(l => l.TextContent.Trim()).ToList();
            var tabled = page.FindAll("#table-countries tbody th").Take(StatisticsTables.ChartCountries).Select(th => th.TextContent.Trim()).ToList();
            Assert.Equal(tabled, charted);
        }
    }
}
