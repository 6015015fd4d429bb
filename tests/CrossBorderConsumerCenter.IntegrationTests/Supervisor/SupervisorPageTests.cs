using System.Globalization;
using CrossBorderConsumerCenter.IntegrationTests.Queue;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseStatus;

namespace CrossBorderConsumerCenter.IntegrationTests.Supervisor;

/// <summary>
/// The supervisor's overview over cases that differ in assignee, status and deadline: every number is checked against
/// the queue's rule (<see cref="CaseQueueRules"/>) applied to the seeds, every list's order, and the queue's links
/// showing the same cases.
/// </summary>
public class SupervisorPageTests(SupervisorPageTests.Fixture portal) : IClassFixture<SupervisorPageTests.Fixture>
{
    public sealed class Fixture : QueueFixture
    {
        public FormClient Boss { get; private set; } = null!;

        public StaffAccounts.Account BossAccount { get; private set; } = null!;

        public Dictionary<string, (QueueCase Seed, string Number)> Cases { get; } = [];

        /// <summary>When the partner's answer to "answer-recorded" was recorded.</summary>
        public DateTimeOffset AnsweredAt { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            (Boss, BossAccount) = await StaffAccounts.SignedInAsync(Factory, Roles.Supervisor);
            var (me, colleague) = (MyAccount.Id, Colleague.Id);
            var seeds = new Dictionary<string, QueueCase>
            {
                ["mine"] = new() { Age = TimeSpan.FromDays(5), Status = InProgress, AssignedTo = me, DueIn = TimeSpan.FromDays(2) },
                ["mine-overdue"] = new() { Age = TimeSpan.FromDays(20), Status = Forwarded, AssignedTo = me, DueIn = TimeSpan.FromDays(-1) },
                ["mine-waiting"] = new() { Age = TimeSpan.FromDays(6), Status = WaitingForConsumer, AssignedTo = me, DueIn = TimeSpan.FromDays(3) },
                ["answer-overdue"] = new() { Age = TimeSpan.FromDays(30), Status = PartnerResponded, AssignedTo = colleague, DueIn = TimeSpan.FromHours(-2) },
                ["answer-recorded"] = new() { Age = TimeSpan.FromDays(25), Status = Forwarded, AssignedTo = colleague, DueIn = TimeSpan.FromDays(10) },
                ["unassigned-new"] = new() { Age = TimeSpan.FromHours(1) },
                ["unassigned-overdue"] = new() { Age = TimeSpan.FromDays(10), DueIn = TimeSpan.FromDays(-3) },
                ["closed"] = new() { Age = TimeSpan.FromDays(40), Status = Closed, AssignedTo = me },
                ["declined"] = new() { Age = TimeSpan.FromDays(35), Status = Declined },
            };
            var added = await QueueCases.AddAsync(Factory, [.. seeds.Values]);
            foreach (var (key, @case) in seeds.Keys.Zip(added))
            {
                Cases[key] = (seeds[key], @case.Number);
            }

            // The agency's answer recorded as staff record one that came by phone: the case moves to "partner responded".
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var answered = await db.Cases.SingleAsync(c => c.Number == Cases["answer-recorded"].Number);
            AnsweredAt = Now.AddMinutes(-30);
            answered.RecordPartnerReply("CBBB", null, "The merchant will refund.", ReplyChannel.Phone, null, [], CaseActor.Staff(colleague, Colleague.DisplayName), AnsweredAt);
            await db.SaveChangesAsync();
        }

        public override async Task DisposeAsync()
        {
            Boss?.Dispose();
            await base.DisposeAsync();
        }

