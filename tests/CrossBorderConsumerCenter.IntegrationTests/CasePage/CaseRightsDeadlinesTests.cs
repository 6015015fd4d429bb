using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>The case page's summary lists the consumer's deadlines (guidance, with their sources), and the complaint section the arrival date.</summary>
public class CaseRightsDeadlinesTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    [Fact]
    public async Task TheSummaryListsTheConsumersDeadlinesWithDaysLeftAndSources()
    {
        var details = TestComplaints.Details();
        var arrived = TestTime.DaysAgo(4);
        var c = await portal.ReceiveAsync(details with { Purchase = details.Purchase with { ArrivedOn = arrived, Platform = PurchasePlatform.Amazon } });

        var page = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        var rights = page.Find(".case-header [data-rights]")!;
        Assert.Equal("消費者の権利の期限(目安)", rights.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(["ReturnAfterArrival", "AmazonAToZGuarantee", "CardChargeback"], rights.QuerySelectorAll("[data-right]").Select(e => e.GetAttribute("data-right")));
        var returns = rights.QuerySelector("[data-right='ReturnAfterArrival']")!;
        Assert.Equal("10", returns.QuerySelector("[data-days-left]")!.GetAttribute("data-days-left"));
        Assert.Equal("https://www.amazon.com/gp/help/customer/display.html?nodeId=200783670",
            rights.QuerySelector("[data-right='AmazonAToZGuarantee'] .rights__source a")!.GetAttribute("href"));
        Assert.Equal(TestTime.Iso(arrived), page.Find("[data-field='arrived-on']")!.TextContent.Trim());
    }

    [Fact]
    public async Task APassedDeadlineSaysHowLongAgo()
    {
        var details = TestComplaints.Details();
        var c = await portal.ReceiveAsync(details with { Purchase = details.Purchase with { ArrivedOn = details.Purchase.Date } });

        var page = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        // Bought 51 days ago and arrived that day: the return window closed 37 days ago.
        var returns = page.Find("[data-right='ReturnAfterArrival']")!;
        Assert.Equal("-37", returns.QuerySelector("[data-days-left]")!.GetAttribute("data-days-left"));
        Assert.Contains("(37日過ぎています)", returns.TextContent, StringComparison.Ordinal);
    }
}
