using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// Sends through System.Net.Mail.SmtpClient (MailKit does not restore here; ADR 0020), or writes .eml files
/// into Smtp:PickupDirectory when no Smtp:Host is set. Each send opens its own connection and is bounded by
/// Smtp:TimeoutSeconds through a cancellation token, because SendMailAsync ignores SmtpClient.Timeout.
/// </summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport
{
    public async Task<SendResult> SendAsync(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, CancellationToken ct)
    {
        var smtp = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        try
        {
            using var message = Compose(email, attachments, smtp);
            using var client = CreateClient(smtp);
            await client.SendMailAsync(message, timeout.Token);
            return SendResult.Delivered;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendResult.Temporary(null, $"No answer from the SMTP server within {smtp.TimeoutSeconds} seconds.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return SmtpFailures.Classify(ex, email.ToAddresses.Count + email.CcAddresses.Count);
        }
    }

    /// <summary>
    /// The MIME message: From with its display name, To, Cc, Reply-To, our Message-ID, a UTF-8 subject
    /// (RFC 2047 encoded words), multipart/alternative text and HTML in UTF-8, and the attachments with
    /// their (possibly Japanese) file names.
    /// </summary>
    private static MailMessage Compose(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, SmtpOptions smtp)
    {
        var message = new MailMessage
        {
            From = new MailAddress(smtp.FromAddress, smtp.FromDisplayName, Encoding.UTF8),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        try
        {
            email.ToAddresses.ForEach(message.To.Add);
            email.CcAddresses.ForEach(message.CC.Add);
            if (email.ReplyTo is { } replyTo)
            {
                message.ReplyToList.Add(replyTo);
            }

            // SmtpClient writes no Message-ID; ours was fixed at enqueue, so a retry carries the same one.
            message.Headers.Add("Message-ID", email.MessageId);
            message.AlternateViews.Add(Part(email.TextBody, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(Part(email.HtmlBody, MediaTypeNames.Text.Html));
            foreach (var attachment in attachments)
            {
                message.Attachments.Add(new Attachment(new MemoryStream(attachment.Content, writable: false), attachment.FileName, MediaTypeOrDefault(attachment.ContentType))
                {
                    NameEncoding = Encoding.UTF8,
                });
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static SmtpClient CreateClient(SmtpOptions smtp)
    {
        if (smtp.UsesPickupDirectory)
        {
            Directory.CreateDirectory(smtp.PickupDirectory!);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = smtp.PickupDirectory };
        }

        var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.UseStartTls };
        if (!string.IsNullOrWhiteSpace(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        return client;
    }

    private static AlternateView Part(string content, string mediaType)
    {
        // Base64 keeps Japanese text compact (quoted-printable would triple it) and lines short.
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }

    private static string MediaTypeOrDefault(string contentType)
    {
        try
        {
            return new ContentType(contentType).MediaType;
        }
        catch (FormatException)
        {
            return MediaTypeNames.Application.Octet;
        }
    }
}
