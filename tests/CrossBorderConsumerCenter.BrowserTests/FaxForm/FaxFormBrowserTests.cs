using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Pdf;

namespace CrossBorderConsumerCenter.BrowserTests.FaxForm;

/// <summary>
/// The fax form as a consumer (or a relative helping them) prints it: accessible on screen at phone and desktop widths,
/// and printed from the browser as A4 pages with the form alone, without the site's header, navigation or footer.
/// </summary>
public class FaxFormBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, int> LanguagesAndWidths() => new()
    {
        { "ja", 360 }, { "ja", 1280 }, { "en", 360 }, { "en", 1280 },
    };

    public static TheoryData<string> Languages() => ["ja", "en"];

    /// <summary>What the browser shows around the form and must not print: the site's header, navigation and footer, the page's explanation.</summary>
    private static readonly string[] Chrome = [".site-header", ".main-nav", ".site-footer", ".fax-page__screen"];

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task TheFaxFormPageIsAccessibleAndFitsTheScreen(string language, int width)
    {
        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, language, async page =>
        {
            var response = await page.GotoAsync("/fax-form");
            Assert.Equal(200, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal("ja", await page.GetAttributeAsync(".fax-sheet", "lang"));

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"The page is {scrollWidth}px wide on a {width}px screen.");

            // The print button is the script's: shown once it runs.
            await Assertions.Expect(page.Locator("[data-fax-print]")).ToBeVisibleAsync();

            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, $"fax-form-{language}-{width}");
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PrintingThePageGivesA4PagesWithTheFormAlone(string language)
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, language, async page =>
        {
            await page.GotoAsync("/fax-form");
            var fax = (await page.Locator(".fax-sheet [data-fax-number]").TextContentAsync())!;
            var tagline = (await page.Locator(".site-header__tagline").TextContentAsync())!.Trim();
            var footer = (await page.Locator(".site-footer__legal").TextContentAsync())!.Trim();
            var explanation = (await page.Locator(".fax-page__screen .lead").TextContentAsync())!.Trim();

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            foreach (var chrome in Chrome)
            {
                Assert.False(await page.Locator(chrome).IsVisibleAsync(), $"{chrome} is printed.");
            }

            Assert.True(await page.Locator(".fax-sheet").IsVisibleAsync());

            // The page size is the stylesheet's (@page): without it Chromium would print US Letter.
            var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
            var sizes = await Poppler.PageSizesAsync(pdf);
            Assert.NotEmpty(sizes);
            Assert.All(sizes, size => Assert.True(Poppler.IsA4(size), $"A printed page is {size.Width} x {size.Height} pt, not A4."));

            var text = Poppler.WithoutSpaces(await Poppler.TextAsync(pdf));
            Assert.Contains(fax, text, StringComparison.Ordinal);
            Assert.Contains("お名前", text, StringComparison.Ordinal);
            Assert.Contains("ご署名", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Poppler.WithoutSpaces(tagline), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Poppler.WithoutSpaces(footer), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Poppler.WithoutSpaces(explanation), text, StringComparison.Ordinal);
            await File.WriteAllBytesAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(BrowserSession.ArtifactsFolder, "screenshots")).FullName, $"fax-form-printed-{language}.pdf"), pdf);
        });
    }
}
