using System.Net;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseStatus;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>
/// Assigning and closing the cases ticked on a queue page: each case through the case page's use case (the workflow,
/// the version the page showed, one audit entry each), a summary naming every case not done and why, and back to the
/// same view. Each test works on cases of its own merchant country, shown with <c>?view=all&amp;country=XX</c>.
/// </summary>
public class BulkActionTests(BulkActionTests.Fixture portal) : IClassFixture<BulkActionTests.Fixture>
{
    public sealed class Fixture : QueueFixture
    {
        public async Task<IReadOnlyList<string>> AddAsync(params QueueCase[] cases) => [.. (await QueueCases.AddAsync(Factory, cases)).Select(c => c.Number)];

        public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
        {
            using var scope = Factory.Services.CreateScope();
            return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }

        public Task<Case> CaseAsync(string number) => QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Number == number));

        /// <summary>The audit entries of case changes made to these cases, per case number.</summary>
        public Task<Dictionary<string, List<string>>> CaseChangesAsync(params string[] numbers) => QueryAsync(async db =>
        {
            var ids = await db.Cases.Where(c => numbers.Contains(c.Number)).ToDictionaryAsync(c => c.Id, c => c.Number);
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.CaseChanged && a.CaseId != null && ids.Keys.Contains(a.CaseId.Value)).ToListAsync();
            return numbers.ToDictionary(n => n, n => entries.Where(e => ids[e.CaseId!.Value] == n).Select(e => e.Details ?? "").ToList());
        });
    }

    private static KeyValuePair<string, string?> V(string name, string? value) => new(name, value);

    private static string? ActionOf(string auditDetails) => System.Text.Json.JsonDocument.Parse(auditDetails).RootElement.GetProperty("action").GetString();

    private static string Tick(string number, HtmlPage page) =>
        page.Find($"input[name='Bulk.Cases'][id='select-{number}']")!.GetAttribute("value")!;

    private async Task<HttpResponseMessage> SubmitAsync(HtmlPage page, string action, IEnumerable<string> ticked, params KeyValuePair<string, string?>[] values) =>
        await portal.Me.SubmitAsync(page, "form#bulk", [.. ticked.Select(n => new KeyValuePair<string, string?>("Bulk.Cases", Tick(n, page))), .. values], submitName: "Bulk.Action", submitValue: action);

    [Fact]
    public async Task AssignsEveryTickedCaseEachAuditedAndComesBackToTheSameViewWithASummary()
    {
        var numbers = await portal.AddAsync(new QueueCase { Country = "FR", Age = TimeSpan.FromDays(3) }, new() { Country = "FR", Age = TimeSpan.FromDays(2), Status = InProgress }, new() { Country = "FR", Age = TimeSpan.FromDays(1) });
        const string view = "/staff/cases?view=all&country=FR&sort=number&dir=desc";
        var page = await portal.Me.GetOkAsync(view);

        using var response = await SubmitAsync(page, BulkCaseAction.Assign, [numbers[0], numbers[1]], V("Bulk.AssigneeId", portal.Colleague.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(view, response.Headers.Location!.OriginalString);
        var after = await portal.Me.FollowRedirectAsync(response);
        Assert.Contains($"2件の相談を{portal.Colleague.DisplayName}さんに割り当てました。", after.Find(".queue-bulk-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Find(".queue-bulk-summary__refused"));
        var (first, second, untouched) = (await portal.CaseAsync(numbers[0]), await portal.CaseAsync(numbers[1]), await portal.CaseAsync(numbers[2]));
        Assert.Equal((portal.Colleague.Id, InProgress), (first.AssignedToId!.Value, first.Status));
        Assert.Equal((portal.Colleague.Id, InProgress), (second.AssignedToId!.Value, second.Status));
        Assert.Null(untouched.AssignedToId);

        var audit = await portal.CaseChangesAsync([.. numbers]);
        Assert.Equal("Assign", ActionOf(Assert.Single(audit[numbers[0]])));
        Assert.Contains(portal.Colleague.Id.ToString(), Assert.Single(audit[numbers[1]]), StringComparison.Ordinal);
        Assert.Empty(audit[numbers[2]]);

        // The summary is shown once: the next view of the page does not repeat it.
        Assert.Null((await portal.Me.GetOkAsync(view)).Find(".queue-bulk-summary"));
    }

    [Fact]
    public async Task ClosesWithTheOutcomeTheCasePageAsksForAndNamesTheCaseTheWorkflowRefuses()
    {
        var numbers = await portal.AddAsync(
            new() { Country = "DE", Age = TimeSpan.FromDays(4), Status = InProgress },
            new() { Country = "DE", Age = TimeSpan.FromDays(3), Status = Closed },
            new() { Country = "DE", Age = TimeSpan.FromDays(2), Status = Forwarded, DueIn = TimeSpan.FromDays(-1) });
        var page = await portal.Me.GetOkAsync("/staff/cases?view=all&country=DE");
        var closedBefore = await portal.CaseAsync(numbers[1]);

        using var response = await SubmitAsync(page, BulkCaseAction.Close, numbers, V("Bulk.Outcome", nameof(CaseOutcome.Resolved)), V("Bulk.Comment", "まとめて終了"));

        var after = await portal.Me.FollowRedirectAsync(response);
        var summary = after.Find(".queue-bulk-summary")!.TextContent;
        Assert.Contains("2件の相談を終了しました。", summary, StringComparison.Ordinal);
        var refused = Assert.Single(after.FindAll(".queue-bulk-summary__refused li"));
        Assert.Equal($"/staff/cases/{numbers[1]}", refused.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("状況が「終了」のため、この操作はできません", refused.TextContent, StringComparison.Ordinal);
        foreach (var number in new[] { numbers[0], numbers[2] })
        {
            var closed = await portal.CaseAsync(number);
            Assert.Equal((Closed, CaseOutcome.Resolved), (closed.Status, closed.Outcome!.Value));
        }

        Assert.Equal(closedBefore.Version, (await portal.CaseAsync(numbers[1])).Version);
        var audit = await portal.CaseChangesAsync([.. numbers]);
        Assert.Single(audit[numbers[0]]);
        Assert.Empty(audit[numbers[1]]);
        Assert.Equal("Close", ActionOf(Assert.Single(audit[numbers[2]])));
    }

    [Fact]
    public async Task ACaseChangedAfterThePageWasShownIsLeftAsItIsAndNamed()
    {
        var numbers = await portal.AddAsync(new QueueCase { Country = "IT", Age = TimeSpan.FromDays(2) }, new() { Country = "IT", Age = TimeSpan.FromDays(1) });
        var page = await portal.Me.GetOkAsync("/staff/cases?view=all&country=IT");

        // Someone else changes the first case meanwhile (its version moves on).
        await portal.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE cases SET priority = 'High' WHERE number = {numbers[0]}"));
        using var response = await SubmitAsync(page, BulkCaseAction.Assign, numbers, V("Bulk.AssigneeId", portal.MyAccount.Id.ToString()));

        var after = await portal.Me.FollowRedirectAsync(response);
        Assert.Contains("1件の相談を", after.Find(".queue-bulk-summary")!.TextContent, StringComparison.Ordinal);
        var refused = Assert.Single(after.FindAll(".queue-bulk-summary__refused li"));
        Assert.Contains(numbers[0], refused.TextContent, StringComparison.Ordinal);
        Assert.Contains("この画面を表示した後に他の人が変更しました", refused.TextContent, StringComparison.Ordinal);
        Assert.Null((await portal.CaseAsync(numbers[0])).AssignedToId);
        Assert.Equal(portal.MyAccount.Id, (await portal.CaseAsync(numbers[1])).AssignedToId);
        Assert.Empty((await portal.CaseChangesAsync(numbers[0]))[numbers[0]]);

        // The page shown again carries the new version: the same action now goes through.
        var again = await portal.Me.GetOkAsync("/staff/cases?view=all&country=IT");
        using var second = await SubmitAsync(again, BulkCaseAction.Assign, [numbers[0]], V("Bulk.AssigneeId", portal.MyAccount.Id.ToString()));
        Assert.Contains("1件の相談を", (await portal.Me.FollowRedirectAsync(second)).Find(".queue-bulk-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(portal.MyAccount.Id, (await portal.CaseAsync(numbers[0])).AssignedToId);
    }

    [Fact]
    public async Task AllOnThePageTakesEveryRowOfThePageWithoutJavaScript()
    {
        var numbers = await portal.AddAsync(new QueueCase { Country = "AU" }, new() { Country = "AU", Status = InProgress }, new() { Country = "AU", Status = WaitingForConsumer });
        var page = await portal.Me.GetOkAsync("/staff/cases?view=all&country=AU");

        using var response = await portal.Me.SubmitAsync(page, "form#bulk", [V("Bulk.AllOnPage", "true"), V("Bulk.AssigneeId", portal.Colleague.Id.ToString())],
            submitName: "Bulk.Action", submitValue: BulkCaseAction.Assign);

        Assert.Contains("3件の相談を", (await portal.Me.FollowRedirectAsync(response)).Find(".queue-bulk-summary")!.TextContent, StringComparison.Ordinal);
        foreach (var number in numbers)
        {
            Assert.Equal(portal.Colleague.Id, (await portal.CaseAsync(number)).AssignedToId);
        }
    }

    [Fact]
    public async Task ACaseAlreadyWithThatPersonIsCountedApartAndNotAudited()
    {
        var numbers = await portal.AddAsync(new QueueCase { Country = "NZ", Status = InProgress, AssignedTo = portal.Colleague.Id }, new() { Country = "NZ" });
        var page = await portal.Me.GetOkAsync("/staff/cases?view=all&country=NZ");

        using var response = await SubmitAsync(page, BulkCaseAction.Assign, numbers, V("Bulk.AssigneeId", portal.Colleague.Id.ToString()));

        var summary = (await portal.Me.FollowRedirectAsync(response)).Find(".queue-bulk-summary")!.TextContent;
        Assert.Contains("1件の相談を", summary, StringComparison.Ordinal);
        Assert.Contains($"1件はすでに{portal.Colleague.DisplayName}さんの担当でした。", summary, StringComparison.Ordinal);
        Assert.Empty((await portal.CaseChangesAsync(numbers[0]))[numbers[0]]);
    }

    [Fact]
    public async Task ClosingWithoutAnOutcomeShowsTheSameViewAgainWithTheMessageAndEverythingTickedAndTyped()
    {
        var numbers = await portal.AddAsync(new QueueCase { Country = "TH", Age = TimeSpan.FromDays(2) }, new() { Country = "TH", Age = TimeSpan.FromDays(1) });
        var page = await portal.Me.GetOkAsync("/staff/cases?view=all&country=TH");
        var before = await portal.CaseAsync(numbers[0]);

        using var response = await SubmitAsync(page, BulkCaseAction.Close, [numbers[0]], V("Bulk.Comment", "理由を書きました"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await HtmlPage.ReadAsync(response);
        Assert.Contains("結果を選んでください。", shown.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Bulk_Outcome", shown.Find(".error-summary a")!.GetAttribute("href"));
        Assert.NotNull(shown.Find("#Bulk_Outcome"));
        Assert.Equal(numbers, QueueFixture.ListedNumbers(shown));
        Assert.NotNull(shown.Find($"#select-{numbers[0]}[checked]"));
        Assert.Null(shown.Find($"#select-{numbers[1]}[checked]"));
        Assert.Equal("理由を書きました", shown.Find("#Bulk_Comment")!.TextContent);
        Assert.Equal(before.Version, (await portal.CaseAsync(numbers[0])).Version);
    }

    [Fact]
    public async Task NothingTickedOrNobodyChosenIsAMessageNotAnError()
    {
        await portal.AddAsync(new QueueCase { Country = "VN" });
        var page = await portal.Me.GetOkAsync("/staff/cases?view=all&country=VN");

        using var nothing = await portal.Me.SubmitAsync(page, "form#bulk", [V("Bulk.AssigneeId", portal.Colleague.Id.ToString())], submitName: "Bulk.Action", submitValue: BulkCaseAction.Assign);
        var shown = await HtmlPage.ReadAsync(nothing);
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Contains("処理する相談を1件以上選んでください", shown.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(portal.Colleague.Id.ToString(), shown.Find("#Bulk_AssigneeId option[selected]")!.GetAttribute("value"));

        using var nobody = await SubmitAsync(page, BulkCaseAction.Assign, [QueueFixture.ListedNumbers(page)[0]]);
        Assert.Contains("割り当てる担当者を選んでください。", (await HtmlPage.ReadAsync(nobody)).Find(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledAccountCannotBeGivenCasesAndNothingIsTried()
    {
        var numbers = await portal.AddAsync(new QueueCase { Country = "IN" });
        var gone = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        await portal.QueryAsync(db => db.Users.Where(u => u.Id == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));
        var page = await portal.Me.GetOkAsync("/staff/cases?view=all&country=IN");

        using var response = await SubmitAsync(page, BulkCaseAction.Assign, numbers, V("Bulk.AssigneeId", gone.Id.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("この人には相談を割り当てられません", (await HtmlPage.ReadAsync(response)).Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await portal.CaseAsync(numbers[0])).AssignedToId);
    }

    [Fact]
    public async Task TheMessagesAreInEnglishForAnEnglishReader()
    {
        var numbers = await portal.AddAsync(new QueueCase { Country = "SE", Status = Closed }, new() { Country = "SE" });
        var (english, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (english)
        {
            // The language as a browser set to English asks for it (the culture cookie is sent over HTTPS only).
            english.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var page = await english.GetOkAsync("/staff/cases?view=all&country=SE");
            using var invalid = await english.SubmitAsync(page, "form#bulk", [], submitName: "Bulk.Action", submitValue: BulkCaseAction.Close);
            var errors = (await HtmlPage.ReadAsync(invalid)).Find(".error-summary")!.TextContent;
            Assert.Contains("Choose at least one case", errors, StringComparison.Ordinal);
            Assert.Contains("Choose the outcome.", errors, StringComparison.Ordinal);

            using var response = await english.SubmitAsync(page, "form#bulk",
                [.. numbers.Select(n => new KeyValuePair<string, string?>("Bulk.Cases", Tick(n, page))), V("Bulk.Outcome", nameof(CaseOutcome.Withdrawn))],
                submitName: "Bulk.Action", submitValue: BulkCaseAction.Close);
            var summary = (await english.FollowRedirectAsync(response)).Find(".queue-bulk-summary")!.TextContent;
            Assert.Contains("Cases closed: 1.", summary, StringComparison.Ordinal);
            Assert.Contains("not allowed while the case is “Closed”", summary, StringComparison.Ordinal);
        }
    }
}
