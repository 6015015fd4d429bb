using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>
/// The queue's generated columns: the migration computes them exactly as the model declares them (the schema-drift
/// test compares columns, not their expressions). The search columns, which a trigger fills (migration 0012): the
/// database computes exactly what the C# search and the data generator compute, whenever a searched field is written.
/// </summary>
public class QueueSearchColumnsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] ParameterNames = ["a", "b", "c", "d", "e", "f"];

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
        Assert.Equal(["deadline_order", "due_order", "priority_order", "status_order"], migrated.Keys);
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
    [InlineData("ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ゗ゝゞ")]
    [InlineData("ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヷヺーヽヾ")]
    public async Task TheDatabaseNormalizesTextAsTheSearchDoes(string text)
    {
        // The text in four of the six fields (one empty, one missing): each normalized alone, joined by the separator.
        string?[] fields = [text, null, text + "@Example.JP", text, "", "「" + text + "」です"];
        await using var connection = await portal.Database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT t, case_search_bigrams(t) FROM case_search_text(@a, @b, @c, @d, @e, @f) t", connection);
        foreach (var (name, value) in ParameterNames.Zip(fields))
        {
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var expected = CaseSearchText.StoredText(fields);
        Assert.Equal(expected, reader.GetString(0));
        Assert.Equal(CaseSearchText.StoredBigrams(expected), reader.GetFieldValue<string[]>(1));
        Assert.Contains(CaseSearchText.Normalize(text), expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTriggerFillsTheSearchColumnsOnInsertAndWhenASearchedFieldChangesAndOverwritesDirectWrites()
    {
        var @case = (await QueueCases.AddAsync(portal.Factory, new QueueCase { Business = "ｼﾞｮｲﾌﾙ Gadgets", WhatHappened = "へんきんされません" }))[0];
        await AssertStoredAsync(@case.Id, "ｼﾞｮｲﾌﾙ Gadgets", "へんきんされません");

        // A new merchant name is searchable at once (here with a status change in the same statement).
        await ExecuteAsync("UPDATE cases SET status = 'InProgress', business_name = 'Kōbō 商店' WHERE id = @id", @case.Id);
        await AssertStoredAsync(@case.Id, "Kōbō 商店", "へんきんされません");

        // Written directly, they are computed again from the fields: they can never say something the case does not.
        await ExecuteAsync("UPDATE cases SET search_text = 'forged', search_bigrams = '{fo}' WHERE id = @id", @case.Id);
        await AssertStoredAsync(@case.Id, "Kōbō 商店", "へんきんされません");
    }

    private async Task AssertStoredAsync(Guid id, string business, string whatHappened)
    {
        var text = CaseSearchText.StoredText("山田 太郎", "ヤマダ タロウ", "taro@example.jp", business, "https://gadgets.example.com/", whatHappened);
        await using var connection = await portal.Database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT search_text, search_bigrams FROM cases WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(text, reader.GetString(0));
        Assert.Equal(CaseSearchText.StoredBigrams(text), reader.GetFieldValue<string[]>(1));
    }

    private async Task ExecuteAsync(string sql, Guid id)
    {
        await using var connection = await portal.Database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
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
