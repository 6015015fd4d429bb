using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// Runs <see cref="RunRetention"/> every Retention:IntervalMinutes for as long as the app runs (when Retention:Enabled).
/// A failure is logged and the next pass tries again; it never stops the app.
/// </summary>
public sealed class RetentionWorker(RunRetention retention, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("The retention job is off in this process (Retention:Enabled is false)");
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                var done = await retention.RunAsync(stoppingToken);
                if (done.Total > 0)
                {
                    logger.LogInformation(
                        "Retention: {Anonymised} cases anonymised, files deleted for {Files}, {Provisions} provision records past their three years, {Bodies} email bodies, {Tracking} tracking links, {Partner} partner links, {Audit} audit entries, {Bookings} consultation bookings without a case anonymised",
                        done.Anonymised, done.FilesDeletedFor, done.ProvisionRecords, done.EmailBodies, done.TrackingLinks, done.PartnerLinks, done.AuditEntries, done.Bookings);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The retention job's pass failed; the next one tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
