using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.Intake;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>
/// A library's or a family's computer: after one person sends a complaint, nothing in the browser leads the next person to
/// it; the receipt shows right after sending and for a short while only; and the same submission sent again, by whatever
/// route, makes one case (ADR 0072).
/// </summary>
public class SharedComputerTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    private const string Submit = "form[action='/complaint/submit']";

    [Theory]
    [InlineData("/complaint")]
    [InlineData("/complaint/consent")]
    [InlineData("/complaint/form")]
    [InlineData("/complaint/review")]
    public async Task TheNextPersonWhoOpensTheFormStartsAfreshAndNeverReachesTheReceipt(string url)
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync(new Dictionary<string, string?>
        {
            ["Form.Consumer.Name"] = "共用 一郎",
            ["Form.Consumer.Email"] = "ichiro@example.jp",
            ["Form.Consumer.EmailConfirmation"] = "ichiro@example.jp",
        }));
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var link = receipt.Find("[data-tracking-link]")!.GetAttribute("href")!;

        // The next person, moments later, on the same browser.
        var opened = await FollowAllAsync(client, url);
        Assert.Equal("/complaint/consent", new Uri(opened.Url).AbsolutePath);
        AssertShowsNothingOf(opened, number, link);
        Assert.False(opened.Find("#Consent_AgreesToHandling")!.HasAttribute("checked"));

        // Nor does the receipt's address, nor any other step, lead back to it.
        foreach (var step in new[] { IntakeController.ReceiptPath, "/complaint/review", "/complaint/form" })
        {
            AssertShowsNothingOf(await FollowAllAsync(client, step), number, link);
        }

        var none = await client.GetOkAsync(IntakeController.ReceiptPath);
        Assert.Equal("受付の控えは表示していません", none.Heading);
        Assert.Equal(1, await portal.QueryAsync(db => db.Cases.CountAsync(c => c.Number == number)));
    }

    [Fact]
    public async Task TheReceiptShowsRightAfterSendingAndOnAReloadButNotOnceItsTimeIsOver()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync());
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var link = receipt.Find("[data-tracking-link]")!.GetAttribute("href")!;
        Assert.Contains("10分", receipt.MainText, StringComparison.Ordinal);
        Assert.Contains("no-store", receipt.Headers["Cache-Control"], StringComparison.Ordinal);
        try
        {
            portal.Clock.Advance(IntakeDraft.ReceiptWindow - TimeSpan.FromSeconds(1));
            var reloaded = await client.GetOkAsync(IntakeController.ReceiptPath);
            Assert.Equal(number, reloaded.Find("[data-case-number]")!.TextContent.Trim());
            Assert.Equal(link, reloaded.Find("[data-tracking-link]")!.GetAttribute("href"));

            portal.Clock.Advance(TimeSpan.FromSeconds(1));
            var later = await client.GetOkAsync(IntakeController.ReceiptPath);
            AssertShowsNothingOf(later, number, link);
            Assert.Equal("受付の控えは表示していません", later.Heading);
        }
        finally
        {
            portal.Clock.SetUtcNow(IntakeFixture.Start);
        }
    }

    [Fact]
    public async Task TheBackButtonAndSendAgainShowTheSameReceiptWithItsLinkAndMakeNoSecondCase()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "戻る 太郎" });
        var first = await journey.SubmitAsync(review);

        // The draft's cookie went with the first answer: only the page's ticket names the submission now.
        using var again = await client.SubmitAsync(review, Submit);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(IntakeController.ReceiptPath, again.Headers.Location!.OriginalString);
        var second = await client.FollowRedirectAsync(again);

        Assert.Equal(first.Find("[data-case-number]")!.TextContent, second.Find("[data-case-number]")!.TextContent);
        Assert.Equal(first.Find("[data-tracking-link]")!.GetAttribute("href"), second.Find("[data-tracking-link]")!.GetAttribute("href"));
        await AssertOneCaseWithOneEmailAsync("戻る 太郎");
    }

    [Fact]
    public async Task APostRetriedAfterItsAnswerWasLostMakesOneCaseAndShowsItsReceipt()
    {
        // A browser whose cookies the test can set back, as if the first answer (and its cookies) never arrived.
        var cookies = new CookieContainerHandler();
        using var client = new FormClient(portal.Factory.CreateDefaultClient(new Uri("http://localhost"), cookies));
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "再送 花子" });
        var before = cookies.Container.GetCookies(new Uri("http://localhost/complaint/submit")).ToList();

        using (var lost = await client.SubmitAsync(review, Submit))
        {
            Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        }

        foreach (var cookie in cookies.Container.GetCookies(new Uri("http://localhost/complaint/")).ToList())
        {
            cookie.Expired = true;
        }

        foreach (var cookie in before)
        {
            cookies.Container.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        using var retried = await client.SubmitAsync(review, Submit);
        Assert.Equal(IntakeController.ReceiptPath, retried.Headers.Location!.OriginalString);
        var receipt = await client.FollowRedirectAsync(retried);
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        Assert.Equal(await portal.QueryAsync(db => db.Cases.Where(c => c.ConsumerName == "再送 花子").Select(c => c.Number).SingleAsync()), number);

        // The link was only in the answer that was lost: the receipt says where it is instead.
        Assert.Null(receipt.Find("[data-tracking-link]"));
        Assert.Contains("受付のメールでお知らせしています", receipt.MainText, StringComparison.Ordinal);
        await AssertOneCaseWithOneEmailAsync("再送 花子");

        // The retry's answer let go of the draft, too: the form starts afresh.
        Assert.Equal("/complaint/consent", (await client.GetAsync("/complaint/review")).Headers["Location"]);
    }

    [Fact]
    public async Task TheSameSubmissionSentAfterItsTimeMakesNoCaseAndShowsNoReceipt()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "遅れ 次郎" });
        var first = await journey.SubmitAsync(review);
        var number = first.Find("[data-case-number]")!.TextContent.Trim();
        try
        {
            portal.Clock.Advance(IntakeDraft.ReceiptWindow);
            using var late = await client.SubmitAsync(review, Submit);
            var page = await client.FollowRedirectAsync(late);
            AssertShowsNothingOf(page, number, first.Find("[data-tracking-link]")!.GetAttribute("href")!);
            Assert.Equal("受付の控えは表示していません", page.Heading);
            await AssertOneCaseWithOneEmailAsync("遅れ 次郎");
        }
        finally
        {
            portal.Clock.SetUtcNow(IntakeFixture.Start);
        }
    }

    [Fact]
    public async Task AnotherBrowsersTicketNeitherSendsItsDraftNorShowsItsCase()
    {
        using var owner = portal.Factory.CreateFormClient();
        var ownerJourney = new IntakeJourney(owner);
        var ownerReview = await ownerJourney.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "持ち主 三郎" });
        var ticket = ownerReview.Find($"input[name='{SubmissionTickets.FieldName}']")!.GetAttribute("value")!;

        using var stranger = portal.Factory.CreateFormClient();
        var strangerReview = await new IntakeJourney(stranger).ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "他人 四郎" });
        await new IntakeJourney(stranger).SubmitAsync(strangerReview);

        // The open draft is sent only from the browser that holds it.
        using (var response = await stranger.SubmitAsync(strangerReview, Submit, [new(SubmissionTickets.FieldName, ticket)]))
        {
            Assert.Equal("/complaint/consent", response.Headers.Location!.OriginalString);
        }

        Assert.False(await portal.QueryAsync(db => db.Cases.AnyAsync(c => c.ConsumerName == "持ち主 三郎")));

        // A ticket altered or made up names nothing.
        using (var response = await owner.SubmitAsync(ownerReview, Submit, [new(SubmissionTickets.FieldName, ticket[..^4] + "AAAA")]))
        {
            // Without a ticket it reads, the page is taken for the draft the browser holds, as a page from before tickets was.
            Assert.Equal(IntakeController.ReceiptPath, response.Headers.Location!.OriginalString);
        }

        await AssertOneCaseWithOneEmailAsync("持ち主 三郎");
    }

    [Fact]
    public async Task TheReceiptAndTheFormAreNeverKeptByTheBrowser()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync();
        Assert.Contains("no-store", review.Headers["Cache-Control"], StringComparison.Ordinal);
        var receipt = await journey.SubmitAsync(review);
        Assert.Contains("no-store", receipt.Headers["Cache-Control"], StringComparison.Ordinal);
        Assert.Contains("no-store", (await client.GetAsync(IntakeController.ReceiptPath)).Headers["Cache-Control"], StringComparison.Ordinal);
    }

    /// <summary>GETs <paramref name="url"/> and follows its redirects, as a browser does.</summary>
    private static async Task<HtmlPage> FollowAllAsync(FormClient client, string url)
    {
        var page = await client.GetAsync(url);
        for (var i = 0; i < 5 && page.StatusCode == HttpStatusCode.Redirect; i++)
        {
            page = await client.GetAsync(page.Headers["Location"]);
        }

        return page;
    }

    private static void AssertShowsNothingOf(HtmlPage page, string number, string link)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(number, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(link[(link.LastIndexOf('/') + 1)..], page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("共用 一郎", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ichiro@example.jp", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Find("[data-case-number]"));
        Assert.Null(page.Find("[data-tracking-link]"));
    }

    private async Task AssertOneCaseWithOneEmailAsync(string name)
    {
        var caseId = Assert.Single(await portal.QueryAsync(db => db.Cases.Where(c => c.ConsumerName == name).Select(c => c.Id).ToListAsync()));
        Assert.Equal(1, await portal.QueryAsync(db => db.OutboundEmails.CountAsync(e => e.CaseId == caseId)));
    }
}
