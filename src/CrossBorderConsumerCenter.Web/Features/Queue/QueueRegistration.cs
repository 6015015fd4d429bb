namespace CrossBorderConsumerCenter.Web.Features.Queue;

public static class QueueRegistration
{
    /// <summary>The staff queue at /staff/cases, the back office's home: the list, bulk actions, saved views.</summary>
    public static IServiceCollection AddQueue(this IServiceCollection services) => services
        .AddSingleton<SearchBigramStatistics>()
        .AddScoped<ListCases.Handler>()
        .AddScoped<BulkCaseAction.Handler>()
        .AddScoped<SavedViews.Handler>()
        .AddScoped<SaveView.Handler>();
}
