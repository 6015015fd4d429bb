using System.Globalization;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.BrowserTests.Support;

namespace CrossBorderConsumerCenter.BrowserTests.Intake;

/// <summary>
/// Nothing a consumer typed is lost, in a real browser: the form saves while they type, asks before a link or closing
/// the tab would lose changes not yet saved (and not once they are saved), asks on a page of its own before deleting,
/// and takes a server's error away once its field is corrected.
/// </summary>
public partial class KeepingEntriesBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string LeaveQuestionJa = "まだ保存されていない入力があります。このページを離れると、その入力は失われます。移動しますか?";

    [Fact]
    public async Task AHeaderLinkAsksBeforeUnsavedChangesAreLostAndNotOnceTheyAreSaved()
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await StartFormAsync(page, "ja");
            var questions = new Questions(page);

            await page.Locator("#Form_Consumer_Name").PressSequentiallyAsync("離れる 前");
            await page.ClickAsync(".site-header__title");

            await questions.WaitForAsync(1);
            Assert.Equal([$"confirm: {LeaveQuestionJa}"], questions.Asked);
            Assert.EndsWith("/complaint/form", page.Url, StringComparison.Ordinal);
            Assert.Equal("離れる 前", await page.InputValueAsync("#Form_Consumer_Name"));

            // Saved in the background meanwhile: the same link now simply leaves.
            await Assertions.Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync(SavedJa());
            await page.ClickAsync(".site-header__title");
            await page.WaitForURLAsync(portal.BaseUrl + "/");
            Assert.Single(questions.Asked);
        });
    }

    [Fact]
    public async Task ClosingTheTabWithUnsavedChangesAsksAndOnceSavedItCloses()
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "en", async page =>
        {
            await StartFormAsync(page, "en");
            var questions = new Questions(page);

            await page.Locator("#Form_Trouble_WhatHappened").PressSequentiallyAsync("Not saved yet");
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });

            await questions.WaitForAsync(1);
            Assert.StartsWith("beforeunload:", questions.Asked[0], StringComparison.Ordinal);
            Assert.False(page.IsClosed);

            await Assertions.Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync(new Regex("^Saved at [0-9]{2}:[0-9]{2}$"));
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            await Eventually.UntilAsync(() => Task.FromResult(page.IsClosed), TimeSpan.FromSeconds(10), () => "The saved page did not close.");
            Assert.Single(questions.Asked);
        });
    }

    [Fact]
    public async Task TheFormSavesWhileTypingSoThatAReloadShowsTheText()
    {
        const string text = "入力の途中で、ボタンを押さなくても保存されます。";
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await StartFormAsync(page, "ja");
            var questions = new Questions(page);
            await Assertions.Expect(page.Locator("[data-autosave-note]")).ToBeVisibleAsync();

            await page.Locator("#Form_Trouble_WhatHappened").PressSequentiallyAsync(text);

            var status = page.Locator("[data-autosave-status]");
            await Assertions.Expect(status).ToHaveTextAsync(SavedJa());
            Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));
            await Accessibility.AssertCleanAsync(page);

            await page.ReloadAsync();
            Assert.Equal(text, await page.InputValueAsync("#Form_Trouble_WhatHappened"));
            Assert.Empty(questions.Asked);

            // From the server, not the browser's memory: a page of its own shows it too.
            var another = await page.Context.NewPageAsync();
            await another.GotoAsync("/complaint/form");
            Assert.Equal(text, await another.InputValueAsync("#Form_Trouble_WhatHappened"));
        });
    }

    [Fact]
    public async Task DeletingMyEntriesAsksOnAPageOfItsOwnAndGoingBackKeepsEverything()
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "en", async page =>
        {
            await StartFormAsync(page, "en");
            var questions = new Questions(page);

            // Far from the main button: its own section after the form.
            var main = await page.GetByRole(AriaRole.Button, new() { Name = "Check your answers" }).Last.BoundingBoxAsync();
            var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete my entries and stop" });
            var deleteBox = await delete.BoundingBoxAsync();
            Assert.True(deleteBox!.Y > main!.Y + main.Height + 48, $"The delete button ({deleteBox.Y}) sits right below the main one ({main.Y}).");

            await page.Locator("#Form_Consumer_Name").PressSequentiallyAsync("Keep me");
            await delete.ClickAsync();

            await page.WaitForURLAsync("**/complaint/discard");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delete what you entered?");
            await CheckPageAsync(page, "intake-discard-question-en");

            await page.GetByRole(AriaRole.Link, new() { Name = "Back to the form" }).ClickAsync();
            await page.WaitForURLAsync("**/complaint/form");
            Assert.Equal("Keep me", await page.InputValueAsync("#Form_Consumer_Name"));

            await page.GetByRole(AriaRole.Button, new() { Name = "Delete my entries and stop" }).ClickAsync();
            await page.WaitForURLAsync("**/complaint/discard");
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/complaint/consent");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your entries have been deleted.");
            Assert.Empty(questions.Asked);
        });
    }

    [Fact]
    public async Task CorrectingAFieldTakesAwayItsStaleErrorAndItsLineInTheSummary()
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "ja", async page =>
        {
            await StartFormAsync(page, "ja");
            await page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).Last.ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
            var lines = await page.Locator(".error-summary li").CountAsync();
            await Assertions.Expect(page.Locator("#Form_Consumer_Name")).ToHaveAttributeAsync("aria-invalid", "true");

            // A text field: at the first key.
            await page.Locator("#Form_Consumer_Name").PressSequentiallyAsync("山");
            await Assertions.Expect(page.Locator("#Form_Consumer_Name-error")).ToHaveCountAsync(0);
            Assert.Null(await page.Locator("#Form_Consumer_Name").GetAttributeAsync("aria-invalid"));
            Assert.DoesNotContain("-error", await page.Locator("#Form_Consumer_Name").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
            await Assertions.Expect(page.Locator(".error-summary a[href='#Form_Consumer_Name']")).ToHaveCountAsync(0);

            // A group of choices: at the choice.
            await page.CheckAsync("input[name='Form.Purchase.PaymentMethod'][value='PayPal']");
            await Assertions.Expect(page.Locator("#Form_Purchase_PaymentMethod-error")).ToHaveCountAsync(0);
            Assert.DoesNotContain("-error", await page.Locator("#Form_Purchase_PaymentMethod-group").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
            await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(lines - 2);
            await Accessibility.AssertCleanAsync(page);

            // The last problem corrected: the summary goes.
            await FillValidFormAsync(page, except: "#Form_Consumer_Phone");
            await page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).Last.ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(1);
            await page.Locator("#Form_Consumer_Phone").PressSequentiallyAsync("090-1234-5678");
            await Assertions.Expect(page.Locator(".error-summary")).ToBeHiddenAsync();
            await Accessibility.AssertCleanAsync(page);

            // The server still decides: the corrected form goes on to the review.
            await page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).Last.ClickAsync();
            await page.WaitForURLAsync("**/complaint/review");
        });
    }

    private static async Task StartFormAsync(IPage page, string language)
    {
        await page.GotoAsync("/complaint/consent");
        await page.CheckAsync("#Consent_AgreesToHandling");
        await page.CheckAsync("#Consent_HasContactedBusiness");
        await page.CheckAsync("#Consent_IsConsumerPurchase");
        await page.CheckAsync("#Consent_ProvisionAbroad");
        await page.GetByRole(AriaRole.Button, new() { Name = language == "ja" ? "同意して入力に進む" : "Agree and continue" }).ClickAsync();
        await page.WaitForURLAsync("**/complaint/form");
    }

    /// <summary>A complete, valid complaint in Japanese, but for the field <paramref name="except"/> (left as it is).</summary>
    private static async Task FillValidFormAsync(IPage page, string except)
    {
        var values = new (string Selector, string Value)[]
        {
            ("#Form_Consumer_Name", "山田 花子"), ("#Form_Consumer_NameKana", "ヤマダ ハナコ"), ("#Form_Consumer_Email", "hanako@example.jp"),
            ("#Form_Consumer_EmailConfirmation", "hanako@example.jp"), ("#Form_Consumer_Phone", "090-1234-5678"), ("#Form_Consumer_PostalCode", "1000001"),
            ("#Form_Consumer_Address", "千代田区千代田1-1"), ("#Form_Business_Name", "Formosa Lamps Co."),
            ("#Form_Purchase_Date", DateTime.Today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("#Form_Purchase_Item", "卓上ランプ"),
            ("#Form_Purchase_Amount", "1280"), ("#Form_Trouble_WhatHappened", "届いたランプのかさが割れていました。"),
            ("#Form_Trouble_ContactedOn", DateTime.Today.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("#Form_Trouble_BusinessResponse", "返品するよう言われました。"),
        };
        foreach (var (selector, value) in values.Where(v => v.Selector != except))
        {
            await page.FillAsync(selector, value);
        }

        await page.SelectOptionAsync("#Form_Consumer_Prefecture", "JP-13");
        await page.SelectOptionAsync("#Form_Consumer_AgeBand", "Thirties");
        await page.SelectOptionAsync("#Form_Business_Country", "TW");
        await page.SelectOptionAsync("#Form_Purchase_Currency", "TWD");
        await page.CheckAsync("input[name='Form.Purchase.PaymentMethod'][value='PayPal']");
        await page.SelectOptionAsync("#Form_Purchase_Platform", "Shopee");
        await page.CheckAsync("input[name='Form.Trouble.Category'][value='DamagedOrDefective']");
        await page.CheckAsync("input[name='Form.Trouble.ContactMethod'][value='PlatformMessaging']");
        await page.CheckAsync("input[name='Form.Trouble.DesiredResolution'][value='Exchange']");
    }

    private static async Task CheckPageAsync(IPage page, string screenshot)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= BrowserSession.Phone.Width, $"{page.Url} is {width}px wide on a {BrowserSession.Phone.Width}px screen.");
        await Accessibility.AssertCleanAsync(page);
        await BrowserSession.SaveScreenshotAsync(page, screenshot);
    }

    [GeneratedRegex("^保存しました [0-9]{2}:[0-9]{2}$")]
    private static partial Regex SavedJa();

    /// <summary>The dialogs the page raises ("type: message"), each answered "stay".</summary>
    private sealed class Questions
    {
        private readonly List<string> _asked = [];

        public Questions(IPage page) => page.Dialog += async (_, dialog) =>
        {
            lock (_asked)
            {
                _asked.Add($"{dialog.Type}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };

        public IReadOnlyList<string> Asked
        {
            get
            {
                lock (_asked)
                {
                    return [.. _asked];
                }
            }
        }

        public Task WaitForAsync(int count) =>
            Eventually.UntilAsync(() => Task.FromResult(Asked.Count >= count), TimeSpan.FromSeconds(10), () => $"Expected {count} question(s), saw: {string.Join(" | ", Asked)}");
    }
}
