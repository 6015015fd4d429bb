using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

public class SignInTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task ACorrectPasswordSignsInAndIsAudited()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/account/sign-in");

        using var response = await client.SubmitAsync(page, "main form", [new("Email", account.Email), new("Password", StaffAccounts.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/cases", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ccc.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var home = await client.FollowRedirectAsync(response);
        Assert.Contains(account.DisplayName, home.Text, StringComparison.Ordinal);
        Assert.Equal(1, await portal.AuditCountAsync("SignInSucceeded", account.Id.ToString()));
    }

    [Theory]
    [InlineData(Roles.Staff, "/staff/cases")]
    [InlineData(Roles.Supervisor, "/staff/cases")]
    [InlineData(Roles.Admin, "/staff/cases")]
    [InlineData(Roles.Counselor, "/counselor")]
    public async Task TheBackOfficeLandsOnTheQueueAndACounselorOnTheirCentersCases(string role, string landing)
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, role);
        using var client = portal.Factory.CreateFormClient();
        using var response = await SignInAsync(client, "/account/sign-in", account.Email);
        Assert.Equal(landing, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.FollowRedirectAsync(response)).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordRedisplaysTheFormWithTheEmailButNeverThePassword()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/account/sign-in");

        using var response = await client.SubmitAsync(page, "main form", [new("Email", account.Email), new("Password", "wrong password guess")]);
        var again = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくない", again.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(account.Email, again.Find("#Email")!.GetAttribute("value"));
        Assert.DoesNotContain("wrong password guess", again.Text, StringComparison.Ordinal);
        Assert.Equal(1, await portal.AuditCountAsync("SignInFailed", account.Id.ToString()));
    }

    [Fact]
    public async Task AnUnknownEmailGetsTheSameAnswerAsAWrongPassword()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/account/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Email", "nobody-here@ccj.test"), new("Password", "whatever password")]);
        var again = await HtmlPage.ReadAsync(response);
        Assert.Contains("メールアドレスまたはパスワードが正しくない", again.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'SignInFailed' AND actor_name = 'nobody-here@ccj.test'"));
    }

    [Fact]
    public async Task EmptyFieldsAreNamedInTheUsersLanguage()
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await client.GetOkAsync("/account/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Email", ""), new("Password", "")]);
        var again = await HtmlPage.ReadAsync(response);
        var summary = again.Find(".error-summary")!;
        Assert.Contains("Enter your email address.", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", summary.TextContent, StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector("a[href='#Email']"));
        Assert.Equal("true", again.Find("#Email")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task OnlyALocalReturnUrlIsFollowed()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        using var client = portal.Factory.CreateFormClient();

        using (var response = await SignInAsync(client, "/account/sign-in?returnUrl=%2Fadmin%2Fusers", account.Email))
        {
            Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);
        }

        using var other = portal.Factory.CreateFormClient();
        using var evilResponse = await SignInAsync(other, "/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", account.Email);
        Assert.Equal("/staff/cases", evilResponse.Headers.Location!.OriginalString);
    }

    /// <summary>The password, and for an account with a second factor the code (the return address travels to the code step).</summary>
    private static async Task<HttpResponseMessage> SignInAsync(FormClient client, string signInUrl, string email)
    {
        var page = await client.GetOkAsync(signInUrl);
        var response = await client.SubmitAsync(page, "main form", [new("Email", email), new("Password", StaffAccounts.Password)]);
        if (response.Headers.Location?.OriginalString is { } location && location.StartsWith("/account/sign-in/code", StringComparison.Ordinal))
        {
            response.Dispose();
            var codePage = await client.GetOkAsync(location);
            response = await client.SubmitAsync(codePage, "main form", [new("Code", await StaffAccounts.CurrentCodeAsync(email))]);
        }

        return response;
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInAndBack()
    {
        using var client = portal.Factory.CreateFormClient();
        using var response = await client.Http.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=%2Fadmin%2Fusers", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionAndIsAudited()
    {
        var (client, account) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (client)
        {
            var home = await client.GetOkAsync("/account");
            using var response = await client.SubmitAsync(home, "form[action='/account/sign-out']");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var signedOut = await client.FollowRedirectAsync(response);
            Assert.Contains("サインアウトしました", signedOut.Text, StringComparison.Ordinal);

            using var after = await client.Http.GetAsync("/account");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Equal(1, await portal.AuditCountAsync("SignedOut", account.Id.ToString()));
        }
    }
}
