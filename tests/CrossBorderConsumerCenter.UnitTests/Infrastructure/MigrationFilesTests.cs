using CrossBorderConsumerCenter.Web.Infrastructure.Database;

namespace CrossBorderConsumerCenter.UnitTests.Infrastructure;

public class MigrationFilesTests
{
    // Gaps are allowed: parallel branches reserve numbers and the runner applies what is embedded, in order.
    [Fact]
    public void MigrationsAreEmbeddedNumberedFromOneInAscendingOrderWithoutGaps()
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
