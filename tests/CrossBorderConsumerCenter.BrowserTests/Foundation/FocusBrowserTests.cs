using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.BrowserTests.Foundation;

/// <summary>
/// Where focus goes, as a keyboard or screen reader user meets it: on the error summary after any refused form, on the
/// field (or a group's first choice) a summary link names, on the confirmation after an action; the case page read and
/// tabbed in one order; text typed when a session ended comes back after signing in again.
/// </summary>
public class FocusBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private static readonly string[] ConsentBoxes = ["AgreesToHandling", "HasContactedBusiness", "IsConsumerPurchase", "ProvisionAbroad"];

    [Fact]
    public async Task EveryRefusedFormFocusesItsSummaryAndItsLinksFocusTheirControls()
    {
        await BrowserSession.RunAsync(portal, BrowserSession.Phone, "en", async page =>
        {
            // Pages without a script of their own: the sign-in and the lost-link forms.
            await page.GotoAsync("/account/sign-in");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
            await page.Locator(".error-summary a[href='#Password']").ClickAsync();
            await Assertions.Expect(page.Locator("#Password")).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("label[for=Password]")).ToBeInViewportAsync();
            await Assertions.Expect(page.Locator("#Password-error")).ToBeInViewportAsync();

            await page.GotoAsync("/track/lost");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();

            // A link to a group of choices focuses its first choice, with the question and its message in view.
            await page.GotoAsync("/complaint/consent");
            foreach (var box in ConsentBoxes)
            {
                await page.CheckAsync($"#Consent_{box}");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Agree and continue" }).ClickAsync();
            await page.WaitForURLAsync("**/complaint/form");
            await page.Locator("main button[name=intent][value=review]:not(.visually-hidden)").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
            await page.Locator(".error-summary a[href='#Form_Trouble_Category']").ClickAsync();
            await Assertions.Expect(page.Locator("#Form_Trouble_Category")).ToBeFocusedAsync();
            Assert.Equal("radio", await page.Locator("#Form_Trouble_Category").GetAttributeAsync("type"));
            await Assertions.Expect(page.Locator("#Form_Trouble_Category-group legend")).ToBeInViewportAsync();
            await Assertions.Expect(page.Locator("#Form_Trouble_Category-error")).ToBeInViewportAsync();
        });
    }

    [Fact]
    public async Task OnTheCasePageContentComesBeforeActionsAConfirmationIsFocusedAndANoteSurvivesTheSessionsEnd()
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var target = await TestCases.ReceiveAsync(portal.Factory);

        await BrowserSession.RunAsync(portal, BrowserSession.Desktop, "ja", async page =>
        {
            await SignInAsync(page, staff.Email);
            await page.GotoAsync($"/staff/cases/{target.Number}");

            // Reading order and tab order are one: after the section links, Tab goes into the case's content, and the
            // actions column (on the right at 1280 px) comes after it.
            await page.Locator(".section-nav a").Last.FocusAsync();
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.case-layout__main')"), "Tab left the section links for the actions column");
            var main = (await page.Locator(".case-layout__main").BoundingBoxAsync())!;
            var actions = (await page.Locator("#case-actions").BoundingBoxAsync())!;
            Assert.True(actions.X > main.X + main.Width - 1, "the actions are not beside the content at 1280 px");

            // An action refused: its summary takes focus, and its link leads into the action's field.
            await page.Locator("#action-AddNote summary").ClickAsync();
            await page.Locator("#action-AddNote button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
            await page.Locator(".error-summary a[href='#AddNote_Text']").ClickAsync();
            await Assertions.Expect(page.Locator("#AddNote_Text")).ToBeFocusedAsync();
            await page.GotoAsync($"/staff/cases/{target.Number}");

            // An action done: its confirmation takes focus, so it is heard.
            await page.Locator("#action-AddNote summary").ClickAsync();
            await page.FillAsync("#AddNote_Text", "一件目のメモ");
            await page.Locator("#action-AddNote button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/staff/cases/{target.Number}");
            await Assertions.Expect(page.Locator("[data-confirmation]")).ToBeFocusedAsync();

            // The session ends while a note is typed: after signing in again the note is back on its form.
            await page.Locator("#action-AddNote summary").ClickAsync();
            await page.FillAsync("#AddNote_Text", "セッションが切れる前に書いたメモ");
            await page.Context.ClearCookiesAsync();
            await page.Locator("#action-AddNote button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/account/sign-in?*");
            await FillSignInAsync(page, staff.Email);
            await page.WaitForURLAsync($"**/staff/cases/{target.Number}");
            await Assertions.Expect(page.Locator("#AddNote_Text")).ToHaveValueAsync("セッションが切れる前に書いたメモ");
            await Assertions.Expect(page.Locator("#action-AddNote .kept-text")).ToBeVisibleAsync();

            // Sent and confirmed, it is no longer kept.
            await page.Locator("#action-AddNote button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/staff/cases/{target.Number}");
            await Assertions.Expect(page.Locator("[data-kind=NoteAdded]").First).ToContainTextAsync("セッションが切れる前に書いたメモ");
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#AddNote_Text")).ToHaveValueAsync("");
        });
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await FillSignInAsync(page, email);
        await page.WaitForURLAsync("**/staff/cases");
    }

    private static async Task FillSignInAsync(IPage page, string email)
    {
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", StaffAccounts.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
    }
}
