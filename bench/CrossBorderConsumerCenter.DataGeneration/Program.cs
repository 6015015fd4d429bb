using System.Net.Sockets;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CrossBorderConsumerCenter.DataGeneration;

/// <summary>
/// The data generator as a console tool: `dotnet CrossBorderConsumerCenter.DataGeneration.dll --cases N ...` (see
/// <see cref="GenerateDataCommand"/>). It reads the database the way the portal does, from ConnectionStrings:Default
/// (the environment variable ConnectionStrings__Default), unless --connection names one.
/// Exit codes: 0 done, 1 refused or failed, 2 usage.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        try
        {
            return await GenerateDataCommand.RunAsync(args, configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));
        }
        catch (Exception e) when (e is NpgsqlException or SocketException)
        {
            // PostgreSQL refused a statement or cannot be reached: its message is the whole story.
            await Console.Error.WriteLineAsync($"Data generation failed: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"Data generation failed: {e}");
            return 1;
        }
    }
}
