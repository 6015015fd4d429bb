using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Npgsql;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

/// <summary>The session check meets a database outage: the signed-in user gets the friendly error page, which needs no database.</summary>
public class SessionCheckOutageTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task ADatabaseOutageDuringTheSessionCheckShowsTheErrorPageNotABlank500()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (staff)
        {
            await staff.GetOkAsync("/account");
            await SetConnectionsAllowedAsync(false);
            try
            {
                var page = await staff.GetAsync("/account");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.Contains("利用できません", page.Find("h1")?.TextContent ?? "(no page)", StringComparison.Ordinal);
                Assert.NotNull(page.Find(".error-reference"));
            }
            finally
            {
                await SetConnectionsAllowedAsync(true);
            }
        }
    }

    private async Task SetConnectionsAllowedAsync(bool allowed)
    {
        await using var admin = await PostgresServer.OpenAdminAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{portal.Database.Name}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @d", admin);
            terminate.Parameters.AddWithValue("d", portal.Database.Name);
            await terminate.ExecuteScalarAsync();
        }
    }
}
