using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>
/// Runs <see cref="ProcessInboundMail"/> for as long as the app runs (when Email:Inbound:Enabled): message after
/// message while any is due, then waits until the mailbox reader stores a new one or Email:Inbound:PollIntervalSeconds
/// pass (retries are found then). A failure is logged and tried again; it never stops the app.
/// </summary>
public sealed class InboundMailProcessorService(IServiceScopeFactory scopes, InboundMailSignal signal, IOptions<InboundProcessingOptions> options, ILogger<InboundMailProcessorService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("The inbound mail processor is off in this process (Email:Inbound:Enabled is false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                ProcessInboundMail.Result result;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    result = await scope.ServiceProvider.GetRequiredService<ProcessInboundMail>().ProcessNextAsync(stoppingToken);
                }
                while (result == ProcessInboundMail.Result.Processed);

                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The inbound mail processor failed; it tries again in {PollInterval}", settings.PollInterval);
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
