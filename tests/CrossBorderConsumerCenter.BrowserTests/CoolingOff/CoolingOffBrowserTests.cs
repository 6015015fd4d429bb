using System.Globalization;
using CrossBorderConsumerCenter.BrowserTests.Support;

namespace CrossBorderConsumerCenter.BrowserTests.CoolingOff;

/// <summary>
/// "Can I still cancel, and how?" answered on a phone in a minute: choose the kind, type the day, tick credit, check;
/// the answer is a link with the exact parameters, accessible and as wide as the screen, in both languages, errors too.
/// </summary>
public class CoolingOffBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(TestTime.Today.ToOffset(TimeSpan.FromHours(9)).DateTime);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("ja", "クーリング・オフできます", "クレジット会社にも")]
    [InlineData("en", "Yes, you can cancel", "to the credit company")]
    public async Task ACounselorAnswersCanICancelAndByWhenOnAPhone(string language, string verdict, string credit)
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, language, async page =>
        {
            await page.GotoAsync("/");
            await page.Locator("nav a[href='/cooling-off']").First.ClickAsync();
            await page.SelectOptionAsync("select[name='kind']", "door-to-door");
            await page.FillAsync("input[name='document']", Iso(Today.AddDays(-2)));
            await page.CheckAsync("input[name='credit']");
            await page.ClickAsync("main form button[type='submit']");

            await page.WaitForSelectorAsync("#answer");
            var query = new Uri(page.Url).Query;
            Assert.Contains("kind=door-to-door", query, StringComparison.Ordinal);
            Assert.Contains("document=" + Iso(Today.AddDays(-2)), query, StringComparison.Ordinal);
            Assert.Contains("credit=true", query, StringComparison.Ordinal);
            Assert.Contains(verdict, await page.TextContentAsync("#answer"), StringComparison.Ordinal);
            Assert.Contains(credit, await page.TextContentAsync("#answer"), StringComparison.Ordinal);
            Assert.Equal(Iso(Today.AddDays(5)), await page.GetAttributeAsync("time[data-cooling-off='last-day']", "datetime"));
            Assert.Equal(1, await page.Locator("a[data-cooling-off='notice'][href='/cooling-off/notice?kind=door-to-door&credit=true']").CountAsync());

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= BrowserSession.Phone.Width, $"The answer is {scrollWidth}px wide on a phone.");
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, $"cooling-off-answer-{language}-360");
        });
    }

    [Theory]
    [InlineData("ja", 360)]
    [InlineData("en", 1280)]
    public async Task TheUrgentAnswerTheNoneAnswerAndTheErrorsAreAccessible(string language, int width)
    {
        var viewport = width == 360 ? BrowserSession.Phone : BrowserSession.Desktop;
        await BrowserSession.RunAsync(portal, viewport, language, async page =>
        {
            foreach (var url in new[]
            {
                $"/cooling-off?kind=telemarketing&document={Iso(Today.AddDays(-6))}",
                $"/cooling-off?kind=mail-order&goods={Iso(Today.AddDays(-1))}",
                "/cooling-off?kind=shop-visit",
                "/cooling-off?kind=door-to-door&document=2020-02-30",
            })
            {
                var response = await page.GotoAsync(url);
                Assert.Equal(200, response!.Status);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{url} is {scrollWidth}px wide on a {width}px screen.");
                await Accessibility.AssertCleanAsync(page);
            }

            Assert.Equal(1, await page.Locator(".error-summary a[href='#document']").CountAsync());
            await BrowserSession.SaveScreenshotAsync(page, $"cooling-off-error-{language}-{width}");
        });
    }
}
