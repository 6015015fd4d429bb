using System.Globalization;
using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Counselors;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.BrowserTests.Tracking;

/// <summary>
/// A counselor on a phone files a case for a resident without email; a consumer follows their private link, answers
/// the center's question with a photo and sees the status change. Every page fits 360 px and passes axe-core.
/// </summary>
public class TrackingBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    // A real 1×1 PNG.
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task ACounselorFilesACaseForAResidentOnAPhone()
    {
        var center = await TestCenters.CreateAsync(portal.Factory, name: "足立区消費者センター");
        var counselor = await StaffAccounts.CreateCounselorAsync(portal.Factory, center.Id);
        var purchased = DateTime.Today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var contacted = DateTime.Today.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await page.GotoAsync("/account/sign-in");
            await page.FillAsync("#Email", counselor.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/counselor");
            await CheckPageAsync(page, "counselor-1-dashboard");

            await page.Locator("main a.button[href='/counselor/cases/new']").ClickAsync();
            await page.WaitForURLAsync("**/counselor/cases/new");
            await page.Locator("form.attest-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await CheckPageAsync(page, "counselor-2-attest-errors");

            await page.CheckAsync("input[name='Attest.Relation'][value='Carer']");
            await page.CheckAsync("input[name='Attest.AgreesToHandling']");
            await page.CheckAsync("input[name='Attest.HandlingMethod'][value='InPerson']");
            await page.CheckAsync("input[name='Attest.HasContactedBusiness']");
            await page.CheckAsync("input[name='Attest.IsConsumerPurchase']");
            await page.CheckAsync("input[name='Attest.ProvisionAbroad'][value='yes']");
            await page.CheckAsync("input[name='Attest.AbroadMethod'][value='Phone']");
            await page.Locator("form.attest-form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/counselor/cases/new/form");

            await page.FillAsync("#Form_Consumer_Name", "足立 ウメ");
            await page.FillAsync("#Form_Consumer_NameKana", "アダチ ウメ");
            await page.FillAsync("#Form_Consumer_Phone", "03-1234-5678");
            await page.FillAsync("#Form_Consumer_PostalCode", "1200001");
            await page.SelectOptionAsync("#Form_Consumer_Prefecture", "JP-13");
            await page.FillAsync("#Form_Consumer_Address", "足立区大谷田1-1");
            await page.SelectOptionAsync("#Form_Consumer_AgeBand", "Seventies");
            await page.FillAsync("#Form_Business_Name", "Example Gadgets Inc.");
            await page.FillAsync("#Form_Business_Website", "gadgets.example.com");
            await page.SelectOptionAsync("#Form_Business_Country", "US");
            await page.FillAsync("#Form_Purchase_Date", purchased);
            await page.FillAsync("#Form_Purchase_Item", "健康食品");
            await page.FillAsync("#Form_Purchase_Amount", "89.90");
            await page.SelectOptionAsync("#Form_Purchase_Currency", "USD");
            await page.CheckAsync("input[name='Form.Purchase.PaymentMethod'][value='CreditCard']");
            await page.SelectOptionAsync("#Form_Purchase_Platform", "BusinessOwnSite");
            await page.CheckAsync("input[name='Form.Trouble.Category'][value='SubscriptionOrUnauthorizedCharge']");
            await page.FillAsync("#Form_Trouble_WhatHappened", "一回だけのつもりが毎月請求されています。");
            await page.FillAsync("#Form_Trouble_ContactedOn", contacted);
            await page.CheckAsync("input[name='Form.Trouble.ContactMethod'][value='Email']");
            await page.FillAsync("#Form_Trouble_BusinessResponse", "返事がありません。");
            await page.CheckAsync("input[name='Form.Trouble.DesiredResolution'][value='Refund']");
            await CheckPageAsync(page, "counselor-3-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).Last.ClickAsync();

            await page.WaitForURLAsync("**/counselor/cases/new/review");
            await CheckPageAsync(page, "counselor-4-review");
            await page.Locator("form[action='/counselor/cases/new/submit'] button[type=submit]").ClickAsync();

            await page.WaitForURLAsync("**/received");
            await CheckPageAsync(page, "counselor-5-receipt");
            var number = (await page.Locator("[data-case-number]").TextContentAsync())!.Trim();
            await Assertions.Expect(page.Locator("[data-tracking-link]")).ToBeVisibleAsync();

            await page.GotoAsync("/counselor");
            await Assertions.Expect(page.Locator($"[data-case='{number}']")).ToBeVisibleAsync();
            await page.Locator($"[data-case='{number}'] a").ClickAsync();
            await page.WaitForURLAsync("**/counselor/cases/" + number);
            await CheckPageAsync(page, "counselor-6-case");

            var filed = await QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Number == number));
            Assert.Equal((center.Id, (string?)null, ResidentRelation.Carer), (filed.FiledByCenterId!.Value, filed.ConsumerEmail, filed.ResidentRelation!.Value));
        });
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task AConsumerFollowsTheirLinkAnswersAQuestionWithAPhotoAndSeesTheStatusChange(string language)
    {
        var (c, token) = await TestCases.ReceiveTrackedAsync(portal.Factory, language: language);
        var now = DateTimeOffset.UtcNow;
        await ActAsync(c.Id, x => x.RequestInformation(language == "ja" ? "注文確認メールの画面を送ってください。" : "Please send a picture of the order confirmation.", CaseActor.Staff(Guid.NewGuid(), "staff"), now));

        await BrowserSession.RunAsync(portal, BrowserSession.Phone, language, async page =>
        {
            await page.GotoAsync("/track/" + token);
            Assert.Equal(c.Number, (await page.Locator("h1").TextContentAsync())!.Trim());
            Assert.Equal("WaitingForConsumer", await page.Locator(".tracking-status__now").GetAttributeAsync("data-status"));
            await CheckPageAsync(page, $"tracking-1-question-{language}");

            // Sending without text: the message, the page still fits and passes axe.
            await page.Locator("form[action$='/answer'] button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await CheckPageAsync(page, $"tracking-2-answer-error-{language}");

            await page.FillAsync("#Answer_Text", language == "ja" ? "画面の写真を添付します。" : "Here is a photo of the screen.");
            await page.SetInputFilesAsync("#Files", new FilePayload { Name = "confirmation.png", MimeType = "image/png", Buffer = Photo });
            await page.Locator("form[action$='/answer'] button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
            Assert.Equal("InProgress", await page.Locator(".tracking-status__now").GetAttributeAsync("data-status"));
            await Assertions.Expect(page.Locator("[data-kind=ConsumerReplied]")).ToBeVisibleAsync();
            await CheckPageAsync(page, $"tracking-3-answered-{language}");

            // The withdrawal's confirmation step.
            await page.Locator(".tracking-withdraw a").ClickAsync();
            await page.WaitForURLAsync("**/withdraw");
            await CheckPageAsync(page, $"tracking-4-withdraw-{language}");

            await page.GotoAsync("/track/lost");
            await CheckPageAsync(page, $"tracking-5-lost-{language}");
            await page.GotoAsync("/track/not-a-link");
            await CheckPageAsync(page, $"tracking-6-no-link-{language}");
        }, expectedErrorPaths: ["/track/not-a-link"]);

        Assert.Equal(CaseStatus.InProgress, (await QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Id))).Status);
        Assert.Equal(1, await QueryAsync(db => db.Cases.Where(x => x.Id == c.Id).SelectMany(x => x.Evidence).CountAsync()));
    }

    private static async Task CheckPageAsync(IPage page, string screenshot)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= BrowserSession.Phone.Width, $"{page.Url} is {width}px wide on a {BrowserSession.Phone.Width}px screen.");
        await Accessibility.AssertCleanAsync(page);
        await BrowserSession.SaveScreenshotAsync(page, screenshot);
    }

    private async Task ActAsync(Guid caseId, Action<Case> act)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        act(await db.Cases.SingleAsync(x => x.Id == caseId));
        await db.SaveChangesAsync();
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = portal.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
