using System.Globalization;
using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.FaxForm;
using CrossBorderConsumerCenter.Testing.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.CoolingOffNotice;

/// <summary>The portal on a fake clock started from today, so that "today" on the notice is known to the test.</summary>
public class NoticeFixture : PortalFixture
{
    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
}

/// <summary>
/// The cooling-off notice: the consumer types the contract, the seller and themselves; the page gives one postcard per
/// recipient in the words of the consumer centers' example (in Japanese whatever the page's language), and the same as a
/// PDF of postcard-sized pages. Nothing typed is stored or cached.
/// </summary>
public class CoolingOffNoticeTests(NoticeFixture portal) : IClassFixture<NoticeFixture>
{
    private static readonly DateOnly ContractDate = TestTime.DaysAgo(3);

    private const string Name = "山田 花子";
    private const string Goods = "浄水器 <b>特価</b>";
    private const string Seller = "株式会社テスト販売";

    /// <summary>A postcard's side of 100 × 148 mm in points, as pdfinfo prints it.</summary>
    private static bool IsPostcard((double Width, double Height) size) => Math.Abs(size.Width - 283.46) < 1 && Math.Abs(size.Height - 419.53) < 1;

    private static Dictionary<string, string?> Typed(bool credit = false) => new()
    {
        ["ContractDate"] = ContractDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Goods"] = Goods,
        ["Amount"] = "300,000円",
        ["SellerName"] = Seller,
        ["SellerBranch"] = "東京営業所",
        ["SellerPerson"] = "佐藤",
        ["SellerPostalCode"] = "100-0001",
        ["SellerAddress"] = "東京都千代田区千代田1-1",
        ["Credit"] = credit ? "true" : null,
        ["CreditName"] = credit ? "テストクレジット株式会社" : null,
        ["ConsumerName"] = Name,
        ["ConsumerPostalCode"] = "０６０－０００１",
        ["ConsumerAddress"] = "北海道札幌市中央区北1条西1丁目",
    };

    private FormClient Client(string language)
    {
        var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static string Japanese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static async Task<HtmlPage> PostAsync(FormClient client, string query, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var form = await client.GetOkAsync("/cooling-off/notice" + query);
        using var response = await client.SubmitAsync(form, "form[data-notice-form]", values);
        return await HtmlPage.ReadAsync(response);
    }

    /// <summary>Presses the notice page's PDF button: its form's values, posted to the button's own address (formaction).</summary>
    internal static async Task<HttpResponseMessage> PdfAsync(FormClient client, HtmlPage notice)
    {
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)notice.Find("form[data-notice-values]")!;
        var action = notice.Find("[data-notice-pdf]")!.GetAttribute("formaction")!;
        using var content = new FormUrlEncodedContent(HtmlForms.CurrentValues(form));
        return await client.Http.PostAsync(action, content);
    }

    private static List<string> Texts(AngleSharp.Dom.IElement card) =>
        [.. card.QuerySelectorAll("p, dt, dd").Select(e => e.TextContent.Trim())];

