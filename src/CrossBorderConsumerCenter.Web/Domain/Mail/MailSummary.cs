namespace CrossBorderConsumerCenter.Web.Domain.Mail;

/// <summary>
/// What the rules need to know of a message read from the center's mailbox, taken from its headers and parts by the
/// reader (MIME stays outside the rules). Addresses are lower-case; Message-IDs are without angle brackets.
/// </summary>
/// <param name="Parsed">False when the message could not be read as MIME at all (its bytes are still kept).</param>
/// <param name="Truncated">The message was larger than the portal keeps: only its headers were stored.</param>
/// <param name="From">The sender's address.</param>
/// <param name="Recipients">Every address it was delivered to: To, Cc, Delivered-To, X-Original-To.</param>
/// <param name="Subject">The subject as decoded.</param>
/// <param name="InReplyTo">The Message-ID it answers.</param>
/// <param name="References">The Message-IDs of the thread it belongs to.</param>
/// <param name="Headers">The headers that tell an automatic message (names lower-case): auto-submitted, precedence,
/// x-autoreply, x-autorespond, x-auto-response-suppress, list-id, list-unsubscribe, return-path.</param>
/// <param name="IsDeliveryReport">A multipart/report of report-type delivery-status (RFC 3464), or a message from a mailer daemon.</param>
/// <param name="ReportedMessageIds">For a delivery report: the Message-IDs of the message(s) it reports on.</param>
/// <param name="ReportedFailure">For a delivery report: true when it reports a permanent failure ("failed"), false for delays and successes (a
/// mailer daemon's failure notice without a report counts as a failure).</param>
/// <param name="ReportedStatus">For a delivery report: its status and diagnostic (for staff), short.</param>
/// <param name="Text">The readable text of the body (the plain part, or the HTML part as text).</param>
public sealed record MailSummary(
    bool Parsed,
    bool Truncated,
    string? From,
    IReadOnlyList<string> Recipients,
    string? Subject,
    string? InReplyTo,
    IReadOnlyList<string> References,
    IReadOnlyDictionary<string, string> Headers,
    bool IsDeliveryReport,
    IReadOnlyList<string> ReportedMessageIds,
    bool ReportedFailure,
    string? ReportedStatus,
    string Text)
{
    /// <summary>A message that could not be read: nothing but what the store knew.</summary>
    public static MailSummary Unreadable(string? from, string? subject, bool truncated) =>
        new(false, truncated, from, [], subject, null, [], new Dictionary<string, string>(), false, [], false, null, "");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
