using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationMail;

public static class ConsultationMailRegistration
{
    /// <summary>The emails about a booked online consultation (<see cref="ConsultationEmails"/>) and the worker that sends the reminders.</summary>
    public static IServiceCollection AddConsultationMail(this IServiceCollection services)
    {
        services.AddSettings<ConsultationRemindersOptions, ConsultationRemindersOptions.Validator>(ConsultationRemindersOptions.Section);
        return services
            .AddScoped<ConsultationEmails>()
            .AddSingleton<RunConsultationReminders>()
            .AddHostedService<ConsultationRemindersWorker>();
    }
}
