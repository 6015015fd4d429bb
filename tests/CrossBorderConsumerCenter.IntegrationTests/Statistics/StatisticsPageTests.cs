using System.Text;
using CrossBorderConsumerCenter.IntegrationTests.Queue;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Statistics;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseStatus;

namespace CrossBorderConsumerCenter.IntegrationTests.Statistics;

/// <summary>
/// The back office's statistics over four hand-made cases: the page's figures, each table read back from its CSV file, and
/// no personal value in any export (canaries planted in every personal field, every byte of every file searched).
/// </summary>
public class StatisticsPageTests(StatisticsPageTests.Fixture portal) : IClassFixture<StatisticsPageTests.Fixture>
{
    public sealed class Fixture : QueueFixture
    {
        public FormClient Boss { get; private set; } = null!;

        public IReadOnlyList<string> Numbers { get; private set; } = [];

        /// <summary>The last sixty days in Japan: every seed falls in it whatever the day the tests run.</summary>
        public string Query { get; private set; } = "";

        public static readonly string[] Canaries =
        [
            "CANARY-NAME-7f3a", "CANARY-KANA-7f3a", "canary-7f3a@example.jp", "090-7373-7373", "737-7373", "CANARY-ADDRESS-7f3a",
            "CANARY-BUSINESS-7f3a", "https://canary-7f3a.example.com/", "merchant-7f3a@example.com", "CANARY-ITEM-7f3a", "CANARY-ORDER-7f3a",
            "CANARY-PLATFORM-7f3a", "CANARY-WHAT-7f3a", "CANARY-RESPONSE-7f3a", "CANARY-NOTE-7f3a",
        ];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            (Boss, _) = await StaffAccounts.SignedInAsync(Factory, Roles.Supervisor);
            var cases = await QueueCases.AddAsync(
                Factory,
                new QueueCase { Age = TimeSpan.FromDays(3), Country = "US", Category = CaseCategory.NotDelivered, Platform = PurchasePlatform.Amazon },
                new QueueCase { Age = TimeSpan.FromDays(4), Country = "US", Category = CaseCategory.Counterfeit, Platform = PurchasePlatform.Temu, Payment = PaymentMethod.PayPal, Status = Declined },
                new QueueCase { Age = TimeSpan.FromDays(5), Country = "TW", Category = CaseCategory.DamagedOrDefective, Status = Forwarded, DueIn = TimeSpan.FromDays(-1) },
                new QueueCase { Age = TimeSpan.FromDays(6), Country = "SG", Status = Closed });
            Numbers = [.. cases.Select(c => c.Number)];
            var today = LocalizationRegistration.JapanToday(Clock);
            Query = $"?period=range&from={today.AddDays(-60):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE cases SET decline_reason = 'Counterfeit', closed_at = {Now} WHERE id = {cases[1].Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE cases SET outcome = 'Resolved', closed_at = {Now} WHERE id = {cases[3].Id}");

