using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Clocks;

/// <summary>
/// Runs <see cref="RunCaseClocks"/> every Clocks:IntervalSeconds for as long as the app runs (when Clocks:Enabled).
/// A failure (the database is down, say) is logged and the next pass tries again; it never stops the app.
/// </summary>
public sealed class CaseClocksWorker(RunCaseClocks clocks, IOptions<ClocksOptions> options, TimeProvider clock, ILogger<CaseClocksWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("The case clocks are off in this process (Clocks:Enabled is false)");
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                var done = await clocks.RunAsync(stoppingToken);
                if (done.Total > 0)
                {
                    logger.LogInformation("Case clocks: {Overdue} marked overdue, {Reminded} reminders, {Closed} closed for no reply", done.MarkedOverdue, done.Reminded, done.Closed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The case clocks' pass failed; the next one tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
