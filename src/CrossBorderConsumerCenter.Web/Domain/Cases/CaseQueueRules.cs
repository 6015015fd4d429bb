namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// What the staff queue means by "needs action" and "overdue". The queue's database query applies the same
/// rule (Features/Queue/ListCases); an integration test checks the two agree for every status.
/// </summary>
public static class CaseQueueRules
{
    /// <summary>The open statuses, in workflow order.</summary>
    public static IReadOnlyList<CaseStatus> OpenStatuses { get; } = [.. Enum.GetValues<CaseStatus>().Where(CaseWorkflow.IsOpen)];

    /// <summary>The ball is in the center's court: a new case, one being worked on, a partner's answer to pass on.</summary>
    public static IReadOnlyList<CaseStatus> CenterActsNext { get; } = [CaseStatus.Received, CaseStatus.InProgress, CaseStatus.PartnerResponded];

    /// <summary>Open and past its deadline (a case waiting for the consumer or a partner comes back when its time is up).</summary>
    public static bool IsOverdue(CaseStatus status, DateTimeOffset? dueAt, DateTimeOffset now) => CaseWorkflow.IsOpen(status) && dueAt < now;

    public static bool NeedsAction(CaseStatus status, DateTimeOffset? dueAt, DateTimeOffset now) =>
        CenterActsNext.Contains(status) || IsOverdue(status, dueAt, now);
}
