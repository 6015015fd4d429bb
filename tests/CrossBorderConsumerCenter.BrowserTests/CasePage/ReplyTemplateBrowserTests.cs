using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.BrowserTests.CasePage;

/// <summary>With JavaScript, "use the template" fills the message in place; declining shows the consumer's email first.</summary>
public class ReplyTemplateBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AStaffMemberStartsAQuestionFromATemplateThenDeclinesAfterReadingTheEmail()
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var c = await TestCases.ReceiveAsync(portal.Factory);
        var casePath = $"/staff/cases/{c.Number}";

        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, "ja", async page =>
        {
            await page.GotoAsync(casePath);
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);

            // The template fills the message at once, without leaving the page (the URL stays the case's).
            await page.Locator("#action-RequestInformation summary").ClickAsync();
            await page.SelectOptionAsync("#RequestInformation_TemplateId", new SelectOptionValue { Index = 1 });
            await page.Locator("#action-RequestInformation [data-use-template]").ClickAsync();
            var message = await page.InputValueAsync("#RequestInformation_Message");
            Assert.Contains("Example Gadgets Inc.", message, StringComparison.Ordinal);
            Assert.DoesNotContain("{", message, StringComparison.Ordinal);
            Assert.EndsWith(casePath, page.Url, StringComparison.Ordinal);
            Assert.Null(await page.Locator("#action-RequestInformation [data-template-filled]").ElementHandleAsync());
            await Accessibility.AssertCleanAsync(page);

            // Declining: the email first, then the button that sends it.
            await page.Locator("#action-Decline summary").ClickAsync();
            await page.CheckAsync("input[name='Decline.Reason'][value=OutOfScope]");
            await page.Locator("#action-Decline button[type=submit]").First.ClickAsync();
            await page.Locator("[data-decline-preview]").WaitForAsync();
            Assert.Contains("消費者ホットライン 188", await page.Locator("[data-preview-body]").TextContentAsync(), StringComparison.Ordinal);
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, "case-page-decline-preview-ja-1280");
            await page.Locator("[data-decline-preview] button").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Equal("Declined", await portal.Database.ScalarAsync<string>("SELECT status FROM cases WHERE number = @n", ("n", c.Number)));
        });
    }
}
