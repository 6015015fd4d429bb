using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Forwarding;

/// <summary>A case forwarded under the wrong country: staff correct the country, and the case goes to the right agency.</summary>
public class CountryCorrectionTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    [Fact]
    public async Task AfterAForwardToTheWrongAgencyACorrectedCountryMakesTheCaseForwardableToTheRightOne()
    {
        var c = await portal.ReceiveAsync();
        var wrongToken = await portal.ForwardAsync(c);
        Assert.Equal(CaseStatus.Forwarded, (await portal.ReadCaseAsync(c.Id)).Status);

        var page = await portal.Client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        Assert.Contains("CBBB", page.Find("[data-field=partner]")!.TextContent, StringComparison.Ordinal);
        using var response = await portal.Client.SubmitAsync(page, "#action-Correct form",
            [new("Correct.Business.Country", "SG"), new("Correct.Reason", "事業者はシンガポールの会社でした（ウェブサイトの会社情報）")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await portal.Client.FollowRedirectAsync(response);

        // Back with the staff, with a work deadline from now instead of the wrong agency's; the right agency is suggested.
        var corrected = await portal.ReadCaseAsync(c.Id);
        Assert.Equal(("SG", CaseStatus.InProgress, (DateTimeOffset?)CaseClocks.WorkDue(portal.Clock.GetUtcNow())), (corrected.BusinessCountryCode, corrected.Status, corrected.DueAt));
        Assert.Contains("CASE", after.Find("[data-field=partner]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.Find("[data-forward-link]"));
        var line = after.Find("[data-kind=Corrected]")!;
        Assert.Contains("アメリカ", line.QuerySelector("[data-field=country-corrected]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("シンガポール", line.QuerySelector("[data-field=country-corrected]")!.TextContent, StringComparison.Ordinal);

        // The wrong agency's link no longer takes an answer, even once the case is with the right agency.
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var rightToken = await portal.ForwardAsync(corrected);
        var provisions = await portal.QueryAsync(db => db.PartnerProvisions.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.ProvidedAt).ToListAsync());
        Assert.Equal([("CBBB", "US"), ("CASE", "SG")], provisions.Select(p => (p.AgencyCode, p.CountryCode)));
        Assert.Equal([ForwardingFixture.CaseAddress], (await portal.LatestForwardEmailAsync(c.Id)).ToAddresses);
        using var partner = portal.Factory.CreateFormClient();
        using (var wrong = await partner.Http.GetAsync($"/partner/{wrongToken}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        Assert.Equal(c.Number, (await partner.GetOkAsync($"/partner/{rightToken}")).Find("[data-field=reference]")!.TextContent.Trim());
    }
}
