namespace CrossBorderConsumerCenter.Web.Features.Statistics;

public static class StatisticsRegistration
{
    /// <summary>The statistics: the back office's page and exports at /staff/statistics, the public figures at /statistics.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services) => services
        .AddScoped<ReadCaseFacts.Handler>()
        .AddScoped<StatisticsCountsStore>()
        .AddScoped<ShowStatistics.Handler>()
        .AddScoped<ShowPublicStatistics.Handler>()
        .AddScoped<StatisticsTables>();
}
