using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Data.Email;

/// <summary>Where a stored inbound message came from.</summary>
public enum InboundEmailSource
{
    /// <summary>The center's mailbox, read over IMAP.</summary>
    Imap,

    /// <summary>A folder of .eml files (development; stands in for the mailbox as the pickup folder does for sending).</summary>
    Folder,
}

/// <summary>What happened to a stored inbound message.</summary>
public enum InboundEmailState
{
    /// <summary>Stored, not yet processed (or a processing attempt failed and will be retried).</summary>
    Pending,

    /// <summary>Matched to its case and applied (timeline line, evidence, clocks).</summary>
    Attached,

    /// <summary>Not matched, or from an address the case does not know: waiting for staff to attach or discard it.</summary>
    Unmatched,

    /// <summary>Recorded but never an answer: an auto-reply, a delivery-status notification already applied to its outgoing message.</summary>
    Ignored,

    /// <summary>Discarded by staff (audited).</summary>
    Discarded,
}

/// <summary>What kind of message it is, as processing read it.</summary>
public enum InboundEmailKind
{
    Reply,
    AutoReply,
    Bounce,
    Malformed,
    TooLarge,
}

/// <summary>Who sent it, as far as the case knows the address.</summary>
public enum InboundEmailSender
{
    Consumer,
    Counselor,
    Partner,
    Unknown,
}

/// <summary>
/// One message read from the center's mailbox, stored exactly once (<see cref="MessageKey"/> is unique) before anything
/// is done with it, then processed exactly once by locking the row in the transaction that applies it. The bytes are kept as received, so nothing a sender
/// wrote is lost even when it cannot be read.
/// </summary>
public sealed class InboundEmail
{
    public const int MaxKeyLength = 255;
    public const int MaxFolderLength = 200;
    public const int MaxAddressLength = 320;
    public const int MaxSubjectLength = 500;
    public const int MaxErrorLength = 2000;

    private InboundEmail()
    {
    }

    public InboundEmail(Guid id, string messageKey, InboundEmailSource source, string? mailboxFolder, long? uidValidity, long? uid,
        byte[] raw, int rawSize, bool rawTruncated, string? fromAddress, string? subject, DateTimeOffset now)
    {
        Id = id;
        MessageKey = messageKey;
        Source = source;
        MailboxFolder = mailboxFolder;
        UidValidity = uidValidity;
        Uid = uid;
        Raw = raw;
        RawSize = rawSize;
        RawTruncated = rawTruncated;
        FromAddress = fromAddress is null ? null : Clip(fromAddress, MaxAddressLength);
        Subject = subject is null ? null : Clip(subject, MaxSubjectLength);
        ReceivedAt = now;
        NextAttemptAt = now;
        State = InboundEmailState.Pending;
    }

    public Guid Id { get; private set; }

    /// <summary>The Message-ID without angle brackets, or "sha256:" and the hash of the bytes when there is none.</summary>
    public string MessageKey { get; private set; } = "";

    public InboundEmailSource Source { get; private set; }

    /// <summary>The IMAP folder, its UIDVALIDITY and the message's UID when it was read (for the operator's log).</summary>
    public string? MailboxFolder { get; private set; }

    public long? UidValidity { get; private set; }

    public long? Uid { get; private set; }

    /// <summary>When the portal stored it.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The message as received (its headers only when it was larger than the portal keeps: see <see cref="RawTruncated"/>).</summary>
    public byte[] Raw { get; private set; } = [];

    /// <summary>The size of the whole message in bytes, as the server reported it.</summary>
    public int RawSize { get; private set; }

    public bool RawTruncated { get; private set; }

    public string? FromAddress { get; private set; }

    public string? Subject { get; private set; }

    public InboundEmailState State { get; set; }

    public InboundEmailKind? Kind { get; set; }

    public InboundEmailSender? Sender { get; set; }

    public Guid? CaseId { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    private static string Clip(string value, int length) => TextInput.Clip(value, length);
}
