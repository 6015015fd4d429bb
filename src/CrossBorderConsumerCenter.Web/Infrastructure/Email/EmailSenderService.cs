using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// Runs <see cref="EmailSender"/> for as long as the app runs (when Email:Outbox:Enabled): batch after batch
/// while messages are due, then a pause of Email:Outbox:PollIntervalSeconds. A failure (the database is
/// down, say) is logged and tried again after the pause; it never stops the app.
/// </summary>
public sealed class EmailSenderService(EmailSender sender, IOptions<EmailOutboxOptions> options, TimeProvider clock, ILogger<EmailSenderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("The email sender is off in this process (Email:Outbox:Enabled is false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch suggests more are due: go again at once.
                if (await sender.SendDueAsync(stoppingToken) == settings.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The email sender failed; it tries again in {PollInterval}", settings.PollInterval);
            }

            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
