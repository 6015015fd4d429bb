namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>What can be done to a case. Who does it (staff, the consumer, a partner agency, the clock) is the caller's business.</summary>
public enum CaseAction
{
    Assign,
    ChangeCategory,
    ChangePriority,
    AddNote,
    RequestInformation,
    ReceiveConsumerReply,
    Forward,
    RecordPartnerResponse,
    NotifyConsumer,
    Decline,
    Close,
    CloseForNoReply,
    Withdraw,
    Reopen,

    /// <summary>Staff keep waiting for the consumer past the reply deadline: the wait is extended and the automatic close stopped.</summary>
    KeepWaiting,

    /// <summary>The clock reminds the consumer that an answer is due (a week, a reminder, another week: kinder than an import agent's terms, which treat a question unanswered for a week as resolved).</summary>
    SendReminder,

    /// <summary>The clock marks a case whose deadline passed, once per deadline, and tells the staff member responsible.</summary>
    MarkOverdue,
    /// <summary>A counselor adds information or files to an open case of their center.</summary>
    AddInformation,

    /// <summary>
    /// Staff record an answer that came another way (phone, fax, letter, in person): the consumer's while the case waits
    /// for them, the partner agency's while it is with the agency; the same effect as the answer through the portal.
    /// </summary>
    RecordReply,

    /// <summary>Mail for the case that answers nothing pending is put on its timeline, whatever its status (a closed case too: staff decide whether to reopen).</summary>
    ReceiveEmail,

    /// <summary>A delivery report for one of the case's emails is put on its timeline, whatever its status.</summary>
    RecordDeliveryFailure,

    /// <summary>Staff correct the merchant's details or the consumer's contact details (a misread fax, a typo) while the case is open.</summary>
    Correct,

    /// <summary>
    /// A correction that changes the merchant's country. A case with a partner agency (forwarded, or answered) goes back to
    /// the staff: the agency it went to is not the one for the merchant's country, so its deadline no longer counts, and the
    /// case can be forwarded to the right one (ADR 0028). The page offers <see cref="Correct"/>; the case applies this one.
    /// </summary>
    CorrectCountry,
}

/// <summary>
/// The case status workflow: which action is allowed in which status, and where it leads. The UI offers
/// only allowed actions and every handler checks again, so a stale page or a forged POST is refused.
/// </summary>
public static class CaseWorkflow
{
    private static readonly CaseStatus[] Open =
        [CaseStatus.Received, CaseStatus.InProgress, CaseStatus.WaitingForConsumer, CaseStatus.Forwarded, CaseStatus.PartnerResponded];

    /// <summary>Actions taken by staff on the case page (the others come from the consumer, the partner or the clock).</summary>
    private static readonly CaseAction[] ByStaff =
    [
        CaseAction.Assign, CaseAction.ChangeCategory, CaseAction.ChangePriority, CaseAction.AddNote, CaseAction.RequestInformation,
        CaseAction.Forward, CaseAction.NotifyConsumer, CaseAction.KeepWaiting, CaseAction.RecordReply, CaseAction.Decline, CaseAction.Close, CaseAction.Reopen,
        CaseAction.Correct,
    ];

    public static bool IsOpen(CaseStatus status) => Open.Contains(status);

    public static bool Can(CaseStatus from, CaseAction action) => Next(from, action) is not null;

    /// <summary>The status after <paramref name="action"/>, or null when the action is not allowed in <paramref name="from"/>.</summary>
    public static CaseStatus? Next(CaseStatus from, CaseAction action) => action switch
    {
        CaseAction.Assign when IsOpen(from) => from == CaseStatus.Received ? CaseStatus.InProgress : from,
        CaseAction.ChangeCategory or CaseAction.ChangePriority when IsOpen(from) => from,
        CaseAction.AddNote => from,
        CaseAction.RequestInformation when IsOpen(from) => CaseStatus.WaitingForConsumer,
        CaseAction.ReceiveConsumerReply when from == CaseStatus.WaitingForConsumer => CaseStatus.InProgress,
        CaseAction.Forward when from is CaseStatus.Received or CaseStatus.InProgress or CaseStatus.Forwarded or CaseStatus.PartnerResponded => CaseStatus.Forwarded,
        CaseAction.RecordPartnerResponse when from is CaseStatus.Forwarded or CaseStatus.PartnerResponded => CaseStatus.PartnerResponded,
        CaseAction.NotifyConsumer when from is CaseStatus.InProgress or CaseStatus.Forwarded or CaseStatus.PartnerResponded => from,
        CaseAction.Decline when from is CaseStatus.Received or CaseStatus.InProgress or CaseStatus.WaitingForConsumer => CaseStatus.Declined,
        CaseAction.Close or CaseAction.Withdraw when IsOpen(from) => CaseStatus.Closed,
        CaseAction.CloseForNoReply when from == CaseStatus.WaitingForConsumer => CaseStatus.Closed,
        CaseAction.Reopen when !IsOpen(from) => CaseStatus.InProgress,
        CaseAction.KeepWaiting or CaseAction.SendReminder when from == CaseStatus.WaitingForConsumer => from,
        CaseAction.MarkOverdue when IsOpen(from) => from,
        CaseAction.AddInformation when IsOpen(from) => from,
        CaseAction.ReceiveEmail or CaseAction.RecordDeliveryFailure => from,
        CaseAction.RecordReply => Next(from, CaseAction.ReceiveConsumerReply) ?? Next(from, CaseAction.RecordPartnerResponse),

        // A finished case is a record: reopen it first to correct it.
        CaseAction.Correct when IsOpen(from) => from,
        CaseAction.CorrectCountry when from is CaseStatus.Forwarded or CaseStatus.PartnerResponded => CaseStatus.InProgress,
        CaseAction.CorrectCountry when IsOpen(from) => from,
        _ => null,
    };

    /// <summary>The staff actions allowed in <paramref name="status"/>, in the order the case page shows them.</summary>
    public static IReadOnlyList<CaseAction> StaffActions(CaseStatus status) => ByStaff.Where(a => Can(status, a)).ToList();
}
