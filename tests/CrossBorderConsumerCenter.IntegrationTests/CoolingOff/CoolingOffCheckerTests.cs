using System.Globalization;
using System.Net;
using CrossBorderConsumerCenter.Web.Domain.CoolingOff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.CoolingOff;

/// <summary>The portal on a clock that stands still at noon in Japan today, for the checker's "days left".</summary>
public class CoolingOffFixture : PortalFixture
{
    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    public static DateOnly Today => DateOnly.FromDateTime(TestTime.Today.ToOffset(TimeSpan.FromHours(9)).DateTime);

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}

/// <summary>
/// The cooling-off checker as a consumer or counselor uses it: a GET form whose answer is a link, every kind in both
/// languages, the last day as a &lt;time&gt;, "none" with the reason, the urgent call to 188, and clear messages for
/// whatever is typed wrong (dates relative to today: the rule's own dates are the unit tests' subject).
/// </summary>
public class CoolingOffCheckerTests(CoolingOffFixture portal) : IClassFixture<CoolingOffFixture>
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HtmlPage> GetAsync(string url, string language = "ja")
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await client.GetAsync(url);
    }

    [Theory]
    [InlineData("ja", "クーリング・オフができるか調べる", "特定商取引法第58条の14")]
    [InlineData("en", "Can I still cancel? The cooling-off checker", "Specified Commercial Transactions Act, art. 58-14")]
    public async Task TheBarePageIsAGetFormWithEveryKindAndTheWholeTable(string language, string heading, string basis)
    {
        var page = await GetAsync("/cooling-off", language);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(language, page.Lang);
        Assert.Equal(heading, page.Heading);
        Assert.StartsWith(heading, page.Title, StringComparison.Ordinal);
        var form = page.Find("main form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(
            CoolingOffKinds.All.Select(CoolingOffKinds.Slug).ToArray(),
            page.FindAll("select[name='kind'] option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToArray());
        foreach (var name in new[] { "document", "goods", "applied" })
        {
            Assert.Equal("date", page.Find($"input[name='{name}']")!.GetAttribute("type"));
        }

        foreach (var flag in new[] { "for-business", "cash-under-3000", "used-consumables", "credit", "defective-document" })
        {
            Assert.Equal("true", page.Find($"input[type='checkbox'][name='{flag}']")!.GetAttribute("value"));
        }

        Assert.Equal(CoolingOffTable.Rows.Count, page.FindAll(".cooling-off-table tbody tr").Count);
        Assert.Contains(basis, page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Find("#answer"));
        Assert.Null(page.Find(".error-summary"));
    }

    public static TheoryData<string, string> KindsInBothLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in CoolingOffKinds.All)
        {
            data.Add(CoolingOffKinds.Slug(kind), "ja");
            data.Add(CoolingOffKinds.Slug(kind), "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsInBothLanguages))]
    public async Task EveryKindAnswersWithItsLastDayOrNoneAndTheReason(string slug, string language)
    {
        Assert.True(CoolingOffKinds.TryParse(slug, out var kind));
        var document = CoolingOffFixture.Today.AddDays(-1);
        var page = await GetAsync($"/cooling-off?kind={slug}&document={Iso(document)}", language);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Find(".error-summary"));
        var answer = page.Find("#answer")!;
        var expected = CoolingOffCheck.Answer(new CoolingOffQuestion(kind, document), CoolingOffFixture.Today);
        if (expected.Row is { } row)
        {
            Assert.Equal("can-cancel", answer.GetAttribute("data-cooling-off-verdict"));
            var last = answer.QuerySelector("time[data-cooling-off='last-day']")!;
            Assert.Equal(Iso(expected.LastDay!.Value), last.GetAttribute("datetime"));
            Assert.Equal(expected.DaysLeft!.Value.ToString(CultureInfo.InvariantCulture), answer.QuerySelector("[data-cooling-off-days-left]")!.GetAttribute("data-cooling-off-days-left"));
            Assert.Null(answer.QuerySelector("[data-cooling-off='none']"));
            // A paid nursing home's refund is asked of the home, not by the cooling-off postcard.
            Assert.Equal(kind != CoolingOffKind.NursingHome, answer.QuerySelector($"a[data-cooling-off='notice'][href='/cooling-off/notice?kind={slug}']") is not null);
            Assert.Contains(language == "ja" ? "根拠法" : "Legal basis", answer.TextContent, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("none", answer.GetAttribute("data-cooling-off-verdict"));
            var none = answer.QuerySelector("[data-cooling-off='none']")!;
            Assert.Contains(
                (kind, language) switch
                {
                    (CoolingOffKind.MailOrder, "ja") => "通信販売",
                    (CoolingOffKind.MailOrder, _) => "Mail order",
                    (_, "ja") => "店に出向いて",
                    _ => "a shop you went to",
                },
                none.TextContent,
                StringComparison.Ordinal);
            Assert.Null(answer.QuerySelector("time[data-cooling-off='last-day']"));
            Assert.Null(answer.QuerySelector("a[data-cooling-off='notice']"));
        }
    }

    [Theory]
    [InlineData("ja", "特定商取引法第15条の3", "返品の送料は購入者の負担")]
    [InlineData("en", "art. 15-3", "at your own cost")]
    public async Task MailOrderExplainsTheReturnRuleAndItsDeadlineFromArrival(string language, string article, string cost)
    {
        var arrived = CoolingOffFixture.Today.AddDays(-2);
        var page = await GetAsync($"/cooling-off?kind=mail-order&goods={Iso(arrived)}", language);

        var answer = page.Find("#answer")!;
        Assert.NotNull(answer.QuerySelector("[data-cooling-off='none']"));
        Assert.Contains(article, answer.TextContent, StringComparison.Ordinal);
        Assert.Contains(cost, answer.TextContent, StringComparison.Ordinal);
        Assert.Equal(Iso(arrived.AddDays(7)), answer.QuerySelector("time[data-return='last-day']")!.GetAttribute("datetime"));
        Assert.NotNull(answer.QuerySelector("a[href='/complaint/consent']"));
    }

    [Theory]
    [InlineData(-7, true)]  // 8 days from a week ago: today is the last day
    [InlineData(-5, true)]  // two days left
    [InlineData(-4, true)]  // three days left
    [InlineData(-3, false)] // four days left
    public async Task WithThreeDaysOrFewerLeftTheAnswerSaysToCall188Now(int documentDaysAgo, bool urgent)
    {
        var page = await GetAsync($"/cooling-off?kind=door-to-door&document={Iso(CoolingOffFixture.Today.AddDays(documentDaysAgo))}");

        var call = page.Find("#answer [data-cooling-off='urgent']");
        Assert.Equal(urgent, call is not null);
        if (urgent)
        {
            Assert.NotNull(call!.QuerySelector("a[href='tel:188']"));
            Assert.Contains("今すぐ", call.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnTheLastDayItSaysToSendToday()
    {
        var page = await GetAsync($"/cooling-off?kind=telemarketing&document={Iso(CoolingOffFixture.Today.AddDays(-7))}", "en");

        Assert.Equal(Iso(CoolingOffFixture.Today), page.Find("time[data-cooling-off='last-day']")!.GetAttribute("datetime"));
        Assert.Contains("Today is the last day", page.Find("#answer")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "終わっています", "消費者ホットライン 188")]
    [InlineData("en", "has ended", "consumer hotline 188")]
    public async Task APassedLastDayIsSaidWithWhatCanStillBeDone(string language, string ended, string hotline)
    {
        var page = await GetAsync($"/cooling-off?kind=door-to-door&document={Iso(CoolingOffFixture.Today.AddDays(-30))}", language);

        var answer = page.Find("#answer")!;
        Assert.Equal("ended", answer.GetAttribute("data-cooling-off-verdict"));
        Assert.Equal(Iso(CoolingOffFixture.Today.AddDays(-23)), answer.QuerySelector("time[data-cooling-off='last-day']")!.GetAttribute("datetime"));
        Assert.Contains(ended, answer.TextContent, StringComparison.Ordinal);
        Assert.Contains(hotline, answer.TextContent, StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("a[data-cooling-off='notice']"));
    }

    [Theory]
    [InlineData("ja", "まだクーリング・オフできます")]
    [InlineData("en", "You can still cancel")]
    public async Task ADefectiveDocumentMeansYouCanStillCancelWithWhy(string language, string verdict)
    {
        var page = await GetAsync($"/cooling-off?kind=door-to-door&document={Iso(CoolingOffFixture.Today.AddDays(-200))}&defective-document=true&credit=true", language);

        var answer = page.Find("#answer")!;
        Assert.Equal("not-started", answer.GetAttribute("data-cooling-off-verdict"));
        Assert.Contains(verdict, answer.TextContent, StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("time[data-cooling-off='last-day']"));
        Assert.NotNull(answer.QuerySelector("a[data-cooling-off='notice'][href='/cooling-off/notice?kind=door-to-door&credit=true']"));
        Assert.NotNull(answer.QuerySelector("[data-cooling-off-note='SendToCreditCompany']"));
        Assert.Equal("checked", page.Find("input[name='defective-document']")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task TheAnswerLinksToItselfSoThatACounselorCanSendIt()
    {
        var url = $"/cooling-off?kind=multi-level-marketing&document={Iso(CoolingOffFixture.Today.AddDays(-3))}&goods={Iso(CoolingOffFixture.Today.AddDays(-1))}&credit=true";
        var page = await GetAsync(url);

        Assert.Equal(url, page.Find(".cooling-off-share a")!.GetAttribute("href"));
        Assert.EndsWith(url, page.Find(".cooling-off-share a")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Iso(CoolingOffFixture.Today.AddDays(-1).AddDays(19)), page.Find("time[data-cooling-off='last-day']")!.GetAttribute("datetime"));
        Assert.Equal(Iso(CoolingOffFixture.Today.AddDays(-3)), page.Find("input[name='document']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheSentLinkIsTheQuestionAsReadNotAsTyped()
    {
        var document = CoolingOffFixture.Today.AddDays(-2);
        var typed = $"/cooling-off?kind=Door-To-Door&document={document.ToString("yyyy/M/d", CultureInfo.InvariantCulture)}&junk=1&goods=&credit=yes&for-business=false";
        var page = await GetAsync(typed);

        var canonical = $"/cooling-off?kind=door-to-door&document={Iso(document)}&credit=true";
        Assert.Equal(canonical, page.Find(".cooling-off-share a")!.GetAttribute("href"));
        Assert.Equal("http://localhost" + canonical, page.Find(".cooling-off-share a")!.TextContent);
    }

    [Theory]
    [InlineData("ja", "前払金", "届くように")]
    [InlineData("en", "advance payment", "reaches the home")]
    public async Task APaidNursingHomeIsARefundOnLeavingNotAPostcard(string language, string refund, string reach)
    {
        var page = await GetAsync($"/cooling-off?kind=nursing-home&document={Iso(CoolingOffFixture.Today.AddDays(-10))}", language);

        var answer = page.Find("#answer")!;
        Assert.Contains(refund, answer.TextContent, StringComparison.Ordinal);
        Assert.Contains(reach, answer.TextContent, StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("a[data-cooling-off='notice']"));
        Assert.NotNull(answer.QuerySelector("time[data-cooling-off='last-day']"));
    }

    [Fact]
    public async Task ANursingHomeWithoutADayAsksForItWithoutPointingAtTheDocumentBox()
    {
        var page = await GetAsync("/cooling-off?kind=nursing-home&defective-document=true");

        Assert.Equal("入居した日を入力してください。", page.FieldError("document"));
    }

    [Theory]
    [InlineData(-3, false)]
    [InlineData(-20, true)]
    public async Task MailOrdersReturnDeadlineSaysWhenItHasPassed(int arrivedDaysAgo, bool passed)
    {
        var page = await GetAsync($"/cooling-off?kind=mail-order&goods={Iso(CoolingOffFixture.Today.AddDays(arrivedDaysAgo))}", "en");

        var answer = page.Find("#answer")!.TextContent;
        Assert.Equal(passed, answer.Contains("it has passed", StringComparison.Ordinal));
        Assert.Equal(!passed, page.Find("[data-return-days-left]") is not null);
    }

    [Theory]
    [InlineData("door-to-door", "第26条")]
    [InlineData("specified-continuous-service", "第50条")]
    [InlineData("door-to-door-purchase", "第58条の17")]
    public async Task ABusinessPurchaseCitesTheArticleOfItsKind(string kind, string article)
    {
        var page = await GetAsync($"/cooling-off?kind={kind}&for-business=true");

        Assert.Contains(article, page.Find("[data-cooling-off='none']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoorToDoorPurchasingSendsTheNoticeToTheBuyerAndAsksNothingOfACreditCompany()
    {
        var page = await GetAsync($"/cooling-off?kind=door-to-door-purchase&document={Iso(CoolingOffFixture.Today)}&credit=true");

        var answer = page.Find("#answer")!;
        Assert.Contains("買取業者", answer.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("信販会社", answer.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("クレジット会社にも", answer.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "/cooling-off?kind=online", "kind", "取引の種類は、一覧から選んでください。")]
    [InlineData("en", "/cooling-off?kind=online", "kind", "Choose the kind of transaction from the list.")]
    [InlineData("ja", "/cooling-off?document=2020-03-01", "kind", "取引の種類を選んでください。")]
    [InlineData("ja", "/cooling-off?kind=door-to-door&document=2027-13-45", "document", "年-月-日の形で入力してください")]
    [InlineData("en", "/cooling-off?kind=door-to-door&document=yesterday", "document", "enter a real date")]
    [InlineData("ja", "/cooling-off?kind=door-to-door&document=1989-12-31", "document", "1990年以降")]
    [InlineData("ja", "/cooling-off?kind=door-to-door", "document", "法定書面(契約書など)を受け取った日を入力してください")]
    [InlineData("en", "/cooling-off?kind=real-estate&document=", "document", "The day you were told about cooling-off in writing is needed")]
    [InlineData("ja", "/cooling-off?kind=nursing-home&goods=x", "goods", "商品を最初に受け取った日は、年-月-日の形で")]
    public async Task BadInputGetsAClearMessageInTheUsersLanguageAndKeepsWhatWasTyped(string language, string url, string field, string message)
    {
        var page = await GetAsync(url, language);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Find(".error-summary"));
        Assert.StartsWith(language == "ja" ? "エラー" : "Error", page.Title, StringComparison.Ordinal);
        Assert.Contains(message, page.FieldError(field), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.Find($".error-summary a[href='#{field}']"));
        Assert.Null(page.Find("#answer"));
        var typed = System.Web.HttpUtility.ParseQueryString(url.Split('?')[1]);
        if (field != "kind" && typed[field] is { Length: > 0 } value)
        {
            Assert.Equal(value, page.Find($"input[name='{field}']")!.GetAttribute("value"));
        }
    }

    [Theory]
    [InlineData("document")]
    [InlineData("goods")]
    [InlineData("applied")]
    public async Task ADayInTheFutureIsRefused(string field)
    {
        var page = await GetAsync($"/cooling-off?kind=insurance&document={Iso(CoolingOffFixture.Today)}&{field}={Iso(CoolingOffFixture.Today.AddDays(1))}", "en");

        Assert.Contains("cannot be in the future", page.FieldError(field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABusinessPurchaseNeedsNoDateToBeToldItHasNone()
    {
        var page = await GetAsync("/cooling-off?kind=door-to-door&for-business=true");

        Assert.Null(page.Find(".error-summary"));
        Assert.Equal("none", page.Find("#answer")!.GetAttribute("data-cooling-off-verdict"));
        Assert.Contains("第26条", page.Find("[data-cooling-off='none']")!.TextContent, StringComparison.Ordinal);
    }
}
