using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>Who receives a message. Addresses are checked here; the display of names is left to the mail client.</summary>
public sealed record EmailRecipients(IReadOnlyList<string> To, IReadOnlyList<string>? Cc = null, string? ReplyTo = null)
{
    /// <summary>
    /// Who the recipients are to the case, when they may answer it: a reply then goes to the address that names the
    /// case and them (<see cref="ReplyAddresses"/>). Null for staff, who answer on the case page.
    /// </summary>
    public ReplyParty? Answering { get; init; }

    public static EmailRecipients ForAddress(string address) => new([address]);
}

/// <summary>
/// The only way features send email: <see cref="Enqueue(IEmailTemplate, EmailRecipients, string, Guid?, IEnumerable{EmailAttachmentRef}?, IReadOnlyCollection{string}?)"/>
/// adds an <see cref="OutboundEmail"/> to the DbContext, and the caller's SaveChanges commits it together
/// with the change that caused it. Nothing is sent inside a request; the background sender delivers it.
/// </summary>
public sealed class EmailOutbox(AppDbContext db, EmailComposer composer, IOptions<SmtpOptions> smtp, ReplyAddresses replies, TimeProvider clock)
{
    /// <remarks>redactAfterSending: secrets in the message (a link's token) to remove from the stored copy once it is sent.</remarks>
    public OutboundEmail Enqueue(IEmailTemplate template, EmailRecipients recipients, string language, Guid? caseId = null, IEnumerable<EmailAttachmentRef>? attachments = null,
        IReadOnlyCollection<string>? redactAfterSending = null) =>
        Enqueue(composer.Compose(template, language), template.Name, recipients, language, caseId, attachments, redactAfterSending);

    /// <summary>Enqueues a message whose text a person wrote (see <see cref="EmailComposer.FromText(string, string, string)"/>).</summary>
    public OutboundEmail Enqueue(ComposedEmail email, string templateName, EmailRecipients recipients, string language, Guid? caseId = null, IEnumerable<EmailAttachmentRef>? attachments = null,
        IReadOnlyCollection<string>? redactAfterSending = null)
    {
        foreach (var address in recipients.To.Concat(recipients.Cc ?? []).Append(recipients.ReplyTo).OfType<string>())
        {
            if (!MailAddresses.IsValid(address))
            {
                // The address itself is personal data: the message does not repeat it.
                throw new ArgumentException("A recipient is not a valid email address.", nameof(recipients));
            }
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var message = new OutboundEmail(
            id,
            ReplyAddresses.MessageIdFor(id, caseId, ReplyAddresses.MessageIdDomain(smtp.Value)),
            recipients.To,
            recipients.Cc ?? [],
            ReplyToOf(recipients, caseId),
            Truncate(email.Subject, OutboundEmail.MaxSubjectLength),
            email.TextBody,
            email.HtmlBody,
            language,
            templateName,
            caseId,
            now,
            redactAfterSending);
        foreach (var attachment in attachments ?? [])
        {
            message.Attach(attachment.StoredFileId, attachment.FileName);
        }

        db.OutboundEmails.Add(message);
        return message;
    }

    /// <summary>
    /// A message about a case to someone who may answer it takes replies at the address that names the case and them,
    /// when the portal reads replies; that address is the one read, so it comes before Smtp:ReplyToAddress.
    /// </summary>
    private string? ReplyToOf(EmailRecipients recipients, Guid? caseId) =>
        recipients.ReplyTo
        ?? (recipients.Answering is { } party && caseId is { } id ? replies.For(id, party) : null)
        ?? NullIfEmpty(smtp.Value.ReplyToAddress);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Truncate(string value, int length) => TextInput.Clip(value, length);
}

/// <summary>An attachment by reference: a stored file and the name it carries in the message.</summary>
public sealed record EmailAttachmentRef(Guid StoredFileId, string FileName);
