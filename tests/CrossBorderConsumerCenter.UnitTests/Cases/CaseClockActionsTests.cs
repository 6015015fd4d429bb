using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.UnitTests.Partners;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>What the clock does to a case past its deadline: each action once per deadline (a week, a reminder and another week for the consumer's silence).</summary>
public class CaseClockActionsTests
{
    private static readonly DateTimeOffset Now = TestComplaints.Now;
    private static readonly CaseActor Hanako = CaseActor.Staff(Guid.NewGuid(), "佐藤 花子");

    private static Case NewCase() =>
        Case.Receive(new CaseNumber(2026, 9), Guid.NewGuid(), TestComplaints.Details(), TestComplaints.Consent(), "ja", Now, []);

    [Fact]
    public void NothingIsDueBeforeTheDeadline()
    {
        var c = NewCase();
        Assert.Null(c.ClockActionDue(c.DueAt!.Value));
        Assert.Equal(ClockAction.MarkOverdue, c.ClockActionDue(c.DueAt!.Value.AddSeconds(1)));
    }

    [Fact]
    public void AForwardedCaseIsMarkedOverdueOnceUntilItsDeadlineMoves()
    {
        var c = NewCase();
        var agency = PartnerRegistryTests.Agency(1, "CBBB", countries: ["US"]);
        c.Forward(new PartnerProvision(Guid.NewGuid(), c.Id, agency, "US", ["a@example.org"], [], [], Guid.NewGuid(), null, "x", Now), 10, Hanako, Now);
        var late = c.DueAt!.Value.AddMinutes(1);
        var before = c.LastActivityAt;

        var e = c.MarkOverdue(late);
        Assert.Equal((CaseEventKind.MarkedOverdue, CaseStatus.Forwarded, false), (e.Kind, c.Status, e.VisibleToConsumer));
        Assert.Equal(before, c.LastActivityAt);
        Assert.True(c.IsOverdue(late));
        Assert.Null(c.ClockActionDue(late.AddDays(30)));
        Assert.Throws<InvalidOperationException>(() => c.MarkOverdue(late.AddDays(1)));

        // A follow-up forward sets a new deadline: its passing is marked again.
        c.Forward(new PartnerProvision(Guid.NewGuid(), c.Id, agency, "US", ["a@example.org"], [], [], Guid.NewGuid(), null, "x", late), 10, Hanako, late);
        Assert.Null(c.OverdueMarkedAt);
        Assert.Equal(ClockAction.MarkOverdue, c.ClockActionDue(c.DueAt!.Value.AddSeconds(1)));
    }

    [Fact]
    public void AConsumerWhoDoesNotAnswerIsRemindedAfterAWeekAndTheCaseClosedAWeekLater()
    {
        var c = NewCase();
        c.RequestInformation("注文確認メールを送ってください。", Hanako, Now);
        Assert.Null(c.ClockActionDue(Now.AddDays(7)));
        Assert.Equal(ClockAction.RemindConsumer, c.ClockActionDue(Now.AddDays(7).AddSeconds(1)));

        var reminded = Now.AddDays(7).AddMinutes(1);
        var reminder = c.RemindConsumer(reminded);
        Assert.Equal((CaseEventKind.ReminderSent, true, reminded.AddDays(7)), (reminder.Kind, reminder.VisibleToConsumer, c.DueAt!.Value));
        Assert.Null(c.ClockActionDue(reminded.AddDays(7)));
        Assert.Throws<InvalidOperationException>(() => c.RemindConsumer(reminded.AddDays(8)));
        Assert.Equal(ClockAction.CloseForNoReply, c.ClockActionDue(reminded.AddDays(7).AddSeconds(1)));

        c.CloseForNoReply(reminded.AddDays(7).AddSeconds(1));
        Assert.Equal((CaseStatus.Closed, CaseOutcome.NoReply, (DateTimeOffset?)null), (c.Status, c.Outcome, c.DueAt));
        Assert.Null(c.ClockActionDue(reminded.AddYears(1)));
    }

    [Fact]
    public void AskingAgainStartsTheWeekAndTheReminderAfresh()
    {
        var c = NewCase();
        c.RequestInformation("?", Hanako, Now);
        c.RemindConsumer(Now.AddDays(8));
        c.RequestInformation("もう一点?", Hanako, Now.AddDays(9));
        Assert.Null(c.ReminderSentAt);
        Assert.Equal(ClockAction.RemindConsumer, c.ClockActionDue(Now.AddDays(16).AddSeconds(1)));
    }

    [Fact]
    public void KeepingWaitingExtendsTheDeadlineAndStopsTheAutomaticClose()
    {
        var c = NewCase();
        c.RequestInformation("?", Hanako, Now);
        c.RemindConsumer(Now.AddDays(8));
        var until = Now.AddDays(20);
        var e = c.KeepWaiting(until, "電話で、来週送ると言われた", Hanako, Now.AddDays(10));

        Assert.Equal((CaseEventKind.WaitExtended, CaseStatus.WaitingForConsumer, until, false), (e.Kind, c.Status, c.DueAt!.Value, e.VisibleToConsumer));
        Assert.Null(c.ClockActionDue(until));
        Assert.Equal(ClockAction.MarkOverdue, c.ClockActionDue(until.AddSeconds(1)));
        c.MarkOverdue(until.AddSeconds(1));
        Assert.Equal(CaseStatus.WaitingForConsumer, c.Status);
        Assert.Throws<ArgumentException>(() => c.KeepWaiting(Now, null, Hanako, Now.AddDays(21)));
    }

    [Fact]
    public void TheConsumersReplyEndsTheWaitAndItsClocks()
    {
        var c = NewCase();
        c.RequestInformation("?", Hanako, Now);
        c.RemindConsumer(Now.AddDays(8));
        c.ReceiveConsumerReply("送ります", CaseActor.Consumer, Now.AddDays(9));
        Assert.Equal((CaseStatus.InProgress, (DateTimeOffset?)null, (DateTimeOffset?)null), (c.Status, c.ReminderSentAt, c.AutoCloseStoppedAt));
        Assert.Equal(ClockAction.MarkOverdue, c.ClockActionDue(c.DueAt!.Value.AddSeconds(1)));
    }

    [Fact]
    public void OnlyAWaitingCaseCanBeKeptWaiting() =>
        Assert.Throws<InvalidOperationException>(() => NewCase().KeepWaiting(Now.AddDays(3), null, Hanako, Now));
}
