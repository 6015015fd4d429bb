using System.Globalization;
using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.BrowserTests.PaperCases;

/// <summary>
/// A staff member's whole day with a fax, in the back office's own layout: enters it with its scanned PDF, finds the merchant is
/// in another country and corrects it, forwards it in English to that country's agency, and closes it.
/// </summary>
public class FaxCaseBrowserTests(FaxCaseBrowserTests.Fixture portal) : IClassFixture<FaxCaseBrowserTests.Fixture>
{
    public sealed class Fixture : BrowserFixture
    {
        protected override PortalFactory CreateFactory(string connectionString) => new(connectionString, new Dictionary<string, string?>
        {
            ["Portal:BaseUrl"] = "http://127.0.0.1/",
            ["PartnerAgencies:CBBB:Addresses:0"] = "cbbb@partners.example.org",
            ["PartnerAgencies:CASE:Addresses:0"] = "case@partners.example.org",
        });
    }

    /// <summary>A minimal PDF, as a fax machine's scan to PDF starts.</summary>
    private static readonly byte[] ScannedFax = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task AStaffMemberEntersAFaxCorrectsTheMerchantsCountryForwardsItInEnglishAndClosesIt()
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var came = DateTimeOffset.UtcNow.AddHours(-26).ToOffset(TimeSpan.FromHours(9));

        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, "ja", async page =>
        {
            await page.GotoAsync("/staff/cases/new");
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases/new");

            // The first step: nothing chosen is named, and the page stays accessible.
            await page.Locator("form.paper-start-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await Accessibility.AssertCleanAsync(page);

            await page.CheckAsync("input[name='Start.Channel'][value='Fax']");
            await page.FillAsync("#Start_ReceivedDate", came.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.FillAsync("#Start_ReceivedTime", came.ToString("HH:mm", CultureInfo.InvariantCulture));
            await page.CheckAsync("input[name='Start.Language'][value='ja']");
            await page.CheckAsync("#Start_AgreesToHandling");
            await page.CheckAsync("input[name='Start.HandlingMethod'][value='Writing']");
            await page.FillAsync("#Start_ConsentDate", came.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.FillAsync("#Start_ConsentTime", came.ToString("HH:mm", CultureInfo.InvariantCulture));
            await page.CheckAsync("#Start_HasContactedBusiness");
            await page.CheckAsync("#Start_IsConsumerPurchase");
            await page.CheckAsync("input[name='Start.ProvisionAbroad'][value='yes']");
            await page.CheckAsync("input[name='Start.AbroadMethod'][value='Writing']");
            await page.Locator("form.paper-start-form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases/new/form");

            // The intake's form: what the fax says, no email address, and the scan attached.
            await page.FillAsync("#Form_Consumer_Name", "山田 太郎");
            await page.FillAsync("#Form_Consumer_NameKana", "ヤマダ タロウ");
            await page.FillAsync("#Form_Consumer_Phone", "090-1234-5678");
            await page.FillAsync("#Form_Consumer_PostalCode", "100-0001");
            await page.SelectOptionAsync("#Form_Consumer_Prefecture", "JP-13");
            await page.FillAsync("#Form_Consumer_Address", "千代田区千代田1-1");
            await page.SelectOptionAsync("#Form_Consumer_AgeBand", "Seventies");
            await page.FillAsync("#Form_Business_Name", "Example Gadgets Inc.");
            await page.SelectOptionAsync("#Form_Business_Country", "US");
            await page.FillAsync("#Form_Purchase_Date", TestTime.Iso(TestComplaints.PurchaseDate));
            await page.FillAsync("#Form_Purchase_Item", "ワイヤレスイヤホン");
            await page.FillAsync("#Form_Purchase_Amount", "129.99");
            await page.SelectOptionAsync("#Form_Purchase_Currency", "USD");
            await page.CheckAsync("input[name='Form.Purchase.PaymentMethod'][value='CreditCard']");
            await page.SelectOptionAsync("#Form_Purchase_Platform", "BusinessOwnSite");
            await page.CheckAsync("input[name='Form.Trouble.Category'][value='NotDelivered']");
            await page.FillAsync("#Form_Trouble_WhatHappened", "代金を払いましたが、商品が届きません。（FAXより）");
            await page.FillAsync("#Form_Trouble_ContactedOn", TestTime.Iso(TestComplaints.ContactedOn));
            await page.CheckAsync("input[name='Form.Trouble.ContactMethod'][value='Email']");
            await page.FillAsync("#Form_Trouble_BusinessResponse", "回答なし");
            await page.CheckAsync("input[name='Form.Trouble.DesiredResolution'][value='Refund']");
            await page.SetInputFilesAsync("#Evidence", new FilePayload { Name = "fax-20261201.pdf", MimeType = "application/pdf", Buffer = ScannedFax });
            await Accessibility.AssertCleanAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).Last.ClickAsync();
            await page.WaitForURLAsync("**/staff/cases/new/review");
            Assert.Equal("FAX", (await page.Locator("[data-arrival] [data-field=channel]").TextContentAsync())!.Trim());
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, "fax-case-review-ja-1280");

            await page.GetByRole(AriaRole.Button, new() { Name = "事案を登録する" }).ClickAsync();
            await page.WaitForURLAsync("**/staff/cases/CCJ-*");
            var number = (await page.Locator("h1").TextContentAsync())!.Trim();
            Assert.Contains(number, await page.Locator("[role=status]").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal("Fax", await page.Locator("dd[data-field=channel]").GetAttributeAsync("data-channel"));
            Assert.Contains("fax-20261201.pdf", await page.Locator("#case-evidence").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("CBBB", await page.Locator("[data-field=partner]").TextContentAsync(), StringComparison.Ordinal);

            // The address on the fax puts the merchant in Singapore: correct the country, with the reason.
            await page.Locator("#action-Correct summary").ClickAsync();
            await page.SelectOptionAsync("#Correct_Business_Country", "SG");
            await page.FillAsync("#Correct_Reason", "FAXの原本の所在地はシンガポールでした");
            await Accessibility.AssertCleanAsync(page);
            await page.Locator("#action-Correct button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases/" + number);
            Assert.Equal("訂正しました。", (await page.Locator("[role=status]").TextContentAsync())!.Trim());
            Assert.Contains("シンガポール", await page.Locator("[data-kind=Corrected]").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("CASE", await page.Locator("[data-field=partner]").TextContentAsync(), StringComparison.Ordinal);
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= BrowserSession.Desktop.Width, $"The case page is {scrollWidth}px wide.");
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, "fax-case-corrected-ja-1280");
            Assert.Equal("SG", await portal.Database.ScalarAsync<string>("SELECT business_country_code FROM cases WHERE number = @n", ("n", number)));

            // Never the public site's chrome on the way.
            Assert.Equal(0, await page.Locator(".site-footer, .main-nav, .user-bar").CountAsync());
            Assert.True(await page.Locator("nav.staff-nav").IsVisibleAsync());
            Assert.StartsWith(number, await page.TitleAsync(), StringComparison.Ordinal);

            // Forward to the agency of the corrected country, in English.
            await page.Locator("[data-forward-link]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases/" + number + "/forward");
            Assert.Equal("YAMADA Taro", await page.InputValueAsync("#Forward_ConsumerName"));
            await page.FillAsync("#Forward_Summary", "The consumer paid USD 129.99 by card for wireless earphones that never arrived.");
            await page.FillAsync("#Forward_BusinessResponse", "The business has not replied.");
            await page.FillAsync("#Forward_Item", "Wireless earphones");
            await page.Locator("form.forward-form button[type=submit]").ClickAsync();
            await page.Locator("[data-preview-body]").WaitForAsync();
            var previewed = (await page.Locator("[data-preview-body]").TextContentAsync())!;
            Assert.StartsWith("Dear colleagues at the Consumers Association of Singapore", previewed.Trim(), StringComparison.Ordinal);
            Assert.Null(CrossBorderConsumerCenter.Web.Domain.Contact.JapaneseScript.First(previewed));
            Assert.Equal("case@partners.example.org", (await page.Locator("[data-field=to]").TextContentAsync())!.Trim());
            Assert.Equal(0, await page.Locator(".site-footer, .main-nav").CountAsync());
            await Accessibility.AssertCleanAsync(page);
            await page.Locator("form.forward-send button[value=send]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases/" + number);
            Assert.Equal("Forwarded", await portal.Database.ScalarAsync<string>("SELECT status FROM cases WHERE number = @n", ("n", number)));

            // The agency does not answer in time here; staff close the case.
            await page.Locator("#action-Close summary").ClickAsync();
            await page.Locator("input[name='Close.Outcome'][value='NotResolved']").CheckAsync();
            await page.Locator("#action-Close button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/cases/" + number);
            Assert.Equal("Closed", await portal.Database.ScalarAsync<string>("SELECT status FROM cases WHERE number = @n", ("n", number)));
            Assert.Equal(0, await page.Locator(".site-footer, .main-nav, .user-bar").CountAsync());
            await Accessibility.AssertCleanAsync(page);
            await BrowserSession.SaveScreenshotAsync(page, "fax-case-closed-ja-1280");
        });
    }
}
