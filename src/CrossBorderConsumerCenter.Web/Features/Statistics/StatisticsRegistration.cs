using CrossBorderConsumerCenter.Web.Infrastructure.Database;

namespace CrossBorderConsumerCenter.Web.Features.Statistics;

public static class StatisticsRegistration
{
    /// <summary>The statistics: the back office's page and exports at /staff/statistics, the public figures at /statistics.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services) => services
        .AddScoped<ReadCaseFacts.Handler>()
        .AddScoped<StatisticsCountsStore>()
        .AddScoped<IAfterMigration, CountAfterMigration>()
        .AddScoped<ShowStatistics.Handler>()
        .AddScoped<ShowPublicStatistics.Handler>()
        .AddScoped<StatisticsTables>();
}

/// <summary>Cases written by a migration (all of them, the first time) are counted by `migrate` rather than by the first page view.</summary>
public sealed class CountAfterMigration(StatisticsCountsStore store) : IAfterMigration
{
    public async Task<string> RunAsync(CancellationToken ct) => $"Statistics: {await store.CountPendingAsync(ct)} cases counted";
}