            // A canary in every personal field of every case, and in a note on the timeline.
            var c = Canaries;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE cases SET consumer_name = {c[0]}, consumer_name_kana = {c[1]}, consumer_email = {c[2]}, consumer_phone = {c[3]},
                    consumer_postal_code = {c[4]}, consumer_address = {c[5]}, business_name = {c[6]}, business_website = {c[7]},
                    business_email = {c[8]}, purchase_item = {c[9]}, purchase_order_number = {c[10]}, purchase_platform_name = {c[11]},
                    what_happened = {c[12]}, business_response = {c[13]}
                """);
            foreach (var @case in cases)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO case_events (case_id, at, kind, actor_kind, actor_name, from_status, to_status, text, visible_to_consumer)
                    VALUES ({@case.Id}, {Now}, 'NoteAdded', 'Staff', {c[0]}, 'Received', 'Received', {c[14]}, false)
                    """);
            }
        }

        public override async Task DisposeAsync()
        {
            Boss?.Dispose();
            await base.DisposeAsync();
        }
    }

    private static string Cell(HtmlPage page, string table, string code) =>
        page.Find($"#table-{table} tr[data-code='{code}'] td")?.TextContent.Trim() ?? "(none)";

    [Fact]
    public async Task ShowsEachFigureOfTheCasesReceivedInThePeriod()
    {
        var page = await portal.Me.GetOkAsync("/staff/statistics" + portal.Query);

        Assert.Equal("4", page.Find("[data-total='received']")!.TextContent.Trim());
        Assert.Equal("1", page.Find("[data-total='overdue']")!.TextContent.Trim());
        Assert.Equal("2", Cell(page, "countries", "US"));
        Assert.Equal("1", Cell(page, "countries", "TW"));
        Assert.Equal("1", Cell(page, "categories", "Counterfeit"));
        Assert.Equal("0", Cell(page, "categories", "WrongItem"));
        Assert.Equal("4", Cell(page, "amounts", "From10000To29999"));
        Assert.Equal("2", Cell(page, "outcomes", "Open"));
        Assert.Equal("1", Cell(page, "outcomes", "Resolved"));
        Assert.Equal("1", Cell(page, "outcomes", "DeclinedCounterfeit"));
        Assert.Equal("4", Cell(page, "prefectures", "JP-13"));

        // The staff see no link to the de-identified records; supervisors do.
        Assert.Null(page.Find("a[href^='/staff/statistics/records.csv']"));
        Assert.NotNull((await portal.Boss.GetOkAsync("/staff/statistics" + portal.Query)).Find("a[href^='/staff/statistics/records.csv']"));
    }

    [Fact]
    public async Task RedisplaysThePeriodWithAMessageGivenAnImpossibleOne()
    {
        var page = await portal.Me.GetOkAsync("/staff/statistics?period=range&from=2026-05-01&to=2026-04-01");

        Assert.Contains("2026-04-01", page.Find("#To")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.NotNull(page.Find(".error-summary, [data-error-summary], #error-summary"));
        Assert.Null(page.Find("[data-total='received']"));
    }

    [Fact]
    public async Task ATableReadsBackFromItsCsvFileWithAByteOrderMarkAndThePeriodInItsName()
    {
        using var response = await portal.Me.Http.GetAsync("/staff/statistics/tables/countries.csv" + portal.Query);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Matches(@"^statistics-countries-\d{8}-\d{8}\.csv$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var rows = Read(bytes);
        Assert.Equal(3, rows[0].Length);
        Assert.Equal(["US", "2"], [rows.Single(r => r[0] == "US")[0], rows.Single(r => r[0] == "US")[2]]);
        Assert.Equal(4, rows.Skip(1).Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task NoExportCarriesAnyPersonalValueOrCaseNumber()
    {
        var files = new List<(string Name, byte[] Bytes)>();
        foreach (var table in StatisticsTables.Ids)
        {
            files.Add((table, await portal.Boss.Http.GetByteArrayAsync($"/staff/statistics/tables/{table}.csv" + portal.Query)));
        }

        var records = await portal.Boss.Http.GetByteArrayAsync("/staff/statistics/records.csv" + portal.Query);
        files.Add(("records", records));

        var rows = Read(records);
        Assert.Equal(DeidentifiedRecord.Columns, rows[0]);
        Assert.Equal(4, rows.Count - 1);

        foreach (var secret in Fixture.Canaries.Concat(portal.Numbers))
        {
            var needle = Encoding.UTF8.GetBytes(secret);
            foreach (var (name, bytes) in files)
            {
                Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{name}.csv carries {secret}");
                Assert.True(Encoding.UTF8.GetString(bytes).IndexOf(secret, StringComparison.OrdinalIgnoreCase) < 0, $"{name}.csv carries {secret} in another case");
            }
        }
    }

    private static List<string[]> Read(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}
