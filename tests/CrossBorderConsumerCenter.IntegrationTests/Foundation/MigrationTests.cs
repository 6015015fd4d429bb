using CrossBorderConsumerCenter.Web.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

public class MigrationTests
{
    private static MigrationRunner Runner() => new(NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task AppliesEveryMigrationOnceAndThenNothing()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        var first = await Runner().MigrateAsync(database.ConnectionString);
        Assert.Equal(MigrationRunner.Embedded.Select(m => m.Version), first);

        var second = await Runner().MigrateAsync(database.ConnectionString);
        Assert.Empty(second);
        Assert.Equal(MigrationRunner.Embedded.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task InstancesStartingAtOnceApplyEachMigrationExactlyOnce()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Runner().MigrateAsync(database.ConnectionString))));

        Assert.Equal(MigrationRunner.Embedded.Count, results.Sum(r => r.Count));
        Assert.Equal(MigrationRunner.Embedded.Count, await database.ScalarAsync<long>("SELECT count(DISTINCT version) FROM schema_migrations"));
    }

    [Fact]
    public async Task RefusesADatabaseWhoseAppliedMigrationWasEdited()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var connection = await database.OpenAsync())
        {
            await using var edit = new Npgsql.NpgsqlCommand("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1", connection);
            await edit.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Runner().MigrateAsync(database.ConnectionString));
        Assert.Contains("was changed after it was applied", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesADatabaseMigratedByANewerVersion()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var connection = await database.OpenAsync())
        {
            await using var insert = new Npgsql.NpgsqlCommand("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')", connection);
            await insert.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Runner().MigrateAsync(database.ConnectionString));
        Assert.Contains("9999", ex.Message, StringComparison.Ordinal);
    }
}
