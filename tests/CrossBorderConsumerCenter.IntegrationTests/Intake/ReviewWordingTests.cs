using AngleSharp.Dom;
using CrossBorderConsumerCenter.IntegrationTests.BackOffice;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>
/// What the review pages and the public navigation say, as a reader and a screen reader meet it: each "change" link
/// names its section in words that read as a sentence, the consent line says what was agreed to and links the notice,
/// each page's introduction names the button it really has, and the navigation names the lost-link page for what it does.
/// </summary>
public class ReviewWordingTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Theory]
    [InlineData("ja", "変更する", "「{0}」を変更する")]
    [InlineData("en", "Change", "Change “{0}”")]
    public async Task EachChangeLinkShowsOneWordAndTellsAScreenReaderWhichSection(string language, string shown, string heard)
    {
        using var client = Client(language);
        var review = await new IntakeJourney(client).ReachReviewAsync();
        AssertChangeLinks(review, shown, heard, expected: 6);

        var world = await SampleWorld.CreateAsync(portal.Factory);
        world.Counselor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        world.Admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        AssertChangeLinks(await world.Counselor.GetOkAsync("/counselor/cases/new/review"), shown, heard, expected: 6);
        AssertChangeLinks(await world.Admin.GetOkAsync("/staff/cases/new/review"), shown, heard, expected: 6);
    }

    [Theory]
    [InlineData("ja", "個人情報の取扱いについての説明に同意しています")]
    [InlineData("en", "You agreed to how we handle your personal information")]
    public async Task TheConsentLineSaysWhatWasAgreedToAndLinksTheNotice(string language, string agreed)
    {
        using var client = Client(language);
        var review = await new IntakeJourney(client).ReachReviewAsync();
        var consent = review.Find("section[aria-labelledby=review-consent]")!;
        Assert.Contains(agreed, consent.TextContent, StringComparison.Ordinal);
        Assert.NotNull(consent.QuerySelector("a[href='/privacy']"));
        Assert.DoesNotContain("上記", review.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("above", review.MainText, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task EachReviewPageNamesTheButtonItHas(string language)
    {
        using var client = Client(language);
        var consumer = await new IntakeJourney(client).ReachReviewAsync();
        var world = await SampleWorld.CreateAsync(portal.Factory);
        world.Counselor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        world.Admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var counselor = await world.Counselor.GetOkAsync("/counselor/cases/new/review");
        var staff = await world.Admin.GetOkAsync("/staff/cases/new/review");

        var buttons = new List<string>();
        foreach (var page in new[] { consumer, counselor, staff })
        {
            var button = page.Find("form[data-submit-once] button[type=submit]")!.TextContent.Trim();
            Assert.Contains(button, page.Find("p.lead")!.TextContent, StringComparison.Ordinal);
            buttons.Add(button);
        }

        // The counselor's button says what it does: it sends the resident's complaint, as the consumer's sends theirs.
        Assert.Equal(language == "ja" ? ["この内容で相談する", "この内容で住民の相談を送る"] : ["Send my complaint", "Send the resident's complaint"], buttons[..2]);
    }

    [Theory]
    [InlineData("ja", "相談ページのリンクを再送")]
    [InlineData("en", "Resend my case link")]
    public async Task TheNavigationNamesTheLostLinkPageForWhatItDoes(string language, string name)
    {
        using var client = Client(language);
        var home = await client.GetOkAsync("/");
        Assert.Equal(name, home.Find("nav.main-nav a[href='/track/lost']")!.TextContent.Trim());
    }

    private static void AssertChangeLinks(HtmlPage page, string shown, string heard, int expected)
    {
        var headings = page.FindAll(".review-heading");
        Assert.Equal(expected, headings.Count);
        foreach (var heading in headings)
        {
            var section = heading.QuerySelector("h2")!.TextContent.Trim();
            var link = heading.QuerySelector("a")!;
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, heard, section), AccessibleName(link));
            Assert.Equal(shown, VisibleText(link));
            Assert.Contains(shown, AccessibleName(link), StringComparison.Ordinal);
        }
    }

    /// <summary>The name a screen reader gives a link: its text, without what is aria-hidden.</summary>
    private static string AccessibleName(IElement element) =>
        string.Concat(element.ChildNodes.Select(n => n switch
        {
            IElement e when e.GetAttribute("aria-hidden") == "true" => "",
            IElement e => AccessibleName(e),
            _ => n.TextContent,
        })).Trim();

    /// <summary>The text the eye sees: without what is visually hidden.</summary>
    private static string VisibleText(IElement element) =>
        string.Concat(element.ChildNodes.Select(n => n switch
        {
            IElement e when e.ClassList.Contains("visually-hidden") => "",
            IElement e => VisibleText(e),
            _ => n.TextContent,
        })).Trim();

    private FormClient Client(string language)
    {
        var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }
}