        /// <summary>The seeds as they are now (status and deadline read back: one was changed through the domain).</summary>
        public async Task<List<(string Key, string Number, Guid? AssignedTo, CaseStatus Status, DateTimeOffset? DueAt, DateTimeOffset ReceivedAt)>> StateAsync()
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Cases.AsNoTracking().Select(c => new { c.Number, c.AssignedToId, c.Status, c.DueAt, c.ReceivedAt }).ToListAsync();
            return [.. Cases.Select(kv => rows.Single(r => r.Number == kv.Value.Number) is var r ? (kv.Key, r.Number, r.AssignedToId, r.Status, r.DueAt, r.ReceivedAt) : default)];
        }
    }

    private static string Count(HtmlPage page, string assignee, string column) =>
        page.Find($"tr[data-assignee='{assignee}'] td[data-count='{column}'] a")!.TextContent.Trim();

    private static IReadOnlyList<string> Listed(HtmlPage page, string table) => [.. page.FindAll($"#{table} tbody th a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task EveryCountIsTheQueuesRuleAppliedToTheOpenCasesOfEachPerson()
    {
        var state = await portal.StateAsync();
        var page = await portal.Boss.GetOkAsync("/staff/supervisor");

        foreach (var (assignee, key) in new (Guid? Id, string Key)[] { (portal.MyAccount.Id, portal.MyAccount.Id.ToString()), (portal.Colleague.Id, portal.Colleague.Id.ToString()), (null, "none") })
        {
            var theirs = state.Where(s => s.AssignedTo == assignee).ToList();
            Assert.Equal(theirs.Count(s => CaseWorkflow.IsOpen(s.Status)).ToString(CultureInfo.InvariantCulture), Count(page, key, "open"));
            Assert.Equal(theirs.Count(s => CaseQueueRules.NeedsAction(s.Status, s.DueAt, portal.Now)).ToString(CultureInfo.InvariantCulture), Count(page, key, "needs-action"));
            Assert.Equal(theirs.Count(s => CaseQueueRules.IsOverdue(s.Status, s.DueAt, portal.Now)).ToString(CultureInfo.InvariantCulture), Count(page, key, "overdue"));
        }

        Assert.Equal(["3", "2", "2"], [Count(page, portal.MyAccount.Id.ToString(), "open"), Count(page, portal.Colleague.Id.ToString(), "open"), Count(page, "none", "open")]);
        Assert.Equal("7", page.Find("[data-total='open']")!.TextContent);
        Assert.Equal(state.Count(s => CaseQueueRules.NeedsAction(s.Status, s.DueAt, portal.Now)).ToString(CultureInfo.InvariantCulture), page.Find("[data-total='needs-action']")!.TextContent);
        Assert.Equal("3", page.Find("[data-total='overdue']")!.TextContent);
        Assert.Equal("2", page.Find("[data-total='partner-answers']")!.TextContent);

        // The supervisor holds nothing and is listed all the same: someone who can take cases.
        Assert.Equal("0", Count(page, portal.BossAccount.Id.ToString(), "open"));
    }

    [Fact]
    public async Task TheListsNameTheCasesInTheirOrderEachLinkingToItsPage()
    {
        var state = await portal.StateAsync();
        var page = await portal.Boss.GetOkAsync("/staff/supervisor");
        string N(string key) => portal.Cases[key].Number;

        Assert.Equal([N("unassigned-overdue"), N("mine-overdue"), N("answer-overdue")], Listed(page, "overdue-table"));
        Assert.Equal(
            [.. state.Where(s => CaseQueueRules.NeedsAction(s.Status, s.DueAt, portal.Now)).OrderBy(s => s.ReceivedAt).Select(s => s.Number)],
            Listed(page, "oldest-table"));
        Assert.Equal([N("answer-overdue"), N("answer-recorded")], Listed(page, "answers-table"));
        Assert.Equal($"/staff/cases/{N("answer-recorded")}", page.Find("#answers-table tbody tr:nth-child(2) th a")!.GetAttribute("href"));
        Assert.Contains(LocalizationRegistration.FormatJapanTime(portal.AnsweredAt), page.Find("#answers-table tbody tr:nth-child(2)")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLinksIntoTheQueueShowTheSameCases()
    {
        var state = await portal.StateAsync();
        var page = await portal.Boss.GetOkAsync("/staff/supervisor");
        async Task<IReadOnlyList<string>> Follow(string selector) => QueueFixture.ListedNumbers(await portal.Boss.GetOkAsync(page.Find(selector)!.GetAttribute("href")!));

        var mine = portal.MyAccount.Id.ToString();
        Assert.Equal(
            state.Where(s => s.AssignedTo == portal.MyAccount.Id && CaseWorkflow.IsOpen(s.Status)).Select(s => s.Number).Order(),
            (await Follow($"tr[data-assignee='{mine}'] td[data-count='open'] a")).Order());
        Assert.Equal(
            state.Where(s => s.AssignedTo == null && CaseQueueRules.NeedsAction(s.Status, s.DueAt, portal.Now)).Select(s => s.Number).Order(),
            (await Follow("tr[data-assignee='none'] td[data-count='needs-action'] a")).Order());
        Assert.Equal(Listed(page, "overdue-table"), await Follow("a[data-queue='overdue']"));
        Assert.Equal(Listed(page, "answers-table"), await Follow("a[data-queue='answers-table']"));
    }

    [Fact]
    public async Task AnAdminSeesThePageInEnglishAndStaffCannotOpenIt()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync("/staff/supervisor?lang=en");
            Assert.Equal("Team overview", page.Heading);
            Assert.Contains("Partner answers waiting for confirmation (2)", page.MainText, StringComparison.Ordinal);
        }

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await portal.Me.GetAsync("/staff/supervisor")).StatusCode);
    }
}
