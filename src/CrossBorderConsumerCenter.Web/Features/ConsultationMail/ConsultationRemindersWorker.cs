using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationMail;

/// <summary>
/// Runs <see cref="RunConsultationReminders"/> every ConsultationReminders:IntervalSeconds for as long as the app runs
/// (when ConsultationReminders:Enabled). A failure is logged and the next pass tries again; it never stops the app.
/// </summary>
public sealed class ConsultationRemindersWorker(RunConsultationReminders reminders, IOptions<ConsultationRemindersOptions> options, TimeProvider clock,
    ILogger<ConsultationRemindersWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("The consultation reminders are off in this process (ConsultationReminders:Enabled is false)");
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                var reminded = await reminders.RunAsync(stoppingToken);
                if (reminded > 0)
                {
                    logger.LogInformation("Consultation reminders: {Reminded} sent", reminded);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The consultation reminders' pass failed; the next one tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
