using CrossBorderConsumerCenter.Testing.Cases;
using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseStatus;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>
/// The queue's default view, every filter, the search and the counts, over eleven cases that differ in one thing
/// each (received 1 hour to 60 days ago, so "oldest first" is unambiguous).
/// </summary>
public class QueueFilterTests(QueueFilterTests.Fixture portal) : IClassFixture<QueueFilterTests.Fixture>
{
    public sealed class Fixture : QueueFixture
    {
        public Dictionary<string, QueueCase> Seeds { get; } = [];

        public Dictionary<string, string> Numbers { get; } = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var me = MyAccount.Id;
            Seeds["new"] = new() { Age = TimeSpan.FromHours(1), Platform = PurchasePlatform.Amazon };
            Seeds["mine"] = new()
            {
                Age = TimeSpan.FromDays(3), Status = InProgress, AssignedTo = me, Priority = CasePriority.High, Country = "CN",
                Name = "佐藤 花子", NameKana = "サトウ ハナコ", Email = "hanako.sato@example.ne.jp", Business = "深圳市某某科技有限公司",
                Website = "https://shenzhen-mouomou.example.cn/", Category = CaseCategory.DamagedOrDefective, Platform = PurchasePlatform.AliExpress,
                WhatHappened = "届いた商品が壊れていました。返金を求めています。",
            };
            Seeds["waiting"] = new() { Age = TimeSpan.FromDays(4), Status = WaitingForConsumer, DueIn = TimeSpan.FromDays(5), AssignedTo = Colleague.Id, Country = "TW", Platform = PurchasePlatform.Shopee };
            Seeds["waiting-overdue"] = new() { Age = TimeSpan.FromDays(9), Status = WaitingForConsumer, DueIn = TimeSpan.FromDays(-1), AssignedTo = me, Country = "SG" };
            Seeds["forwarded"] = new() { Age = TimeSpan.FromDays(20), Status = Forwarded, DueIn = TimeSpan.FromDays(20), Country = "CA" };
            Seeds["forwarded-no-deadline"] = new() { Age = TimeSpan.FromDays(25), Status = Forwarded, DueIn = null };
            Seeds["forwarded-overdue"] = new() { Age = TimeSpan.FromDays(15), Status = Forwarded, DueIn = TimeSpan.FromHours(-2), Country = "GB" };
            Seeds["partner-responded"] = new() { Age = TimeSpan.FromDays(6), Status = PartnerResponded, DueIn = TimeSpan.FromDays(1), Priority = CasePriority.Urgent };
            Seeds["closed"] = new()
            {
                Age = TimeSpan.FromDays(60), Status = Closed, Country = "KR", Language = "en", Name = "John Smith", NameKana = null,
                Email = "john.smith@example.com", Business = "Seoul Fashion Co.", Website = "https://seoul-fashion.example.kr/",
                WhatHappened = "The parcel never arrived although the tracking says delivered.",
            };
            Seeds["declined"] = new() { Age = TimeSpan.FromDays(30), Status = Declined, Country = "HK", Category = CaseCategory.Counterfeit };
            Seeds["received-overdue"] = new() { Age = TimeSpan.FromDays(10), DueIn = TimeSpan.FromDays(-8), Priority = CasePriority.Low };

            var cases = await QueueCases.AddAsync(Factory, [.. Seeds.Values]);
            foreach (var (key, @case) in Seeds.Keys.Zip(cases))
            {
                Numbers[key] = @case.Number;
            }
        }

        public string[] NumbersOf(params string[] keys) => [.. keys.Select(k => Numbers[k])];

        /// <summary>The given cases in the default order: oldest first.</summary>
        public string[] OldestFirst(params string[] keys) => [.. keys.OrderByDescending(k => Seeds[k].Age).Select(k => Numbers[k])];

