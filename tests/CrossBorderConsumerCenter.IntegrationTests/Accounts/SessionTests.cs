using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

/// <summary>
/// Sessions end on the server: a copy of the session cookie (taken from the sign-in answer, sent by a client of its own)
/// stops working at once when its session is signed out, signed out everywhere, its account disabled, or its lifetime over.
/// </summary>
public class SessionTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task ACopiedCookieStopsWorkingWhenItsSessionSignsOut()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        using var client = portal.Factory.CreateFormClient();
        var copy = await SignInCopyingTheCookieAsync(client, account.Email);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(copy, "/staff/cases"));

        var home = await client.GetOkAsync("/account");
        using (await client.SubmitAsync(home, "form[action='/account/sign-out']"))
        {
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(copy, "/staff/cases"));
        Assert.Equal("signed-out", await portal.Database.ScalarAsync<string>("SELECT end_reason FROM user_sessions WHERE user_id = @u", ("u", account.Id)));
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEverySessionOfTheAccountAndNoOtherAccounts()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var other = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        using var laptop = portal.Factory.CreateFormClient();
        using var phone = portal.Factory.CreateFormClient();
        using var colleague = portal.Factory.CreateFormClient();
        var laptopCopy = await SignInCopyingTheCookieAsync(laptop, account.Email);
        var phoneCopy = await SignInCopyingTheCookieAsync(phone, account.Email);
        var colleagueCopy = await SignInCopyingTheCookieAsync(colleague, other.Email);

        var page = await laptop.GetOkAsync("/account");
        using (var response = await laptop.SubmitAsync(page, "form[action='/account/sign-out-everywhere']"))
        {
            Assert.Equal("/account/sign-in?signedOut=1", response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(laptopCopy, "/account"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(phoneCopy, "/account"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(colleagueCopy, "/account"));
        Assert.Equal(1, await portal.AuditCountAsync("SignedOutEverywhere", account.Id.ToString()));
    }

    [Fact]
    public async Task DisablingAnAccountEndsItsSessionsAtOnce()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        using var staff = portal.Factory.CreateFormClient();
        var copy = await SignInCopyingTheCookieAsync(staff, account.Email);
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync($"/admin/users/{account.Id}");
            using (await admin.SubmitAsync(page, $"form[action$='{account.Id}/disable']"))
            {
            }

            Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(copy, "/staff/cases"));

            // Enabled again, the account signs in anew; the old session stays ended.
            var again = await admin.GetOkAsync($"/admin/users/{account.Id}");
            using (await admin.SubmitAsync(again, $"form[action$='{account.Id}/enable']"))
            {
            }

            Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(copy, "/staff/cases"));
        }
    }

    [Fact]
    public async Task ASessionEndsAtItsAbsoluteLifetimeHoweverActive()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        using var client = portal.Factory.CreateFormClient();
        var copy = await SignInCopyingTheCookieAsync(client, account.Email);

        for (var hour = 0; hour < 11; hour++)
        {
            portal.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        using var response = await client.Http.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(copy, "/account"));
    }

    /// <summary>Signs in and returns the session cookie as the sign-in answer set it ("ccc.session=...").</summary>
    private static async Task<string> SignInCopyingTheCookieAsync(FormClient client, string email)
    {
        var page = await client.GetOkAsync("/account/sign-in");
        using var response = await client.SubmitAsync(page, "main form", [new("Email", email), new("Password", StaffAccounts.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ccc.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>A request by another client that only has the copied cookie.</summary>
    private async Task<HttpStatusCode> StatusWithAsync(string cookie, string path)
    {
        using var thief = portal.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await thief.SendAsync(request);
        return response.StatusCode;
    }
}
