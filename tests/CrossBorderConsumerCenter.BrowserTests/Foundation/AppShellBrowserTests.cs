using System.Net;
using CrossBorderConsumerCenter.BrowserTests.Support;

namespace CrossBorderConsumerCenter.BrowserTests.Foundation;

public class AppShellBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, int> LanguagesAndWidths() => new()
    {
        { "ja", 360 }, { "ja", 1280 }, { "en", 360 }, { "en", 1280 },
    };

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task TheHomePageIsAccessibleAndFitsTheScreen(string language, int width)
    {
        var viewport = width == 360 ? BrowserSession.Phone : BrowserSession.Desktop;
        await BrowserSession.RunAsync(portal, viewport, language, async page =>
        {
            var response = await page.GotoAsync("/");
            Assert.Equal(200, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));

            // Nothing wider than the screen: no sideways scrolling on a phone.
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"The page is {scrollWidth}px wide on a {width}px screen.");

            // The design tokens are applied (the primary colour of the language switch).
            var pressed = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.language-switch [aria-pressed=true]')).backgroundColor");
            Assert.Equal("rgb(0, 23, 193)", pressed);

            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, $"home-{language}-{width}");
        });
    }

    private static readonly string[] TextPages = ["/privacy", "/faq", "/contact"];

    /// <summary>The text pages (their tables too) fit the narrowest screen WCAG's reflow asks for: 320 CSS pixels.</summary>
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task TheTextPagesFitThreeHundredAndTwentyPixels(string language)
    {
        await BrowserSession.RunAsync(portal, (320, 640), language, async page =>
        {
            foreach (var path in TextPages)
            {
                await page.GotoAsync(path);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                var widest = await page.EvaluateAsync<string>(
                    "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 320).map(e => e.tagName + '.' + e.className).slice(0, 5).join(', ')");
                Assert.True(scrollWidth <= 320, $"{path} is {scrollWidth}px wide on a 320px screen: {widest}");
            }
        });
    }

    [Fact]
    public async Task TheLanguageSwitchChangesTheLanguageAndItStays()
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await page.WaitForURLAsync("**/");
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

            await page.GotoAsync("/no-such-page");
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
            Assert.Equal("Page not found", (await page.Locator("h1").TextContentAsync())?.Trim());
            await Accessibility.AssertCleanAsync(page);
        }, expectedErrorPaths: ["/no-such-page"]);
    }

    [Fact]
    public async Task TheSkipLinkMovesFocusToTheMainContent()
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, "ja", async page =>
        {
            await page.GotoAsync("/");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
            Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        });
    }

    [Fact]
    public async Task ABodyOverKestrelsLimitGetsThe413PageFromTheRealServer()
    {
        // Expect: 100-continue lets the server refuse before the 40 MB are sent, as browsers' uploads see it. The client
        // waits for the server's answer as long as it takes (by default it starts sending after a second, and on a busy
        // machine the refusal and the closed connection then meet the upload: a broken pipe instead of the page).
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(portal.BaseUrl) };
        http.DefaultRequestHeaders.ExpectContinue = true;
        using var content = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var response = await http.PostAsync("/language", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("送信されたデータが大きすぎます", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
