using CrossBorderConsumerCenter.BrowserTests.Support;

namespace CrossBorderConsumerCenter.BrowserTests.Contact;

/// <summary>
/// The public pages that give the center's details (the contact page, the FAQ, the privacy notice) pass axe-core and
/// fit a phone's screen in both languages, the footer with who runs the service included.
/// </summary>
public class PublicPagesBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string, int> PagesLanguagesAndWidths()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var path in new[] { "/contact", "/faq", "/privacy" })
        {
            foreach (var language in new[] { "ja", "en" })
            {
                data.Add(path, language, 360);
            }
        }

        data.Add("/contact", "ja", 1280);
        data.Add("/contact", "en", 1280);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesLanguagesAndWidths))]
    public async Task ThePageIsAccessibleAndFitsTheScreen(string path, string language, int width)
    {
        var viewport = width == 360 ? BrowserSession.Phone : BrowserSession.Desktop;
        await BrowserSession.RunAsync(portal, viewport, language, async page =>
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide on a {width}px screen.");
            Assert.Equal(1, await page.Locator("footer a[href='/contact']").CountAsync());

            await Accessibility.AssertCleanAsync(page);
            if (path == "/contact")
            {
                await BrowserSession.SaveScreenshotAsync(page, $"contact-{language}-{width}");
            }
        });
    }
}
