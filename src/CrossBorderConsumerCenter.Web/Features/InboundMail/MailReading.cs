using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using MimeKit;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>A file that came with a message: its name as the sender's client wrote it, and its bytes.</summary>
public sealed record MailAttachment(string FileName, byte[] Bytes);

/// <summary>A stored message as the rules read it, with its files; <see cref="Message"/> is null when MimeKit could not read it.</summary>
public sealed record ReadMail(MailSummary Summary, IReadOnlyList<MailAttachment> Attachments, MimeMessage? Message);

/// <summary>
/// Reads a stored message (MimeKit) into what the mail rules need: the addresses it was sent from and to, the thread
/// headers, the headers that tell automatic mail, a delivery report's particulars (RFC 3464: the reported message's
/// Message-ID, each recipient's action and status), the readable text (the plain part, or the HTML as text), and the
/// files (attachments, and images a phone's mail app puts inline with a file name).
/// </summary>
public static partial class MailReading
{
    private static readonly string[] AutomaticHeaders =
        ["auto-submitted", "precedence", "x-autoreply", "x-autorespond", "x-auto-response-suppress", "list-id", "list-unsubscribe", "return-path"];

    private static readonly string[] RecipientHeaders = ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To"];

    public static ReadMail Read(byte[] raw, bool truncated, string? storedFrom, string? storedSubject)
    {
        ArgumentNullException.ThrowIfNull(raw);
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return new ReadMail(MailSummary.Unreadable(storedFrom, storedSubject, truncated), [], null);
        }

        // A message without any header is not a message (MimeKit reads most bytes as something).
        if (message.Headers.Count == 0 || (message.From.Count == 0 && message.MessageId is null && message.Subject is null))
        {
            return new ReadMail(MailSummary.Unreadable(storedFrom, storedSubject, truncated), [], message);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in AutomaticHeaders)
        {
            if (message.Headers[name] is { } value)
            {
                headers[name] = value;
            }
        }

        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(RecipientHeaders.SelectMany(h => message.Headers.Where(x => x.Field.Equals(h, StringComparison.OrdinalIgnoreCase)).Select(x => x.Value)))
            .Select(a => a.Trim().Trim('<', '>').ToLowerInvariant())
            .Where(a => a.Length > 0)
            .Distinct()
            .ToList();

