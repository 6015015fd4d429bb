namespace CrossBorderConsumerCenter.Web.Features.ConsultationSettings;

public static class ConsultationSettingsRegistration
{
    /// <summary>The admin's page of the online consultations' schedule and closed days.</summary>
    public static IServiceCollection AddConsultationSettings(this IServiceCollection services) => services
        .AddScoped<ShowConsultationSettings.Handler>()
        .AddScoped<SaveConsultationSchedule.Handler>()
        .AddScoped<ClosedDays.Handler>();
}
