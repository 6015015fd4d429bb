using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// Sends through MailKit's SmtpClient: STARTTLS, implicit TLS or none (Smtp:Security), one connection authenticated once
/// and reused for a run of messages, SMTPUTF8 when a message needs it and the server offers it. Without Smtp:Host, each
/// message is written by MimeKit as an .eml file into Smtp:PickupDirectory instead. Every send (with the connection it
/// may open) is bounded by Smtp:TimeoutSeconds; a connection left in doubt by a failure is closed and opened afresh.
/// </summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> options, TimeProvider clock) : IEmailTransport
{
    private readonly Lazy<X509Certificate2?> _trusted = new(() =>
        string.IsNullOrWhiteSpace(options.Value.TrustedCertificatePath) ? null : X509Certificate2.CreateFromPem(File.ReadAllText(options.Value.TrustedCertificatePath)));

    public IEmailConnection Open() =>
        options.Value.UsesPickupDirectory ? new PickupFolder(options.Value, clock) : new SmtpConnection(options.Value, _trusted.Value, clock);

    /// <summary>Development: every message as an .eml file, written whole under a temporary name and then renamed.</summary>
    private sealed class PickupFolder(SmtpOptions smtp, TimeProvider clock) : IEmailConnection
    {
        public async Task<SendResult> SendAsync(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, CancellationToken ct)
        {
            try
            {
                var message = EmailMessages.Compose(email, attachments, smtp, clock.GetUtcNow());
                Directory.CreateDirectory(smtp.PickupDirectory!);
                var path = Path.Combine(smtp.PickupDirectory!, $"{email.Id:N}.eml");
                await message.WriteToAsync(EmailMessages.Format(EmailMessages.NeedsSmtpUtf8(message)), path + ".tmp", ct);
                File.Move(path + ".tmp", path, overwrite: true);
                return SendResult.Delivered;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return SmtpFailures.Classify(ex);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SmtpConnection(SmtpOptions smtp, X509Certificate2? trusted, TimeProvider clock) : IEmailConnection
    {
        private RecordingSmtpClient? _client;

        public async Task<SendResult> SendAsync(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, CancellationToken ct)
        {
            MimeMessage message;
            try
            {
                message = EmailMessages.Compose(email, attachments, smtp, clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is ParseException or FormatException)
            {
                return SmtpFailures.Classify(ex);
            }

            var recipients = message.To.Mailboxes.Count() + message.Cc.Mailboxes.Count();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
            RecordingSmtpClient? client = null;
            try
            {
                try
                {
                    client = await ConnectedAsync(timeout.Token);
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or TimeoutException))
                {
                    await CloseAsync();
                    return SmtpFailures.ClassifyConnecting(ex, $"{smtp.Host}:{smtp.Port}");
                }

                var international = EmailMessages.NeedsSmtpUtf8(message);
                if (international && !client.Capabilities.HasFlag(SmtpCapabilities.UTF8))
                {
                    return SendResult.Permanent(null,
                        "An address has letters beyond ASCII before its '@', and the SMTP server does not offer SMTPUTF8 (RFC 6531), which sending to it needs.");
                }

                client.Refusals.Clear();
                await client.SendAsync(EmailMessages.Format(international), message, timeout.Token);
                return client.Refusals.Count == 0 ? SendResult.Delivered : SmtpFailures.ClassifyRecipients(client.Refusals, recipients);
            }
            catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                // Cut off mid-dialogue (by our bound, or MailKit's own per-operation one): the connection is in an unknown state.
                await CloseAsync();
                return NoAnswer();
            }
            catch (SmtpCommandException) when (client is not null && client.Refusals.Count > 0 && client.Refusals.Count == recipients)
            {
                // Every recipient refused: MailKit reset the transaction and keeps the connection.
                return SmtpFailures.ClassifyRecipients(client.Refusals, recipients);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A refused command leaves the connection usable (MailKit sends RSET); anything else may not have.
                if (ex is not SmtpCommandException || _client is { IsConnected: false })
                {
                    await CloseAsync();
                }

                return SmtpFailures.Classify(ex);
            }
        }

        public async ValueTask DisposeAsync() => await CloseAsync(quit: true);

        private SendResult NoAnswer() => SendResult.Temporary(null, $"No answer from the SMTP server within {smtp.TimeoutSeconds} seconds.");

        private async Task<RecordingSmtpClient> ConnectedAsync(CancellationToken ct)
        {
            if (_client is { IsConnected: true })
            {
                return _client;
            }

            await CloseAsync();
            // MailKit's own bound (per read or write) is a little longer than ours (the whole send), so ours speaks first.
            var client = new RecordingSmtpClient { Timeout = (smtp.TimeoutSeconds + 5) * 1000 };
            if (trusted is not null)
            {
                client.ServerCertificateValidationCallback = (_, certificate, _, errors) => TrustedCertificates.Accept(trusted, certificate, errors);
            }

            _client = client;

            // Our own socket, to turn Nagle's algorithm off: the end of each message is a short write, which would
            // otherwise wait for the server's delayed acknowledgement (about 40 ms) before it leaves.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(smtp.Host!, smtp.Port, ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await client.ConnectAsync(socket, smtp.Host!, smtp.Port, SocketOptions(smtp.Security), ct);
            if (!string.IsNullOrWhiteSpace(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            return client;
        }

        private async Task CloseAsync(bool quit = false)
        {
            if (_client is not { } client)
            {
                return;
            }

            _client = null;
            try
            {
                if (quit && client.IsConnected)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
                    await client.DisconnectAsync(quit: true, timeout.Token);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Saying goodbye to a server that is gone changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }

        private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
        {
            SmtpSecurity.Implicit => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
    }

    /// <summary>Records refused recipients instead of throwing at the first, so that a message reaches those the server accepts.</summary>
    private sealed class RecordingSmtpClient : SmtpClient
    {
        public List<RecipientRefusal> Refusals { get; } = [];

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
            Refusals.Add(new RecipientRefusal(mailbox.Address, (int)response.StatusCode, response.Response));
    }
}

/// <summary>The server's certificate is accepted when the system trusts it or it chains to Smtp:TrustedCertificatePath; its name must match either way.</summary>
public static class TrustedCertificates
{
    public static bool Accept(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
