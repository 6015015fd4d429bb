using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

public static class RetentionRegistration
{
    /// <summary>Personal data over time: the retention job in every instance, and the anonymiser that requests share with it.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddSettings<RetentionOptions, RetentionOptions.Validator>(RetentionOptions.Section);
        return services
            .AddScoped<CaseAnonymiser>()
            .AddScoped<RetentionPlan>()
            .AddScoped<PlaceLegalHold.Handler>()
            .AddScoped<DeleteOnRequest.Handler>()
            .AddSingleton<RunRetention>()
            .AddHostedService<RetentionWorker>();
    }
}
