namespace CrossBorderConsumerCenter.Web.Features.Consultation;

public static class ConsultationRegistration
{
    /// <summary>Online consultations: the schedule, seats and links every part of booking uses.</summary>
    public static IServiceCollection AddConsultation(this IServiceCollection services)
    {
        services.AddScoped<ConsultationScheduleStore>();
        services.AddScoped<ConsultationSeats>();
        services.AddScoped<ConsultationLinks>();
        return services;
    }
}
