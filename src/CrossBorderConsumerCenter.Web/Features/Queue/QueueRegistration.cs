namespace CrossBorderConsumerCenter.Web.Features.Queue;

public static class QueueRegistration
{
    /// <summary>The staff queue at /staff/cases, the back office's home.</summary>
    public static IServiceCollection AddQueue(this IServiceCollection services) => services
        .AddSingleton<SearchBigramStatistics>()
        .AddScoped<ListCases.Handler>();
}
