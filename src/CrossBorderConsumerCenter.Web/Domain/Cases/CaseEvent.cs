using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>What happened to a case: one line of its timeline.</summary>
public enum CaseEventKind
{
    Received,
    Assigned,
    CategoryChanged,
    PriorityChanged,
    NoteAdded,
    InformationRequested,
    ConsumerReplied,
    Forwarded,
    PartnerResponded,
    ConsumerNotified,
    Declined,
    Closed,
    Withdrawn,
    Reopened,
    ReminderSent,
    MarkedOverdue,
    EvidenceAdded,

    /// <summary>Staff keep waiting for the consumer: a later reply deadline, and no automatic close.</summary>
    WaitExtended,
    /// <summary>A counselor added information or files to a case they filed (outside a request for information).</summary>
    InformationAdded,

    /// <summary>Mail came in for the case that answers nothing pending; the status does not change.</summary>
    EmailReceived,

    /// <summary>One of the case's emails did not arrive (a delivery report came back).</summary>
    DeliveryFailed,

    /// <summary>Staff corrected the merchant's or the consumer's details, with the reason (the values before and after are in the audit trail).</summary>
    Corrected,
}

/// <summary>How an answer reached the center when not through the tracking page or the partner's answer link.</summary>
public enum ReplyChannel
{
    Email,
    Phone,
    Fax,
    Letter,
    InPerson,
}

/// <summary>Who caused an event; the consumer's tracking page names the center, never a staff member.</summary>
public enum CaseActorKind
{
    Staff,
    Consumer,
    Counselor,
    Partner,
    System,
}

/// <summary>Who acts on a case: a signed-in user (with their display name then), the consumer, a partner agency, or the clock.</summary>
public sealed record CaseActor(CaseActorKind Kind, Guid? UserId, string Name)
{
    public static CaseActor System { get; } = new(CaseActorKind.System, null, "system");

    public static CaseActor Consumer { get; } = new(CaseActorKind.Consumer, null, "consumer");

    public static CaseActor Staff(Guid userId, string name) => new(CaseActorKind.Staff, userId, name);

    public static CaseActor Counselor(Guid userId, string name) => new(CaseActorKind.Counselor, userId, name);
}

/// <summary>
/// One line of a case's timeline: status changes, assignments, notes, requests and replies, forwards and
/// answers. Emails sent for the case are shown beside these from the outbox (outbound_emails.case_id).
/// <see cref="VisibleToConsumer"/> marks the lines the consumer's tracking page may show; notes never are.
/// </summary>
public sealed class CaseEvent
{
    public const int MaxTextLength = 20_000;
    public const int MaxActorNameLength = 100;

    private CaseEvent()
    {
    }

    internal CaseEvent(Guid caseId, DateTimeOffset at, CaseEventKind kind, CaseActor actor, CaseStatus fromStatus, CaseStatus toStatus, string? text, CaseEventData? data, bool visibleToConsumer)
    {
        if (text is { Length: > MaxTextLength })
        {
            throw new ArgumentException($"An event's text is at most {MaxTextLength} characters.", nameof(text));
        }

        CaseId = caseId;
        At = at;
        Kind = kind;
        ActorKind = actor.Kind;
        ActorId = actor.UserId;
        ActorName = TextInput.Clip(actor.Name, MaxActorNameLength);
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Text = text;
        Data = CaseEventData.Write(kind, data);
        VisibleToConsumer = visibleToConsumer;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public CaseEventKind Kind { get; private set; }
    public CaseActorKind ActorKind { get; private set; }
    public Guid? ActorId { get; private set; }

    /// <summary>The actor's name at the time (a staff member's display name, an agency's name, "consumer", "system").</summary>
    public string ActorName { get; private set; } = "";

    public CaseStatus FromStatus { get; private set; }
    public CaseStatus ToStatus { get; private set; }

    /// <summary>The note, the question, the reason or the message, as written.</summary>
    public string? Text { get; private set; }

    /// <summary>
    /// JSON with the event's particulars (old and new category, the assignee, the outcome, ...): the
    /// <see cref="CaseEventData"/> record of its kind. Read it with <see cref="ReadData"/>.
    /// </summary>
    public string? Data { get; private set; }

    public bool VisibleToConsumer { get; private set; }

    public bool ChangedStatus => FromStatus != ToStatus;

    /// <summary>The particulars as the record of this line's kind (<see cref="CaseEventData.Read"/>); null when it has none.</summary>
    public CaseEventData? ReadData() => CaseEventData.Read(Kind, Data);
}
