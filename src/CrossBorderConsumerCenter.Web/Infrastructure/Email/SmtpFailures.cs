using System.Globalization;
using System.Net.Mail;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// What an exception from System.Net.Mail means for the message: delivered after all (some recipients
/// accepted it), worth retrying (no connection, a 4xx reply, our own settings refused), or hopeless (5xx).
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

    /// <param name="failure">What SmtpClient threw.</param>
    /// <param name="recipientCount">To and Cc together: a refusal for fewer than all of them means the others got it.</param>
    public static SendResult Classify(Exception failure, int recipientCount)
    {
        switch (failure)
        {
            case SmtpFailedRecipientsException many:
                return ClassifyRecipients(many.InnerExceptions, recipientCount);
            case SmtpFailedRecipientException one:
                return ClassifyRecipients([one], recipientCount);
            case SmtpException smtp:
                return FromStatus((int)smtp.StatusCode, Describe(smtp));
            case FormatException:
                // System.Net.Mail refuses an address or header in the stored message: it will refuse it every time.
                return SendResult.Permanent(null, Describe(failure));
            default:
                // Reading the attachments failed, or something unforeseen: retry, and dead-letter when the period ends.
                return SendResult.Temporary(null, Describe(failure));
        }
    }

    /// <summary>4xx and the settings problems are temporary, other 5xx permanent; no reply at all (-1) is temporary.</summary>
    public static bool IsPermanent(int status) => status is >= 500 and < 600 && !SettingsProblems.Contains(status);

    private static SendResult ClassifyRecipients(SmtpFailedRecipientException[] refusals, int recipientCount)
    {
        var replies = string.Join(" | ", refusals.Select(Describe));
        if (refusals.Length < recipientCount)
        {
            // SmtpClient sent the message to the recipients the server accepted, then threw: never send it again.
            return new SendResult(SendOutcome.Delivered, (int)refusals[0].StatusCode,
                string.Create(CultureInfo.InvariantCulture, $"Delivered, but refused for {refusals.Length} of {recipientCount} recipients: {replies}"));
        }

        // Nobody got it. If any refusal is temporary, a retry may still reach that recipient.
        var temporary = refusals.FirstOrDefault(r => !IsPermanent((int)r.StatusCode));
        return temporary is not null
            ? SendResult.Temporary((int)temporary.StatusCode, replies)
            : SendResult.Permanent((int)refusals[0].StatusCode, replies);
    }

    private static SendResult FromStatus(int status, string detail) =>
        IsPermanent(status) ? SendResult.Permanent(status, detail) : SendResult.Temporary(status < 0 ? null : status, detail);

    private static string Describe(Exception failure)
    {
        var status = failure is SmtpException { StatusCode: var code } && (int)code > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)code} ")
            : "";
        var message = failure is SmtpException or FormatException ? failure.Message : $"{failure.GetType().Name}: {failure.Message}";
        return failure.InnerException is { } inner ? $"{status}{message} ({inner.Message})" : status + message;
    }
}
