using CrossBorderConsumerCenter.Web.Infrastructure.Database;

namespace CrossBorderConsumerCenter.UnitTests.Infrastructure;

public class MigrationFilesTests
{
    [Fact]
    public void MigrationsAreEmbeddedNumberedFromOneWithoutGaps()
    {
        var versions = MigrationRunner.Embedded.Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    [Fact]
    public void EveryMigrationHasAChecksumOverItsText()
    {
        Assert.All(MigrationRunner.Embedded, m =>
        {
            Assert.Matches("^[0-9a-f]{64}$", m.Checksum);
            Assert.False(string.IsNullOrWhiteSpace(m.Sql));
        });
    }
}
