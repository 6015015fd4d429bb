using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

public static class TrackingRegistration
{
    /// <summary>
    /// The consumer's tracking link and page (answers, withdrawal, a lost link, in the case's language) and the status
    /// emails to the consumer, written by an interceptor whenever a case moves in a way that matters to them.
    /// </summary>
    public static IServiceCollection AddTracking(this IServiceCollection services)
    {
        services
            .AddScoped<TrackingLinks>()
            .AddSingleton<ReceiptLinks>()
            .AddScoped<ShowTracking.Handler>()
            .AddScoped<AnswerRequest.Handler>()
            .AddScoped<WithdrawCase.Handler>()
            .AddScoped<RequestDeletion.Handler>()
            .AddScoped<ResendTrackingLink.Handler>()
            .AddSingleton<ConsumerStatusEmails>()
            .ConfigureDbContext<AppDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<ConsumerStatusEmails>()), ServiceLifetime.Singleton);
        services.Configure<RequestLocalizationOptions>(options => options.RequestCultureProviders.Insert(2, new TrackingCulture()));
        services.Configure<RateLimiterOptions>(limiter =>
            limiter.AddPolicy(TrackingController.LostLinkRateLimit, http => RateLimiting.PerClientAddress(http, 5, TimeSpan.FromMinutes(15))));
        return services;
    }
}
