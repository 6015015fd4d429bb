using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Database;

public static class DatabaseRegistration
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IHostEnvironment environment)
    {
        // Pooled contexts and prepared statements: measured in docs/performance.md. EF Core's check that a
        // context is never used by two threads at once stays on wherever the code is exercised (development, tests,
        // staging) and is off in production, where it only costs: an AsyncLocal write, hence an execution-context
        // copy, around every query (9 % of the filtered queue's allocations).
        var threadSafetyChecks = !environment.IsProduction();
        services.AddDbContextPool<AppDbContext>((sp, options) => options
            .UseNpgsql(WithPreparedStatements(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString))
            .EnableThreadSafetyChecks(threadSafetyChecks));
        services.AddSingleton<MigrationRunner>();

        // Plain Npgsql, outside EF, for what every request asks (the session check, the rate-limit counters): one short
        // statement each, kept out of the pages' own statements.
        services.AddSingleton(sp => NpgsqlDataSource.Create(WithPreparedStatements(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)));

        // Registered before every other hosted service so that they start on a migrated database.
        services.AddHostedService<MigrateOnStartup>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Npgsql prepares a statement on a connection once it has run twice there, and keeps the 100 most used:
    /// PostgreSQL then skips parsing and planning EF's (stable) SQL. An operator's own setting wins.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations while the host starts, when Portal:MigrateOnStartup is true.</summary>
    private sealed class MigrateOnStartup(MigrationRunner runner, IOptions<PortalOptions> portal, IOptions<DatabaseOptions> database) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (portal.Value.MigrateOnStartup)
            {
                await runner.MigrateAsync(database.Value.ConnectionString, cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
