namespace CrossBorderConsumerCenter.Web.Domain.Mail;

/// <summary>What a message from the mailbox is, before it is matched to a case.</summary>
public enum MailKind
{
    /// <summary>A person wrote it: it may answer the center.</summary>
    Reply,

    /// <summary>Written by a machine (an out-of-office reply, an autoresponder, a mailing list): never an answer, never answered.</summary>
    AutoReply,

    /// <summary>A delivery-status notification: one of the center's messages did not arrive (or is delayed).</summary>
    Bounce,

    /// <summary>Not readable as a message: kept for staff.</summary>
    Malformed,

    /// <summary>Larger than the portal keeps: its headers are kept for staff, the message stays in the mailbox's processed folder.</summary>
    TooLarge,
}

/// <summary>
/// Tells automatic mail from mail a person wrote, by the headers that the standards and the common mail systems set
/// (RFC 3834 Auto-Submitted, RFC 3464 delivery reports, Precedence, Microsoft's X-Auto-Response-Suppress, mailing-list
/// headers), and by the subject lines of out-of-office replies where a system sets none of them. A message that is
/// automatic by any sign is never counted as an answer and never answered, so no mail loop can start.
/// </summary>
public static class MailClassifier
{
    private static readonly string[] AutomaticPrecedence = ["bulk", "junk", "list", "auto_reply", "auto-reply"];

    private static readonly string[] DaemonSenders = ["mailer-daemon@", "postmaster@", "mail-daemon@", "mailerdaemon@"];

    /// <summary>Subject lines of out-of-office and automatic replies (Outlook, Gmail, Japanese mail systems), compared at the start.</summary>
    private static readonly string[] AutomaticSubjects =
    [
        "out of office", "automatic reply", "auto reply", "autoreply", "auto-reply", "auto response", "away from", "vacation",
        "自動応答", "自動返信", "不在", "休暇", "外出中", "自動転送",
    ];

    private static readonly string[] DeliveryFailureSubjects =
    [
        "undeliverable", "undelivered mail", "delivery status notification", "returned mail", "mail delivery failed",
        "delivery failure", "failure notice", "mail system error",
    ];

    public static MailKind Classify(MailSummary mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.Truncated)
        {
            return MailKind.TooLarge;
        }

        if (!mail.Parsed)
        {
            return MailKind.Malformed;
        }

        if (IsDeliveryReport(mail))
        {
            return MailKind.Bounce;
        }

        return IsAutomatic(mail) ? MailKind.AutoReply : MailKind.Reply;
    }

    /// <summary>A delivery report by its type, or a message from a mailer daemon with a delivery-failure subject.</summary>
    public static bool IsDeliveryReport(MailSummary mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.IsDeliveryReport)
        {
            return true;
        }

        var from = mail.From ?? "";
        var subject = Normalized(mail.Subject);
        return DaemonSenders.Any(d => from.StartsWith(d, StringComparison.OrdinalIgnoreCase))
            && DeliveryFailureSubjects.Any(s => subject.Contains(s, StringComparison.Ordinal));
    }

    /// <summary>True for any sign of a machine: the headers first, the subject of an out-of-office reply last.</summary>
    public static bool IsAutomatic(MailSummary mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.Header("auto-submitted") is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (mail.Header("precedence") is { } precedence && AutomaticPrecedence.Contains(precedence.Trim().ToLowerInvariant()))
        {
            return true;
        }

        if (mail.Header("x-autoreply") is not null || mail.Header("x-autorespond") is not null)
        {
            return true;
        }

        // Outlook and Exchange mark their own automatic replies with it (set to "All" or "OOF").
        if (mail.Header("x-auto-response-suppress") is { } suppress && suppress.Split(',', StringSplitOptions.TrimEntries)
                .Any(v => v.Equals("All", StringComparison.OrdinalIgnoreCase) || v.Equals("OOF", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (mail.Header("list-id") is not null || mail.Header("list-unsubscribe") is not null)
        {
            return true;
        }

        // The null sender (RFC 5321 §4.5.5) is for messages that must never be answered.
        if (mail.Header("return-path") is { } returnPath && returnPath.Trim() is "<>" or "")
        {
            return true;
        }

        var subject = Normalized(mail.Subject);
        return AutomaticSubjects.Any(s => subject.StartsWith(s, StringComparison.Ordinal));
    }

    /// <summary>The subject in lower case without the reply prefixes and brackets mail clients put before it.</summary>
    private static string Normalized(string? subject)
    {
        var s = (subject ?? "").Trim().ToLowerInvariant();
        while (true)
        {
            var before = s;
            foreach (var prefix in new[] { "re:", "re：", "fw:", "fwd:", "aw:", "返信:", "転送:", "[", "【", "(" })
            {
                if (s.StartsWith(prefix, StringComparison.Ordinal))
                {
                    s = s[prefix.Length..].TrimStart();
                }
            }

            if (s == before)
            {
                return s;
            }
        }
    }
}
