using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Features.Account;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

/// <summary>
/// Wrong codes after the right password: the account's owner is emailed once per counting window, at the third, in Japanese
/// and English, with the time and the count and a link to change the password, never a code, the password or the address;
/// parallel wrong codes (as from several instances) still send one; the next window may send one more.
/// </summary>
public class SecondFactorAlertTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task TheThirdWrongCodeEmailsTheOwnerOnceInBothLanguagesWithoutASecretAndTheNextWindowMayAgain()
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        StartOfNextWindow();
        string[] wrong = ["481726", "592837", "603948"];

        using (var client = ClientAt("10.2.1.17"))
        {
            var codePage = await CodePageAsync(client, admin.Email);
            foreach (var code in wrong)
            {
                Assert.Equal(0L, await EmailsToAsync(admin.Email));
                using var response = await client.SubmitAsync(codePage, "main form", [new("Code", code)]);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        Assert.Equal(1L, await EmailsToAsync(admin.Email));
        var subject = await OutboxAsync<string>("subject", admin.Email);
        var text = await OutboxAsync<string>("text_body", admin.Email);
        var html = await OutboxAsync<string>("html_body", admin.Email);
        Assert.Equal("ja", await OutboxAsync<string>("language", admin.Email));
        Assert.Contains("確認コード", subject, StringComparison.Ordinal);
        Assert.Contains("wrong codes", subject, StringComparison.Ordinal);
        Assert.Contains($"{admin.DisplayName} 様", text, StringComparison.Ordinal);
        Assert.Contains($"Dear {admin.DisplayName},", text, StringComparison.Ordinal);
        Assert.Contains(TestTime.JapanMinute(portal.Clock.GetUtcNow()) + "(日本時間)", text, StringComparison.Ordinal);
        Assert.Contains("3回誤って", text, StringComparison.Ordinal);
        Assert.Contains("3 times", text, StringComparison.Ordinal);
        Assert.Contains("http://localhost/account/password", text, StringComparison.Ordinal);
        Assert.Contains("管理者に知らせて", text, StringComparison.Ordinal);
        Assert.Contains("tell an administrator", text, StringComparison.Ordinal);
        foreach (var secret in wrong.Append(StaffAccounts.Password).Append("10.2.1.17").Append("10.2.1"))
        {
            Assert.DoesNotContain(secret, subject + text + html, StringComparison.Ordinal);
        }

        // More wrong codes in the same window, past the hold-back, from other addresses: no second email.
        for (var i = 0; i < 8; i++)
        {
            Assert.False(await SignsInWithAsync(admin.Email, "11111" + i, $"10.2.2.{i}"));
        }

        Assert.Equal(1L, await EmailsToAsync(admin.Email));
        Assert.Equal(1L, await portal.AuditCountAsync("SecondFactorAlertSent", admin.Id.ToString()));

        // The next window counts afresh: two wrong codes tell nobody, the third tells the owner again.
        StartOfNextWindow();
        Assert.False(await SignsInWithAsync(admin.Email, "222221", "10.2.3.1"));
        Assert.False(await SignsInWithAsync(admin.Email, "222222", "10.2.3.2"));
        Assert.Equal(1L, await EmailsToAsync(admin.Email));
        Assert.False(await SignsInWithAsync(admin.Email, "222223", "10.2.3.3"));
        Assert.Equal(2L, await EmailsToAsync(admin.Email));
        Assert.Equal(2L, await portal.AuditCountAsync("SecondFactorAlertSent", admin.Id.ToString()));
    }

    [Fact]
    public async Task TwoWrongCodesAtTheEndOfAWindowAndOneAtTheStartOfTheNextOrTwoThenTheRightCodeTellNobody()
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Supervisor);
        StartOfNextWindow();
        portal.Clock.Advance(Window - TimeSpan.FromMinutes(2));
        Assert.False(await SignsInWithAsync(staff.Email, "333331", "10.2.4.1"));
        Assert.False(await SignsInWithAsync(staff.Email, "333332", "10.2.4.2"));
        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.False(await SignsInWithAsync(staff.Email, "333333", "10.2.4.3"));
        Assert.False(await SignsInWithAsync(staff.Email, "333334", "10.2.4.4"));
        Assert.True(await SignsInWithAsync(staff.Email, await StaffAccounts.CurrentCodeAsync(staff.Email), "10.2.4.5"));

        Assert.Equal(0L, await EmailsToAsync(staff.Email));
        Assert.Equal(0L, await portal.AuditCountAsync("SecondFactorAlertSent", staff.Id.ToString()));
    }

    [Fact]
    public async Task ParallelWrongCodesEmailTheOwnerOnce()
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Roles.Admin);
        StartOfNextWindow();
        var clients = new List<(FormClient Client, HtmlPage Page)>();
        for (var i = 0; i < 12; i++)
        {
            var client = ClientAt($"10.2.5.{i}");
            clients.Add((client, await CodePageAsync(client, admin.Email)));
        }

        var statuses = await Task.WhenAll(clients.Select(async c =>
        {
            using var response = await c.Client.SubmitAsync(c.Page, "main form", [new("Code", "000001")]);
            return response.StatusCode;
        }));
        clients.ForEach(c => c.Client.Dispose());

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(12L, await portal.AuditCountAsync("SignInCodeFailed", admin.Id.ToString()));
        Assert.Equal(1L, await EmailsToAsync(admin.Email));
        Assert.Equal(1L, await portal.AuditCountAsync("SecondFactorAlertSent", admin.Id.ToString()));
    }

    /// <summary>Moves the portal's clock a minute into the next counting window, so that a test's wrong codes share one.</summary>
    private void StartOfNextWindow() =>
        portal.Clock.SetUtcNow(CountingWindow.StartOf(portal.Clock.GetUtcNow(), Window) + Window + TimeSpan.FromMinutes(1));

    private Task<long> EmailsToAsync(string email) => portal.Database.ScalarAsync<long>(
        "SELECT count(*) FROM outbound_emails WHERE template = @t AND @e = ANY(to_addresses)", ("t", SecondFactorAlertEmail.TemplateName), ("e", email));

    private Task<T> OutboxAsync<T>(string column, string email) => portal.Database.ScalarAsync<T>(
        $"SELECT {column} FROM outbound_emails WHERE template = @t AND @e = ANY(to_addresses) ORDER BY created_at LIMIT 1", ("t", SecondFactorAlertEmail.TemplateName), ("e", email));

    private async Task<bool> SignsInWithAsync(string email, string code, string address)
    {
        using var client = ClientAt(address);
        var codePage = await CodePageAsync(client, email);
        using var response = await client.SubmitAsync(codePage, "main form", [new("Code", code)]);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    private static async Task<HtmlPage> CodePageAsync(FormClient client, string email)
    {
        var page = await client.GetOkAsync("/account/sign-in");
        using (var afterPassword = await client.SubmitAsync(page, "main form", [new("Email", email), new("Password", StaffAccounts.Password)]))
        {
            Assert.Equal("/account/sign-in/code", afterPassword.Headers.Location!.OriginalString);
        }

        return await client.GetOkAsync("/account/sign-in/code");
    }

    private FormClient ClientAt(string address)
    {
        var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
        return client;
    }
}
