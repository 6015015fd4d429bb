using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Performance;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.BackOffice;

/// <summary>
/// The back office's layout on every page that needs a signed-in user, found from the routes themselves: one
/// <c>&lt;title&gt;</c> naming the page (and its case), none shared by two pages; the navigation shows a role only
/// what it may open; the audit trail names cases by their number and other subjects by their names.
/// </summary>
public class StaffLayoutTests(StaffLayoutTests.Fixture portal) : IClassFixture<StaffLayoutTests.Fixture>
{
    public sealed class Fixture : PortalFixture
    {
        public PageStatementTests.StatementRecorder Statements { get; } = new();

        protected override PortalFactory CreateFactory(string connectionString) =>
            base.CreateFactory(connectionString).WithServices(s => s.ConfigureDbContext<AppDbContext>((_, o) => o.AddInterceptors(Statements)));
    }

    private const string SiteNameJa = "越境消費者センター";
    private static readonly Dictionary<string, string> SiteName = new() { ["ja"] = SiteNameJa, ["en"] = "Cross-Border Consumer Center Japan" };

    /// <summary>Signed-in GET routes that answer with a file, not a page.</summary>
    private static readonly HashSet<string> Files =
    [
        "/staff/cases/{number}/evidence/{id:guid}",
        "/staff/cases/{number}/evidence/{id:guid}/preview",
        "/staff/mail/{id:guid}/raw",
        "/staff/statistics/tables/{table}.csv",
        "/staff/statistics/records.csv",
        "/staff/supervisor/privacy/disclosures/{id:guid}/package",
    ];

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task EverySignedInPageWearsTheStaffLayoutWithOneTitleOfItsOwn(string language)
    {
        var world = await SampleWorld.CreateAsync(portal.Factory);
        world.Admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        world.Counselor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var siteName = SiteName[language];
        var routes = SignedInPageRoutes();
        Assert.Contains("/admin/audit", routes.Keys);
        Assert.Contains("/counselor/cases/{number}", routes.Keys);

        var missing = routes.Keys.Where(r => !Files.Contains(r) && world.PathFor(r) is null).ToList();
        Assert.True(missing.Count == 0, "No sample path for these signed-in pages (add one to SampleWorld.PathFor):\n" + string.Join('\n', missing));

        var titles = new Dictionary<string, string>();
        var problems = new List<string>();
        foreach (var (route, policy) in routes.Where(r => !Files.Contains(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var path = world.PathFor(route)!;
            var client = policy == "Counselor" ? world.Counselor : world.Admin;
            var page = await client.GetAsync(path);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{route}: GET {path} answered {(int)page.StatusCode}");
                continue;
            }

            var titleElements = page.FindAll("title");
            var title = page.Title?.Trim() ?? "";
            if (titleElements.Count != 1)
            {
                problems.Add($"{route}: {titleElements.Count} <title> elements");
            }

            if (page.Lang != language)
            {
                problems.Add($"{route}: in {page.Lang}, not {language}");
            }

            if (title == siteName || !title.EndsWith(" — " + siteName, StringComparison.Ordinal) || title.Length <= siteName.Length + 3)
            {
                problems.Add($"{route}: the title \"{title}\" does not name the page before the site's name");
            }

            if (route.Contains("{number}", StringComparison.Ordinal) && !title.Contains(world.CaseNumberIn(path), StringComparison.Ordinal))
            {
                problems.Add($"{route}: the title \"{title}\" does not name the case");
            }

            if (titles.FirstOrDefault(t => t.Value == title) is { Key: { } other })
            {
                problems.Add($"{route}: the title \"{title}\" is also {other}'s");
            }

            titles[route] = title;
            if (page.Find("body.staff") is null || page.Find(".site-footer") is not null || page.Find(".main-nav") is not null)
            {
                problems.Add($"{route}: not the staff layout (or the public navigation or footer is on it)");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task PublicPagesAndTheSignInPageKeepThePublicLayoutWithTheirTitles()
    {
        using var visitor = portal.Factory.CreateFormClient();
        foreach (var path in new[] { "/", "/faq", "/account/sign-in", "/track/lost" })
        {
            var page = await visitor.GetOkAsync(path);
            Assert.NotNull(page.Find(".site-footer"));
            Assert.Null(page.Find("body.staff"));
            Assert.EndsWith(" — " + SiteNameJa, page.Title, StringComparison.Ordinal);
            Assert.NotEqual(SiteNameJa, page.Title);
        }
    }

    [Theory]
    [InlineData(Roles.Staff, new[] { "/staff/cases", "/staff/cases/new", "/staff/mail", "/staff/consultations", "/staff/statistics", "/account" })]
    [InlineData(Roles.Supervisor, new[] { "/staff/cases", "/staff/cases/new", "/staff/mail", "/staff/consultations", "/staff/supervisor", "/staff/supervisor/privacy", "/staff/statistics", "/account" })]
    [InlineData(Roles.Admin, new[] { "/staff/cases", "/staff/cases/new", "/staff/mail", "/staff/consultations", "/staff/supervisor", "/staff/supervisor/privacy", "/staff/statistics", "/admin/users", "/admin/audit", "/admin/reply-templates", "/admin/email", "/admin/partners", "/admin/centers", "/admin/consultations", "/account" })]
    [InlineData(Roles.Counselor, new[] { "/counselor", "/account" })]
    public async Task TheNavigationShowsEachRoleWhatItMayOpenAndNothingElse(string role, string[] expected)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, role);
        using (client)
        {
            var page = await client.GetOkAsync("/account");
            var links = page.FindAll("nav.staff-nav a").Select(a => a.GetAttribute("href")!).ToArray();
            Assert.Equal(expected, links);
            Assert.Equal("page", page.Find("nav.staff-nav a[href='/account']")!.GetAttribute("aria-current"));
            foreach (var href in links)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task TheAuditTrailNamesCasesByNumberAndOtherSubjectsByName()
    {
        var world = await SampleWorld.CreateAsync(portal.Factory);
        await world.Admin.GetOkAsync($"/staff/cases/{world.Case.Number}");
        var caseLink = $"/staff/cases/{world.Case.Number}";

        var page = await world.Admin.GetOkAsync("/admin/audit");
        var subjects = page.FindAll("[data-field=subject]");
        var viewed = subjects.First(s => s.QuerySelector($"a[href='{caseLink}']") is not null);
        Assert.Equal(world.Case.Number, viewed.TextContent.Trim());
        Assert.DoesNotContain(world.Case.Id.ToString(), page.MainText, StringComparison.OrdinalIgnoreCase);

        // A sign-in's subject is the account, by its name, linked to its page.
        var account = page.Find($"[data-field=subject] a[href='/admin/users/{world.AdminAccount.Id}']")!;
        Assert.Equal(world.AdminAccount.DisplayName, account.TextContent.Trim());

        // The subject filter takes a case number as well as an id.
        var filtered = await world.Admin.GetOkAsync($"/admin/audit?subject={world.Case.Number}");
        Assert.NotEmpty(filtered.FindAll("[data-field=subject]"));
        Assert.All(filtered.FindAll("[data-field=subject]"), s => Assert.Contains(world.Case.Number, s.TextContent, StringComparison.Ordinal));
    }

    /// <summary>
    /// A page of the trail names its subjects with one statement per kind of subject, however many rows it shows
    /// (fifty rows of five kinds here).
    /// </summary>
    [Fact]
    public async Task TheAuditPageNamesItsSubjectsWithOneStatementPerKind()
    {
        var world = await SampleWorld.CreateAsync(portal.Factory);
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var at = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var actor = world.AdminAccount;
            for (var i = 0; i < 10; i++)
            {
                db.AuditEntries.Add(new AuditEntry(at, AuditAction.CaseViewed, actor.Id, "n+1", "Case", world.Case.Id.ToString(), world.Case.Id, null, null));
                db.AuditEntries.Add(new AuditEntry(at, AuditAction.UserUpdated, actor.Id, "n+1", "User", actor.Id.ToString(), null, null, null));
                db.AuditEntries.Add(new AuditEntry(at, AuditAction.ConsumerCenterUpdated, actor.Id, "n+1", "ConsumerCenter", world.CenterId.ToString(), null, null, null));
                db.AuditEntries.Add(new AuditEntry(at, AuditAction.InboundMailViewed, actor.Id, "n+1", "InboundEmail", world.MailId.ToString(), world.Case.Id, null, null));
                db.AuditEntries.Add(new AuditEntry(at, AuditAction.PartnerAgencyUpdated, actor.Id, "n+1", "PartnerAgency", "CBBB", null, null, null));
            }

            await db.SaveChangesAsync();
        }

        portal.Statements.Take();
        var page = await world.Admin.GetOkAsync("/admin/audit?actor=n%2B1");
        var statements = portal.Statements.Take();
        Assert.Equal(50, page.FindAll("[data-field=subject]").Count);
        Assert.Equal(10, page.FindAll($"[data-field=subject] a[href='/admin/centers/{world.CenterId}']").Count);
        foreach (var table in new[] { "cases", "consumer_centers", "inbound_emails" })
        {
            Assert.Single(statements, s => s.Contains($"FROM {table} ", StringComparison.Ordinal));
        }
    }

    /// <summary>GET routes that need a signed-in user, with the policy they name (null for [Authorize] alone).</summary>
    private Dictionary<string, string?> SignedInPageRoutes() =>
        portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToDictionary(
                e => "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null));
}
