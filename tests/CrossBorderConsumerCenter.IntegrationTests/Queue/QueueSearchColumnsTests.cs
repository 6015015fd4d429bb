using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>
/// The queue's generated columns: the migration computes them exactly as the model declares them (the schema-drift
/// test compares columns, not their expressions), and the database normalizes text exactly as the C# search does.
/// </summary>
public class QueueSearchColumnsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string GeneratedColumns = """
        SELECT a.attname, pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = 'cases'::regclass AND a.attgenerated = 's'
        ORDER BY a.attname
        """;

    [Fact]
    public async Task TheMigrationGeneratesEachColumnWithTheModelsExpression()
    {
        await using var fromMigrations = await TestDatabase.CreateAsync();
        await using var fromModel = await TestDatabase.CreateEmptyAsync();
        await using (var context = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(fromModel.ConnectionString).Options))
        {
            await context.Database.EnsureCreatedAsync();
        }

        var migrated = await ReadAsync(fromMigrations);
        Assert.Equal(["due_order", "priority_order", "search_bigrams", "search_text", "status_order"], migrated.Keys);
        Assert.Equal(migrated, await ReadAsync(fromModel));
    }

    [Theory]
    [InlineData("山田 太郎")]
    [InlineData("ＹＡＭＡＤＡ\u3000Ｔａｒｏ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ やまだ たろう ゔぁ")]
    [InlineData("Café ÉCLAIR\tnaïve\r\nStraße")]
    [InlineData("深圳市某某科技有限公司 ㈱テスト ①②")]
    [InlineData("Example Gadgets Inc. https://GADGETS.example.com/Path?Q=1")]
    [InlineData("絵文字😀と記号★〜～ｰ")]
    [InlineData("")]
    public async Task TheDatabaseNormalizesTextAsTheSearchDoes(string text)
    {
        await using var connection = await portal.Database.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {CaseQueueColumns.NormalizedSql("@text::text")}", connection);
        command.Parameters.AddWithValue("text", text);

        Assert.Equal(CaseSearchText.Normalize(text), (string)(await command.ExecuteScalarAsync())!);
    }

    private static async Task<SortedDictionary<string, string>> ReadAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(GeneratedColumns, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            columns[reader.GetString(0)] = reader.GetString(1);
        }

        return columns;
    }
}
