using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.BrowserTests.Forwarding;

/// <summary>The whole round: staff forward a case in English (a field left in Japanese refused by name), the agency answers through its link, staff see the answer, tell the consumer and close.</summary>
public class ForwardingBrowserTests(ForwardingBrowserTests.Fixture portal) : IClassFixture<ForwardingBrowserTests.Fixture>
{
    public sealed class Fixture : BrowserFixture
    {
        protected override PortalFactory CreateFactory(string connectionString) => new(connectionString, new Dictionary<string, string?>
        {
            ["Portal:BaseUrl"] = "http://127.0.0.1/",
            ["PartnerAgencies:CBBB:Addresses:0"] = "cbbb@partners.example.org",
        });
    }

    private static readonly byte[] Pdf = "%PDF-1.7\nrefund confirmation\n"u8.ToArray();

    [Theory]
    [InlineData("ja", 360)]
    [InlineData("en", 1280)]
    public async Task StaffForwardACaseTheAgencyAnswersAndStaffCloseIt(string language, int width)
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var c = await TestCases.ReceiveAsync(portal.Factory, evidence: [new StoredFile("receipt.pdf", "application/pdf", Pdf, DateTimeOffset.UtcNow)]);
        var casePath = $"/staff/cases/{c.Number}";

        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, language, async page =>
        {
            await page.GotoAsync(casePath);
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);

