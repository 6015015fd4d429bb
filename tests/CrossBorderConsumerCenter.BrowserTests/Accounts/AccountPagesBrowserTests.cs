using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.BrowserTests.Accounts;

public class AccountPagesBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("ja", 360)]
    [InlineData("en", 1280)]
    public async Task AnAdminSignsInAndEveryAccountPageIsAccessible(string language, int width)
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        var other = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, language, async page =>
        {
            await page.GotoAsync("/admin/users");
            Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
            await Accessibility.AssertCleanAsync(page);

            // A wrong password first: the error summary takes focus-worthy place and stays accessible.
            await page.FillAsync("#Email", admin.Email);
            await page.FillAsync("#Password", "not my password");
            await page.Locator("main button[type=submit]").ClickAsync();
            Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
            await Accessibility.AssertCleanAsync(page);

            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/admin/users");

            foreach (var path in new[] { "/admin/users", "/admin/users/new", $"/admin/users/{other.Id}", "/admin/audit", "/account", "/account/password" })
            {
                await page.GotoAsync(path);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide on a {width}px screen (tables scroll inside their wrapper).");
                await Accessibility.AssertCleanAsync(page);
                await BrowserSession.SaveScreenshotAsync(page, $"account{path.Replace('/', '-')}-{language}-{width}".Replace(other.Id.ToString(), "user", StringComparison.Ordinal));
            }

            await page.GetByRole(AriaRole.Button, new() { Name = language == "ja" ? "サインアウト" : "Sign out" }).ClickAsync();
            await page.WaitForURLAsync("**/account/sign-in?signedOut=1");
        });
    }
}
