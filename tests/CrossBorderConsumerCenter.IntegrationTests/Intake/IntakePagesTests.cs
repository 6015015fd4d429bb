namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>The public pages say what the center does and does not do, in both languages, under the strict CSP.</summary>
public class IntakePagesTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Theory]
    [InlineData("ja", new[] { "センターの役割", "センターにできないこと", "まずは事業者へ直接お問い合わせください", "CBBB", "SOSA", "シンガポール消費者協会", "アメリカ合衆国・カナダ", "台湾",
        "模倣品", "解決をお約束するものではありません", "お早めにご相談ください", "平日 9:00〜17:45", "迷惑メールフォルダ", "ドメインからのメールを受信できるよう", "クーリング・オフ制度はありません" })]
    [InlineData("en", new[] { "What the center does", "What the center cannot do", "First, contact the business yourself", "CBBB", "SOSA", "Consumers Association of Singapore",
        "United States, Canada", "Taiwan", "counterfeit", "cannot guarantee a resolution", "as soon as you notice", "9:00–17:45", "spam folder", "allow email from our domain",
        "no cooling-off period" })]
    public async Task TheHomePageCarriesEveryNoticeTheCenterMustGive(string language, string[] notices)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var home = await client.GetOkAsync("/");
        Assert.All(notices, notice => Assert.Contains(notice, home.MainText, StringComparison.Ordinal));
        Assert.Equal(2, home.FindAll("main a[href='/complaint/consent']").Count);
    }

    [Theory]
    [InlineData("/faq", "ja", "よくあるご質問")]
    [InlineData("/faq", "en", "Frequently asked questions")]
    [InlineData("/privacy", "ja", "個人情報の取扱いについて")]
    [InlineData("/privacy", "en", "Privacy notice")]
    public async Task TheFaqAndPrivacyNoticeAreRealPagesInBothLanguages(string url, string language, string title)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var page = await client.GetOkAsync(url);
        Assert.Equal(language, page.Lang);
        Assert.Equal(title, page.Heading);
        Assert.StartsWith(title, page.Title, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("main h2[id]"));
        Assert.NotNull(page.Find($"nav a[href='{url}'][aria-current=page]"));
    }

    private static readonly string[] IntakeScripts = ["/js/site.js", "/js/intake.js"];

    [Fact]
    public async Task IntakePagesCarryNoInlineScriptOrStyle()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var pages = new List<HtmlPage> { await client.GetOkAsync("/complaint/consent"), await client.GetOkAsync("/faq"), await client.GetOkAsync("/privacy") };
        var review = await journey.ReachReviewAsync();
        pages.Add(review);
        pages.Add(await client.GetOkAsync("/complaint/form"));
        pages.Add(await journey.SubmitAsync(review));

        foreach (var page in pages)
        {
            Assert.All(page.FindAll("script"), s => Assert.Contains(s.GetAttribute("src")?.Split('?')[0] ?? $"inline script on {page.Url}", IntakeScripts));
            Assert.Empty(page.FindAll("style"));
            Assert.Empty(page.FindAll("[style]"));
            Assert.Empty(page.FindAll("[onclick],[onload],[onsubmit],[onchange]"));
        }
    }

    [Fact]
    public async Task TheIntakeScriptIsServed()
    {
        using var client = portal.Factory.CreateFormClient();
        using var script = await client.Http.GetAsync("/js/intake.js");
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("data-complaint-form", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
