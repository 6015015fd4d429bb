using System.Globalization;
using CrossBorderConsumerCenter.BrowserTests.Support;

namespace CrossBorderConsumerCenter.BrowserTests.Intake;

/// <summary>
/// A library's computer: one consumer sends a complaint; the next person, in the same browser, opens the complaint form,
/// the review page, the receipt's address and the back button, and never sees the first one's name, case number or
/// tracking link.
/// </summary>
public class SharedComputerBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private static readonly string[] StepsOfTheForm = ["/complaint/review", "/complaint/form", "/complaint/received"];

    [Fact]
    public async Task TheNextPersonOnTheSameBrowserNeverSeesThePreviousComplaint()
    {
        var purchased = DateTime.Today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var contacted = DateTime.Today.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, "ja", async page =>
        {
            // The first consumer sends a complaint.
            await page.GotoAsync("/complaint");
            await GiveConsentAsync(page);
            await page.FillAsync("#Form_Consumer_Name", "図書館 一子");
            await page.FillAsync("#Form_Consumer_NameKana", "トショカン イチコ");
            await page.FillAsync("#Form_Consumer_Email", "ichiko@example.jp");
            await page.FillAsync("#Form_Consumer_EmailConfirmation", "ichiko@example.jp");
            await page.FillAsync("#Form_Consumer_Phone", "090-1234-5678");
            await page.FillAsync("#Form_Consumer_PostalCode", "1000001");
            await page.SelectOptionAsync("#Form_Consumer_Prefecture", "JP-13");
            await page.FillAsync("#Form_Consumer_Address", "千代田区千代田1-1");
            await page.SelectOptionAsync("#Form_Consumer_AgeBand", "Thirties");
            await page.SelectOptionAsync("#Form_Business_Country", "TW");
            await page.FillAsync("#Form_Business_Name", "Formosa Lamps Co.");
            await page.FillAsync("#Form_Business_Website", "lamps.example.tw");
            await page.FillAsync("#Form_Purchase_Date", purchased);
            await page.FillAsync("#Form_Purchase_Item", "卓上ランプ");
            await page.FillAsync("#Form_Purchase_Amount", "1,280");
            await page.SelectOptionAsync("#Form_Purchase_Currency", "TWD");
            await page.CheckAsync("input[name='Form.Purchase.PaymentMethod'][value='PayPal']");
            await page.SelectOptionAsync("#Form_Purchase_Platform", "Shopee");
            await page.CheckAsync("input[name='Form.Trouble.Category'][value='DamagedOrDefective']");
            await page.FillAsync("#Form_Trouble_WhatHappened", "届いたランプのかさが割れていました。");
            await page.FillAsync("#Form_Trouble_ContactedOn", contacted);
            await page.CheckAsync("input[name='Form.Trouble.ContactMethod'][value='PlatformMessaging']");
            await page.FillAsync("#Form_Trouble_BusinessResponse", "返品するよう言われた。");
            await page.CheckAsync("input[name='Form.Trouble.DesiredResolution'][value='Exchange']");
            await page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).Last.ClickAsync();
            await page.WaitForURLAsync("**/complaint/review");
            await page.GetByRole(AriaRole.Button, new() { Name = "この内容で相談する" }).ClickAsync();
            await page.WaitForURLAsync("**/complaint/received");
            var number = (await page.Locator("[data-case-number]").TextContentAsync())!.Trim();
            var link = (await page.Locator("[data-tracking-link]").GetAttributeAsync("href"))!;
            var token = link[(link.LastIndexOf('/') + 1)..];

            // They walk away. The next person opens the complaint form: a fresh one.
            await page.GotoAsync("/complaint");
            await page.WaitForURLAsync("**/complaint/consent");
            await AssertNothingOfAsync(page, number, token);
            Assert.False(await page.IsCheckedAsync("#Consent_AgreesToHandling"));

            // The review page, the form and the receipt's address lead nowhere near it either.
            foreach (var url in StepsOfTheForm)
            {
                await page.GotoAsync(url);
                await AssertNothingOfAsync(page, number, token);
            }

            // Nor does the back button, all the way to the receipt.
            await page.GotoAsync("/complaint");
            await page.GoBackAsync();
            await page.GoBackAsync();
            await page.GoBackAsync();
            await page.GoBackAsync();
            await AssertNothingOfAsync(page, number, token);

            // The next person's own complaint starts from nothing of the first one's.
            await page.GotoAsync("/complaint");
            await GiveConsentAsync(page);
            Assert.Equal("", await page.InputValueAsync("#Form_Consumer_Name"));
            Assert.Equal("", await page.InputValueAsync("#Form_Consumer_Email"));
            await AssertNothingOfAsync(page, number, token);
        });
    }

    private static async Task GiveConsentAsync(IPage page)
    {
        await page.WaitForURLAsync("**/complaint/consent");
        await page.CheckAsync("#Consent_AgreesToHandling");
        await page.CheckAsync("#Consent_HasContactedBusiness");
        await page.CheckAsync("#Consent_IsConsumerPurchase");
        await page.CheckAsync("#Consent_ProvisionAbroad");
        await page.GetByRole(AriaRole.Button, new() { Name = "同意して入力に進む" }).ClickAsync();
        await page.WaitForURLAsync("**/complaint/form");
    }

    private static async Task AssertNothingOfAsync(IPage page, string number, string token)
    {
        var html = await page.ContentAsync();
        Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        Assert.DoesNotContain("図書館 一子", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ichiko@example.jp", html, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-case-number], [data-tracking-link]").CountAsync());
    }
}
