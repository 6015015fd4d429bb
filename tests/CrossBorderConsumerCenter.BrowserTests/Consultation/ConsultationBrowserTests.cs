using CrossBorderConsumerCenter.BrowserTests.Support;

namespace CrossBorderConsumerCenter.BrowserTests.Consultation;

/// <summary>
/// A consumer books an online consultation from the navigation, on a phone in Japanese and on a desktop in English: the
/// phone numbers for urgent matters before the form, a slot chosen by its day and time, a mistake corrected, and the
/// "received, not yet confirmed" page; every step as wide as the screen and clean under axe.
/// </summary>
public class ConsultationBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("ja", 360, "まだ確定していません")]
    [InlineData("en", 1280, "not confirmed yet")]
    public async Task AConsumerBooksAConsultation(string language, int width, string received)
    {
        var viewport = width == 360 ? BrowserSession.Phone : BrowserSession.Desktop;
        await BrowserSession.RunAsync(portal, viewport, language, async page =>
        {
            await page.GotoAsync("/");
            await page.Locator("nav a[href='/consultation']").First.ClickAsync();
            await page.WaitForURLAsync("**/consultation");
            Assert.Equal(1, await page.Locator("#urgent-heading").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>(
                "() => document.querySelector('#urgent-heading').compareDocumentPosition(document.querySelector('form.consultation-form')) & Node.DOCUMENT_POSITION_FOLLOWING"));
            await AssertFitsAsync(page, width);
            await Accessibility.AssertCleanAsync(page);

            // The first free time of the first day, by its label.
            await page.Locator("fieldset.consultation-day").First.Locator("label").First.ClickAsync();
            await page.FillAsync("#Name", language == "ja" ? "山田 太郎" : "Taro Yamada");
            await page.FillAsync("#NameKana", "ヤマダ タロウ");
            await page.FillAsync("#PostalCode", "120-0011");
            await page.SelectOptionAsync("#Prefecture", "JP-13");
            await page.FillAsync("#Address", "足立区中央本町1-17-1");
            await page.FillAsync("#Phone", "090-1234-5678");
            await page.FillAsync("#Email", $".browser-{language}@example.jp");
            await page.FillAsync("#EmailConfirmation", $"browser-{language}@example.jp");
            await page.FillAsync("#Description", language == "ja" ? "海外の通販で買った靴が届きません。" : "Shoes I bought from a shop abroad never came.");
            await page.CheckAsync("#AgreesToNotices");
            await page.CheckAsync("#AgreesToPrivacy");
            await page.ClickAsync("form.consultation-form button[type='submit']");

            // A mistake: the summary links to it, everything else is kept, the slot still chosen.
            await page.WaitForSelectorAsync("#error-summary");
            Assert.Equal(1, await page.Locator("#error-summary a[href='#Email']").CountAsync());
            Assert.Equal(1, await page.Locator("input[name='Slot']:checked").CountAsync());
            await AssertFitsAsync(page, width);
            await Accessibility.AssertCleanAsync(page);
            await page.FillAsync("#Email", $"browser-{language}@example.jp");
            await page.ClickAsync("form.consultation-form button[type='submit']");

            await page.WaitForURLAsync("**/consultation/received");
            Assert.Contains(received, await page.TextContentAsync("h1"), StringComparison.Ordinal);
            await AssertFitsAsync(page, width);
            await Accessibility.AssertCleanAsync(page);
        });
    }

    private static async Task AssertFitsAsync(Microsoft.Playwright.IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth}px wide on a {width}px screen.");
    }
}
