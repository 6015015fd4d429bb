using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Queue;
using Npgsql;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>
/// Every sort in both directions over 120 cases with many ties, a page of 50 at a time: walking forward and back by
/// the page links gives every case once, in the order PostgreSQL gives for (key, id), whatever is inserted meanwhile.
/// </summary>
public class QueuePagingTests(QueuePagingTests.Fixture portal) : IClassFixture<QueuePagingTests.Fixture>
{
    public const int Cases = 120;

    private static readonly string[] Merchants = ["apple Store", "Apple Store", "Banana Mart", "cherry Goods", "深圳市某某科技有限公司", "Émile Boutique", "zebra Outlet", "あおい商店"];

    /// <summary>The order each sort stands for, in SQL (the id breaks ties).</summary>
    private static readonly Dictionary<QueueSort, string> SqlKeys = new()
    {
        [QueueSort.Received] = "received_at",
        [QueueSort.Number] = "number",
        [QueueSort.Status] = "status_order",
        [QueueSort.Priority] = "priority_order",
        [QueueSort.Due] = "due_order",
        [QueueSort.Merchant] = "business_name COLLATE \"ja-x-icu\"",
        [QueueSort.Activity] = "last_activity_at",
        [QueueSort.RightsDeadline] = "deadline_order",
    };

    public sealed class Fixture : QueueFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await QueueCases.AddAsync(Factory, [.. Enumerable.Range(0, Cases).Select(i => new QueueCase
            {
                Age = TimeSpan.FromHours(Cases - i) + TimeSpan.FromDays(1),
                Business = Merchants[i % Merchants.Length],
                Status = (CaseStatus)(i % 7),
                Priority = (CasePriority)(i % 4),
                DueIn = i % 5 == 0 ? null : TimeSpan.FromDays(i % 10 - 3),
                ActiveAgo = TimeSpan.FromHours(i % 13),
                Payment = (PaymentMethod)(i % 3),
                Platform = (PurchasePlatform)(i % 5),
                ArrivedAfterDays = i % 4 == 0 ? null : i % 4,
            })]);
        }

        public async Task<IReadOnlyList<string>> ExpectedAsync(QueueSort sort, bool descending)
        {
            var direction = descending ? "DESC" : "ASC";
            await using var connection = await Database.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT number FROM cases ORDER BY {SqlKeys[sort]} {direction}, id {direction}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var numbers = new List<string>();
            while (await reader.ReadAsync())
            {
                numbers.Add(reader.GetString(0));
            }

            return numbers;
        }
    }

    public static TheoryData<QueueSort, bool> EverySortBothWays()
    {
        var data = new TheoryData<QueueSort, bool>();
        foreach (var sort in Enum.GetValues<QueueSort>())
        {
            data.Add(sort, false);
            data.Add(sort, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySortBothWays))]
    public async Task PagingForwardAndBackShowsEveryCaseOnceInTheSortOrder(QueueSort sort, bool descending)
    {
        var expected = await portal.ExpectedAsync(sort, descending);
        Assert.Equal(Cases, expected.Count);
        var start = new QueueCriteria { View = QueueView.All, Sort = sort, Descending = descending }.Href();

        var (forward, last) = await WalkAsync(start, "next");
        Assert.Equal(expected, forward.SelectMany(p => p));
        Assert.Equal([50, 50, 20], forward.Select(p => p.Count));

        var (backward, _) = await WalkAsync(last, "prev");
        backward.Reverse();
        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task TheDefaultViewPagesOnByItsCompiledQueriesAsTheGeneralPathDoes()
    {
        // The plain default view and its next pages run compiled queries; choosing every open status takes the general path.
        var (compiled, _) = await WalkAsync(QueueCriteria.Path, "next");
        var (general, _) = await WalkAsync(QueueCriteria.Path + "?" + string.Join("&", CaseQueueRules.OpenStatuses.Select(s => $"status={s}")), "next");

        Assert.True(compiled.Count > 1, "the default view should need more than one page here");
        Assert.Equal(general, compiled);
    }

    [Fact]
    public async Task EachSortMeansWhatItsNameSays()
    {
        async Task<IReadOnlyList<AngleSharp.Dom.IElement>> RowsAsync(string sort, string dir = "asc") =>
            (await portal.Me.GetOkAsync($"/staff/cases?view=all&sort={sort}&dir={dir}")).FindAll(".queue-table tbody tr");
        // The first cell of a row is its checkbox for bulk actions; the columns follow the case number.
        static string Status(AngleSharp.Dom.IElement row) => row.QuerySelector("td:nth-of-type(3) div")!.FirstChild!.TextContent.Trim();
        static string Priority(AngleSharp.Dom.IElement row) => row.QuerySelector("td:nth-of-type(4)")!.TextContent.Trim();

        Assert.Equal("緊急", Priority((await RowsAsync("priority"))[0]));
        Assert.Equal("低", Priority((await RowsAsync("priority", "desc"))[0]));
        Assert.Equal("受付", Status((await RowsAsync("status"))[0]));
        Assert.Equal("受付不可", Status((await RowsAsync("status", "desc"))[0]));
        Assert.Null((await RowsAsync("due", "desc"))[0].QuerySelector(".queue-row__due"));
        Assert.NotNull((await RowsAsync("due"))[0].QuerySelector(".badge--alert"));

        var merchants = (await RowsAsync("merchant")).Select(r => r.QuerySelector("td:nth-of-type(6) div")!.FirstChild!.TextContent.Trim()).Distinct();
        Assert.Equal(["apple Store", "Apple Store", "Banana Mart", "cherry Goods"], merchants);
    }

    [Fact]
    public async Task APageBoundaryTakenInAnotherOrderIsIgnored()
    {
        var page = await portal.Me.GetOkAsync(new QueueCriteria { View = QueueView.All, Sort = QueueSort.Number }.Href());
        var next = page.Find("a[rel=next]")!.GetAttribute("href")!;
        var otherOrder = next.Replace("sort=number", "sort=activity", StringComparison.Ordinal);

        var first = await portal.Me.GetOkAsync(new QueueCriteria { View = QueueView.All, Sort = QueueSort.Activity }.Href());
        Assert.Equal(QueueFixture.ListedNumbers(first), QueueFixture.ListedNumbers(await portal.Me.GetOkAsync(otherOrder)));
    }

    private async Task<(List<IReadOnlyList<string>> Pages, string LastUrl)> WalkAsync(string url, string rel)
    {
        var pages = new List<IReadOnlyList<string>>();
        while (true)
        {
            var page = await portal.Me.GetOkAsync(url);
            pages.Add(QueueFixture.ListedNumbers(page));
            Assert.True(pages.Count <= 4, "The walk does not end.");
            if (page.Find($"a[rel={rel}]")?.GetAttribute("href") is not { } link)
            {
                return (pages, url);
            }

            url = link;
        }
    }
}
