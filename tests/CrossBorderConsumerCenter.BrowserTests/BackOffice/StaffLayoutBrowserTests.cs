using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Counselors;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.BrowserTests.BackOffice;

/// <summary>
/// The back office's own layout as an admin sees it: none of the public site's navigation or footer, the window's full
/// width, tables that never break a word (a wide one scrolls in its own region), usable on a phone, accessible.
/// </summary>
public class StaffLayoutBrowserTests(StaffLayoutBrowserTests.Fixture portal) : IClassFixture<StaffLayoutBrowserTests.Fixture>
{
    /// <summary>The agencies with addresses, as in production: the list's widest column.</summary>
    public sealed class Fixture : BrowserFixture
    {
        protected override PortalFactory CreateFactory(string connectionString) => new(connectionString, new Dictionary<string, string?>
        {
            ["Portal:BaseUrl"] = "http://127.0.0.1/",
            ["PartnerAgencies:CBBB:Addresses:0"] = "international-complaints@cbbb-partners.example.org",
            ["PartnerAgencies:CBBB:Addresses:1"] = "cross-border-disputes@cbbb-partners.example.org",
            ["PartnerAgencies:SOSA:Addresses:0"] = "service@sosa-taiwan.example.org.tw",
        });
    }

    private static readonly (int Width, int Height) FullHd = (1920, 1080);

    /// <summary>The pages an admin works in, tables first.</summary>
    private static readonly string[] Pages = ["/admin/audit", "/admin/partners", "/admin/users", "/admin/centers", "/admin/consultations", "/staff/cases", "/admin/email", "/staff/mail", "/account"];

    /// <summary>
    /// The words of the table headers and cells (or of the headers only) laid out on more than one line: each
    /// word of each text node (separated by whitespace, or before an opening bracket, where Japanese breaks a line as
    /// English does at a space) is a Range, and its client rectangles' distinct tops are its lines.
    /// The audit entries' details are JSON written as one long token: they wrap where they must and are left out.
    /// </summary>
    private const string BrokenWords = """
        (selector) => {
          const broken = [];
          for (const cell of document.querySelectorAll(selector)) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement.closest('.audit-details, .visually-hidden')) continue;
              for (const match of node.data.matchAll(/[(（「]?[^\s(（「]+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(match[0]);
              }
            }
          }
          return broken;
        }
        """;

    [Fact]
    public async Task AtTheDesktopWidthThePublicChromeIsGoneAndNoTableBreaksAWord()
    {
        var (admin, number) = await PrepareAsync();
        foreach (var locale in new[] { "en", "ja" })
        {
            await BrowserSession.RunAsync(portal, BrowserSession.Desktop, locale, async page =>
            {
                await SignInAsync(page, admin.Email);
                await page.GotoAsync($"/staff/cases/{number}");
                foreach (var path in Pages)
                {
                    await page.GotoAsync(path);
                    Assert.Equal(0, await page.Locator(".site-footer, .main-nav, .user-bar").CountAsync());
                    Assert.Equal(0, await page.GetByText("188", new() { Exact = true }).CountAsync());
                    Assert.True(await page.Locator("nav.staff-nav").IsVisibleAsync(), $"{path}: no staff navigation");
                    Assert.True(await page.Locator("form[action='/account/sign-out'] button").IsVisibleAsync(), $"{path}: no sign-out");
                    Assert.True(await page.Locator("form.language-switch").IsVisibleAsync(), $"{path}: no language switch");

                    // Japanese is set solid and may wrap between any two characters: there, the headers, badges, case numbers
                    // and addresses are checked (each kept whole).
                    var broken = await page.EvaluateAsync<string[]>(BrokenWords, locale == "en" ? "main th, main td" : "main th, main td .badge, main td .case-link, main td .nowrap");
                    Assert.True(broken.Length == 0, $"{path} ({locale}) breaks inside: {string.Join(", ", broken)}");
                    await Accessibility.AssertCleanAsync(page);
                    await BrowserSession.SaveScreenshotAsync(page, $"staff-layout{path.Replace('/', '-')}-{locale}-1280");
                }

                // The audit trail names the case viewed by its number, a link to the case page.
                await page.GotoAsync("/admin/audit");
                var caseLink = page.Locator($"[data-field=subject] a.case-link[href='/staff/cases/{number}']").First;
                Assert.Equal(number, (await caseLink.TextContentAsync())!.Trim());
            }, testName: $"{nameof(AtTheDesktopWidthThePublicChromeIsGoneAndNoTableBreaksAWord)}");
        }
    }

