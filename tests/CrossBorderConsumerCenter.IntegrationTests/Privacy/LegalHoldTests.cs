using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Privacy;

/// <summary>A supervisor holds a case on the retention page with a reason, the dry run and the job skip it, and the release lets it go.</summary>
public class LegalHoldTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private const string Page = "/staff/supervisor/retention";

    [Fact]
    public async Task ASupervisorHoldsACaseWithAReasonTheJobSkipsItAndTheReleaseLetsItGo()
    {
        var c = await portal.ReceiveAsync();
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.Close(CaseOutcome.Resolved, null, actor, now));
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using var _ = client;

        // No reason: the form comes back with the message and the number kept.
        var page = await client.GetOkAsync(Page);
        using (var refused = await client.SubmitAsync(page, "form[action$='/holds']", [new("Number", c.Number), new("Reason", " ")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var again = await HtmlPage.ReadAsync(refused);
            Assert.NotNull(again.Find(".error-summary"));
            Assert.Equal(c.Number, again.Find("input[name=Number]")!.GetAttribute("value"));
        }

        using (var placed = await client.SubmitAsync(page, "form[action$='/holds']", [new("Number", c.Number), new("Reason", "弁護士会照会への回答待ち")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromDays(4 * 366));
        var (later, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using (later)
        {
            var held = await later.GetOkAsync(Page);
            Assert.NotNull(held.Find($"[data-held='{c.Number}']"));
            Assert.Null(held.Find($"[data-plan-case='{c.Number}']"));
            await portal.Factory.Services.GetRequiredService<RunRetention>().RunAsync(CancellationToken.None);
            Assert.Equal("山田 太郎", (await portal.ReadCaseAsync(c.Id)).ConsumerName);

            using (var released = await later.SubmitAsync(held, $"[data-held='{c.Number}'] form", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
            }

            Assert.NotNull((await later.GetOkAsync(Page)).Find($"[data-plan-case='{c.Number}'][data-step='Anonymise']"));
            await portal.Factory.Services.GetRequiredService<RunRetention>().RunAsync(CancellationToken.None);
            Assert.Equal(CaseAnonymiser.Placeholder, (await portal.ReadCaseAsync(c.Id)).ConsumerName);
        }

        Assert.Equal(2L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE case_id = @id AND action IN ('LegalHoldPlaced', 'LegalHoldReleased')", ("id", c.Id)));
    }
}
