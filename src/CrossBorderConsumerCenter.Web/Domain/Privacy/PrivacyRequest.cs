namespace CrossBorderConsumerCenter.Web.Domain.Privacy;

/// <summary>What a person asked the center to do with their personal data (APPI arts. 33-35).</summary>
public enum PrivacyRequestKind
{
    /// <summary>Show everything held about the person (art. 33).</summary>
    Disclosure,

    /// <summary>Correct what is held about a case (art. 34).</summary>
    Correction,

    /// <summary>Delete the personal data of a case (art. 35): anonymisation now, as the retention job does it.</summary>
    Deletion,
}

public enum PrivacyRequestState
{
    /// <summary>Asked (on the tracking page, say) and waiting for staff to confirm.</summary>
    Pending,
    Done,

    /// <summary>Refused with a reason the law allows (an open case, a legal hold).</summary>
    Refused,
}

/// <summary>
/// The record of one request about personal data and its answer (ADR 0101): who asked, why, what was done or why it was
/// refused, when and by whom. It names the case (when there is one), never copies the case's personal data; a
/// disclosure request keeps the search key staff used (an email address, a phone number or a name), as the answer's
/// record must say whom it was about.
/// </summary>
public sealed class PrivacyRequest
{
    public const int MaxRequestedByLength = 200;
    public const int MaxReasonLength = 2000;
    public const int MaxSubjectLength = 300;

    private PrivacyRequest()
    {
    }

    public PrivacyRequest(PrivacyRequestKind kind, Guid? caseId, string? subject, string requestedBy, string reason, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        Id = Guid.CreateVersion7(receivedAt);
        Kind = kind;
        CaseId = caseId;
        Subject = subject;
        RequestedBy = requestedBy.Length <= MaxRequestedByLength ? requestedBy : requestedBy[..MaxRequestedByLength];
        Reason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
        ReceivedAt = receivedAt;
        State = PrivacyRequestState.Pending;
    }

    public Guid Id { get; private set; }
    public PrivacyRequestKind Kind { get; private set; }
    public Guid? CaseId { get; private set; }

    /// <summary>For a disclosure: what staff searched by.</summary>
    public string? Subject { get; private set; }

    /// <summary>Who asked, in words: "the consumer, on the tracking page", "the consumer by phone", a lawyer's name.</summary>
    public string RequestedBy { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public PrivacyRequestState State { get; private set; }

    /// <summary>What was done, or why it was refused.</summary>
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid? AnsweredById { get; private set; }

    /// <summary>For a disclosure: the cases found and disclosed (the package is made from these, not from a new search).</summary>
    public List<Guid> DisclosedCaseIds { get; private set; } = [];

    /// <summary>A deletion asked for (on the tracking page) that staff have not yet confirmed or refused.</summary>
    public bool IsPendingDeletion => Kind == PrivacyRequestKind.Deletion && State == PrivacyRequestState.Pending;

    /// <summary>Answers a disclosure with the cases found (none is an answer too: nothing is held).</summary>
    public void Disclose(IReadOnlyCollection<Guid> caseIds, string answer, Guid staffId, DateTimeOffset now)
    {
        if (Kind != PrivacyRequestKind.Disclosure)
        {
            throw new InvalidOperationException("Only a disclosure discloses cases.");
        }

        DisclosedCaseIds = [.. caseIds];
        Answer_(PrivacyRequestState.Done, answer, staffId, now);
    }

    public void Complete(string answer, Guid? staffId, DateTimeOffset now) => Answer_(PrivacyRequestState.Done, answer, staffId, now);

    public void Refuse(string reason, Guid? staffId, DateTimeOffset now) => Answer_(PrivacyRequestState.Refused, reason, staffId, now);

    private void Answer_(PrivacyRequestState state, string answer, Guid? staffId, DateTimeOffset now)
    {
        if (State != PrivacyRequestState.Pending)
        {
            throw new InvalidOperationException("The request was answered already.");
        }

        State = state;
        Answer = answer.Length <= MaxReasonLength ? answer : answer[..MaxReasonLength];
        AnsweredAt = now;
        AnsweredById = staffId;
    }
}