    [Fact]
    public async Task AtFullHdTheContentUsesTheWholeWidth()
    {
        var (admin, number) = await PrepareAsync();
        await BrowserSession.RunAsync(portal, FullHd, "ja", async page =>
        {
            await SignInAsync(page, admin.Email);
            await page.GotoAsync($"/staff/cases/{number}");
            foreach (var path in new[] { "/admin/audit", "/staff/cases", $"/staff/cases/{number}" })
            {
                await page.GotoAsync(path);
                var main = await page.Locator("main").BoundingBoxAsync();
                Assert.True(main!.Width >= FullHd.Width - 20, $"{path}: main is {main.Width}px wide in a {FullHd.Width}px window");
                await BrowserSession.SaveScreenshotAsync(page, $"staff-layout{path.Replace('/', '-')}-ja-1920");
            }

            // The audit table spreads over the width rather than standing in a column of about 990 px.
            await page.GotoAsync("/admin/audit");
            var table = await page.Locator("main table").BoundingBoxAsync();
            Assert.True(table!.Width >= 1800, $"the audit table is {table.Width}px wide");
        });
    }

    [Fact]
    public async Task OnAPhoneNothingButATableRegionScrollsSideways()
    {
        var (admin, number) = await PrepareAsync();
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await SignInAsync(page, admin.Email);
            foreach (var path in Pages.Append($"/staff/cases/{number}"))
            {
                await page.GotoAsync(path);
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                var (scroll, width) = (widths[0], widths[1]);
                Assert.True(scroll <= width, $"{path}: the page is {scroll}px wide on a {width}px phone");

                // A table wider than the phone scrolls in its region, which can be reached and is named.
                var regions = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('main table')].filter(t => t.scrollWidth > t.parentElement.clientWidth + 1)
                      .filter(t => { const r = t.closest('.table-wrap'); return !r || r.tabIndex !== 0 || r.getAttribute('role') !== 'region' || !r.getAttribute('aria-labelledby'); })
                      .map(t => t.querySelector('caption')?.textContent ?? '?')
                    """);
                Assert.True(regions.Length == 0, $"{path}: a wide table outside a focusable, named region: {string.Join(", ", regions)}");
                Assert.True(await page.Locator("nav.staff-nav a[href='/staff/cases']").IsVisibleAsync());
                await Accessibility.AssertCleanAsync(page);
                await BrowserSession.SaveScreenshotAsync(page, $"staff-layout{path.Replace('/', '-')}-ja-360");
            }
        });
    }

    private async Task<(StaffAccounts.Account Admin, string CaseNumber)> PrepareAsync()
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        await TestCenters.CreateAsync(portal.Factory);
        var us = TestComplaints.Details(country: "US");
        var target = await TestCases.ReceiveAsync(portal.Factory, us with { Business = us.Business with { Name = "Northwind Outdoor Supplies International, Inc." } });
        await TestCases.ReceiveAsync(portal.Factory, TestComplaints.Details(country: "SG"));

        // A change with long details, as a note or a decline writes them: the column that pushed the others to one letter.
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var details = """{"action":"AddNote","text":{"before":null,"after":"The consumer called again and asked whether the business had answered; told them the partner agency usually replies within ten business days and that we will write as soon as it does. Order number ORD-2026-88812345 confirmed."},"status":{"before":"Received","after":"InProgress"}}""";
        db.AuditEntries.Add(new AuditEntry(TestTime.Today, AuditAction.CaseChanged, admin.Id, admin.DisplayName, "Case", target.Id.ToString(), target.Id, details, "203.0.113.200"));
        await db.SaveChangesAsync();
        return (admin, target.Number);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await BrowserSignIn.SubmitAsync(page, email);
        await page.WaitForURLAsync("**/staff/cases");
    }
}
