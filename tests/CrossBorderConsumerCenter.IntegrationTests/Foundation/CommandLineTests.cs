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
}
