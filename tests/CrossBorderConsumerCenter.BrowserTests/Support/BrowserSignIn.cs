namespace CrossBorderConsumerCenter.BrowserTests.Support;

/// <summary>Signing in in the browser as a person does: email and password, then the authenticator's code where the account has one.</summary>
public static class BrowserSignIn
{
    /// <summary>Fills the sign-in page already open; enters the app's code on the next page when the account has a second factor.</summary>
    public static async Task SubmitAsync(IPage page, string email)
    {
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", StaffAccounts.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
        if (new Uri(page.Url).AbsolutePath == "/account/sign-in/code")
        {
            await EnterCodeAsync(page, email);
        }
    }

    /// <summary>On the code page: types the code the account's authenticator shows now and submits it.</summary>
    public static async Task EnterCodeAsync(IPage page, string email)
    {
        await page.FillAsync("#Code", await StaffAccounts.CurrentCodeAsync(email));
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
