using Npgsql;

namespace CrossBorderConsumerCenter.Baseline;

/// <summary>Commands on a pooled connection, prepared (Npgsql keeps a prepared statement per physical connection, so preparing again is free).</summary>
internal static class Sql
{
    /// <summary>A prepared command; a value that is an <see cref="NpgsqlParameter"/> is added as it is (for an explicit type).</summary>
    public static async Task<NpgsqlCommand> PreparedAsync(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.PrepareAsync();
        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        await using var command = await PreparedAsync(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }
}
