using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Database;

public static class DatabaseRegistration
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddDbContext<AppDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddSingleton<MigrationRunner>();

        // Registered before every other hosted service so that they start on a migrated database.
        services.AddHostedService<MigrateOnStartup>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
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
