namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>When a case of a status needs the center's action.</summary>
public enum ActionNeeded
{
    /// <summary>A finished case: never.</summary>
    Never,

    /// <summary>An open case waiting for someone else (the consumer, a partner agency): once its deadline has passed.</summary>
    WhenOverdue,

    /// <summary>The ball is in the center's court, whatever the deadline.</summary>
    Always,
}

/// <summary>
/// What the staff queue means by "needs action" and "overdue": the one statement of the rule. The queue's database
/// queries are written from <see cref="WhenActionIsNeeded"/> (Features/Queue/NeedsActionView); an integration test
/// checks the list agrees with <see cref="NeedsAction"/> for every status, and another pins the SQL it sends.
/// </summary>
public static class CaseQueueRules
{
    /// <summary>The open statuses, in workflow order.</summary>
    public static IReadOnlyList<CaseStatus> OpenStatuses { get; } = [.. Enum.GetValues<CaseStatus>().Where(CaseWorkflow.IsOpen)];

    /// <summary>The ball is in the center's court: a new case, one being worked on, a partner's answer to pass on.</summary>
    public static IReadOnlyList<CaseStatus> CenterActsNext { get; } = [CaseStatus.Received, CaseStatus.InProgress, CaseStatus.PartnerResponded];

    /// <summary>Open and past its deadline (a case waiting for the consumer or a partner comes back when its time is up).</summary>
    public static bool IsOverdue(CaseStatus status, DateTimeOffset? dueAt, DateTimeOffset now) => CaseWorkflow.IsOpen(status) && dueAt < now;

    /// <summary>When a case of this status needs action: always when the center acts next, when overdue if open, else never.</summary>
    public static ActionNeeded WhenActionIsNeeded(CaseStatus status) =>
        CenterActsNext.Contains(status) ? ActionNeeded.Always
        : CaseWorkflow.IsOpen(status) ? ActionNeeded.WhenOverdue
        : ActionNeeded.Never;

    public static bool NeedsAction(CaseStatus status, DateTimeOffset? dueAt, DateTimeOffset now) => WhenActionIsNeeded(status) switch
    {
        ActionNeeded.Always => true,
        ActionNeeded.WhenOverdue => IsOverdue(status, dueAt, now),
        _ => false,
    };
}
