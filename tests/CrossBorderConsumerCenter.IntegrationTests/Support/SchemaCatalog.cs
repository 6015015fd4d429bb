using System.Text.RegularExpressions;
using Npgsql;

namespace CrossBorderConsumerCenter.IntegrationTests.Support;

/// <summary>
/// A database's schema as comparable lines: tables, columns (type, nullability, default, identity),
/// indexes, constraints (keys, foreign keys, checks) and extensions. Used by the schema-drift test.
/// </summary>
public static partial class SchemaCatalog
{
    private const string Excluded = "'schema_migrations'";

    public static async Task<SortedSet<string>> ReadAsync(string connectionString)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await AddAsync(connection, lines, $"""
            SELECT 'table ' || c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ({Excluded})
            """);
        await AddAsync(connection, lines, $"""
            SELECT format('column %s.%s %s%s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                   CASE WHEN a.attcollation <> t.typcollation THEN ' collate ' || quote_ident(co.collname) ELSE '' END,
                   CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END,
                   CASE WHEN d.adbin IS NOT NULL THEN ' default ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
                   CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END
                   || CASE WHEN a.attgenerated = 's' THEN ' generated' ELSE '' END)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
              AND c.relname NOT IN ({Excluded})
            """);
        await AddAsync(connection, lines, $"""
            SELECT 'index ' || pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname NOT IN ({Excluded})
            """);
        await AddAsync(connection, lines, $"""
            SELECT format('constraint %s %s %s', t.relname, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname NOT IN ({Excluded})
            """);
        await AddAsync(connection, lines, "SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'");

        // Sequence names behind identity columns are PostgreSQL's choice, not the schema's.
        return new SortedSet<string>(lines.Select(l => SequenceName().Replace(l, "nextval(<sequence>)")), StringComparer.Ordinal);
    }

    /// <summary>A readable difference: what only the migrations have, and what only the model has.</summary>
    public static string Diff(SortedSet<string> fromMigrations, SortedSet<string> fromModel)
    {
        var onlyMigrations = fromMigrations.Except(fromModel).ToList();
        var onlyModel = fromModel.Except(fromMigrations).ToList();
        if (onlyMigrations.Count == 0 && onlyModel.Count == 0)
        {
            return "";
        }

        return "The migrations and the model disagree. Add a migration in src/CrossBorderConsumerCenter.Web/Data/Migrations (docs/adr/0002).\n"
            + string.Concat(onlyModel.Select(l => $"  + only in the model (missing from migrations): {l}\n"))
            + string.Concat(onlyMigrations.Select(l => $"  - only in the migrations (not in the model):   {l}\n"));
    }

    private static async Task AddAsync(NpgsqlConnection connection, SortedSet<string> lines, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
    }

    [GeneratedRegex(@"nextval\('[^']+'::regclass\)")]
    private static partial Regex SequenceName();
}
