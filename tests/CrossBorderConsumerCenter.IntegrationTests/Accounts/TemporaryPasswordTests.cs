using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

/// <summary>A password issued by the portal is temporary: its owner replaces it before anything else is reachable.</summary>
public class TemporaryPasswordTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    private const string OwnPassword = "越境取引のトラブルを担当します";

    [Fact]
    public async Task ANewAccountReachesOnlyThePasswordPageUntilItChoosesItsOwnPassword()
    {
        var password = await CreateThroughTheAdminPagesAsync("temporary.one@ccj.test", [Roles.Staff, Roles.Admin]);
        Assert.True(await ListedWithATemporaryPasswordAsync("temporary.one@ccj.test"));
        using var newcomer = portal.Factory.CreateFormClient();
        await newcomer.SignInAsync("temporary.one@ccj.test", password);

        foreach (var path in new[] { "/staff/cases", "/account", "/admin/users", "/admin/audit", "/staff/cases?status=Received" })
        {
            using var response = await newcomer.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/password?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
        }

        // A post is refused as well, and changes nothing.
        var passwordPage = await newcomer.GetOkAsync("/account/password?returnUrl=%2Fadmin%2Fusers");
        using (var post = await newcomer.PostAsync("/admin/users/new", passwordPage,
                   [new("Email", "created.by.temporary@ccj.test"), new("DisplayName", "作成されない"), new("Roles", Roles.Staff)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Equal("/account/password", post.Headers.Location!.OriginalString);
        }

        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'created.by.temporary@ccj.test'"));

        // The page says why, and offers no way around it.
        Assert.Contains("仮のパスワード", passwordPage.Find("#temporary-password-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(passwordPage.Find("main a[href='/account']"));

        using var changed = await newcomer.SubmitAsync(passwordPage, "main form",
            [new("CurrentPassword", password), new("NewPassword", OwnPassword), new("ConfirmPassword", OwnPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/admin/users", changed.Headers.Location!.OriginalString);

        // An admin sets up a second factor next, before any other page (TwoFactorTests): the temporary password came first.
        foreach (var path in new[] { "/admin/users", "/staff/cases" })
        {
            using var next = await newcomer.Http.GetAsync(path);
            Assert.Equal("/account/two-factor", next.Headers.Location!.OriginalString);
        }

        await newcomer.GetOkAsync("/account/two-factor");
        Assert.Null((await newcomer.GetOkAsync("/account/password")).Find("#temporary-password-notice"));

        Assert.False(await portal.Database.ScalarAsync<bool>("SELECT must_change_password FROM users WHERE email = 'temporary.one@ccj.test'"));
        Assert.False(await ListedWithATemporaryPasswordAsync("temporary.one@ccj.test"));
        Assert.Equal("true", await portal.Database.ScalarAsync<string>(
            "SELECT details->>'replacedTemporaryPassword' FROM audit_entries WHERE action = 'PasswordChanged' AND subject_id = (SELECT id::text FROM users WHERE email = 'temporary.one@ccj.test')"));
    }

    [Fact]
    public async Task ARefusedChangeKeepsThePasswordTemporaryAndSigningOutStillWorks()
    {
        var password = await CreateThroughTheAdminPagesAsync("temporary.two@ccj.test", [Roles.Staff]);
        using var newcomer = portal.Factory.CreateFormClient();
        await newcomer.SignInAsync("temporary.two@ccj.test", password);

        var page = await newcomer.GetOkAsync("/account/password");
        using (var refused = await newcomer.SubmitAsync(page, "main form",
                   [new("CurrentPassword", password), new("NewPassword", "too short"), new("ConfirmPassword", "too short")]))
        {
            var again = await HtmlPage.ReadAsync(refused);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("12文字以上", again.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(again.Find("#temporary-password-notice"));
        }

        Assert.True(await portal.Database.ScalarAsync<bool>("SELECT must_change_password FROM users WHERE email = 'temporary.two@ccj.test'"));
        using (var stillBlocked = await newcomer.Http.GetAsync("/staff/cases"))
        {
            Assert.Equal(HttpStatusCode.Redirect, stillBlocked.StatusCode);
        }

        using var signedOut = await newcomer.SubmitAsync(await newcomer.GetOkAsync("/account/password"), "form[action='/account/sign-out']");
        Assert.Equal("/account/sign-in?signedOut=1", signedOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AReissuedPasswordIsTemporaryAgainForAnAccountThatHadItsOwn()
    {
        var target = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        string password;
        using (admin)
        {
            var page = await admin.GetOkAsync($"/admin/users/{target.Id}");
            using var response = await admin.SubmitAsync(page, $"form[action$='{target.Id}/reset-password']");
            password = (await admin.FollowRedirectAsync(response)).Find(".one-time-password code")!.TextContent;
        }

        using var client = portal.Factory.CreateFormClient();
        await client.SignInAsync(target.Email, password);
        using var blocked = await client.Http.GetAsync("/staff/cases");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.StartsWith("/account/password", blocked.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountWithItsOwnPasswordIsNeverSentToThePasswordPage()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (client)
        {
            await client.GetOkAsync("/staff/cases");
            await client.GetOkAsync("/account");
        }
    }

    /// <summary>Whether the admins' list of accounts says the account still has its temporary password.</summary>
    private async Task<bool> ListedWithATemporaryPasswordAsync(string email)
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var row = (await admin.GetOkAsync("/admin/users")).Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
            return row.QuerySelector("[data-temporary-password]") is not null;
        }
    }

    private async Task<string> CreateThroughTheAdminPagesAsync(string email, string[] roles)
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var form = await admin.GetOkAsync("/admin/users/new");
            using var response = await admin.SubmitAsync(form, "main form",
                [new("Email", email), new("DisplayName", "仮パスワード 担当者"), .. roles.Select(r => new KeyValuePair<string, string?>("Roles", r))]);
            return (await admin.FollowRedirectAsync(response)).Find(".one-time-password code")!.TextContent;
        }
    }
}
