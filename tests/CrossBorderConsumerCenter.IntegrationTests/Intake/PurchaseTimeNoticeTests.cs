namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>
/// An old purchase is named as such where the consumer sees its date, on the form (once saved) and on the review, written
/// by the server so that it needs no script: after 60 days act now, after 180 days the card's and the marketplace's
/// deadlines may have passed; each notice links the FAQ's sections on cards, marketplaces and rights with a time limit.
/// </summary>
public class PurchaseTimeNoticeTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Theory]
    [InlineData(51, null)]
    [InlineData(60, null)]
    [InlineData(61, "ActNow")]
    [InlineData(180, "ActNow")]
    [InlineData(181, "MayBeTooLate")]
    [InlineData(400, "MayBeTooLate")]
    public async Task TheFormAndTheReviewSayHowOldThePurchaseIs(int daysAgo, string? age)
    {
        using var client = portal.Factory.CreateFormClient();
        var review = await new IntakeJourney(client).ReachReviewAsync(Dated(daysAgo));
        var form = await client.GetOkAsync("/complaint/form");

        foreach (var page in new[] { review, form })
        {
            var notice = page.Find("[data-purchase-age]");
            Assert.Equal(age, notice?.GetAttribute("data-purchase-age"));
            if (notice is not null)
            {
                Assert.Contains($"購入から{daysAgo}日たっています", notice.TextContent, StringComparison.Ordinal);
                Assert.Equal(["/faq#credit-card", "/faq#marketplace", "/cooling-off"], notice.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
            }
        }

        // On the form, right after the date it is about.
        if (age is not null)
        {
            Assert.NotNull(form.Find("[data-purchase-age]")!.PreviousElementSibling!.QuerySelector("#Form_Purchase_Date"));
        }
    }

    [Theory]
    [InlineData("ja", 90, "お早めにご相談ください", "時間がたつほど、解決は難しくなります")]
    [InlineData("en", 90, "Act now", "The longer the wait, the harder a problem is to resolve")]
    [InlineData("ja", 200, "購入から時間がたっています", "期限を過ぎている可能性があります")]
    [InlineData("en", 200, "It is a long time since the purchase", "may have passed")]
    public async Task TheNoticeSpeaksTheConsumersLanguage(string language, int daysAgo, string heading, string body)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var review = await new IntakeJourney(client).ReachReviewAsync(Dated(daysAgo));
        var notice = review.Find("[data-purchase-age]")!;
        Assert.Equal(heading, notice.QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains(body, notice.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task EverySectionTheNoticeLinksExistsInTheFaq(string language)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var faq = await client.GetOkAsync("/faq");
        foreach (var id in new[] { "credit-card", "marketplace", "cooling-off" })
        {
            Assert.NotNull(faq.Find($"[id='{id}']"));
        }
    }

    private static Dictionary<string, string?> Dated(int daysAgo) => new()
    {
        ["Form.Purchase.Date"] = TestTime.Iso(TestTime.DaysAgo(daysAgo)),
        ["Form.Trouble.ContactedOn"] = TestTime.Iso(TestTime.DaysAgo(Math.Min(daysAgo, 10))),
    };
}