            // Compose, preview, send.
            await page.Locator("[data-forward-link]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath + "/forward");
            await AssertFitsAndAccessibleAsync(page, width);
            Assert.Equal("YAMADA Taro", await page.InputValueAsync("#Forward_ConsumerName"));
            Assert.Equal("届きません。", (await page.Locator("[data-original]").TextContentAsync())!.Trim());

            // Staff write the complaint in English; a field left in Japanese is refused by name, and nothing typed is lost.
            await page.FillAsync("#Forward_Summary", "The consumer paid for wireless earphones that never arrived.");
            await page.FillAsync("#Forward_BusinessResponse", "The business has not replied.");
            await page.FillAsync("#Forward_Item", "ワイヤレスイヤホン");
            await page.Locator("form.forward-form input[name='Forward.Evidence']").CheckAsync();
            await page.Locator("form.forward-form button[type=submit]").ClickAsync();
            await page.Locator(".error-summary a[href='#Forward_Item']").WaitForAsync();
            Assert.Contains(language == "ja" ? "商品・サービスに日本語の文字" : "Item or service still contains Japanese script",
                await page.Locator(".error-summary").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal("The consumer paid for wireless earphones that never arrived.", await page.InputValueAsync("#Forward_Summary"));
            await AssertFitsAndAccessibleAsync(page, width);
            await BrowserSession.SaveScreenshotAsync(page, $"forward-japanese-refused-{language}-{width}");
            await page.FillAsync("#Forward_Item", "Wireless earphones");

            // The session ends while composing: after signing in again, the compose page has the text typed (the
            // fields the page fills itself keep their own value; a checkbox is chosen again).
            await page.Context.ClearCookiesAsync();
            await page.Locator("form.forward-form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/account/sign-in?*");
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath + "/forward");
            Assert.Equal("The consumer paid for wireless earphones that never arrived.", await page.InputValueAsync("#Forward_Summary"));
            Assert.Equal("The business has not replied.", await page.InputValueAsync("#Forward_BusinessResponse"));
            await Assertions.Expect(page.Locator("form.forward-form .kept-text")).ToBeVisibleAsync();
            await page.FillAsync("#Forward_Item", "Wireless earphones");
            await page.Locator("form.forward-form input[name='Forward.Evidence']").CheckAsync();

            await page.Locator("form.forward-form button[type=submit]").ClickAsync();
            await page.Locator("[data-preview-body]").WaitForAsync();
            var previewed = (await page.Locator("[data-preview-body]").TextContentAsync())!;
            Assert.StartsWith("Dear colleagues at the Council of Better Business Bureaus,", previewed.Trim(), StringComparison.Ordinal);
            Assert.Contains("Item or service: Wireless earphones", previewed, StringComparison.Ordinal);
            Assert.Contains("Name: YAMADA Taro", previewed, StringComparison.Ordinal);
            Assert.Null(JapaneseScript.First(previewed));
            Assert.Equal("cbbb@partners.example.org", (await page.Locator("[data-field=to]").TextContentAsync())!.Trim());
            Assert.Contains(c.Number, await page.Locator("[data-field=subject]").TextContentAsync(), StringComparison.Ordinal);
            await AssertFitsAndAccessibleAsync(page, width);
            await BrowserSession.SaveScreenshotAsync(page, $"forward-preview-{language}-{width}");
            await page.Locator("form.forward-send button[value=send]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Equal("Forwarded", await StatusAsync(c.Number));
            Assert.DoesNotContain("forward/preview", await page.EvaluateAsync<string>("() => sessionStorage.getItem('ccc.kept-text') || ''"), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("[data-provision]").CountAsync());

            // The agency opens the link from the email and answers, in English whatever its browser asks for.
            var body = await portal.Database.ScalarAsync<string>("SELECT text_body FROM outbound_emails WHERE case_id = @id AND template = 'PartnerForward'", ("id", c.Id));
            var token = Regex.Match(body, "/partner/([A-Za-z0-9_-]{43})").Groups[1].Value;
            Assert.Null(JapaneseScript.First(body));
            await page.GotoAsync($"/partner/{token}");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal("Wireless earphones", (await page.Locator("[data-field=item]").TextContentAsync())!.Trim());
            Assert.Null(JapaneseScript.First(await page.Locator("main").InnerTextAsync()));
            await AssertFitsAndAccessibleAsync(page, width);
            await page.Locator("input[name='Outcome'][value='Refunded']").CheckAsync();
            await page.FillAsync("#Message", "The business refunded USD 129.99 on 25 November.");
            await page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "refund.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.Locator("form.partner-answer button[type=submit]").ClickAsync();
            await page.Locator("[data-answered]").WaitForAsync();
            await AssertFitsAndAccessibleAsync(page, width);
            await BrowserSession.SaveScreenshotAsync(page, $"partner-answered-{width}");
            Assert.Equal("PartnerResponded", await StatusAsync(c.Number));

            // Staff see the answer, tell the consumer, and close the case.
            await page.GotoAsync(casePath);
            Assert.Contains("25 November", await page.Locator("[data-kind=PartnerResponded]").TextContentAsync(), StringComparison.Ordinal);
            Assert.True(await page.Locator("#action-NotifyConsumer").EvaluateAsync<bool>("d => d.open"));
            await AssertFitsAndAccessibleAsync(page, width);
            await page.Locator("#action-NotifyConsumer button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Equal(1, await page.Locator("[data-kind=ConsumerNotified]").CountAsync());
            await page.Locator("#action-Close summary").ClickAsync();
            await page.Locator("input[name='Close.Outcome'][value='Resolved']").CheckAsync();
            await page.Locator("#action-Close button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Equal("Closed", await StatusAsync(c.Number));
            await AssertFitsAndAccessibleAsync(page, width);
            await BrowserSession.SaveScreenshotAsync(page, $"forward-closed-{language}-{width}");
        });
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width)
        {
            var widest = await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth || e.scrollWidth > window.innerWidth).map(e => e.tagName + '.' + e.className).slice(-3).join(' | ')");
            Assert.Fail($"{page.Url} is {scrollWidth}px wide on a {width}px screen: {widest}");
        }

        await Accessibility.AssertCleanAsync(page);
    }

    private Task<string> StatusAsync(string number) =>
        portal.Database.ScalarAsync<string>("SELECT status FROM cases WHERE number = @n", ("n", number));
}