        public string[] All => OldestFirst([.. Seeds.Keys]);
    }

    private async Task<IReadOnlyList<string>> ListAsync(string query) => QueueFixture.ListedNumbers(await portal.Me.GetOkAsync("/staff/cases" + query));

    [Fact]
    public async Task TheDefaultViewListsTheCasesNeedingActionOldestFirstAndSaysWhatThatMeans()
    {
        var page = await portal.Me.GetOkAsync("/staff/cases");

        Assert.Equal(portal.OldestFirst("forwarded-overdue", "received-overdue", "waiting-overdue", "partner-responded", "mine", "new"), QueueFixture.ListedNumbers(page));
        Assert.Contains("期限を過ぎたすべての未完了の相談", page.MainText, StringComparison.Ordinal);
        Assert.Equal("page", page.Find(".queue-presets a[href='/staff/cases']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task TheDefaultViewAgreesWithTheDomainRuleForEveryCase()
    {
        var listed = await ListAsync("");
        foreach (var (key, seed) in portal.Seeds)
        {
            var due = seed.DueIn is { } dueIn && CaseWorkflow.IsOpen(seed.Status) ? portal.Now + dueIn : (DateTimeOffset?)null;
            Assert.True(CaseQueueRules.NeedsAction(seed.Status, due, portal.Now) == listed.Contains(portal.Numbers[key]), $"{key} is listed wrongly");
        }
    }

    [Fact]
    public async Task TheDefaultViewShowsWhatTheSameViewWithEveryOpenStatusChosenShows()
    {
        // The plain default view runs compiled queries; choosing every open status takes the general path to the same cases and counts.
        var compiled = await portal.Me.GetOkAsync("/staff/cases");
        var general = await portal.Me.GetOkAsync("/staff/cases?" + string.Join("&", CaseQueueRules.OpenStatuses.Select(s => $"status={s}")));
        string Counts(HtmlPage page) => string.Join(",", CaseQueueRules.OpenStatuses.Select(s => $"{s}={page.Find($"a[href*='status={s}'] .queue-counts__number")!.TextContent}"));

        Assert.Equal(QueueFixture.ListedNumbers(general), QueueFixture.ListedNumbers(compiled));
        Assert.Equal(Counts(general), Counts(compiled));
        Assert.Equal("Received=2,InProgress=1,WaitingForConsumer=1,Forwarded=1,PartnerResponded=1", Counts(compiled));
    }

    [Fact]
    public async Task AllCasesListsEveryCaseOldestFirst() => Assert.Equal(portal.All, await ListAsync("?view=all"));

    [Theory]
    [InlineData("?view=all&status=Forwarded&status=Closed", "forwarded-no-deadline", "forwarded", "forwarded-overdue", "closed")]
    [InlineData("?view=all&category=Counterfeit", "declined")]
    [InlineData("?view=all&country=TW", "waiting")]
    [InlineData("?view=all&country=tw", "waiting")]
    [InlineData("?view=all&agency=CBBB", "forwarded-no-deadline", "forwarded", "received-overdue", "partner-responded", "new")]
    [InlineData("?view=all&agency=SOSA", "waiting")]
    [InlineData("?view=all&platform=AliExpress", "mine")]
    [InlineData("?view=all&priority=Urgent", "partner-responded")]
    [InlineData("?view=all&overdue=1", "forwarded-overdue", "received-overdue", "waiting-overdue")]
    [InlineData("?view=all&assignee=none&status=InProgress&status=WaitingForConsumer")]
    [InlineData("?assignee=none", "forwarded-overdue", "received-overdue", "partner-responded", "new")]
    [InlineData("?country=US&status=Received", "received-overdue", "new")]
    public async Task EachFilterNarrowsTheList(string query, params string[] expected) =>
        Assert.Equal(portal.OldestFirst(expected), await ListAsync(query));

    [Fact]
    public async Task AssigneeFiltersMeAndANamedColleague()
    {
        Assert.Equal(portal.OldestFirst("waiting-overdue", "mine"), await ListAsync("?view=all&assignee=me"));
        Assert.Equal(portal.NumbersOf("waiting"), await ListAsync($"?view=all&assignee={portal.Colleague.Id}"));

        var page = await portal.Me.GetOkAsync("/staff/cases");
        Assert.Contains(page.FindAll("#assignee option"), o => o.GetAttribute("value") == portal.Colleague.Id.ToString() && o.TextContent == portal.Colleague.DisplayName);
    }

    [Fact]
    public async Task TheReceivedDateRangeCountsWholeJapanDays()
    {
        static string JapanDate(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var from = JapanDate(portal.Now - portal.Seeds["received-overdue"].Age);
        var to = JapanDate(portal.Now - portal.Seeds["partner-responded"].Age);

        Assert.Equal(portal.OldestFirst("received-overdue", "waiting-overdue", "partner-responded"), await ListAsync($"?view=all&from={from}&to={to}"));
        Assert.Equal(portal.NumbersOf("closed"), await ListAsync($"?view=all&to={JapanDate(portal.Now - portal.Seeds["closed"].Age)}"));
    }

    [Fact]
    public async Task TheCountsPerStatusUseEveryFilterButTheStatus()
    {
        var page = await portal.Me.GetOkAsync("/staff/cases?view=all&status=Forwarded");
        int Count(CaseStatus status) => int.Parse(page.Find($"a[href*='status={status}'] .queue-counts__number")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(2, Count(Received));
        Assert.Equal(1, Count(InProgress));
        Assert.Equal(2, Count(WaitingForConsumer));
        Assert.Equal(3, Count(Forwarded));
        Assert.Equal(1, Count(PartnerResponded));
        Assert.Equal(1, Count(Closed));
        Assert.Equal(1, Count(Declined));
        Assert.Contains("該当する相談: 3件", page.MainText, StringComparison.Ordinal);

        var needsAction = await portal.Me.GetOkAsync("/staff/cases?country=US");
        Assert.Equal("2", needsAction.Find("a[href*='status=Received'] .queue-counts__number")!.TextContent);
        Assert.Equal("0", needsAction.Find("a[href*='status=Forwarded'] .queue-counts__number")!.TextContent);
        Assert.Equal("1", needsAction.Find("a[href*='status=PartnerResponded'] .queue-counts__number")!.TextContent);
    }

    [Theory]
    [InlineData("山田", "forwarded-no-deadline", "forwarded", "forwarded-overdue", "received-overdue", "waiting-overdue", "partner-responded", "waiting", "new", "declined")]
    [InlineData("佐藤 花子", "mine")]
    [InlineData("佐藤花子", "mine")]
    [InlineData("さとう", "mine")]
    [InlineData("ｻﾄｳ", "mine")]
    [InlineData("深圳市某某科技有限公司", "mine")]
    [InlineData("某某科技", "mine")]
    [InlineData("返金", "mine")]
    [InlineData("壊れて 返金", "mine")]
    [InlineData("壊れて 届きません")]
    [InlineData("hanako.sato@example.ne.jp", "mine")]
    [InlineData("HANAKO.SATO", "mine")]
    [InlineData("shenzhen-mouomou", "mine")]
    [InlineData("parcel never", "closed")]
    [InlineData("PARCEL", "closed")]
    [InlineData("john smith", "closed")]
    [InlineData("Seoul Fashion", "closed")]
    [InlineData("ｓｅｏｕｌ", "closed")]
    public async Task WordsFindTheirCasesAmongAllCasesInJapaneseAndEnglish(string term, params string[] expected) =>
        Assert.Equal(portal.OldestFirst(expected), await ListAsync("?q=" + Uri.EscapeDataString(term)));

    [Fact]
    public async Task WordsSearchWithinTheOtherFilters() =>
        Assert.Equal(portal.OldestFirst("forwarded-no-deadline", "forwarded", "received-overdue", "partner-responded", "new"), await ListAsync("?q=%E5%B1%B1%E7%94%B0&agency=CBBB"));

    [Fact]
    public async Task ACaseNumberFindsExactlyThatCaseWhateverTheFilters()
    {
        var number = portal.Numbers["closed"];
        Assert.Equal([number], await ListAsync("?q=" + number));
        Assert.Equal([number], await ListAsync("?q=" + number.ToLowerInvariant() + "&country=TW&status=Received"));
        Assert.Equal([number], await ListAsync("?q=" + number["CCJ-".Length..]));
        Assert.Empty(await ListAsync("?q=CCJ-1999-999999"));
    }

    [Fact]
    public async Task AOneCharacterSearchAsksForMoreAndListsNothing()
    {
        var page = await portal.Me.GetOkAsync("/staff/cases?q=%E6%9E%97");

        Assert.Empty(QueueFixture.ListedNumbers(page));
        Assert.Contains("2文字以上の言葉を入力してください", page.Find("#q-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("林", page.Find("#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AWordSearchIsAuditedWithItsTermAndTheCasesItShowedButACaseNumberIsNot()
    {
        var term = "hanako.sato@example.ne.jp";
        await portal.Me.GetOkAsync("/staff/cases?q=" + Uri.EscapeDataString(term));
        await portal.Me.GetOkAsync("/staff/cases?q=" + portal.Numbers["mine"]);

        var details = await portal.Database.ScalarAsync<string>(
            "SELECT details::text FROM audit_entries WHERE action = 'CasesSearched' AND actor_id = @me AND details->>'term' = @term",
            ("me", portal.MyAccount.Id), ("term", term));
        Assert.Contains("\"search\": \"email\"", details, StringComparison.Ordinal);
        Assert.Contains(portal.Numbers["mine"], details, StringComparison.Ordinal);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'CasesSearched' AND details->>'term' = @term", ("term", portal.Numbers["mine"])));
    }

    [Theory]
    [InlineData("?status=Bogus&status=1&from=2026-13-45&to=yesterday&after=garbage&before=%%%&sort=sideways&dir=up&view=x&country=ZZ&agency=NONE&assignee=someone&overdue=maybe&priority=1&category=&platform=Mars")]
    [InlineData("?after=QUFBQQ&sort=received")]
    [InlineData("?q=%ED%A0%80&status[]=Received&status=")]
    public async Task AMalformedQueryStringShowsTheDefaultViewAndNamesWhatItIgnored(string query)
    {
        var page = await portal.Me.GetAsync("/staff/cases" + query);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Find(".queue-filters"));
        if (query.Contains("Bogus", StringComparison.Ordinal))
        {
            Assert.Equal(portal.OldestFirst("forwarded-overdue", "received-overdue", "waiting-overdue", "partner-responded", "mine", "new"), QueueFixture.ListedNumbers(page));
            var notice = page.Find(".notice--warning")!.TextContent;
            foreach (var name in new[] { "status", "from", "to", "after", "sort", "dir", "view", "country", "agency", "assignee", "overdue", "priority", "platform" })
            {
                Assert.Contains(name, notice, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task EveryTextOnThePageComesFromTheResourcesAndCountriesAreNamedInTheReadersLanguage(string language)
    {
        var page = await portal.Me.GetOkAsync($"/staff/cases?view=all&lang={language}");

        Assert.DoesNotContain("Queue_", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CaseStatus_", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CaseCategory_", page.Text, StringComparison.Ordinal);
        var waiting = page.FindAll(".queue-table tbody tr").Single(r => r.TextContent.Contains(portal.Numbers["waiting"], StringComparison.Ordinal));
        Assert.Contains(language == "ja" ? "(台湾)" : "(Taiwan)", waiting.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("#country option"), o => o.GetAttribute("value") == "TW" && o.TextContent == (language == "ja" ? "台湾" : "Taiwan"));
    }

    [Fact]
    public async Task EachRowShowsTheCaseAndLinksToItsPage()
    {
        var page = await portal.Me.GetOkAsync("/staff/cases");
        var number = portal.Numbers["received-overdue"];
        var row = page.FindAll(".queue-table tbody tr").Single(r => r.TextContent.Contains(number, StringComparison.Ordinal));

        Assert.Equal($"/staff/cases/{number}", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal("期限超過", row.QuerySelector(".badge--alert")!.TextContent);
        var due = LocalizationRegistrationTime(portal.Now + portal.Seeds["received-overdue"].DueIn!.Value);
        Assert.Contains($"期限 {due}", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("山田 太郎", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("未割り当て", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("低", row.TextContent, StringComparison.Ordinal);

        var mine = page.FindAll(".queue-table tbody tr").Single(r => r.TextContent.Contains(portal.Numbers["mine"], StringComparison.Ordinal));
        Assert.Contains(portal.MyAccount.DisplayName, mine.TextContent, StringComparison.Ordinal);
        Assert.Null(mine.QuerySelector(".badge--alert"));
    }

    [Fact]
    public async Task TheBackOfficeAddressLeadsToTheQueue()
    {
        using var response = await portal.Me.Http.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/cases", response.Headers.Location!.OriginalString);
    }

    private static string LocalizationRegistrationTime(DateTimeOffset at) => Web.Infrastructure.Localization.LocalizationRegistration.FormatJapanTime(at);
}
