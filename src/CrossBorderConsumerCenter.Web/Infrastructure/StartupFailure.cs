using System.Net.Sockets;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Infrastructure;

/// <summary>Turns the failures an operator can fix (settings, database) into one readable message.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception)
    {
        // Every section is validated at start; with more than one invalid, the host throws them together.
        var failures = exception is AggregateException many ? many.Flatten().InnerExceptions : [exception];
        if (failures.All(IsInvalidSetting))
        {
            return "The portal cannot start because its configuration is invalid:\n"
                + string.Concat(failures.SelectMany(SettingProblems).Distinct(StringComparer.Ordinal).Select(problem => $"  - {problem}\n"));
        }

        return exception is NpgsqlException or SocketException
            ? $"The portal cannot reach PostgreSQL as configured in {DatabaseOptions.SettingName}: {exception.Message}\n"
            : null;
    }

    private static bool IsInvalidSetting(Exception failure) => failure is OptionsValidationException || IsUnreadableValue(failure);

    private static bool IsUnreadableValue(Exception failure) =>
        failure is InvalidOperationException conversion && conversion.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);

    private static IEnumerable<string> SettingProblems(Exception failure) =>
        failure is OptionsValidationException invalid ? invalid.Failures : [failure.Message];
}
