using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>Two staff on the same case: the second save from an older page is told, sees the latest state and keeps what they typed.</summary>
public class CaseConcurrencyPageTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private const string ChangedBySomeoneElse = "ほかの人がこの案件を変更しました";

    [Fact]
    public async Task TheSecondSaveFromTheSamePageIsRefusedWithTheLatestStateAndSucceedsWhenSentAgain()
    {
        var (other, otherAccount) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (other)
        {
            var c = await portal.ReceiveAsync();
            var mine = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
            var theirs = await other.GetOkAsync(CasePageFixture.PageOf(c.Number));

            using (var first = await other.SubmitAsync(theirs, "form.case-assign-me"))
            {
                await CasePageFixture.FollowToCaseAsync(other, first, c.Number);
            }

            var afterFirst = await portal.FootprintAsync(c.Id);
            using var second = await portal.Client.SubmitAsync(mine, "#action-ChangePriority form", [new("ChangePriority.Priority", "High")]);
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            var refused = await HtmlPage.ReadAsync(second);
            Assert.Contains(ChangedBySomeoneElse, refused.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(otherAccount.DisplayName, refused.Find("[data-field=assignee]")!.TextContent.Trim());
            Assert.Equal("対応中", refused.Find("[data-field=status]")!.TextContent.Trim());
            Assert.NotNull(refused.Find("#action-ChangePriority[open]"));
            Assert.Equal("High", refused.Find("#ChangePriority_Priority option[selected]")!.GetAttribute("value"));
            Assert.Equal(afterFirst, await portal.FootprintAsync(c.Id));
            Assert.Equal(CasePriority.Normal, (await portal.ReadCaseAsync(c.Id)).Priority);
            Assert.Equal(afterFirst.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Find("input[name='ChangePriority.Version']")!.GetAttribute("value"));

            // Having seen the latest state, the same form goes through.
            using var again = await portal.Client.SubmitAsync(refused, "#action-ChangePriority form");
            await CasePageFixture.FollowToCaseAsync(portal.Client, again, c.Number);
            Assert.Equal((CasePriority.High, otherAccount.Id), ((await portal.ReadCaseAsync(c.Id)).Priority, (await portal.ReadCaseAsync(c.Id)).AssignedToId!.Value));
        }
    }

    [Fact]
    public async Task AQuestionTypedOnAStalePageIsKeptAndNoEmailLeaves()
    {
        var c = await portal.ReceiveAsync();
        var stale = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        await ChangeCategoryElsewhereAsync(c.Number);
        var before = await portal.FootprintAsync(c.Id);

        const string question = "レシートの写真を送ってください。\r\n二行目";
        using var response = await portal.Client.SubmitAsync(stale, "#action-RequestInformation form", [new("RequestInformation.Message", question)]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var refused = await HtmlPage.ReadAsync(response);
        Assert.Contains(ChangedBySomeoneElse, refused.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(question, refused.Find("#RequestInformation_Message")!.TextContent);
        Assert.Equal("詐欺サイトだと思う", refused.Find("[data-field=category]")!.TextContent.Trim());
        Assert.Equal(before, await portal.FootprintAsync(c.Id));
    }

    [Fact]
    public async Task ANoteFromAStalePageIsNeverRefused()
    {
        var c = await portal.ReceiveAsync();
        var stale = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        await ChangeCategoryElsewhereAsync(c.Number);

        using var response = await portal.Client.SubmitAsync(stale, "#action-AddNote form", [new("AddNote.Text", "古いページからのメモ")]);
        var page = await CasePageFixture.FollowToCaseAsync(portal.Client, response, c.Number);
        Assert.Equal("古いページからのメモ", page.Find("[data-kind=NoteAdded] .timeline__text")!.TextContent);
    }

    [Fact]
    public async Task AnActionNoLongerPossibleShowsWhatWasTypedSoNothingIsLost()
    {
        var (other, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (other)
        {
            var c = await portal.ReceiveAsync();
            var stale = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
            var theirs = await other.GetOkAsync(CasePageFixture.PageOf(c.Number));
            using (var closed = await other.SubmitAsync(theirs, "#action-Close form", [new("Close.Outcome", "Withdrawn")]))
            {
                await CasePageFixture.FollowToCaseAsync(other, closed, c.Number);
            }

            const string comment = "事業用の購入と判明したため。";
            using var response = await portal.Client.SubmitAsync(stale, "#action-Decline form", [new("Decline.Reason", "BusinessPurchase"), new("Decline.Comment", comment)]);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var refused = await HtmlPage.ReadAsync(response);
            Assert.Null(refused.Find("#action-Decline"));
            Assert.Equal(comment, refused.Find("[data-unsaved]")!.TextContent);
            Assert.Equal(CaseOutcome.Withdrawn, (await portal.ReadCaseAsync(c.Id)).Outcome);

            // With a fresh page, the action the workflow refuses is named as such.
            var fresh = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
            using var forged = await portal.Client.PostAsync($"{CasePageFixture.PageOf(c.Number)}/decline", fresh,
                [new("Decline.Version", fresh.Find("input[name='Reopen.Version']")!.GetAttribute("value")!), new("Decline.Reason", "OutOfScope"), new("Decline.Comment", comment)]);
            Assert.Equal(HttpStatusCode.Conflict, forged.StatusCode);
            var named = await HtmlPage.ReadAsync(forged);
            Assert.Contains("「お断りする」は、案件が「終了」の状態ではできません。", named.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(comment, named.Find("[data-unsaved]")!.TextContent);
        }
    }

    [Fact]
    public async Task ASaveThatLosesTheRaceAfterTheVersionWasCheckedIsRefusedAndOverwritesNothing()
    {
        var c = await portal.ReceiveAsync();
        var version = (await portal.ReadCaseAsync(c.Id)).Version;
        var before = await portal.FootprintAsync(c.Id);
        using var scope = portal.Factory.Services.CreateScope();
        var changes = scope.ServiceProvider.GetRequiredService<CaseChanges>();
        var user = StaffPrincipal();

        // Between our read and our save, another transaction commits a change to the row.
        var result = await changes.RunAsync(c.Number, version, CaseAction.ChangePriority, user, async (@case, actor, now) =>
        {
            await portal.Database.ScalarAsync<int>("UPDATE cases SET priority = 'Low' WHERE id = @id RETURNING 1", ("id", c.Id));
            @case.ChangePriority(CasePriority.Urgent, actor, now);
            return CaseChanges.Change.Made();
        }, default);

        Assert.Equal(CaseChanges.Outcome.ChangedBySomeoneElse, result.Outcome);
        Assert.Equal(CasePriority.Low, (await portal.ReadCaseAsync(c.Id)).Priority);
        var after = await portal.FootprintAsync(c.Id);
        Assert.Equal((before.Events, before.Changes), (after.Events, after.Changes));
    }

    private System.Security.Claims.ClaimsPrincipal StaffPrincipal() => new(new System.Security.Claims.ClaimsIdentity(
    [
        new(System.Security.Claims.ClaimTypes.NameIdentifier, portal.Staff.Id.ToString()),
        new(Web.Infrastructure.Auditing.PortalClaims.DisplayName, portal.Staff.DisplayName),
    ], "Test"));

    /// <summary>Another staff member changes the category meanwhile.</summary>
    private async Task ChangeCategoryElsewhereAsync(string number)
    {
        var (other, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using (other)
        {
            var page = await other.GetOkAsync(CasePageFixture.PageOf(number));
            using var response = await other.SubmitAsync(page, "#action-ChangeCategory form", [new("ChangeCategory.Category", "SuspectedFraudSite")]);
            await CasePageFixture.FollowToCaseAsync(other, response, number);
        }
    }
}
