using CrossBorderConsumerCenter.Web.Domain.Cases;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseStatus;

namespace CrossBorderConsumerCenter.UnitTests.Queue;

/// <summary>"Needs action" and "overdue" for every status, without a deadline, before it and after it. Written before the rule.</summary>
public class CaseQueueRulesTests
{
    private static readonly DateTimeOffset Now = TestTime.Today;

    public enum Deadline
    {
        None,
        Future,
        Exactly,
        Past,
    }

    /// <summary>The statuses in which the center acts next, whatever the deadline.</summary>
    private static readonly CaseStatus[] CenterActsNext = [Received, InProgress, PartnerResponded];

    public static TheoryData<CaseStatus, Deadline> EveryStatusAndDeadline()
    {
        var data = new TheoryData<CaseStatus, Deadline>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var deadline in Enum.GetValues<Deadline>())
            {
                data.Add(status, deadline);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndDeadline))]
    public void AnOpenCaseIsOverdueOnlyOnceItsDeadlineHasPassed(CaseStatus status, Deadline deadline)
    {
        var expected = status is not (Closed or Declined) && deadline == Deadline.Past;
        Assert.Equal(expected, CaseQueueRules.IsOverdue(status, DueAt(deadline), Now));
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndDeadline))]
    public void ACaseNeedsActionWhenTheCenterActsNextOrWhenItIsOverdue(CaseStatus status, Deadline deadline)
    {
        var expected = CenterActsNext.Contains(status) || (status is WaitingForConsumer or Forwarded && deadline == Deadline.Past);
        Assert.Equal(expected, CaseQueueRules.NeedsAction(status, DueAt(deadline), Now));
    }

    [Theory]
    [InlineData(Received, ActionNeeded.Always)]
    [InlineData(InProgress, ActionNeeded.Always)]
    [InlineData(WaitingForConsumer, ActionNeeded.WhenOverdue)]
    [InlineData(Forwarded, ActionNeeded.WhenOverdue)]
    [InlineData(PartnerResponded, ActionNeeded.Always)]
    [InlineData(Closed, ActionNeeded.Never)]
    [InlineData(Declined, ActionNeeded.Never)]
    public void EachStatusSaysWhenItNeedsAction(CaseStatus status, ActionNeeded expected) =>
        Assert.Equal(expected, CaseQueueRules.WhenActionIsNeeded(status));

    [Fact]
    public void EveryStatusIsInTheTableAbove() => Assert.Equal(7, Enum.GetValues<CaseStatus>().Length);

    [Fact]
    public void TheStatusesInWhichTheCenterActsNextAreListedInWorkflowOrder() =>
        Assert.Equal(CenterActsNext, CaseQueueRules.CenterActsNext);

    [Fact]
    public void TheOpenStatusesAreTheWorkflowsOpenOnes() =>
        Assert.Equal([Received, InProgress, WaitingForConsumer, Forwarded, PartnerResponded], CaseQueueRules.OpenStatuses);

    private static DateTimeOffset? DueAt(Deadline deadline) => deadline switch
    {
        Deadline.Future => Now.AddMinutes(1),
        Deadline.Exactly => Now,
        Deadline.Past => Now.AddMinutes(-1),
        _ => null,
    };
}
