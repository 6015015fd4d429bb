using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Data.Email;

public enum OutboundEmailState
{
    /// <summary>Waiting to be sent (first attempt, or a retry after a temporary failure).</summary>
    Pending,

    /// <summary>Claimed by a sender; <see cref="OutboundEmail.LockedUntil"/> bounds the claim.</summary>
    Sending,

    /// <summary>Accepted by the SMTP server (or written to the pickup folder).</summary>
    Sent,

    /// <summary>Failed permanently, or kept failing for longer than the retry period.</summary>
    DeadLettered,
}

/// <summary>
/// One email to send, written in the same transaction as the change that caused it (the outbox).
/// Subject and bodies are rendered when it is enqueued, so the row is exactly what will be sent.
/// </summary>
public sealed class OutboundEmail
{
    public const int MaxAddressLength = 320;
    public const int MaxSubjectLength = 500;
    public const int MaxTextLength = 200_000;
    public const int MaxHtmlLength = 400_000;
    public const int MaxErrorLength = 2000;

    private readonly List<OutboundEmailAttachment> _attachments = [];

    private OutboundEmail()
    {
    }

    internal OutboundEmail(Guid id, string messageId, IReadOnlyList<string> to, IReadOnlyList<string> cc, string? replyTo,
        string subject, string textBody, string htmlBody, string language, string template, Guid? caseId, DateTimeOffset now,
        IReadOnlyCollection<string>? redactAfterSending = null)
    {
        if (to.Count == 0)
        {
            throw new ArgumentException("An email needs at least one recipient.", nameof(to));
        }

        Id = id;
        MessageId = messageId;
        ToAddresses = [.. to];
        CcAddresses = [.. cc];
        ReplyTo = replyTo;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        Language = language;
        Template = template;
        CaseId = caseId;
        RedactAfterSending = [.. (redactAfterSending ?? []).Where(secret => secret.Length > 0)];
        State = OutboundEmailState.Pending;
        CreatedAt = now;
        NextAttemptAt = now;
        RetryingSince = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The Message-ID header, angle brackets included, fixed at enqueue time.</summary>
    public string MessageId { get; private set; } = "";
    public List<string> ToAddresses { get; private set; } = [];
    public List<string> CcAddresses { get; private set; } = [];
    public string? ReplyTo { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";

    /// <summary>"ja" or "en": the language the message was written in.</summary>
    public string Language { get; private set; } = "";

    /// <summary>Which template produced it (e.g. "ComplaintAcknowledgement"), for timelines and the admin page.</summary>
    public string Template { get; private set; } = "";

    /// <summary>The case it belongs to, if any.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>
    /// Secrets the message carries (a tracking or answer link's token) that the database keeps only as a hash: the
    /// sender removes them from the stored bodies once the message is sent (<see cref="Redacted"/>).
    /// </summary>
    public List<string> RedactAfterSending { get; private set; } = [];

    /// <summary>What replaces a secret in the stored copy of a sent message.</summary>
    public const string RedactedMark = "[removed-after-sending]";

    /// <summary>A body with every secret replaced by <see cref="RedactedMark"/>.</summary>
    public static string Redacted(string body, IEnumerable<string> secrets) =>
        secrets.Where(secret => secret.Length > 0).Aggregate(body, (text, secret) => text.Replace(secret, RedactedMark, StringComparison.Ordinal));

    public OutboundEmailState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The claim (one sender's batch) that holds the message while it is Sending; outcomes are recorded only under it.</summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>When the retry period started: at enqueue, and again when staff send the message again.</summary>
    public DateTimeOffset RetryingSince { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When a delivery report came back saying the message did not arrive (after the SMTP server had accepted it).</summary>
    public DateTimeOffset? BouncedAt { get; private set; }

    /// <summary>The report's status and diagnostic for the failed address, as the receiving system put it.</summary>
    public string? BounceStatus { get; private set; }

    public const int MaxBounceStatusLength = 300;

    /// <summary>Records that the message did not arrive; the first report is kept (a second one for the same message changes nothing).</summary>
    public bool MarkBounced(string? status, DateTimeOffset now)
    {
        if (BouncedAt is not null)
        {
            return false;
        }

        BouncedAt = now;
        BounceStatus = TextInput.ClipOrNull(status, MaxBounceStatusLength);
        return true;
    }

    /// <summary>The last failure as the SMTP server put it (status and reply text); never personal data from our side.</summary>
    public string? LastError { get; set; }

    public IReadOnlyList<OutboundEmailAttachment> Attachments => _attachments;

    /// <summary>Failing (waiting for a retry after a failure) or dead-lettered: staff may send it again now.</summary>
    public bool CanBeSentAgain => State == OutboundEmailState.DeadLettered || (State == OutboundEmailState.Pending && Attempts > 0);

    /// <summary>
    /// Staff ask for another try: due now, with a fresh retry period and backoff (the attempts so far are
    /// kept in the audit trail). A message being sent or already sent is never sent again.
    /// </summary>
    public void SendAgain(DateTimeOffset now)
    {
        if (!CanBeSentAgain)
        {
            throw new InvalidOperationException($"Email {Id} is {State} with {Attempts} attempts: only failing and dead-lettered messages are sent again.");
        }

        State = OutboundEmailState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        RetryingSince = now;
    }

    internal void Attach(Guid storedFileId, string fileName) =>
        _attachments.Add(new OutboundEmailAttachment(Guid.CreateVersion7(CreatedAt), Id, storedFileId, fileName, _attachments.Count));
}

/// <summary>An attachment by reference to a <see cref="Files.StoredFile"/>; read when the message is sent.</summary>
public sealed class OutboundEmailAttachment
{
    private OutboundEmailAttachment()
    {
    }

    internal OutboundEmailAttachment(Guid id, Guid outboundEmailId, Guid storedFileId, string fileName, int position)
    {
        Id = id;
        OutboundEmailId = outboundEmailId;
        StoredFileId = storedFileId;
        FileName = fileName;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid OutboundEmailId { get; private set; }
    public Guid StoredFileId { get; private set; }
    public string FileName { get; private set; } = "";

    /// <summary>The order the feature attached the files in (0, 1, ...), kept in the message.</summary>
    public int Position { get; private set; }
}
