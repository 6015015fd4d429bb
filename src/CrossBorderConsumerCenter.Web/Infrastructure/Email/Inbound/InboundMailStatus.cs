namespace CrossBorderConsumerCenter.Web.Infrastructure.Email.Inbound;

/// <summary>
/// How reading the mailbox goes in this process, for operators and the admin pages: when the folder was last read
/// through, how many messages this process stored, and the kind of the last failure (never its text, which can
/// name an address).
/// </summary>
public sealed class InboundMailStatus
{
    private readonly Lock _gate = new();
    private InboundMailSnapshot _current = new(InboundMailMode.Off, null, 0, 0, null, null, 0);

    public InboundMailSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    internal void Started(InboundMailMode mode) => Change(s => s with { Mode = mode });

    /// <summary>The folder was read through: every message in it stored and moved.</summary>
    internal void Checked(DateTimeOffset at) => Change(s => s with { LastCheckAt = at, Checks = s.Checks + 1, ConsecutiveFailures = 0 });

    internal void Stored() => Change(s => s with { Stored = s.Stored + 1 });

    internal void Failed(InboundMailErrorKind kind, DateTimeOffset at) =>
        Change(s => s with { LastErrorKind = kind, LastErrorAt = at, ConsecutiveFailures = s.ConsecutiveFailures + 1 });

    private void Change(Func<InboundMailSnapshot, InboundMailSnapshot> change)
    {
        lock (_gate)
        {
            _current = change(_current);
        }
    }
}

/// <param name="Mode">What this process reads.</param>
/// <param name="LastCheckAt">When the folder was last read through without a failure.</param>
/// <param name="Checks">How many times it was read through since the start.</param>
/// <param name="Stored">Messages this process stored (a message another instance stored first is not counted).</param>
/// <param name="LastErrorKind">What the last failure was about; it stays after a later success (compare the times).</param>
/// <param name="LastErrorAt">When it happened.</param>
/// <param name="ConsecutiveFailures">Failures since the last successful read (0: all is well).</param>
public sealed record InboundMailSnapshot(
    InboundMailMode Mode,
    DateTimeOffset? LastCheckAt,
    long Checks,
    long Stored,
    InboundMailErrorKind? LastErrorKind,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures);

public enum InboundMailMode
{
    /// <summary>Neither Imap:Enabled with a host nor Imap:PickupDirectory: nothing is read.</summary>
    Off,

    Imap,

    Folder,
}

/// <summary>What a failure to read the mailbox was about; each is retried with backoff.</summary>
public enum InboundMailErrorKind
{
    /// <summary>No connection, or the connection broke (the server is down or unreachable).</summary>
    Connection,

    /// <summary>No TLS: the certificate is not trusted, or the server does not offer what Imap:Security asks.</summary>
    Tls,

    /// <summary>The server refused Imap:UserName and Imap:Password.</summary>
    Authentication,

    /// <summary>The server refused a command or answered something unreadable.</summary>
    Protocol,

    /// <summary>Imap:Folder does not exist, or Imap:ProcessedFolder could not be created.</summary>
    Folder,

    /// <summary>The server did not answer within Imap:TimeoutSeconds.</summary>
    Timeout,

    /// <summary>The message could not be stored (the database is down, say): it stays in the mailbox.</summary>
    Database,

    /// <summary>Reading or moving a file of Imap:PickupDirectory failed.</summary>
    File,

    Unexpected,
}
