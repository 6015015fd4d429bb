using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>
/// The hand-written SQL migrations must build exactly the schema the EF model describes.
/// One database is built from the migrations, one from the model (EnsureCreated); their catalogs
/// must match line for line. A model change without a migration fails here with a readable diff.
/// </summary>
public class SchemaDriftTests
{
    [Fact]
    public async Task TheMigrationsBuildExactlyTheSchemaOfTheModel()
    {
        await using var fromMigrations = await TestDatabase.CreateAsync();
        await using var fromModel = await TestDatabase.CreateEmptyAsync();
        await using (var context = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(fromModel.ConnectionString).Options))
        {
            await context.Database.EnsureCreatedAsync();
        }

        var migrated = await SchemaCatalog.ReadAsync(fromMigrations.ConnectionString);
        var modelled = await SchemaCatalog.ReadAsync(fromModel.ConnectionString);

        Assert.Contains("table data_protection_keys", migrated);
        var diff = SchemaCatalog.Diff(migrated, modelled);
        Assert.True(diff.Length == 0, diff);
    }

    [Fact]
    public void TheDiffNamesWhatIsMissingOnEachSide()
    {
        var diff = SchemaCatalog.Diff(["table a", "column a.x integer not null"], ["table a", "column a.y text null"]);
        Assert.Contains("+ only in the model (missing from migrations): column a.y text null", diff, StringComparison.Ordinal);
        Assert.Contains("- only in the migrations (not in the model):   column a.x integer not null", diff, StringComparison.Ordinal);
    }
}
