using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.BrowserTests.CasePage;

public class CasePageBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    /// <summary>A real 96×64 PNG (a parcel label drawn in blocks), so the preview shows an image.</summary>
    private static readonly byte[] LabelPhoto = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAqklEQVR42u3aMQ5AQBRF0VmORVjYX+KvbUOttwAySi+ZI69SnuCSGNd52GQDASBAgAABAgQIkL0CbXvZZIAAAQIECBAgQMsCeVf2qQEIECBAgJYD6u6q6scRcvJ/oGSdCKBknUSgtAsqCyjwdgsCynwYpQDFPqplXuZlXuZlXuZlXuZlXuZlXuZlXuZlXuZlXuZlXuZlXuZlXuZl3t8dgAABAgQIECAD9L0bsVaWYErnjOoAAAAASUVORK5CYII=");

    [Theory]
    [InlineData("ja", 360)]
    [InlineData("en", 1280)]
    public async Task AStaffMemberOpensACaseAssignsItToThemselvesAddsANoteAndAsksTheConsumer(string language, int width)
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var longText = string.Concat(Enumerable.Repeat("届かないまま二か月が経ちました。 No reply since October; مرحبا 😀 <b>not bold</b> https://shop.example.com/orders/1234567890/very/long/path/that/does/not/break/naturally ", 40));
        var details = TestComplaints.Details();
        details = details with { Trouble = details.Trouble with { WhatHappened = longText } };
        var c = await TestCases.ReceiveAsync(portal.Factory, details, TestComplaints.Consent(abroad: language == "en"), evidence:
        [
            new StoredFile("配送ラベル.png", "image/png", LabelPhoto, DateTimeOffset.UtcNow),
            new StoredFile("order-confirmation.pdf", "application/pdf", "%PDF-1.7\n"u8.ToArray(), DateTimeOffset.UtcNow),
        ]);
        var casePath = $"/staff/cases/{c.Number}";

        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, language, async page =>
        {
            await page.GotoAsync(casePath);
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Equal(c.Number, await page.Locator("h1").TextContentAsync());
            // Previews load lazily, when scrolled to (and only then are they fetched and audited).
            await page.Locator(".case-evidence__preview").ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("() => { const img = document.querySelector('.case-evidence__preview'); return img.complete && img.naturalWidth === 96; }");
            await AssertFitsAndAccessibleAsync(page, width);
            await BrowserSession.SaveScreenshotAsync(page, $"case-page-received-{language}-{width}");

            // Assign to me.
            await page.Locator("form.case-assign-me button").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Equal(staff.DisplayName, (await page.Locator("[data-field=assignee]").TextContentAsync())!.Trim());
            Assert.True(await page.Locator("[role=status]").IsVisibleAsync());

            // An internal note.
            await page.Locator("#action-AddNote summary").ClickAsync();
            await page.FillAsync("#AddNote_Text", "事業者のサイトは閉鎖済み。Shop site is gone.");
            await page.Locator("#action-AddNote button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Contains("Shop site is gone.", await page.Locator("[data-kind=NoteAdded]").TextContentAsync(), StringComparison.Ordinal);

            // A question to the consumer: the case waits, and the email is on the timeline.
            await page.Locator("#action-RequestInformation summary").ClickAsync();
            await Accessibility.AssertCleanAsync(page);
            await page.FillAsync("#RequestInformation_Message", "注文確認メールを転送してください。");
            await page.Locator("#action-RequestInformation button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**" + casePath);
            Assert.Equal("WaitingForConsumer", await StatusAsync(c.Number));
            Assert.Equal(1, await page.Locator("[data-kind=Email]").CountAsync());
            Assert.Equal("Email", await page.Locator(".timeline > li").First.GetAttributeAsync("data-kind"));

            // A validation error is announced and keeps the page accessible.
            await page.Locator("#action-Close summary").ClickAsync();
            await page.Locator("#action-Close button[type=submit]").ClickAsync();
            Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
            Assert.True(await page.Locator("#action-Close").EvaluateAsync<bool>("d => d.open"));

            await AssertFitsAndAccessibleAsync(page, width);
            await page.Locator(".case-evidence__preview").ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('.case-evidence__preview').complete");
            await BrowserSession.SaveScreenshotAsync(page, $"case-page-waiting-{language}-{width}");
        });
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The case page is {scrollWidth}px wide on a {width}px screen.");
        await Accessibility.AssertCleanAsync(page);
    }

    private Task<string> StatusAsync(string number) =>
        portal.Database.ScalarAsync<string>("SELECT status FROM cases WHERE number = @n", ("n", number));
}
