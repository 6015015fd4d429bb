using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;

namespace CrossBorderConsumerCenter.BrowserTests.Statistics;

/// <summary>
/// The back office's statistics on a phone (360 px) and a desktop (1280 px), in Japanese and in English: the figures are
/// there, nothing is wider than the screen, and axe-core finds no violation of any impact. One sign-in and one page per
/// language: the width changes without loading the page again.
/// </summary>
public class StatisticsBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ASupervisorReadsTheFiguresOfAPeriodOnAPhoneAndOnADesktop(string language)
    {
        var supervisor = await StaffAccounts.CreateAsync(portal.Factory, Roles.Supervisor);
        await QueueCases.AddAsync(
            portal.Factory,
            new QueueCase { Age = TimeSpan.FromDays(3), Country = "US", Platform = PurchasePlatform.Amazon },
            new QueueCase { Age = TimeSpan.FromDays(12), Country = "CN", Category = CaseCategory.Counterfeit, Platform = PurchasePlatform.Temu, Status = CaseStatus.Declined },
            new QueueCase { Age = TimeSpan.FromDays(20), Country = "TW", Category = CaseCategory.DamagedOrDefective, Status = CaseStatus.Forwarded, DueIn = TimeSpan.FromDays(-1) },
            new QueueCase { Age = TimeSpan.FromDays(40), Country = "GB", Payment = PaymentMethod.PayPal, Status = CaseStatus.InProgress });
        var today = LocalizationRegistration.JapanToday(TimeProvider.System);
        var query = $"?period=range&from={today.AddDays(-60):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        await BrowserSession.RunAsync(portal, BrowserSession.Phone, language, async page =>
        {
            await page.GotoAsync("/account/sign-in");
            await BrowserSignIn.SubmitAsync(page, supervisor.Email);
            await page.WaitForURLAsync("**/staff/cases");

            await page.GotoAsync("/staff/statistics" + query);
            Assert.True(int.Parse(await page.Locator("[data-total='received']").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 4);
            Assert.Equal(12, await page.Locator("section.stat-figure").CountAsync());
            Assert.True(await page.Locator("a[href^='/staff/statistics/records.csv']").IsVisibleAsync());
            Assert.Equal(language == "ja" ? "ja" : "en", await page.GetAttributeAsync("html", "lang"));

            foreach (var (width, height) in new[] { BrowserSession.Phone, BrowserSession.Desktop })
            {
                await page.SetViewportSizeAsync(width, height);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"The page is {scrollWidth}px wide on a {width}px screen.");
                await Accessibility.AssertNoViolationsAsync(page);
                await BrowserSession.SaveScreenshotAsync(page, $"statistics-{language}-{width}");
            }
        });
    }
}
