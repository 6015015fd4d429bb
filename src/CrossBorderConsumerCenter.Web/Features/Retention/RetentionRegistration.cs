using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

public static class RetentionRegistration
{
    /// <summary>
    /// Personal data over time: the retention job in every instance, the anonymiser that requests share with it, and the
    /// requests about personal data (disclosure, correction, deletion).
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddSettings<RetentionOptions, RetentionOptions.Validator>(RetentionOptions.Section);
        return services
            .AddScoped<CaseAnonymiser>()
            .AddScoped<BookingAnonymiser>()
            .AddScoped<RetentionPlan>()
            .AddScoped<PlaceLegalHold.Handler>()
            .AddScoped<DeleteOnRequest.Handler>()
            .AddScoped<DisclosePersonalData.Handler>()
            .AddScoped<DisclosurePackage>()
            .AddScoped<RefuseCorrection.Handler>()
            .AddScoped<PrivacyRequestList>()
            .AddSingleton<RunRetention>()
            .AddHostedService<RetentionWorker>();
    }
}
