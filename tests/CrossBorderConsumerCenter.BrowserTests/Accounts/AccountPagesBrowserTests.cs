using CrossBorderConsumerCenter.BrowserTests.Support;
using Microsoft.Extensions.DependencyInjection;
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

            // An admin signs in in two steps: a wrong code first, then the app's code.
            await page.WaitForURLAsync("**/account/sign-in/code**");
            await Accessibility.AssertCleanAsync(page);
            await page.FillAsync("#Code", "000000");
            await page.Locator("main button[type=submit]").ClickAsync();
            Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
            await Accessibility.AssertCleanAsync(page);
            await BrowserSignIn.EnterCodeAsync(page, admin.Email);
            await page.WaitForURLAsync("**/admin/users");

            foreach (var path in new[] { "/admin/users", "/admin/users/new", $"/admin/users/{other.Id}", $"/admin/users/{admin.Id}", "/admin/audit", "/account", "/account/password", "/account/two-factor" })
            {
                await page.GotoAsync(path);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide on a {width}px screen (tables scroll inside their wrapper).");
                await Accessibility.AssertCleanAsync(page);
                await BrowserSession.SaveScreenshotAsync(page, $"account{path.Replace('/', '-')}-{language}-{width}".Replace(other.Id.ToString(), "user", StringComparison.Ordinal).Replace(admin.Id.ToString(), "me", StringComparison.Ordinal));
            }

            await page.GetByRole(AriaRole.Button, new() { Name = language == "ja" ? "サインアウト" : "Sign out" }).ClickAsync();
            await page.WaitForURLAsync("**/account/sign-in?signedOut=1");
        });
    }

    /// <summary>A supervisor without a second factor signs in with the password once, sets up an authenticator, keeps the recovery codes.</summary>
    [Fact]
    public async Task ASupervisorSetsUpTwoStepSignInFromTheQrCodePage()
    {
        var supervisor = await StaffAccounts.CreateWithoutSecondFactorAsync(portal.Factory, Roles.Supervisor);
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await page.GotoAsync("/account/sign-in");
            await BrowserSignIn.SubmitAsync(page, supervisor.Email);
            await page.GotoAsync("/staff/cases");
            await page.WaitForURLAsync("**/account/two-factor");
            Assert.True(await page.Locator("#two-factor-required-notice").IsVisibleAsync());
            Assert.True(await page.Locator("img.qr-code").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code is not shown.");
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, "account-two-factor-set-up-ja-360");

            // The key as shown (groups of four) is what an app takes when typed by hand.
            var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var now = portal.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            await page.FillAsync("#Code", CrossBorderConsumerCenter.Web.Infrastructure.Security.AuthenticatorCode.At(key, now));
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/account/two-factor/recovery-codes");
            Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.closest('[data-confirmation]') !== null"), "The confirmation does not take focus.");
            await Accessibility.AssertCleanAsync(page);

            await page.GotoAsync("/staff/cases");
            Assert.EndsWith("/staff/cases", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        });
    }
}
