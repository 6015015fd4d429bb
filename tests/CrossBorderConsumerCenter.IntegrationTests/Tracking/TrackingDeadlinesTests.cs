using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>
/// The tracking page shows the deadlines that may matter to the consumer while the case is open, counted again on the day
/// the page is opened, and none once the case is closed.
/// </summary>
public class TrackingDeadlinesTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task AnOpenCaseShowsTheDeadlinesFromItsPurchaseAndArrivalAndAClosedOneDoesNot()
    {
        var details = TestComplaints.Details(category: CaseCategory.DamagedOrDefective);
        var arrived = DateOnly.FromDateTime(TestTime.Today.ToOffset(TimeSpan.FromHours(9)).DateTime).AddDays(-3);
        details = details with { Purchase = details.Purchase with { ArrivedOn = arrived } };
        var (c, token) = await TestCases.ReceiveTrackedAsync(portal.Factory, details);

        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));
        var rights = page.Find("[data-rights]")!;
        var returns = rights.QuerySelector($"[data-right='{RightKind.ReturnAfterArrival}']")!;
        Assert.Equal(TestTime.Iso(arrived.AddDays(TimeLimitedRights.ReturnDaysAfterArrival)), returns.GetAttribute("data-last-day"));
        Assert.NotNull(rights.QuerySelector($"[data-right='{RightKind.CardChargeback}']"));

        await portal.ActAsync(c.Id, (x, staff, now) => x.Close(CaseOutcome.Resolved, "返金を確認しました。", staff, now));
        var closed = await client.GetOkAsync(TrackingFixture.TrackingPath(token));
        Assert.Null(closed.Find("[data-rights]"));
    }
}
