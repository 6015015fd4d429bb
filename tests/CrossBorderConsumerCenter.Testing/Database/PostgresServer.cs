using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Web.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrossBorderConsumerCenter.Testing.Database;

/// <summary>
/// The PostgreSQL server the tests use, started by scripts/test.sh. Its admin connection string comes
/// from CCC_TEST_POSTGRES or, for runs from an IDE, from .local/test-postgres.conn written by that script.
/// Holds the migrated template database that every test class clones.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "CCC_TEST_POSTGRES";

    // Held by whichever test process builds the template, so parallel test assemblies wait for it.
    private const long TemplateLockKey = 0x43434354_4D504C;

    private static readonly Lazy<string> LazyAdminConnectionString = new(FindAdminConnectionString);
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _templateName;

    public static string AdminConnectionString => LazyAdminConnectionString.Value;

    /// <summary>The template's name changes whenever a migration changes or is renumbered, so a stale template is never used.</summary>
    public static string TemplateName { get; } = "ccc_tmpl_" + Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", MigrationRunner.Embedded.Select(m => $"{m.Version}:{m.Checksum}")))))[..16];

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>Creates the migrated template database once per test run (idempotent across processes).</summary>
    public static async Task<string> EnsureTemplateAsync()
    {
        if (_templateName is not null)
        {
            return _templateName;
        }

        await TemplateGate.WaitAsync();
        try
        {
            if (_templateName is not null)
            {
                return _templateName;
            }

            await using var admin = await OpenAdminAsync();
            await ExecuteAsync(admin, $"SELECT pg_advisory_lock({TemplateLockKey})");
            try
            {
                var isTemplate = await ScalarAsync(admin, $"SELECT datistemplate FROM pg_database WHERE datname = '{TemplateName}'");
                if (isTemplate is not true)
                {
                    // Absent, or left half-built by a crashed run.
                    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
                    await ExecuteAsync(admin, $"CREATE DATABASE {TemplateName} ENCODING 'UTF8' TEMPLATE template0");
                    var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor(TemplateName)) { Pooling = false }.ConnectionString;
                    await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(connectionString);
                    await ExecuteAsync(admin, $"ALTER DATABASE {TemplateName} IS_TEMPLATE true");
                }
            }
            finally
            {
                await ExecuteAsync(admin, $"SELECT pg_advisory_unlock({TemplateLockKey})");
            }

            _templateName = TemplateName;
            return _templateName;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    public static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static string FindAdminConnectionString()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, ".local", "test-postgres.conn");
            if (File.Exists(file))
            {
                return File.ReadAllText(file).Trim();
            }
        }

        throw new InvalidOperationException(
            $"No test PostgreSQL server is configured. Run the tests with `bash scripts/test.sh` (it starts PostgreSQL), or set {EnvironmentVariable}.");
    }
}
