using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.BrowserTests.BackOffice;

/// <summary>
/// A staff member's day in one go, as a staff member does it: sign in, filter the queue, open a case from it,
/// assign it, add a note, ask the consumer for information; every page accessible.
/// </summary>
public class StaffDayBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AStaffMemberFiltersTheQueueOpensACaseAssignsItNotesAndAsksTheConsumer()
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var taiwan = TestComplaints.Details(country: "TW");
        var target = await TestCases.ReceiveAsync(portal.Factory, taiwan with { Business = taiwan.Business with { Name = "Formosa Lantern Co., Ltd." } });
        var other = await TestCases.ReceiveAsync(portal.Factory, TestComplaints.Details(country: "SG"));

        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await page.GotoAsync("/account/sign-in");
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases");
            await Accessibility.AssertCleanAsync(page);

            await page.Locator(".queue-filters__more summary").ClickAsync();
            await page.SelectOptionAsync("#country", "TW");
            await page.Locator(".queue-filters__more button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases?*country=TW*");
            var listed = await page.Locator(".queue-table tbody th a").AllTextContentsAsync();
            Assert.Contains(target.Number, listed);
            Assert.DoesNotContain(other.Number, listed);
            await Accessibility.AssertCleanAsync(page);

            await page.Locator($".queue-table a[href='/staff/cases/{target.Number}']").ClickAsync();
            await page.WaitForURLAsync($"**/staff/cases/{target.Number}");
            await Accessibility.AssertCleanAsync(page);

            await page.Locator("form.case-assign-me button").ClickAsync();
            await page.WaitForURLAsync($"**/staff/cases/{target.Number}");
            Assert.Equal(staff.DisplayName, (await page.Locator("[data-field=assignee]").TextContentAsync())!.Trim());

            await page.Locator("#action-AddNote summary").ClickAsync();
            await page.FillAsync("#AddNote_Text", "台湾の事業者。SOSA 経由で伝達予定。");
            await page.Locator("#action-AddNote button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/staff/cases/{target.Number}");
            Assert.Contains("SOSA 経由で伝達予定", await page.Locator("[data-kind=NoteAdded]").TextContentAsync(), StringComparison.Ordinal);

            await page.Locator("#action-RequestInformation summary").ClickAsync();
            await page.FillAsync("#RequestInformation_Message", "注文番号の分かるメールを転送してください。");
            await page.Locator("#action-RequestInformation button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/staff/cases/{target.Number}");
            Assert.Equal(1, await page.Locator("[data-kind=Email]").CountAsync());
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, "staff-day-case-ja-360");
        });

        Assert.Equal("WaitingForConsumer", await portal.Database.ScalarAsync<string>("SELECT status FROM cases WHERE id = @id", ("id", target.Id)));
        Assert.Equal(staff.Id, await portal.Database.ScalarAsync<Guid>("SELECT assigned_to_id FROM cases WHERE id = @id", ("id", target.Id)));
    }
}
