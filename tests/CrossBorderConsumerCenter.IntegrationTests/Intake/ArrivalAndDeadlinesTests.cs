using System.Net;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>
/// The day the item arrived is optional: given, it is checked, shown on the review, stored on the case, and the receipt
/// lists the deadlines that may matter with the days left and their sources (the return window counted from the day after
/// arrival); not given, the receipt lists only those that do not need it.
/// </summary>
public class ArrivalAndDeadlinesTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task AnArrivalDateIsReviewedStoredAndCountedOnTheReceipt()
    {
        var arrived = TestTime.DaysAgo(10);
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Purchase.ArrivedOn"] = TestTime.Iso(arrived) });
        Assert.Equal(TestTime.Iso(arrived), review.Find("[data-field='arrived-on']")!.TextContent.Trim());

        var receipt = await journey.SubmitAsync(review);

        var returns = receipt.Find("[data-rights] [data-right='ReturnAfterArrival']")!;
        Assert.Equal(TestTime.Iso(arrived.AddDays(14)), returns.GetAttribute("data-last-day"));
        Assert.Equal("4", returns.QuerySelector("[data-days-left]")!.GetAttribute("data-days-left"));
        Assert.Contains("(今日から4日)", returns.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://makoto1688.com/agreement/", returns.QuerySelector(".rights__source a")!.GetAttribute("href"));
        // Paid by card: the issuer's window as guidance, after the return window.
        var card = receipt.Find("[data-rights] [data-right='CardChargeback']")!;
        Assert.Equal(TestTime.Iso(TestComplaints.PurchaseDate.AddDays(120)), card.GetAttribute("data-last-day"));
        Assert.Contains("期限の目安", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(["ReturnAfterArrival", "CardChargeback"], receipt.FindAll("[data-right]").Select(e => e.GetAttribute("data-right")));

        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var stored = await portal.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Number == number));
        Assert.Equal(arrived, stored.ArrivedOn);
        Assert.Equal(arrived.AddDays(14), stored.EarliestRightsDeadline);
    }

    [Fact]
    public async Task WithoutAnArrivalDateTheReceiptListsOnlyWhatDoesNotNeedIt()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?>
        {
            ["Form.Purchase.PaymentMethod"] = "PayPal",
            ["Form.Purchase.Platform"] = "AliExpress",
        });
        var receipt = await journey.SubmitAsync(review);

        Assert.Equal(["PayPalBuyerProtection", "MarketplaceDispute"], receipt.FindAll("[data-right]").Select(e => e.GetAttribute("data-right")));
        var aliExpress = receipt.Find("[data-right='MarketplaceDispute']")!;
        Assert.Equal("", aliExpress.GetAttribute("data-last-day")); // Razor writes data- attributes even when empty
        Assert.Contains("AliExpress", aliExpress.TextContent, StringComparison.Ordinal);
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var stored = await portal.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Number == number));
        Assert.Null(stored.ArrivedOn);
        Assert.Equal(TestComplaints.PurchaseDate.AddDays(TimeLimitedRights.PayPalDisputeDays), stored.EarliestRightsDeadline);
    }

    [Fact]
    public async Task TheAcknowledgementEmailListsTheDeadlines()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var arrived = TestTime.DaysAgo(3);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Purchase.ArrivedOn"] = TestTime.Iso(arrived) }));
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();

        var email = await portal.QueryAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Template == "IntakeAcknowledgement" && e.Subject.Contains(number)));
        Assert.Contains($"- 返品・交換(到着日から数える場合): {TestTime.Iso(arrived.AddDays(14))}まで", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("クレジットカードの支払いの取消し(チャージバック): " + TestTime.Iso(TestComplaints.PurchaseDate.AddDays(120)) + "ごろまで", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", 1, "商品が届いた日(届いていれば)に未来の日付は入力できません。")]
    [InlineData("en", 1, "The day the item arrived (if it did) cannot be in the future.")]
    [InlineData("ja", -60, "商品が届いた日は、購入日と同じ日かそれより後の日付を入力してください。")]
    [InlineData("en", -60, "The day the item arrived cannot be before the date of purchase.")]
    public async Task AnArrivalDateOutOfPlaceIsExplainedInTheConsumersLanguageAndKept(string language, int daysFromToday, string message)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        var values = IntakeJourney.ValidForm();
        var typed = TestTime.Iso(TestTime.TodayInJapan.AddDays(daysFromToday));
        values["Form.Purchase.ArrivedOn"] = typed;

        using var response = await journey.PostFormAsync(form, values, "review");
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(message, Assert.Single(page.FindAll(".error-summary a")).TextContent);
        Assert.Equal("#Form_Purchase_ArrivedOn", page.Find(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(typed, page.Find("#Form_Purchase_ArrivedOn")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheArrivalDateSitsRightAfterThePurchaseDateAndIsOptional()
    {
        using var client = portal.Factory.CreateFormClient();
        var form = await new IntakeJourney(client).ConsentAsync();
        var input = form.Find("#Form_Purchase_ArrivedOn")!;
        Assert.Equal("date", input.GetAttribute("type"));
        Assert.Null(input.GetAttribute("required"));
        Assert.Contains("商品が届いた日(届いていれば)", form.Find("label[for='Form_Purchase_ArrivedOn']")!.TextContent, StringComparison.Ordinal);
    }
}