    [Theory]
    [InlineData("ja", "クーリング・オフの通知書(はがき)を作る", "保存しません")]
    [InlineData("en", "Write a cooling-off notice (postcard)", "is not saved")]
    public async Task TheFormAsksInTheVisitorsLanguageSaysNothingIsStoredAndDatesTheNoticeToday(string language, string heading, string notStored)
    {
        using var client = Client(language);
        var page = await client.GetOkAsync("/cooling-off/notice?kind=door-to-door&credit=true");

        Assert.Equal(language, page.Lang);
        Assert.Equal(heading, page.Heading);
        Assert.Contains(notStored, page.Find("[data-not-stored]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("door-to-door", page.Find("input[name='Kind']")?.GetAttribute("value"));
        Assert.NotNull(page.Find("input[name='Credit'][checked]"));
        Assert.Equal(TestTime.TodayInJapan.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.Find("input[name='NoticeDate']")!.GetAttribute("value"));
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
        foreach (var field in new[] { "ContractDate", "Goods", "Amount", "SellerName", "ConsumerName", "ConsumerAddress" })
        {
            Assert.NotNull(page.Find($"label[for='{field}'] .field__required"));
        }
    }

    public static TheoryData<string> Kinds() => [.. Web.Domain.CoolingOff.CoolingOffKinds.All.Select(Web.Domain.CoolingOff.CoolingOffKinds.Slug)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TheCheckersLinkOpensTheFormForEveryKind(string slug)
    {
        using var client = Client("ja");
        var page = await client.GetOkAsync($"/cooling-off/notice?kind={slug}&credit=true");
        Assert.Equal(slug, page.Find("input[name='Kind']")?.GetAttribute("value"));
        Assert.Equal(slug == "door-to-door-purchase" ? "買取業者" : "販売会社", page.Find("#section-seller")!.TextContent);
        Assert.Equal(slug is "mail-order" or "shop-visit", page.Find("[data-no-cooling-off]") is not null);
    }

    [Fact]
    public async Task AnUnknownOrMissingKindGivesTheSaleFormAndCreditCanBeTicked()
    {
        using var client = Client("ja");
        foreach (var query in new[] { "", "?kind=nonsense", "?kind=&credit=maybe" })
        {
            var page = await client.GetOkAsync("/cooling-off/notice" + query);
            Assert.Null(page.Find("input[name='Kind']"));
            Assert.Null(page.Find("input[name='Credit'][checked]"));
            Assert.NotNull(page.Find("input[type='checkbox'][name='Credit']"));
            Assert.Equal("販売会社", page.Find("#section-seller")!.TextContent);
            Assert.Empty(page.FindAll(".error-summary"));
        }
    }

    [Theory]
    [InlineData("ja", "ja")]
    [InlineData("en", "ja")]
    public async Task TheNoticeIsOnePostcardToTheSellerInTheExamplesWordsWithTheTypedValues(string language, string cardLanguage)
    {
        using var client = Client(language);
        var page = await PostAsync(client, "?kind=door-to-door", Typed());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
        var card = Assert.Single(page.FindAll(".postcard"));
        Assert.Equal(cardLanguage, card.GetAttribute("lang"));
        Assert.Equal("Seller", card.ParentElement!.GetAttribute("data-recipient"));
        Assert.Equal(
            [
                "通知書", "次の契約を解除します。",
                "契約年月日", Japanese(ContractDate), "商品名", Goods, "契約金額", "300,000円", "販売会社", $"{Seller} 東京営業所", "担当者", "佐藤",
                "支払った代金300,000円を返金し、商品を引き取ってください。",
                Japanese(TestTime.TodayInJapan), "住所", "〒060-0001 北海道札幌市中央区北1条西1丁目", "氏名", Name,
            ],
            Texts(card));

        // What was typed is text on the page, never markup.
        Assert.Contains("浄水器 &lt;b&gt;特価&lt;/b&gt;", page.Text, StringComparison.Ordinal);
        Assert.Empty(card.QuerySelectorAll("b"));
        Assert.Contains("特定記録郵便", page.Find("[data-steps]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Find(".postcard--address"));
    }

    [Fact]
    public async Task TheEnglishPageExplainsTheNoticeIsInJapaneseAndGivesTheStepsInEnglish()
    {
        using var client = Client("en");
        var page = await PostAsync(client, "", Typed());

        Assert.Equal("en", page.Lang);
        Assert.Equal("Your cooling-off notice", page.Heading);
        Assert.Contains("written in Japanese", page.MainText, StringComparison.Ordinal);
        var steps = page.Find("[data-steps]")!.TextContent;
        Assert.Contains("postmark", steps, StringComparison.Ordinal);
        Assert.Contains("copy both sides", steps, StringComparison.Ordinal);
        Assert.Contains("receipt", steps, StringComparison.Ordinal);
        Assert.Contains("次の契約を解除します。", page.Find(".postcard")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreditAddsASecondPostcardToTheCreditCompanyNamingTheSellerAndTheCompany()
    {
        using var client = Client("ja");
        var page = await PostAsync(client, "?kind=telemarketing&credit=true", Typed(credit: true));

        var cards = page.FindAll(".postcard");
        Assert.Equal(2, cards.Count);
        Assert.Equal(["Seller", "CreditCompany"], page.FindAll(".postcard-sheet").Select(s => s.GetAttribute("data-recipient")));
        var credit = Texts(cards[1]);
        Assert.Contains("クレジット会社", credit);
        Assert.Contains("テストクレジット株式会社", credit);
        Assert.Contains($"{Seller} 東京営業所", credit);
        Assert.DoesNotContain(credit, t => t.Contains("返金", StringComparison.Ordinal));
        Assert.DoesNotContain("テストクレジット株式会社", Texts(cards[0]));
        Assert.Contains("クレジット会社あての通知書も", page.Find("[data-steps]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADoorToDoorPurchaseAsksTheBuyerToReturnTheGoodsAndHasNoCredit()
    {
        using var client = Client("ja");
        var form = await client.GetOkAsync("/cooling-off/notice?kind=door-to-door-purchase&credit=true");
        Assert.Null(form.Find("input[name='Credit']"));
        Assert.Null(form.Find("input[name='Paid']"));
        Assert.Equal("売った物品", form.Find("label[for='Goods']")!.FirstChild!.TextContent.Trim());

        using var response = await client.SubmitAsync(form, "form[data-notice-form]", Typed(credit: true));
        var page = await HtmlPage.ReadAsync(response);
        var card = Assert.Single(page.FindAll(".postcard"));
        var texts = Texts(card);
        Assert.Contains("買取業者", texts);
        Assert.DoesNotContain("販売会社", texts);
        Assert.Contains("受け取った代金300,000円は返金しますので、物品を返してください。", texts);
        Assert.DoesNotContain("クレジット会社", texts);
    }

    [Fact]
    public async Task NothingPaidAsksOnlyForTheGoodsToBeTakenBack()
    {
        using var client = Client("ja");
        var page = await PostAsync(client, "", new Dictionary<string, string?>(Typed()) { ["Paid"] = "0" });
        var texts = Texts(page.Find(".postcard")!);
        Assert.Contains("商品を引き取ってください。", texts);
        Assert.DoesNotContain(texts, t => t.Contains("返金", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAddressSideNamesTheSellerWithItsAddressAndTheSender()
    {
        using var client = Client("ja");
        var page = await PostAsync(client, "", new Dictionary<string, string?>(Typed()) { ["AddressSide"] = "true" });
        var address = Assert.Single(page.FindAll(".postcard--address"));
        var text = address.TextContent;
        Assert.Contains("〒100-0001", text, StringComparison.Ordinal);
        Assert.Contains("東京都千代田区千代田1-1", text, StringComparison.Ordinal);
        Assert.Contains($"{Seller} 東京営業所 御中", text, StringComparison.Ordinal);
        Assert.Contains(Name, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "「あなたの氏名」を入力してください。", "「契約金額(円)」は円の金額を数字で入力してください(例: 300000)。", "「契約した日」は 2026-01-15 のように日付で入力してください。", "エラー: ")]
    [InlineData("en", "Enter “Your name”.", "Enter “Contract amount (yen)” as an amount in whole yen, for example 300000.", "Enter “Date of the contract” as a date, for example 2026-01-15.", "Error: ")]
    public async Task AnIncompleteFormComesBackWithClearMessagesAndEverythingTyped(string language, string nameError, string amountError, string dateError, string titlePrefix)
    {
        using var client = Client(language);
        var values = new Dictionary<string, string?>(Typed(credit: true))
        {
            ["ConsumerName"] = "  ",
            ["Amount"] = "三十万",
            ["ContractDate"] = "15/01/2026",
            ["CreditName"] = "",
            ["SellerPostalCode"] = "12345",
        };
        var page = await PostAsync(client, "?kind=door-to-door", values);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith(titlePrefix, page.Title, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".postcard"));
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
        Assert.Contains(nameError, page.FieldError("ConsumerName"), StringComparison.Ordinal);
        Assert.Contains(amountError, page.FieldError("Amount"), StringComparison.Ordinal);
        Assert.Contains(dateError, page.FieldError("ContractDate"), StringComparison.Ordinal);
        Assert.NotNull(page.FieldError("CreditName"));
        Assert.NotNull(page.FieldError("SellerPostalCode"));
        Assert.Equal(
            ["#ContractDate", "#Amount", "#SellerPostalCode", "#CreditName", "#ConsumerName"],
            page.FindAll(".error-summary a").Select(a => a.GetAttribute("href")));

        Assert.Equal("三十万", page.Find("#Amount")!.GetAttribute("value"));
        Assert.Equal("15/01/2026", page.Find("#ContractDate")!.GetAttribute("value"));
        Assert.Equal(Goods, page.Find("#Goods")!.GetAttribute("value"));
        Assert.Equal(Seller, page.Find("#SellerName")!.GetAttribute("value"));
        Assert.Equal("北海道札幌市中央区北1条西1丁目", page.Find("#ConsumerAddress")!.GetAttribute("value"));
        Assert.NotNull(page.Find("input[name='Credit'][checked]"));
        Assert.Equal("door-to-door", page.Find("input[name='Kind']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task DatesInTheFutureOrANoticeBeforeTheContractAreRefused()
    {
        using var client = Client("ja");
        var values = new Dictionary<string, string?>(Typed())
        {
            ["ContractDate"] = TestTime.TodayInJapan.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["NoticeDate"] = TestTime.TodayInJapan.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Paid"] = "400000",
        };
        var page = await PostAsync(client, "", values);
        Assert.Equal("「契約した日」に今日より後の日付は入力できません。", page.FieldError("ContractDate"));
        Assert.Equal("「通知書の日付」が「契約した日」より前になっています。", page.FieldError("NoticeDate"));
        Assert.Equal("「支払った金額(円)」が「契約金額(円)」より多くなっています。", page.FieldError("Paid"));
    }

    [Fact]
    public async Task ChangingTheNoticeGivesTheFormBackWithTheValues()
    {
        using var client = Client("ja");
        var notice = await PostAsync(client, "?kind=door-to-door", Typed(credit: true));
        using var response = await client.SubmitAsync(notice, "form[data-notice-values]", submitName: "edit", submitValue: "true");
        var form = await HtmlPage.ReadAsync(response);

        Assert.Equal("クーリング・オフの通知書(はがき)を作る", form.Heading);
        Assert.Empty(form.FindAll(".error-summary"));
        Assert.Equal(Name, form.Find("#ConsumerName")!.GetAttribute("value"));
        Assert.Equal("テストクレジット株式会社", form.Find("#CreditName")!.GetAttribute("value"));
        Assert.NotNull(form.Find("input[name='Credit'][checked]"));
        Assert.Equal("door-to-door", form.Find("input[name='Kind']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task ThePdfHasOnePostcardSizedPagePerPostcardWithTheTypedText()
    {
        using var client = Client("en");
        var notice = await PostAsync(client, "?kind=door-to-door", Typed(credit: true));
        using var response = await PdfAsync(client, notice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "The PDF may be cached.");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var sizes = await Poppler.PageSizesAsync(pdf);
        Assert.Equal(2, sizes.Count);
        Assert.All(sizes, s => Assert.True(IsPostcard(s), $"A page is {s.Width} x {s.Height} pt, not 100 x 148 mm."));

        var text = Poppler.WithoutSpaces(await Poppler.TextAsync(pdf));
        foreach (var card in notice.FindAll(".postcard"))
        {
            Assert.All(Texts(card), t => Assert.Contains(Poppler.WithoutSpaces(t), text, StringComparison.Ordinal));
        }

        Assert.Contains(Poppler.WithoutSpaces(Name), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePdfWithTheAddressSideHasTwoPagesPerPostcard()
    {
        using var client = Client("ja");
        var notice = await PostAsync(client, "", new Dictionary<string, string?>(Typed(credit: true)) { ["AddressSide"] = "true", ["CreditAddress"] = "大阪府大阪市北区1-2-3" });
        using var response = await PdfAsync(client, notice);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(4, (await Poppler.PageSizesAsync(pdf)).Count);
        var text = Poppler.WithoutSpaces(await Poppler.TextAsync(pdf));
        Assert.Contains("大阪府大阪市北区1-2-3", text, StringComparison.Ordinal);
        Assert.Contains("テストクレジット株式会社御中", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidPostForThePdfGivesTheFormWithItsErrorsNotAFailure()
    {
        using var client = Client("ja");
        var form = await client.GetOkAsync("/cooling-off/notice");
        using var response = await client.PostAsync("/cooling-off/notice.pdf", form, [new("ConsumerName", Name)]);
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(page.FindAll(".error-summary li"));
        Assert.Equal(Name, page.Find("#ConsumerName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task NoticesAndPdfsWriteNothingToTheDatabase()
    {
        using var client = Client("ja");

        // The form's page first: its antiforgery token may create the Data Protection key, which is not the notice's doing.
        var form = await client.GetOkAsync("/cooling-off/notice?kind=door-to-door&credit=true");
        var before = await RowCountsAsync();

        using (var response = await client.SubmitAsync(form, "form[data-notice-form]", Typed(credit: true)))
        {
            var notice = await HtmlPage.ReadAsync(response);
            Assert.Equal(2, notice.FindAll(".postcard").Count);
            using var pdf = await PdfAsync(client, notice);
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        }

        using (var invalid = await client.SubmitAsync(form, "form[data-notice-form]", new Dictionary<string, string?> { ["ConsumerName"] = Name }))
        {
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        }

        Assert.Equal(before, await RowCountsAsync());
    }

    /// <summary>The number of rows of every table of the portal's database, and how often each was written to.</summary>
    private async Task<Dictionary<string, string>> RowCountsAsync()
    {
        await using var connection = await portal.Database.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.True(tables.Count > 10, $"Only {tables.Count} tables found.");
        var counts = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = Convert.ToString(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
        }

        return counts;
    }
}

/// <summary>Without the Japanese font the PDF cannot be made: the notice's page comes back, printable, saying so.</summary>
public class CoolingOffNoticeWithoutFontTests(NoFontFixture portal) : IClassFixture<NoFontFixture>
{
    [Theory]
    [InlineData("ja", "PDFを作成できませんでした")]
    [InlineData("en", "The PDF could not be made")]
    public async Task ThePdfAnswersWithTheNoticesPageAndAClearMessage(string language, string title)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await client.GetOkAsync("/cooling-off/notice");
        using var posted = await client.SubmitAsync(form, "form[data-notice-form]", new Dictionary<string, string?>
        {
            ["ContractDate"] = TestTime.DaysAgo(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Goods"] = "布団",
            ["Amount"] = "100000",
            ["SellerName"] = "株式会社テスト",
            ["ConsumerName"] = "鈴木 一郎",
            ["ConsumerAddress"] = "東京都港区1-1",
        });
        var notice = await HtmlPage.ReadAsync(posted);
        using var response = await CoolingOffNoticeTests.PdfAsync(client, notice);
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(title, page.Find("[data-pdf-unavailable] h2")?.TextContent);
        Assert.Contains("鈴木 一郎", page.Find(".postcard")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page.Text, StringComparison.Ordinal);

        // The missing font is logged; nothing the consumer typed is.
        var logged = portal.LogLines().Select(l => l.GetRawText()).ToList();
        Assert.Contains(logged, l => l.Contains("fonts-ipafont-gothic", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, l => l.Contains("鈴木", StringComparison.Ordinal) || l.Contains("布団", StringComparison.Ordinal));
    }
}