        var report = Report(message);
        var text = TextOf(message);
        var summary = new MailSummary(
            Parsed: true,
            Truncated: truncated,
            From: message.From.Mailboxes.FirstOrDefault()?.Address.ToLowerInvariant() ?? storedFrom,
            Recipients: recipients,
            Subject: message.Subject,
            InReplyTo: message.InReplyTo,
            References: [.. message.References],
            Headers: headers,
            IsDeliveryReport: report.IsReport,
            ReportedMessageIds: report.MessageIds,
            ReportedFailure: report.Failed,
            ReportedStatus: report.Status,
            Text: text);
        return new ReadMail(summary, truncated ? [] : Files(message), message);
    }

    private sealed record DeliveryReport(bool IsReport, IReadOnlyList<string> MessageIds, bool Failed, string? Status, string? Recipient);

    /// <summary>The address a delivery report says failed (its Final-Recipient), or null.</summary>
    public static string? FailedRecipient(MimeMessage? message) => message is null ? null : Report(message).Recipient;

    private static DeliveryReport Report(MimeMessage message)
    {
        var isReport = message.Body is MultipartReport { ReportType: { } type } && type.Equals("delivery-status", StringComparison.OrdinalIgnoreCase);
        var ids = new List<string>();
        var failed = false;
        string? status = null;
        string? recipient = null;
        foreach (var part in message.BodyParts)
        {
            switch (part)
            {
                case MessageDeliveryStatus delivery:
                    isReport = true;
                    foreach (var group in delivery.StatusGroups.Skip(1))
                    {
                        var action = group["Action"]?.Trim();
                        if (string.Equals(action, "failed", StringComparison.OrdinalIgnoreCase))
                        {
                            failed = true;
                            recipient ??= AddressOf(group["Final-Recipient"] ?? group["Original-Recipient"]);
                            status ??= string.Join(" ", new[] { group["Status"], group["Diagnostic-Code"] }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
                        }
                    }

                    break;
                case MessagePart { Message: { } original }:
                    AddId(ids, original.MessageId);
                    break;
                case TextPart text when text.ContentType.IsMimeType("text", "rfc822-headers"):
                    foreach (Match m in MessageIdHeader().Matches(text.Text ?? ""))
                    {
                        AddId(ids, m.Groups[1].Value);
                    }

                    break;
            }
        }

        if (!isReport)
        {
            // A failure notice without a report (qmail, some providers) quotes the original's headers in its text; it
            // is read as a bounce only when it comes from a mailer daemon (the classifier decides), and then it failed.
            foreach (Match m in MessageIdHeader().Matches(TextOf(message)))
            {
                AddId(ids, m.Groups[1].Value);
            }

            failed = true;
        }

        AddId(ids, message.InReplyTo);
        foreach (var reference in message.References)
        {
            AddId(ids, reference);
        }

        return new DeliveryReport(isReport, ids, failed, status is { Length: > 0 } ? status : null, recipient);
    }

    private static void AddId(List<string> ids, string? id)
    {
        var clean = id?.Trim().Trim('<', '>');
        if (!string.IsNullOrEmpty(clean) && !ids.Contains(clean))
        {
            ids.Add(clean);
        }
    }

    private static string? AddressOf(string? field)
    {
        // "rfc822; someone@example.jp"
        var value = field?.Split(';', 2) is [_, var address] ? address : field;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim().Trim('<', '>').ToLowerInvariant();
    }

    private static string TextOf(MimeMessage message)
    {
        if (message.TextBody is { } plain)
        {
            return plain.Trim();
        }

        if (message.HtmlBody is { } html)
        {
            return TextOfHtml(html);
        }

        return "";
    }

    private static List<MailAttachment> Files(MimeMessage message)
    {
        var files = new List<MailAttachment>();
        Collect(message.Body, insideRelated: false, files);
        return files;
    }

    /// <summary>
    /// The files of a message: parts marked as attachments, and parts with a file name that are not text (a phone's
    /// photo sent inline). An image an HTML body shows from inside multipart/related (a signature's logo) is not a file
    /// the sender attached.
    /// </summary>
    private static void Collect(MimeEntity? entity, bool insideRelated, List<MailAttachment> files)
    {
        switch (entity)
        {
            case Multipart multipart:
                var related = insideRelated || multipart.ContentType.IsMimeType("multipart", "related");
                foreach (var child in multipart)
                {
                    Collect(child, related, files);
                }

                break;
            case MimePart part when part.Content is not null:
                var isFile = part.IsAttachment || (part.FileName is not null && part is not TextPart && !(insideRelated && part.ContentId is not null));
                if (isFile)
                {
                    using var bytes = new MemoryStream();
                    part.Content.DecodeTo(bytes);
                    files.Add(new MailAttachment(part.FileName ?? "file", bytes.ToArray()));
                }

                break;
        }
    }

    /// <summary>An HTML body as plain text: line breaks where blocks end, no tags, entities decoded (the page shows it as text, never as HTML).</summary>
    private static string TextOfHtml(string html)
    {
        var withoutHidden = HiddenElements().Replace(html, "");
        var withBreaks = BlockEnds().Replace(withoutHidden, "\n");
        var text = System.Net.WebUtility.HtmlDecode(Tags().Replace(withBreaks, ""));
        return ManyBlankLines().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "\n\n").Trim();
    }

    [GeneratedRegex(@"<(head|style|script)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HiddenElements();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6]|blockquote)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*){2,}")]
    private static partial Regex ManyBlankLines();

    [GeneratedRegex(@"^Message-ID:\s*<([^>\s]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdHeader();
}
