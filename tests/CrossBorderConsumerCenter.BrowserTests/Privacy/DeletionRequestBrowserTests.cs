using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.BrowserTests.Privacy;

/// <summary>
/// A consumer asks on a phone, in English, for the data of their finished case to be deleted and sees the request
/// waiting; a supervisor finds it on the requests page and confirms it, and the case is anonymised. Every page passes axe-core.
/// </summary>
public class DeletionRequestBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AConsumersDeletionRequestWaitsUntilASupervisorConfirmsIt()
    {
        var (c, token) = await TestCases.ReceiveTrackedAsync(portal.Factory, language: "en");
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Cases.SingleAsync(x => x.Id == c.Id)).Close(CaseOutcome.Resolved, null, CaseActor.Staff(Guid.NewGuid(), "staff"), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var supervisor = await StaffAccounts.CreateAsync(portal.Factory, Roles.Supervisor);

        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "en", async page =>
        {
            await page.GotoAsync("/track/" + token);
            await page.Locator("[data-deletion] a").ClickAsync();
            await page.WaitForURLAsync("**/deletion");
            await CheckPageAsync(page, "deletion-1-confirm");

            await page.FillAsync("#Deletion_Reason", "I no longer need the center's help.");
            await page.Locator("form[action$='/deletion'] button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-deletion-state='Pending']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
            await CheckPageAsync(page, "deletion-2-pending");
        });

        Assert.Equal("山田 太郎", await NameAsync(c.Id));

        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, "ja", async page =>
        {
            await page.GotoAsync("/account/sign-in");
            await BrowserSignIn.SubmitAsync(page, supervisor.Email);
            await page.WaitForURLAsync("**/staff/cases");

            await page.GotoAsync("/staff/supervisor/privacy");
            await CheckPageAsync(page, "deletion-3-requests");
            await page.Locator($"[data-pending-case='{c.Number}'] a").ClickAsync();
            await page.WaitForURLAsync("**/deletions/*");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("I no longer need the center's help.");
            await CheckPageAsync(page, "deletion-4-answer");

            await page.Locator("[data-confirm-deletion]").ClickAsync();
            await page.WaitForURLAsync("**/staff/supervisor/privacy");
            await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-answered] [data-kind='Deletion'][data-state='Done']")).ToBeVisibleAsync();
            await CheckPageAsync(page, "deletion-5-confirmed");
        });

        Assert.Equal(CaseAnonymiser.Placeholder, await NameAsync(c.Id));
    }

    private static async Task CheckPageAsync(IPage page, string screenshot)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var viewport = page.ViewportSize!.Width;
        Assert.True(width <= viewport, $"{page.Url} is {width}px wide on a {viewport}px screen.");
        await Accessibility.AssertCleanAsync(page);
        await BrowserSession.SaveScreenshotAsync(page, screenshot);
    }

    private Task<string> NameAsync(Guid caseId) => portal.Database.ScalarAsync<string>("SELECT consumer_name FROM cases WHERE id = @id", ("id", caseId));
}
