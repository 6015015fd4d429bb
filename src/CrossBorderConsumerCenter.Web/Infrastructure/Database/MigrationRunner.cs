using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Database;

/// <summary>
/// Applies the forward-only SQL migrations embedded from Data/Migrations (NNNN_name.sql), in order,
/// each in its own transaction, under a PostgreSQL advisory lock so that several instances starting
/// at once apply each script exactly once. Applied scripts are recorded with a checksum; editing an
/// applied script is refused. See docs/adr/0002-sql-migrations-and-drift-test.md.
/// </summary>
public sealed partial class MigrationRunner(ILogger<MigrationRunner> logger)
{
    public const string HistoryTable = "schema_migrations";

    // Any constant shared by every instance of the portal; "CCCMIGR" in ASCII.
    private const long AdvisoryLockKey = 0x43434D49_4752;

    private const string NoTransactionMarker = "-- migration: no-transaction";

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>Applies every pending migration; returns the versions it applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await ExecuteAsync(connection, $"""
                CREATE TABLE IF NOT EXISTS {HistoryTable} (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);

            var applied = await ReadAppliedAsync(connection, ct);
            var newlyApplied = new List<int>();
            foreach (var migration in Embedded)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.FileName} was changed after it was applied. Applied migrations are never edited: add a new migration instead.");
                    }

                    continue;
                }

                await ApplyAsync(connection, migration, ct);
                newlyApplied.Add(migration.Version);
                logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
            }

            var unknown = applied.Keys.Except(Embedded.Select(m => m.Version)).Order().ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database has migrations this build does not know ({string.Join(", ", unknown)}). It was migrated by a newer version of the portal.");
            }

            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        var record = $"INSERT INTO {HistoryTable} (version, name, checksum) VALUES ({migration.Version}, '{migration.Name}', '{migration.Checksum}')";
        if (migration.Sql.Contains(NoTransactionMarker, StringComparison.Ordinal))
        {
            // For statements PostgreSQL refuses inside a transaction, such as CREATE INDEX CONCURRENTLY.
            await ExecuteAsync(connection, migration.Sql, ct);
            await ExecuteAsync(connection, record, ct);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, migration.Sql, ct, transaction);
        await ExecuteAsync(connection, record, ct, transaction);
        await transaction.CommitAsync(ct);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand($"SELECT version, checksum FROM {HistoryTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)))
        {
            var fileName = resource["Migrations.".Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration file {fileName} must be named NNNN_snake_case_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, fileName, sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.FileName))}.");
        }

        return migrations;
    }

    [GeneratedRegex("^([0-9]{4})_([a-z0-9_]+)\\.sql$")]
    private static partial Regex FileNamePattern();

    public sealed record Migration(int Version, string Name, string FileName, string Sql, string Checksum);
}
