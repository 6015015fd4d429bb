using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

public class PasswordChangeTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    [Theory]
    [InlineData("wrong current password", "a brand new long password", "a brand new long password", "現在のパスワードが正しくありません")]
    [InlineData(StaffAccounts.Password, "too short", "too short", "12文字以上")]
    [InlineData(StaffAccounts.Password, "password1234", "password1234", "推測されやすいパスワード")]
    [InlineData(StaffAccounts.Password, "a brand new long password", "a different long password", "確認用のパスワードが一致しません")]
    public async Task ABadChangeExplainsWhatIsWrongAndKeepsTheOldPassword(string current, string next, string confirm, string message)
    {
        var (client, account) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (client)
        {
            var page = await client.GetOkAsync("/account/password");
            using var response = await client.SubmitAsync(page, "main form", [new("CurrentPassword", current), new("NewPassword", next), new("ConfirmPassword", confirm)]);
            var again = await HtmlPage.ReadAsync(response);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains(message, again.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(next, again.Text, StringComparison.Ordinal);
        }

        using var fresh = portal.Factory.CreateFormClient();
        await fresh.SignInAsync(account.Email);
    }

    [Fact]
    public async Task AGoodChangeWorksIsAuditedAndTheOldPasswordNoLonger()
    {
        var (client, account) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (client)
        {
            var page = await client.GetOkAsync("/account/password");
            using var response = await client.SubmitAsync(page, "main form",
                [new("CurrentPassword", StaffAccounts.Password), new("NewPassword", "海外通販のトラブルを相談します"), new("ConfirmPassword", "海外通販のトラブルを相談します")]);
            var done = await client.FollowRedirectAsync(response);
            Assert.Contains("パスワードを変更しました", done.Text, StringComparison.Ordinal);
        }

        Assert.Equal(1, await portal.AuditCountAsync("PasswordChanged", account.Id.ToString()));
        using var fresh = portal.Factory.CreateFormClient();
        await Assert.ThrowsAsync<InvalidOperationException>(() => fresh.SignInAsync(account.Email));
        await fresh.SignInAsync(account.Email, "海外通販のトラブルを相談します");
    }
}
