using System.Globalization;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.BrowserTests.Support;

namespace CrossBorderConsumerCenter.BrowserTests.Intake;

/// <summary>
/// A consumer on a 360 px phone files a complaint from the home page to the receipt, with a photo, in
/// Japanese and in English; axe-core checks every page of the flow, including the form with errors.
/// </summary>
public partial class IntakeBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    // A real 1×1 PNG: what a phone would send, as far as the server's sniffing is concerned.
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static TheoryData<string> Languages() => new() { "ja", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AConsumerOnAPhoneFilesAComplaintWithAPhoto(string language)
    {
        var ja = language == "ja";
        var purchased = DateTime.Today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var contacted = DateTime.Today.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, language, async page =>
        {
            await page.GotoAsync("/");
            await CheckPageAsync(page, $"intake-1-home-{language}");
            await page.Locator("main .home-start a.button").First.ClickAsync();

            await page.WaitForURLAsync("**/complaint/consent");
            await CheckPageAsync(page, $"intake-2-consent-{language}");

            // Submitting without the confirmations: the summary names them and takes focus.
            await page.GetByRole(AriaRole.Button, new() { Name = ja ? "同意して入力に進む" : "Agree and continue" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
            Assert.Equal(4, await page.Locator(".error-summary li").CountAsync());
            await CheckPageAsync(page, $"intake-2-consent-errors-{language}");

            await page.CheckAsync("#Consent_AgreesToHandling");
            await page.CheckAsync("#Consent_HasContactedBusiness");
            await page.CheckAsync("#Consent_IsConsumerPurchase");
            await page.CheckAsync("#Consent_ProvisionAbroad");
            await page.GetByRole(AriaRole.Button, new() { Name = ja ? "同意して入力に進む" : "Agree and continue" }).ClickAsync();

            await page.WaitForURLAsync("**/complaint/form");
            await CheckPageAsync(page, $"intake-3-form-empty-{language}");

            // Choosing the country shows its partner agency at once.
            await page.SelectOptionAsync("#Form_Business_Country", "TW");
            await Assertions.Expect(page.Locator("#partner-notice [data-for=SOSA]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#partner-notice [data-for=SOSA]")).ToContainTextAsync(ja ? "台湾" : "Taiwan");

            // Choosing "damaged" shows what evidence helps for it.
            await page.CheckAsync("input[name='Form.Trouble.Category'][value='DamagedOrDefective']");
            await Assertions.Expect(page.Locator("[data-for-category=DamagedOrDefective]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-show-for-category=Counterfeit]")).ToBeHiddenAsync();

            // Attach the photo first (the page reloads at the evidence section, the country choice kept).
            await page.SetInputFilesAsync("#Evidence", new FilePayload { Name = ja ? "破損箇所.png" : "damage.png", MimeType = "image/png", Buffer = Photo });
            await page.GetByRole(AriaRole.Button, new() { Name = ja ? "選んだファイルを添付する" : "Attach the chosen files" }).ClickAsync();
            await page.WaitForURLAsync("**/complaint/form#evidence");
            await Assertions.Expect(page.Locator(".file-list__name")).ToHaveTextAsync(ja ? "破損箇所.png" : "damage.png");
            Assert.Equal("TW", await page.InputValueAsync("#Form_Business_Country"));

            // Check answers with most of the form empty: errors, each linked to its field.
            await page.GetByRole(AriaRole.Button, new() { Name = ja ? "入力内容を確認する" : "Check your answers" }).Last.ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
            await CheckPageAsync(page, $"intake-4-form-errors-{language}");
            await page.Locator(".error-summary a").First.ClickAsync();
            await Assertions.Expect(page.Locator("#Form_Consumer_Name")).ToBeFocusedAsync();

            await page.FillAsync("#Form_Consumer_Name", ja ? "山田 花子" : "Hanako Yamada");
            if (ja)
            {
                await page.FillAsync("#Form_Consumer_NameKana", "ヤマダ ハナコ");
            }

            await page.FillAsync("#Form_Consumer_Email", "hanako@example.jp");
            await page.FillAsync("#Form_Consumer_EmailConfirmation", "hanako@example.jp");
            await page.FillAsync("#Form_Consumer_Phone", "090-1234-5678");
            await page.FillAsync("#Form_Consumer_PostalCode", "1000001");
            await page.SelectOptionAsync("#Form_Consumer_Prefecture", "JP-13");
            await page.FillAsync("#Form_Consumer_Address", "千代田区千代田1-1");
            await page.SelectOptionAsync("#Form_Consumer_AgeBand", "Thirties");
            await page.FillAsync("#Form_Business_Name", "Formosa Lamps Co.");
            await page.FillAsync("#Form_Business_Website", "lamps.example.tw");
            await page.FillAsync("#Form_Purchase_Date", purchased);
            await page.FillAsync("#Form_Purchase_Item", ja ? "卓上ランプ" : "Desk lamp");
            await page.FillAsync("#Form_Purchase_Amount", "1,280");
            await page.SelectOptionAsync("#Form_Purchase_Currency", "TWD");
            await page.CheckAsync("input[name='Form.Purchase.PaymentMethod'][value='PayPal']");
            await page.SelectOptionAsync("#Form_Purchase_Platform", "Shopee");
            await page.FillAsync("#Form_Trouble_WhatHappened", ja ? "届いたランプのかさが割れていました。\n写真を添付します。" : "The lamp arrived with a cracked shade.\nPhoto attached.");
            await Assertions.Expect(page.Locator("#Form_Trouble_WhatHappened-count")).ToContainTextAsync("20,000");
            await page.FillAsync("#Form_Trouble_ContactedOn", contacted);
            await page.CheckAsync("input[name='Form.Trouble.ContactMethod'][value='PlatformMessaging']");
            await page.FillAsync("#Form_Trouble_BusinessResponse", ja ? "返品するよう言われたが、送料は自己負担と言われた。" : "They said to send it back at my own cost.");
            await page.CheckAsync("input[name='Form.Trouble.DesiredResolution'][value='Exchange']");
            await page.GetByRole(AriaRole.Button, new() { Name = ja ? "入力内容を確認する" : "Check your answers" }).Last.ClickAsync();

            await page.WaitForURLAsync("**/complaint/review");
            await CheckPageAsync(page, $"intake-5-review-{language}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ja ? "破損箇所.png" : "damage.png");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1,280 TWD");
            await page.GetByRole(AriaRole.Button, new() { Name = ja ? "この内容で相談する" : "Send my complaint" }).ClickAsync();

            await page.WaitForURLAsync("**/complaint/received");
            await CheckPageAsync(page, $"intake-6-receipt-{language}");
            Assert.Matches(CaseNumberPattern(), (await page.Locator("[data-case-number]").TextContentAsync())!.Trim());
            await Assertions.Expect(page.Locator("[data-print]")).ToBeVisibleAsync();
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheFaqAndPrivacyPagesFitAPhoneAndPassAxe(string language) =>
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, language, async page =>
        {
            await page.GotoAsync("/faq");
            await CheckPageAsync(page, $"pages-faq-{language}");
            await page.GotoAsync("/privacy");
            await CheckPageAsync(page, $"pages-privacy-{language}");
        });

    [Fact]
    public async Task SwitchingLanguageInTheMiddleOfTheFormKeepsWhatWasTyped()
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await page.GotoAsync("/complaint/consent");
            await page.CheckAsync("#Consent_AgreesToHandling");
            await page.CheckAsync("#Consent_HasContactedBusiness");
            await page.CheckAsync("#Consent_IsConsumerPurchase");
            await page.CheckAsync("#Consent_ProvisionAbroad_no");
            await page.GetByRole(AriaRole.Button, new() { Name = "同意して入力に進む" }).ClickAsync();
            await page.WaitForURLAsync("**/complaint/form");

            await page.FillAsync("#Form_Consumer_Name", "言語 切替");
            await page.FillAsync("#Form_Trouble_WhatHappened", "保存される前に英語に切り替えました。");
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
            Assert.Equal("言語 切替", await page.InputValueAsync("#Form_Consumer_Name"));
            Assert.Equal("保存される前に英語に切り替えました。", await page.InputValueAsync("#Form_Trouble_WhatHappened"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your complaint");
        });
    }

    [Fact]
    public async Task AFileTooLargeToSendIsStoppedInTheBrowserWithTheReason()
    {
        // A file on disk is handed to the local browser by its path; a 31 MB buffer would be sent through the driver's
        // pipe as base64 and take minutes.
        var folder = Directory.CreateTempSubdirectory("ccc-large-file-");
        try
        {
            var video = Path.Combine(folder.FullName, "holiday-video.mov");
            await using (var file = File.Create(video))
            {
                file.SetLength(31 * 1024 * 1024);
            }

            await BrowserSession.RunAsync(portal, BrowserSession.Phone, "en", async page =>
            {
                await page.GotoAsync("/complaint/consent");
                await page.CheckAsync("#Consent_AgreesToHandling");
                await page.CheckAsync("#Consent_HasContactedBusiness");
                await page.CheckAsync("#Consent_IsConsumerPurchase");
                await page.CheckAsync("#Consent_ProvisionAbroad");
                await page.GetByRole(AriaRole.Button, new() { Name = "Agree and continue" }).ClickAsync();
                await page.WaitForURLAsync("**/complaint/form");

                await page.SetInputFilesAsync("#Evidence", video);
                await Assertions.Expect(page.Locator("[data-evidence-check]")).ToContainTextAsync("holiday-video.mov: files over 10 MB cannot be attached");

                await page.GetByRole(AriaRole.Button, new() { Name = "Attach the chosen files" }).ClickAsync();
                await Assertions.Expect(page.Locator("#Evidence")).ToBeFocusedAsync();
                Assert.EndsWith("/complaint/form", page.Url, StringComparison.Ordinal);
                await Accessibility.AssertCleanAsync(page);
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task CheckPageAsync(IPage page, string screenshot)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= BrowserSession.Phone.Width, $"{page.Url} is {width}px wide on a {BrowserSession.Phone.Width}px screen.");
        await Accessibility.AssertCleanAsync(page);
        await BrowserSession.SaveScreenshotAsync(page, screenshot);
    }

    [GeneratedRegex("^CCJ-[0-9]{4}-[0-9]{6}$")]
    private static partial Regex CaseNumberPattern();
}
