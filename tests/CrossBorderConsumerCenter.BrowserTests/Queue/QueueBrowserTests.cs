using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.BrowserTests.Queue;

public class QueueBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("ja", 360)]
    [InlineData("en", 1280)]
    public async Task AStaffMemberSignsInLandsOnTheQueueFiltersItSearchesAndOpensACase(string language, int width)
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var tag = "Q" + Guid.NewGuid().ToString("N")[..6];
        var cases = await QueueCases.AddAsync(
            portal.Factory,
            new QueueCase { Country = "TW", Status = CaseStatus.InProgress, Business = $"台湾好物商店 {tag}", Name = "陳 美玲", Age = TimeSpan.FromDays(3) },
            new QueueCase { Country = "TW", Business = "Formosa Goods Co., Ltd.", Name = "林 太郎", Age = TimeSpan.FromDays(2), DueIn = TimeSpan.FromDays(-1), Priority = CasePriority.Urgent },
            new QueueCase { Country = "US", Business = "Example Gadgets Inc.", Age = TimeSpan.FromDays(1) });
        var (found, tw) = (cases[0].Number, cases[1].Number);

        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, language, async page =>
        {
            async Task CheckAsync(string step)
            {
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{step}: the page is {scrollWidth}px wide on a {width}px screen.");
                await Accessibility.AssertCleanAsync(page);
                await BrowserSession.SaveScreenshotAsync(page, $"queue-{step}-{language}-{width}");
            }

            await page.GotoAsync("/account/sign-in");
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases");
            Assert.True(await page.Locator($".queue-table a[href='/staff/cases/{tw}']").IsVisibleAsync());
            await CheckAsync("needs-action");

            // Filters: Taiwan, received cases only.
            await page.Locator(".queue-filters__more summary").ClickAsync();
            await page.SelectOptionAsync("#country", "TW");
            await page.CheckAsync("#status-Received");
            await page.Locator(".queue-filters__more button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases?*country=TW*");
            Assert.Contains("status=Received", page.Url, StringComparison.Ordinal);
            var listed = await page.Locator(".queue-table tbody th a").AllTextContentsAsync();
            Assert.Contains(tw, listed);
            Assert.DoesNotContain(found, listed);
            Assert.DoesNotContain(cases[2].Number, listed);
            Assert.Equal(language == "ja" ? "期限超過" : "Overdue", (await page.Locator($".queue-table tr:has(a[href='/staff/cases/{tw}']) .badge--alert").TextContentAsync())?.Trim());
            await CheckAsync("filtered");

            // Back to the whole queue, search all cases by a word of the merchant's name, then open the case.
            await page.Locator(".queue-presets a").First.ClickAsync();
            await page.WaitForURLAsync("**/staff/cases");
            await page.FillAsync("#q", tag.ToLowerInvariant());
            await page.Locator(".queue-search button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases?*q=*");
            var link = page.Locator(".queue-table tbody th a");
            Assert.Equal(1, await link.CountAsync());
            Assert.Equal($"/staff/cases/{found}", await link.GetAttributeAsync("href"));
            await CheckAsync("searched");

            await link.ClickAsync();
            await page.WaitForURLAsync($"**/staff/cases/{found}");
        }, expectedErrorPaths: [$"/staff/cases/{found}"]);
    }

    /// <summary>
    /// Ticking "all on this page" ticks every row (and unticking one row unticks it), then the chosen cases are assigned:
    /// the same view comes back with the summary, and the page stays clean for screen readers and narrow screens.
    /// </summary>
    [Theory]
    [InlineData("ja", 360)]
    [InlineData("en", 1280)]
    public async Task AStaffMemberTicksCasesOnThePageAndAssignsThemAtOnce(string language, int width)
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var cases = await QueueCases.AddAsync(
            portal.Factory,
            new QueueCase { Country = "NZ", Age = TimeSpan.FromDays(3) },
            new QueueCase { Country = "NZ", Age = TimeSpan.FromDays(2) },
            new QueueCase { Country = "NZ", Age = TimeSpan.FromDays(1) });
        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, language, async page =>
        {
            await page.GotoAsync("/account/sign-in");
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases");
            await page.GotoAsync("/staff/cases?view=all&country=NZ");
            var rows = page.Locator("input[name='Bulk.Cases']");
            var count = await rows.CountAsync();
            Assert.True(count >= 3);

            await page.CheckAsync("#Bulk_AllOnPage");
            Assert.Equal(count, await page.Locator("input[name='Bulk.Cases']:checked").CountAsync());
            await page.UncheckAsync($"#select-{cases[0].Number}");
            Assert.False(await page.IsCheckedAsync("#Bulk_AllOnPage"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#Bulk_AllOnPage').indeterminate"));

            // The checkbox is named by its case number.
            Assert.Equal(1, await page.GetByLabel(cases[1].Number).CountAsync());

            await page.SelectOptionAsync("#Bulk_AssigneeId", staff.Id.ToString());
            await page.Locator($"button[name='Bulk.Action'][value='assign']").ClickAsync();
            await page.WaitForSelectorAsync(".queue-bulk-summary");
            Assert.EndsWith("/staff/cases?view=all&country=NZ", page.Url, StringComparison.Ordinal);
            Assert.Contains(staff.DisplayName, await page.Locator(".queue-bulk-summary").TextContentAsync() ?? "", StringComparison.Ordinal);

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"the page is {scrollWidth}px wide on a {width}px screen.");
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, $"queue-bulk-{language}-{width}");
        });
    }
}

