namespace CrossBorderConsumerCenter.Web.Features.ConsultationMail;

public static class ConsultationMailRegistration
{
    /// <summary>The emails about a booked online consultation (<see cref="ConsultationEmails"/>).</summary>
    public static IServiceCollection AddConsultationMail(this IServiceCollection services)
    {
        services.AddScoped<ConsultationEmails>();
        return services;
    }
}
