using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// What a failure to send means for the message: delivered after all (some recipients accepted it), worth retrying
/// (no connection, a 4xx reply, our own settings refused), or hopeless (5xx, an address that cannot be written).
/// The detail keeps the server's reply for staff; it can name a recipient, so it is never logged.
/// </summary>
public static class SmtpFailures
{
    /// <summary>
    /// Replies in which the server refuses us rather than the message: authentication required or failed,
    /// TLS required. Every message would fail the same way until the operator fixes the Smtp settings, so
    /// they wait (retry) instead of being dead-lettered one by one.
    /// </summary>
    public static readonly IReadOnlySet<int> SettingsProblems = new HashSet<int> { 530, 534, 535, 538 };

    /// <summary>Classifies what the mail library (or reading the attachments) threw.</summary>
    public static SendResult Classify(Exception failure) => failure switch
    {
        SmtpCommandException command => FromStatus((int)command.StatusCode, Describe(command)),
        AuthenticationException refused =>
            SendResult.Temporary(535, $"The SMTP server refused Smtp:UserName and Smtp:Password: {refused.Message}"),
        SslHandshakeException tls =>
            SendResult.Temporary(null, $"No TLS connection with the SMTP server (check Smtp:Security and Smtp:TrustedCertificatePath): {Inner(tls)}"),
        NotSupportedException unsupported =>
            SendResult.Temporary(null, $"The SMTP server lacks what Smtp:Security asks for: {unsupported.Message}"),
        ParseException or FormatException => SendResult.Permanent(null, Describe(failure)),
        _ => SendResult.Temporary(null, Describe(failure)),
    };

    /// <summary>What went wrong while connecting to <paramref name="server"/> (host:port), greeting it or logging in.</summary>
    public static SendResult ClassifyConnecting(Exception failure, string server) => failure switch
    {
        SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException =>
            SendResult.Temporary(null, $"No connection to the SMTP server ({server}): {Inner(failure)}"),
        _ => Classify(failure),
    };

    /// <summary>
    /// The server refused some recipients (RCPT TO). Fewer than all: the others got it, so it counts as delivered and is
    /// never sent again. All of them: retried if any refusal is temporary, otherwise permanent.
    /// </summary>
    /// <param name="refusals">The refusals, in the order of the recipients.</param>
    /// <param name="recipientCount">To and Cc together.</param>
    public static SendResult ClassifyRecipients(IReadOnlyList<RecipientRefusal> refusals, int recipientCount)
    {
        ArgumentOutOfRangeException.ThrowIfZero(refusals.Count);
        var replies = string.Join(" | ", refusals.Select(r => $"{r.Status.ToString(CultureInfo.InvariantCulture)} {r.Reply}"));
        if (refusals.Count < recipientCount)
        {
            return new SendResult(SendOutcome.Delivered, refusals[0].Status,
                string.Create(CultureInfo.InvariantCulture, $"Delivered, but refused for {refusals.Count} of {recipientCount} recipients: {replies}"));
        }

        // Nobody got it. If any refusal is temporary, a retry may still reach that recipient.
        var temporary = refusals.FirstOrDefault(r => !IsPermanent(r.Status));
        return temporary is not null ? SendResult.Temporary(temporary.Status, replies) : SendResult.Permanent(refusals[0].Status, replies);
    }

    /// <summary>4xx and the settings problems are temporary, other 5xx permanent; anything else (no reply) is temporary.</summary>
    public static bool IsPermanent(int status) => status is >= 500 and < 600 && !SettingsProblems.Contains(status);

    private static SendResult FromStatus(int status, string detail) =>
        IsPermanent(status) ? SendResult.Permanent(status, detail) : SendResult.Temporary(status is >= 400 and < 600 ? status : null, detail);

    private static string Describe(Exception failure)
    {
        if (failure is SmtpCommandException command)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)command.StatusCode} {command.Message}");
        }

        var message = failure is ParseException or FormatException ? failure.Message : $"{failure.GetType().Name}: {failure.Message}";
        return failure.InnerException is { } inner ? $"{message} ({inner.Message})" : message;
    }

    private static string Inner(Exception failure) => failure.InnerException is { } inner ? $"{failure.Message} ({inner.Message})" : failure.Message;
}
