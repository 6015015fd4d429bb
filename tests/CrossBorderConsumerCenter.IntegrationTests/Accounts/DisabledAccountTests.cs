using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

public class DisabledAccountTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task ADisabledAccountsSessionStopsWorkingWithinAMinuteAndItCannotSignInAgain()
    {
        var (staff, account) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (staff)
        using (admin)
        {
            await staff.GetOkAsync("/account");

            var page = await admin.GetOkAsync($"/admin/users/{account.Id}");
            using (var disabled = await admin.SubmitAsync(page, $"form[action$='{account.Id}/disable']"))
            {
                Assert.Contains("無効にしました", (await admin.FollowRedirectAsync(disabled)).Text, StringComparison.Ordinal);
            }

            portal.Clock.Advance(TimeSpan.FromSeconds(61));
            using var after = await staff.Http.GetAsync("/account");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            using var again = portal.Factory.CreateFormClient();
            await Assert.ThrowsAsync<InvalidOperationException>(() => again.SignInAsync(account.Email));
            Assert.Equal(1, await portal.AuditCountAsync("SignInRefusedDisabled", account.Id.ToString()));
            Assert.Equal(1, await portal.AuditCountAsync("UserDisabled", account.Id.ToString()));

            var reenable = await admin.GetOkAsync($"/admin/users/{account.Id}");
            using (await admin.SubmitAsync(reenable, $"form[action$='{account.Id}/enable']"))
            {
            }

            await again.SignInAsync(account.Email);
            Assert.Equal(1, await portal.AuditCountAsync("UserEnabled", account.Id.ToString()));
        }
    }
}
