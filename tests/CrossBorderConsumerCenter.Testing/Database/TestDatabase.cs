using Npgsql;

namespace CrossBorderConsumerCenter.Testing.Database;

/// <summary>
/// A fresh database for one test class, cloned from the migrated template in milliseconds
/// (CREATE DATABASE ... TEMPLATE) and dropped afterwards. Test classes never share state.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = PostgresServer.ConnectionStringFor(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A migrated database (the usual case).</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await PostgresServer.EnsureTemplateAsync();
        return await CreateFromAsync(template);
    }

    /// <summary>An empty database with nothing in it, for tests of the migrations themselves.</summary>
    public static Task<TestDatabase> CreateEmptyAsync() => CreateFromAsync("template0");

    private static async Task<TestDatabase> CreateFromAsync(string template)
    {
        var database = new TestDatabase("ccc_t_" + Guid.NewGuid().ToString("N")[..20]);
        await using var admin = await PostgresServer.OpenAdminAsync();
        await PostgresServer.ExecuteAsync(admin, $"CREATE DATABASE {database.Name} ENCODING 'UTF8' TEMPLATE {template}");
        return database;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a query and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
        await using var admin = await PostgresServer.OpenAdminAsync();
        try
        {
            await PostgresServer.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.ObjectInUse or PostgresErrorCodes.InsufficientPrivilege)
        {
            // Someone else (another role, a psql on the shared machine) holds a session on it: leaving one
            // uniquely named test database behind is harmless, failing the test class is not.
        }
    }
}
