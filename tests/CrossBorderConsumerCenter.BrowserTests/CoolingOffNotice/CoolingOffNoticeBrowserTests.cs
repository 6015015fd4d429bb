using System.Globalization;
using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Pdf;

namespace CrossBorderConsumerCenter.BrowserTests.CoolingOffNotice;

/// <summary>
/// The cooling-off notice as a consumer makes it: the form and the postcards accessible on screen at phone and desktop
/// widths, and the postcards printed from the browser one side per postcard-sized sheet, with nothing of the site around them.
/// </summary>
public class CoolingOffNoticeBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, int> LanguagesAndWidths() => new()
    {
        { "ja", 360 }, { "ja", 1280 }, { "en", 360 }, { "en", 1280 },
    };

    public static TheoryData<string> Languages() => ["ja", "en"];

    private const string Name = "山田 花子";

    /// <summary>What the browser shows around the postcards and must not print: the site's chrome, the steps, the buttons.</summary>
    private static readonly string[] Chrome = [".site-header", ".main-nav", ".site-footer", "[data-steps]", "[data-notice-pdf]", ".postcard-sheet__caption"];

    /// <summary>Types the notice's form as a person would, with credit, and sends it.</summary>
    private static async Task FillAndSendAsync(IPage page)
    {
        await page.GotoAsync("/cooling-off/notice?kind=door-to-door&credit=true");
        await page.FillAsync("#ContractDate", TestTime.DaysAgo(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#Goods", "浄水器");
        await page.FillAsync("#Amount", "300000");
        await page.FillAsync("#SellerName", "株式会社テスト販売");
        await page.FillAsync("#SellerPerson", "佐藤");
        await page.FillAsync("#CreditName", "テストクレジット株式会社");
        await page.FillAsync("#ConsumerName", Name);
        await page.FillAsync("#ConsumerAddress", "北海道札幌市中央区北1条西1丁目");
        await page.ClickAsync("[data-notice-form] button[type='submit']");
        await page.WaitForSelectorAsync(".postcard");
    }

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task TheFormAndThePostcardsAreAccessibleAndFitTheScreen(string language, int width)
    {
        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, language, async page =>
        {
            var response = await page.GotoAsync("/cooling-off/notice?kind=door-to-door&credit=true");
            Assert.Equal(200, response!.Status);
            await Accessibility.AssertCleanAsync(page);

            await FillAndSendAsync(page);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(2, await page.Locator(".postcard[lang='ja']").CountAsync());
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"The page is {scrollWidth}px wide on a {width}px screen.");

            // The print button is the script's: shown once it runs.
            await Assertions.Expect(page.Locator("[data-notice-print]")).ToBeVisibleAsync();
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, $"cooling-off-notice-{language}-{width}");
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PrintingGivesOnePostcardSizedSheetPerPostcardWithThePostcardAlone(string language)
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, language, async page =>
        {
            await FillAndSendAsync(page);
            var tagline = (await page.Locator(".site-header__tagline").TextContentAsync())!.Trim();
            var footer = (await page.Locator(".site-footer__legal").TextContentAsync())!.Trim();
            var steps = (await page.Locator("[data-steps] li").First.TextContentAsync())!.Trim();
            var caption = (await page.Locator(".postcard-sheet__caption").First.TextContentAsync())!.Trim();

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            foreach (var chrome in Chrome)
            {
                Assert.False(await page.Locator(chrome).First.IsVisibleAsync(), $"{chrome} is printed.");
            }

            // The page size is the stylesheet's (@page): without it Chromium would print US Letter.
            var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
            var sizes = await Poppler.PageSizesAsync(pdf);
            Assert.Equal(2, sizes.Count);
            Assert.All(sizes, size => Assert.True(
                Math.Abs(size.Width - 283.46) < 1 && Math.Abs(size.Height - 419.53) < 1,
                $"A printed page is {size.Width} x {size.Height} pt, not a postcard (100 x 148 mm)."));

            var text = Poppler.WithoutSpaces(await Poppler.TextAsync(pdf));
            Assert.Contains("次の契約を解除します。", text, StringComparison.Ordinal);
            Assert.Contains(Poppler.WithoutSpaces(Name), text, StringComparison.Ordinal);
            Assert.Contains("テストクレジット株式会社", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Poppler.WithoutSpaces(tagline), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Poppler.WithoutSpaces(footer), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Poppler.WithoutSpaces(steps), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Poppler.WithoutSpaces(caption), text, StringComparison.Ordinal);
            await File.WriteAllBytesAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(BrowserSession.ArtifactsFolder, "screenshots")).FullName, $"cooling-off-notice-printed-{language}.pdf"), pdf);
        });
    }
}
