using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Web.Infrastructure.Database;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

public class CommandLineTests
{
    [Fact]
    public async Task TheMigrateCommandBuildsTheSchemaAndExits()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var env = new Dictionary<string, string> { ["ConnectionStrings__Default"] = database.ConnectionString };

        var first = await PortalProcess.RunAsync(env, TimeSpan.FromSeconds(60), "migrate");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Equal(MigrationRunner.Embedded.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));

        var second = await PortalProcess.RunAsync(env, TimeSpan.FromSeconds(60), "migrate");
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
    }

    [Fact]
    public async Task ThePortalRefusesToStartWithInvalidSettingsAndSaysWhich()
    {
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
            ["Portal__BaseUrl"] = "nonsense",
        };

        var result = await PortalProcess.RunAsync(env, TimeSpan.FromSeconds(60), "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Portal:BaseUrl must be an absolute http or https URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMigrateCommandAlsoChecksTheSettingsFirst()
    {
        var env = new Dictionary<string, string> { ["ConnectionStrings__Default"] = "" };
        var result = await PortalProcess.RunAsync(env, TimeSpan.FromSeconds(60), "migrate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ConnectionStrings:Default is not set", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdminMakesTheFirstAdminWithAPasswordPrintedOnceAndNeverADefault()
    {
        await using var database = await TestDatabase.CreateAsync();
        var env = new Dictionary<string, string> { ["ConnectionStrings__Default"] = database.ConnectionString };

        var created = await PortalProcess.RunAsync(env, TimeSpan.FromSeconds(60), "create-admin", "--email", "chief@ccj.test", "--name", "Chief");
        Assert.True(created.ExitCode == 0, created.Output + created.Error);
        var password = created.Output.Split('\n').Single(l => l.StartsWith("Password (shown only now): ", StringComparison.Ordinal))["Password (shown only now): ".Length..].Trim();
        Assert.True(password.Length >= 12);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.email = 'chief@ccj.test' AND r.name = 'Admin'"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'UserCreated'"));
        Assert.True(await database.ScalarAsync<bool>("SELECT must_change_password FROM users WHERE email = 'chief@ccj.test'")); // the printed password is temporary

        var again = await PortalProcess.RunAsync(env, TimeSpan.FromSeconds(60), "create-admin", "--email", "chief@ccj.test");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);

        var quiet = await PortalProcess.RunAsync(env, TimeSpan.FromSeconds(60), "create-admin", "--email", "chief@ccj.test", "--if-missing");
        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("Password", quiet.Output, StringComparison.Ordinal);

        var usage = await PortalProcess.RunAsync(env, TimeSpan.FromSeconds(60), "create-admin");
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM users"));
    }
}
