using System.Data.Common;
using System.Net.Sockets;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

/// <summary>
/// Reads the center's mailbox for as long as the portal runs: over IMAP when Imap:Enabled (with a host), from
/// Imap:PickupDirectory otherwise when it is set, not at all when neither is. A failure (the server is down, the
/// password was changed, the database is unreachable) is logged as a warning naming its kind, never an address or a
/// secret, and the inbox is tried again after a pause that doubles from one second to five minutes and starts again
/// from one second once a read succeeds. Nothing is lost meanwhile: mail stays in the mailbox until it is stored.
/// The host never stops because of the mailbox.
/// </summary>
public sealed class InboundMailReader(
    IOptions<ImapOptions> options,
    ImapInbox imap,
    FolderInbox folder,
    InboundMailStatus status,
    TimeProvider clock,
    ILogger<InboundMailReader> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        var settings = options.Value;
        (InboundMailMode mode, IInbox? inbox) = settings.ReadsMailbox ? (InboundMailMode.Imap, imap)
            : settings.ReadsPickupDirectory ? (InboundMailMode.Folder, folder)
            : (InboundMailMode.Off, (IInbox?)null);
        status.Started(mode);
        if (inbox is null)
        {
            logger.LogInformation("Inbound mail is not read in this process (Imap:Enabled is false and Imap:PickupDirectory is not set)");
            return;
        }

        logger.LogInformation("Reading inbound mail from {InboundMode}", mode);
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var checksBefore = status.Current.Checks;
            try
            {
                await inbox.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (status.Current.Checks != checksBefore)
                {
                    delay = FirstRetryDelay; // it worked for a while: this is a new outage
                }

                var kind = Classify(ex);
                status.Failed(kind, clock.GetUtcNow());
                // The kind and the exception's type only: the exception's text can carry the server's reply, an address or a key.
                logger.LogWarning("Reading inbound mail failed ({InboundErrorKind}, {ExceptionType}{SocketError}); trying again in {RetryDelay}",
                    kind, ex.GetType().Name, ex is SocketException socket ? $" {socket.SocketErrorCode}" : "", delay);
            }

            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    /// <summary>What a failure was about, for the log and the status.</summary>
    public static InboundMailErrorKind Classify(Exception failure) => failure switch
    {
        AuthenticationException => InboundMailErrorKind.Authentication,
        SslHandshakeException or NotSupportedException => InboundMailErrorKind.Tls,
        FolderNotFoundException or FolderNotOpenException => InboundMailErrorKind.Folder,
        TimeoutException or OperationCanceledException => InboundMailErrorKind.Timeout,
        SocketException or ServiceNotConnectedException or ImapProtocolException { InnerException: IOException or SocketException } =>
            InboundMailErrorKind.Connection,
        ImapCommandException or ImapProtocolException => InboundMailErrorKind.Protocol,
        DbException => InboundMailErrorKind.Database,
        IOException { InnerException: SocketException } => InboundMailErrorKind.Connection,
        IOException or UnauthorizedAccessException => InboundMailErrorKind.File,
        _ when failure.InnerException is DbException => InboundMailErrorKind.Database,
        _ => InboundMailErrorKind.Unexpected,
    };
}
