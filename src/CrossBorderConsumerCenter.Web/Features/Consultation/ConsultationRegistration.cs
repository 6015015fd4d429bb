using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

public static class ConsultationRegistration
{
    /// <summary>
    /// Online consultations: the schedule, seats and links every part of booking uses; the public page, the applicant's
    /// link and the counselors' bookings; the rate limit of their posts.
    /// </summary>
    public static IServiceCollection AddConsultation(this IServiceCollection services)
    {
        services.AddScoped<ConsultationScheduleStore>();
        services.AddScoped<ConsultationSeats>();
        services.AddScoped<ConsultationLinks>();
        services.AddScoped<BookConsultation.Handler>();
        services.AddScoped<ApplicantBooking>();

        // The application and the link's changes, per client address: far above what a person sends (an application, a
        // few corrections, a move), low enough that a script cannot fill the slots with invented applicants.
        services.Configure<RateLimiterOptions>(limiter =>
            limiter.AddPolicy(ConsultationController.RateLimit, http => RateLimiting.PerClientAddress(http, PostsPerTenMinutes, TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>Posts a client address may make to the consultation forms in ten minutes.</summary>
    public const int PostsPerTenMinutes = 30;
}
