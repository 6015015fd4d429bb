using System.Text;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using MimeKit;
using MimeKit.Text;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// An outbox row as the MIME message that goes out (MimeKit): From with its display name, To, Cc, Reply-To, our
/// Message-ID (fixed at enqueue, so a retry carries the same one), a UTF-8 subject, text and HTML in UTF-8 and base64
/// (compact for Japanese, short lines) as multipart/alternative, and the attachments with their (possibly Japanese)
/// file names.
/// </summary>
public static class EmailMessages
{
    /// <summary>Builds the message; throws <see cref="ParseException"/> for an address that cannot be written.</summary>
    public static MimeMessage Compose(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, SmtpOptions smtp, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = email.MessageId.Trim('<', '>'),
            Date = TimeZoneInfo.ConvertTime(now, LocalizationRegistration.JapanTime),
        };
        message.From.Add(new MailboxAddress(smtp.FromDisplayName, smtp.FromAddress));
        message.To.AddRange(email.ToAddresses.Select(MailboxAddress.Parse));
        message.Cc.AddRange(email.CcAddresses.Select(MailboxAddress.Parse));
        if (email.ReplyTo is { } replyTo)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        var body = new MultipartAlternative { Text(TextFormat.Plain, email.TextBody), Text(TextFormat.Html, email.HtmlBody) };
        if (attachments.Count == 0)
        {
            message.Body = body;
            return message;
        }

        var mixed = new Multipart("mixed") { body };
        foreach (var attachment in attachments)
        {
            mixed.Add(new MimePart(MediaTypeOrDefault(attachment.ContentType))
            {
                Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.FileName,
            });
        }

        message.Body = mixed;
        return message;
    }

    /// <summary>
    /// True when an address has letters beyond ASCII before its '@': only a server that offers SMTPUTF8 (RFC 6531) can
    /// take such a message. (A non-ASCII domain is written in its ASCII form and needs nothing.)
    /// </summary>
    public static bool NeedsSmtpUtf8(MimeMessage message) =>
        message.From.Mailboxes.Concat(message.To.Mailboxes).Concat(message.Cc.Mailboxes).Concat(message.ReplyTo.Mailboxes)
            .Any(mailbox => !Ascii.IsValid(mailbox.LocalPart));

    /// <summary>
    /// How the message is written: file names as RFC 2047 encoded words (what mail clients in Japan read best), and
    /// raw UTF-8 headers only for a message that goes out with SMTPUTF8.
    /// </summary>
    public static FormatOptions Format(bool international)
    {
        var format = FormatOptions.Default.Clone();
        format.ParameterEncodingMethod = ParameterEncodingMethod.Rfc2047;
        format.International = international;
        return format;
    }

    private static TextPart Text(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, content);
        return part;
    }

    // The type alone, whatever parameters an upload claimed; a calendar invitation keeps its iTIP method and charset,
    // which mail clients read to offer it as an invitation (text/calendar; method=REQUEST).
    private static ContentType MediaTypeOrDefault(string contentType)
    {
        if (!ContentType.TryParse(contentType, out var parsed))
        {
            return new ContentType("application", "octet-stream");
        }

        var type = new ContentType(parsed.MediaType, parsed.MediaSubtype);
        if (parsed.IsMimeType("text", "calendar"))
        {
            foreach (var name in new[] { "method", "charset" })
            {
                if (parsed.Parameters.TryGetValue(name, out string? value))
                {
                    type.Parameters.Add(name, value);
                }
            }
        }

        return type;
    }
}
