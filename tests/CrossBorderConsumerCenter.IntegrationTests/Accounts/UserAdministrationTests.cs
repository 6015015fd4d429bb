using System.Net;
using System.Text.Json;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

public class UserAdministrationTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task AnAdminCreatesAnAccountWhoseTemporaryPasswordIsShownOnceAndWorks()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var form = await admin.GetOkAsync("/admin/users/new");
            using var response = await admin.SubmitAsync(form, "main form",
                [new("Email", "new.staff@ccj.test"), new("DisplayName", "新人 担当者"), new("Roles", Roles.Staff)]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var edit = await admin.FollowRedirectAsync(response);
            var password = edit.Find(".one-time-password code")!.TextContent;
            Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$", password);

            var again = await admin.GetOkAsync(edit.Url);
            Assert.Null(again.Find(".one-time-password"));
            Assert.DoesNotContain(password, again.Text, StringComparison.Ordinal);

            using var newcomer = portal.Factory.CreateFormClient();
            await newcomer.SignInAsync("new.staff@ccj.test", password);
            Assert.NotNull((await newcomer.GetOkAsync("/account/password")).Find("#temporary-password-notice"));
        }

        var details = await portal.Database.ScalarAsync<string>("SELECT details::text FROM audit_entries WHERE action = 'UserCreated' AND details->>'email' = 'new.staff@ccj.test'");
        Assert.Contains("Staff", details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "名前", Roles.Staff, "Email", "メールアドレスを入力してください")]
    [InlineData("not-an-email", "名前", Roles.Staff, "Email", "形式が正しくありません")]
    [InlineData("ok@ccj.test", "", Roles.Staff, "DisplayName", "氏名を入力してください")]
    [InlineData("ok@ccj.test", "名前", null, "Roles", "役割を一つ以上選んでください")]
    [InlineData("ok@ccj.test", "名前", "Root", "Roles", "同時に選べません")]
    public async Task ABadNewAccountIsRedisplayedWithTheMessageAndTheValues(string email, string name, string? role, string field, string message)
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var form = await admin.GetOkAsync("/admin/users/new");
            var values = new List<KeyValuePair<string, string?>> { new("Email", email), new("DisplayName", name), new("Roles", null) };
            if (role is not null)
            {
                values.Add(new("Roles", role));
            }

            using var response = await admin.SubmitAsync(form, "main form", values);
            var page = await HtmlPage.ReadAsync(response);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(message, page.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.Find($".error-summary a[href='#{field}']"));
            Assert.Equal(email, page.Find("#Email")!.GetAttribute("value") ?? "");
            Assert.Equal(name, page.Find("#DisplayName")!.GetAttribute("value") ?? "");
        }
    }

    [Fact]
    public async Task ADuplicateEmailIsRefusedPolitely()
    {
        var existing = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var form = await admin.GetOkAsync("/admin/users/new");
            using var response = await admin.SubmitAsync(form, "main form", [new("Email", existing.Email.ToUpperInvariant()), new("DisplayName", "Twin"), new("Roles", Roles.Staff)]);
            var page = await HtmlPage.ReadAsync(response);
            Assert.Contains("すでにあります", page.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EditingNameAndRolesIsAuditedWithBeforeAndAfter()
    {
        var target = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var edit = await admin.GetOkAsync($"/admin/users/{target.Id}");
            using var response = await admin.SubmitAsync(edit, "form[action$='" + target.Id + "']",
                [new("DisplayName", "改名 した人"), new("Roles", null), new("Roles", Roles.Staff), new("Roles", Roles.Supervisor)]);
            var saved = await admin.FollowRedirectAsync(response);
            Assert.Contains("変更を保存しました", saved.Text, StringComparison.Ordinal);
            Assert.Equal("checked", saved.Find("#Roles_Supervisor")!.GetAttribute("checked"));
        }

        using var roles = JsonDocument.Parse(await portal.Database.ScalarAsync<string>("SELECT details::text FROM audit_entries WHERE action = 'UserRolesChanged' AND subject_id = @s", ("s", target.Id.ToString())));
        Assert.Equal(["Staff"], roles.RootElement.GetProperty("before").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Staff", "Supervisor"], roles.RootElement.GetProperty("after").EnumerateArray().Select(e => e.GetString()));
        using var name = JsonDocument.Parse(await portal.Database.ScalarAsync<string>("SELECT details::text FROM audit_entries WHERE action = 'UserUpdated' AND subject_id = @s", ("s", target.Id.ToString())));
        Assert.Equal(target.DisplayName, name.RootElement.GetProperty("displayName").GetProperty("before").GetString());
        Assert.Equal("改名 した人", name.RootElement.GetProperty("displayName").GetProperty("after").GetString());
    }

    [Fact]
    public async Task TheSecondOfTwoAdminsEditingAtOnceIsToldAndSeesTheLatestState()
    {
        var target = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var (first, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        var (second, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (first)
        using (second)
        {
            var firstPage = await first.GetOkAsync($"/admin/users/{target.Id}");
            var secondPage = await second.GetOkAsync($"/admin/users/{target.Id}");

            using (var saved = await first.SubmitAsync(firstPage, "form[action$='" + target.Id + "']", [new("DisplayName", "First admin's name")]))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            using var conflict = await second.SubmitAsync(secondPage, "form[action$='" + target.Id + "']", [new("DisplayName", "Second admin's name")]);
            var page = await HtmlPage.ReadAsync(conflict);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("ほかの人が変更しました", page.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("First admin's name", page.Find("#DisplayName")!.GetAttribute("value"));
        }

        Assert.Equal("First admin's name", await portal.Database.ScalarAsync<string>("SELECT display_name FROM users WHERE id = @id", ("id", target.Id)));
    }

    [Fact]
    public async Task AnAdminCannotDisableThemselves()
    {
        var (admin, me) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync($"/admin/users/{me.Id}");
            Assert.Null(page.Find($"form[action$='{me.Id}/disable']"));
            using var response = await admin.PostAsync($"/admin/users/{me.Id}/disable", page, []);
            var after = await admin.FollowRedirectAsync(response);
            Assert.Contains("自分のアカウントは無効にできません", after.Find(".notice--error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.False(await portal.Database.ScalarAsync<bool>("SELECT is_disabled FROM users WHERE id = @id", ("id", me.Id)));
    }

    [Fact]
    public async Task ResettingAPasswordReplacesTheOldOneAndIsAudited()
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
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SignInAsync(target.Email));
        await client.SignInAsync(target.Email, password);
        Assert.Equal(1, await portal.AuditCountAsync("UserPasswordReset", target.Id.ToString()));
    }
}
