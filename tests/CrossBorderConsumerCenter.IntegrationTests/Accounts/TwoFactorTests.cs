using System.Net;
using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

/// <summary>
/// Two-step sign-in: a code from an authenticator app (or a recovery code, once) after the password; required for supervisors
/// and admins, who set it up before anything else; a code works once; failures hold back the client, then the account; an
/// admin resets another account's second factor, audited, and its sessions end.
/// </summary>
public class TwoFactorTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task AnAdminSignsInWithTheAppsCodeAfterThePasswordAndNotWithThePasswordAlone()
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        using var client = ClientAt("10.1.0.1");

        using var afterPassword = await PasswordAsync(client, admin.Email);
        Assert.Equal("/account/sign-in/code", afterPassword.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff/cases")).StatusCode); // not signed in yet

        var codePage = await client.GetOkAsync("/account/sign-in/code");
        using (var wrong = await client.SubmitAsync(codePage, "main form", [new("Code", "000000")]))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("error-summary", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var right = await client.SubmitAsync(codePage, "main form", [new("Code", await StaffAccounts.CurrentCodeAsync(admin.Email))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/staff/cases", right.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(1, await portal.AuditCountAsync("SignInPasswordAccepted", admin.Id.ToString()));
        Assert.Equal(1, await portal.AuditCountAsync("SignInCodeFailed", admin.Id.ToString()));
        Assert.Equal(1, await portal.AuditCountAsync("SignInSucceeded", admin.Id.ToString()));
    }

    [Fact]
    public async Task ACodeIsAcceptedOnceAndOnlyFromTheStepsNextToTheClock()
    {
        var account = await StaffAccounts.CreateWithoutSecondFactorAsync(portal.Factory, Roles.Staff);
        var key = await StaffAccounts.SetUpSecondFactorAsync(portal.Factory, account.Id);
        var now = portal.Clock.GetUtcNow();

        Assert.False(await SignsInWithAsync(account.Email, AuthenticatorCode.At(key, now.AddSeconds(-60)), "10.1.1.1"), "a code two steps old");
        Assert.False(await SignsInWithAsync(account.Email, AuthenticatorCode.At(key, now.AddSeconds(60)), "10.1.1.2"), "a code two steps ahead");
        Assert.True(await SignsInWithAsync(account.Email, AuthenticatorCode.At(key, now.AddSeconds(-30)), "10.1.1.3"), "the step before (a slow typist)");
        Assert.True(await SignsInWithAsync(account.Email, AuthenticatorCode.At(key, now), "10.1.1.4"), "the current step");
        Assert.False(await SignsInWithAsync(account.Email, AuthenticatorCode.At(key, now), "10.1.1.5"), "the same code again (a replay)");
        Assert.False(await SignsInWithAsync(account.Email, AuthenticatorCode.At(key, now.AddSeconds(-30)), "10.1.1.6"), "an older step after a newer one");

        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await SignsInWithAsync(account.Email, AuthenticatorCode.At(key, portal.Clock.GetUtcNow()), "10.1.1.7"), "the next step's code");
    }

    [Fact]
    public async Task ARecoveryCodeAsTypedSignsInOnceAndIsThenSpent()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Supervisor);
        string[] codes;
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(account.Id.ToString()))!, 10))!];
        }

        // Typed in lower case, without the hyphen, with full-width characters from a Japanese input method.
        var typed = ToFullWidth(codes[3].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.True(await SignsInWithAsync(account.Email, typed, "10.1.2.1"));
        Assert.False(await SignsInWithAsync(account.Email, codes[3], "10.1.2.2"));
        Assert.True(await SignsInWithAsync(account.Email, codes[4], "10.1.2.3"));
        var details = await portal.Database.ScalarAsync<string>(
            "SELECT details::text FROM audit_entries WHERE action = 'SignInSucceeded' AND subject_id = @s ORDER BY id DESC LIMIT 1", ("s", account.Id.ToString()));
        Assert.Contains("recovery code", details, StringComparison.Ordinal);
        Assert.Contains("\"recoveryCodesLeft\": 8", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASupervisorWithoutASecondFactorReachesOnlyTheSetUpUntilItIsDoneThenItsOtherSessionsEnd()
    {
        var supervisor = await StaffAccounts.CreateWithoutSecondFactorAsync(portal.Factory, Roles.Supervisor);
        using var other = ClientAt("10.1.3.9");
        await other.SignInAsync(supervisor.Email);
        using var client = ClientAt("10.1.3.1");
        await client.SignInAsync(supervisor.Email);

        foreach (var path in new[] { "/staff/cases", "/staff/supervisor", "/account" })
        {
            using var response = await client.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/two-factor", response.Headers.Location!.OriginalString);
        }

        var page = await client.GetOkAsync("/account/two-factor");
        var key = page.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotNull(page.Document.QuerySelector("img.qr-code[src^='data:image/png;base64,']"));
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);

        // A reload (or a change of language) shows the key just scanned, not a new one.
        Assert.Equal(key, KeyOn(await client.GetOkAsync("/account/two-factor?lang=en")));

        // A wrong code: the error, the same key to try again.
        using (var wrong = await client.SubmitAsync(page, "main form", [new("Code", "123456")]))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var again = await HtmlPage.ReadAsync(wrong);
            Assert.NotNull(again.Document.QuerySelector(".error-summary"));
            Assert.Equal(key, again.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        }

        using (var right = await client.SubmitAsync(page, "main form", [new("Code", AuthenticatorCode.At(key, portal.Clock.GetUtcNow()))]))
        {
            Assert.Equal("/account/two-factor/recovery-codes", right.Headers.Location!.OriginalString);
        }

        var codes = await client.GetOkAsync("/account/two-factor/recovery-codes");
        Assert.Equal(10, codes.Document.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Empty((await client.GetOkAsync("/account/two-factor/recovery-codes")).Document.QuerySelectorAll("#recovery-codes li"));

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/staff/supervisor")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.Http.GetAsync("/staff/cases")).StatusCode);
        Assert.Equal(1, await portal.AuditCountAsync("TwoFactorEnabled", supervisor.Id.ToString()));

        // Its next sign-in asks for the code.
        using var later = ClientAt("10.1.3.2");
        using var afterPassword = await PasswordAsync(later, supervisor.Email);
        Assert.Equal("/account/sign-in/code", afterPassword.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task StaffMayTurnItOffWithACodeButASupervisorMayNot()
    {
        var staff = await StaffAccounts.CreateWithoutSecondFactorAsync(portal.Factory, Roles.Staff);
        var key = await StaffAccounts.SetUpSecondFactorAsync(portal.Factory, staff.Id);
        using var client = ClientAt("10.1.4.1");
        await client.SignInAsync(staff.Email);
        portal.Clock.Advance(TimeSpan.FromSeconds(30)); // the sign-in used this step's code

        var page = await client.GetOkAsync("/account/two-factor");
        using (var wrong = await client.SubmitAsync(page, "form[action='/account/two-factor/disable']", [new("Code", "000000")]))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var off = await client.SubmitAsync(page, "form[action='/account/two-factor/disable']", [new("Code", AuthenticatorCode.At(key, portal.Clock.GetUtcNow()))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.False(await TwoFactorEnabledAsync(staff.Id));
        Assert.Null(await portal.Database.ScalarAsync<string?>("SELECT value FROM user_tokens WHERE user_id = @u AND name = 'AuthenticatorKey'", ("u", staff.Id)));

        var supervisor = await StaffAccounts.CreateAsync(portal.Factory, Roles.Supervisor);
        using var supervisorClient = ClientAt("10.1.4.2");
        await supervisorClient.SignInAsync(supervisor.Email);
        var supervisorPage = await supervisorClient.GetOkAsync("/account/two-factor");
        Assert.Null(supervisorPage.Document.QuerySelector("form[action='/account/two-factor/disable']"));
        using (var refused = await supervisorClient.SubmitAsync(supervisorPage, "form[action='/account/two-factor/recovery-codes']", [new("Code", "000000")], submitName: null))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        // Posted anyway (an old page): refused, still on.
        var token = supervisorPage.AntiforgeryToken;
        using var forced = await supervisorClient.Http.PostAsync("/account/two-factor/disable", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Code", await StaffAccounts.CurrentCodeAsync(supervisor.Email))]));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.True(await TwoFactorEnabledAsync(supervisor.Id));
        Assert.Equal(0, await portal.AuditCountAsync("TwoFactorDisabled", supervisor.Id.ToString()));
        Assert.Equal(1, await portal.AuditCountAsync("TwoFactorDisabled", staff.Id.ToString()));
    }

    [Fact]
    public async Task AnAdminResetsAnotherAccountsSecondFactorAuditedAndItsSessionsEndButNotTheirOwn()
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        var supervisor = await StaffAccounts.CreateAsync(portal.Factory, Roles.Supervisor);
        using var supervisorClient = ClientAt("10.1.5.2");
        await supervisorClient.SignInAsync(supervisor.Email);
        using var adminClient = ClientAt("10.1.5.1");
        await adminClient.SignInAsync(admin.Email);

        var page = await adminClient.GetOkAsync($"/admin/users/{supervisor.Id}");
        using (var reset = await adminClient.SubmitAsync(page, $"form[action='/admin/users/{supervisor.Id}/reset-two-factor']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        Assert.False(await TwoFactorEnabledAsync(supervisor.Id));
        Assert.Equal(0, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM user_tokens WHERE user_id = @u AND value <> ''", ("u", supervisor.Id)));
        Assert.Equal(HttpStatusCode.Redirect, (await supervisorClient.Http.GetAsync("/staff/cases")).StatusCode);
        Assert.Equal(1, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'TwoFactorReset' AND subject_id = @s AND actor_id = @a", ("s", supervisor.Id.ToString()), ("a", admin.Id)));

        // The supervisor signs in with the password and must set up a new authenticator before anything else.
        using var again = ClientAt("10.1.5.3");
        await again.SignInAsync(supervisor.Email);
        using (var redirected = await again.Http.GetAsync("/staff/cases"))
        {
            Assert.Equal("/account/two-factor", redirected.Headers.Location!.OriginalString);
        }

        // An admin's own second factor is reset by another admin only.
        var own = await adminClient.GetOkAsync($"/admin/users/{admin.Id}");
        Assert.Null(own.Document.QuerySelector($"form[action='/admin/users/{admin.Id}/reset-two-factor']"));
        using var forced = await adminClient.Http.PostAsync($"/admin/users/{admin.Id}/reset-two-factor", new FormUrlEncodedContent([new("__RequestVerificationToken", own.AntiforgeryToken)]));
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.True(await TwoFactorEnabledAsync(admin.Id));
    }

    [Fact]
    public async Task WrongCodesHoldBackTheClientThenTheAccountWithoutLettingAStrangerLockAnyoneOut()
    {
        var account = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);

        // Five wrong codes from one address: the right code from there fails too; from another address it works.
        using (var attacker = ClientAt("10.1.6.1"))
        {
            using var _ = await PasswordAsync(attacker, account.Email);
            var codePage = await attacker.GetOkAsync("/account/sign-in/code");
            for (var i = 0; i < 5; i++)
            {
                using var wrong = await attacker.SubmitAsync(codePage, "main form", [new("Code", $"00000{i}")]);
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }

            using var right = await attacker.SubmitAsync(codePage, "main form", [new("Code", await StaffAccounts.CurrentCodeAsync(account.Email))]);
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }

        Assert.True(await SignsInWithAsync(account.Email, await StaffAccounts.CurrentCodeAsync(account.Email), "10.1.6.2"));

        // Ten wrong codes for the account from anywhere (only someone with the password gets this far): codes wait for the window.
        for (var i = 0; i < 5; i++)
        {
            Assert.False(await SignsInWithAsync(account.Email, "99999" + i, $"10.1.6.{10 + i}"));
        }

        Assert.False(await SignsInWithAsync(account.Email, await StaffAccounts.CurrentCodeAsync(account.Email), "10.1.6.30"));
        portal.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True(await SignsInWithAsync(account.Email, await StaffAccounts.CurrentCodeAsync(account.Email), "10.1.6.31"));

        // A stranger without the password never reaches the code step.
        using var stranger = ClientAt("10.1.6.40");
        using var guessed = await PasswordAsync(stranger, account.Email, "not the password");
        Assert.Equal(HttpStatusCode.OK, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.Http.GetAsync("/account/sign-in/code")).StatusCode);
    }

    [Fact]
    public async Task TheCodeStepWithoutARecentPasswordSendsBackToSignInWithAMessage()
    {
        using var client = ClientAt("10.1.7.1");
        using (var response = await client.Http.GetAsync("/account/sign-in/code"))
        {
            Assert.Equal("/account/sign-in?expired=1", response.Headers.Location!.OriginalString);
        }

        var signIn = await client.GetOkAsync("/account/sign-in?expired=1");
        Assert.NotNull(signIn.Document.QuerySelector("[data-confirmation]"));

        // A code posted with no password step behind it (an old tab).
        using var posted = await client.Http.PostAsync("/account/sign-in/code", new FormUrlEncodedContent([new("__RequestVerificationToken", signIn.AntiforgeryToken), new("Code", "123456")]));
        Assert.Equal("/account/sign-in?expired=1", posted.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SomeoneElseWithThePasswordSeesAnotherKeyThanTheOwnerSetsUp()
    {
        var supervisor = await StaffAccounts.CreateWithoutSecondFactorAsync(portal.Factory, Roles.Supervisor);
        using var thief = ClientAt("10.1.8.1");
        await thief.SignInAsync(supervisor.Email);
        var stolenKey = KeyOn(await thief.GetOkAsync("/account/two-factor"));

        using var owner = ClientAt("10.1.8.2");
        await owner.SignInAsync(supervisor.Email);
        var page = await owner.GetOkAsync("/account/two-factor");
        var key = KeyOn(page);
        Assert.NotEqual(stolenKey, key);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM user_tokens WHERE user_id = @u", ("u", supervisor.Id)));

        // The thief's own page (another session) cannot set up the owner's key either: the form's key belongs to its session.
        var ownersForm = page.Document.QuerySelector("input[name='Key']")!.GetAttribute("value")!;
        var thiefPage = await thief.GetOkAsync("/account/two-factor");
        using (var forged = await thief.SubmitAsync(thiefPage, "main form", [new("Key", ownersForm), new("Code", AuthenticatorCode.At(key, portal.Clock.GetUtcNow()))]))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        }

        Assert.False(await TwoFactorEnabledAsync(supervisor.Id));
        using (var set = await owner.SubmitAsync(page, "main form", [new("Code", AuthenticatorCode.At(key, portal.Clock.GetUtcNow()))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(await SignsInWithAsync(supervisor.Email, AuthenticatorCode.At(stolenKey, portal.Clock.GetUtcNow()), "10.1.8.3"));
        Assert.True(await SignsInWithAsync(supervisor.Email, AuthenticatorCode.At(key, portal.Clock.GetUtcNow()), "10.1.8.4"));
    }

    [Fact]
    public async Task ParallelWrongCodesAreEachAnsweredAuditedAndCountedNoneBeyondTheLimitChecked()
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        var clients = new List<(FormClient Client, HtmlPage Page)>();
        for (var i = 0; i < 30; i++)
        {
            var client = ClientAt($"10.1.9.{i}");
            using var _ = await PasswordAsync(client, admin.Email);
            clients.Add((client, await client.GetOkAsync("/account/sign-in/code")));
        }

        var statuses = await Task.WhenAll(clients.Select(async c =>
        {
            using var response = await c.Client.SubmitAsync(c.Page, "main form", [new("Code", "000001")]);
            return response.StatusCode;
        }));
        clients.ForEach(c => c.Client.Dispose());

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(30, await portal.AuditCountAsync("SignInCodeFailed", admin.Id.ToString()));
        Assert.Equal(10L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'SignInCodeFailed' AND subject_id = @s AND details->>'heldBack' = 'false'", ("s", admin.Id.ToString())));
    }

    [Fact]
    public async Task APendingCodeStepEndsWhenTheOwnerChangesThePasswordOrSignsOutEverywhere()
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        using var attacker = ClientAt("10.1.10.1");
        using (await PasswordAsync(attacker, admin.Email))
        {
        }

        var codePage = await attacker.GetOkAsync("/account/sign-in/code");
        using var owner = ClientAt("10.1.10.2");
        await owner.SignInAsync(admin.Email);
        using (await owner.SubmitAsync(await owner.GetOkAsync("/account"), "form[action='/account/sign-out-everywhere']"))
        {
        }

        using var late = await attacker.SubmitAsync(codePage, "main form", [new("Code", await StaffAccounts.CurrentCodeAsync(admin.Email))]);
        Assert.Equal("/account/sign-in?expired=1", late.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.Http.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task WrongCodesOnTheOwnPageAreAuditedAndHeldBackLikeAtSignIn()
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Supervisor);
        using var client = ClientAt("10.1.11.1");
        await client.SignInAsync(staff.Email);
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        var page = await client.GetOkAsync("/account/two-factor");
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await client.SubmitAsync(page, "form[action='/account/two-factor/recovery-codes']", [new("Code", $"12345{i}")]);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await client.SubmitAsync(page, "form[action='/account/two-factor/recovery-codes']", [new("Code", await StaffAccounts.CurrentCodeAsync(staff.Email))]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(11, await portal.AuditCountAsync("TwoFactorCodeRefused", staff.Id.ToString()));
        Assert.Equal(0, await portal.AuditCountAsync("RecoveryCodesRenewed", staff.Id.ToString()));
    }

    [Fact]
    public async Task RecoveryCodesWaitingToBeShownAreNeverShownToAnotherAccountInTheSameBrowser()
    {
        var first = await StaffAccounts.CreateWithoutSecondFactorAsync(portal.Factory, Roles.Staff);
        var second = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        using var browser = ClientAt("10.1.12.1");
        await browser.SignInAsync(first.Email);
        var page = await browser.GetOkAsync("/account/two-factor");
        using (var set = await browser.SubmitAsync(page, "main form", [new("Code", AuthenticatorCode.At(KeyOn(page), portal.Clock.GetUtcNow()))]))
        {
            Assert.Equal("/account/two-factor/recovery-codes", set.Headers.Location!.OriginalString); // not followed
        }

        using (await browser.SubmitAsync(await browser.GetOkAsync("/account"), "form[action='/account/sign-out']"))
        {
        }

        await browser.SignInAsync(second.Email);
        Assert.Empty((await browser.GetOkAsync("/account/two-factor/recovery-codes")).Document.QuerySelectorAll("#recovery-codes li"));
    }

    private static string KeyOn(HtmlPage page) =>
        page.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private async Task<bool> SignsInWithAsync(string email, string code, string address)
    {
        using var client = ClientAt(address);
        using var afterPassword = await PasswordAsync(client, email);
        Assert.Equal("/account/sign-in/code", afterPassword.Headers.Location!.OriginalString);
        var codePage = await client.GetOkAsync("/account/sign-in/code");
        using var response = await client.SubmitAsync(codePage, "main form", [new("Code", code)]);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    private static async Task<HttpResponseMessage> PasswordAsync(FormClient client, string email, string password = StaffAccounts.Password)
    {
        var page = await client.GetOkAsync("/account/sign-in");
        return await client.SubmitAsync(page, "main form", [new("Email", email), new("Password", password)]);
    }

    private Task<bool> TwoFactorEnabledAsync(Guid userId) =>
        portal.Database.ScalarAsync<bool>("SELECT two_factor_enabled FROM users WHERE id = @u", ("u", userId));

    private FormClient ClientAt(string address)
    {
        var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
        return client;
    }

    private static string ToFullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));
}
