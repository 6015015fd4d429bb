using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Npgsql;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

public class AuditTrailTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task AdminsReadTheTrailNewestFirstFilteredAndPageByPage()
    {
        var target = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        for (var i = 0; i < 55; i++)
        {
            // Each from an address of its own: failures from one address are held back after a few.
            using var client = portal.Factory.CreateFormClient();
            client.Http.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, $"10.1.0.{i}");
            var page = await client.GetOkAsync("/account/sign-in");
            using var response = await client.SubmitAsync(page, "main form", [new("Email", target.Email), new("Password", "wrong " + i)]);
        }

        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var first = await admin.GetOkAsync($"/admin/audit?action=SignInFailed&subject={target.Id}");
            var rows = first.FindAll("tbody tr");
            Assert.Equal(50, rows.Count);
            Assert.All(rows, r => Assert.Contains("サインイン失敗", r.TextContent, StringComparison.Ordinal));
            var times = rows.Select(r => r.QuerySelector("td")!.TextContent).ToList();
            Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);

            var next = first.Find("a[href*='before=']")!.GetAttribute("href")!;
            Assert.Contains("action=SignInFailed", next, StringComparison.Ordinal);
            var second = await admin.GetOkAsync(next);
            Assert.Equal(5, second.FindAll("tbody tr").Count);
            Assert.Null(second.Find("a[href*='before=']"));

            Assert.Equal("SignInFailed", first.Find("#action option[selected]")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task AMalformedFilterShowsThePageInsteadOfAnError()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetAsync("/admin/audit?from=2026-13-40&action=Nonsense&before=abc");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET actor_name = 'someone else'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task TheDatabaseRefusesToChangeOrDeleteTheTrail(string sql)
    {
        await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        await using var connection = await portal.Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }
}
