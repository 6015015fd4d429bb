using System.Net.Sockets;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Infrastructure;

/// <summary>Turns the failures an operator can fix (settings, database) into one readable message.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid =>
            "The portal cannot start because its configuration is invalid:\n" + string.Concat(invalid.Failures.Select(f => $"  - {f}\n")),
        InvalidOperationException conversion when conversion.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            $"The portal cannot start because its configuration is invalid:\n  - {conversion.Message}\n",
        NpgsqlException or SocketException =>
            $"The portal cannot reach PostgreSQL as configured in {DatabaseOptions.SettingName}: {exception.Message}\n",
        _ => null,
    };
}
