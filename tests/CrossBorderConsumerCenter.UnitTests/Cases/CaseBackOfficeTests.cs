using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

public class CaseBackOfficeTests
{
    private static readonly DateTimeOffset Now = TestComplaints.Now;
    private static readonly CaseActor Hanako = CaseActor.Staff(Guid.NewGuid(), "佐藤 花子");

    private static Case NewCase() =>
        Case.Receive(new CaseNumber(2026, 7), Guid.NewGuid(), TestComplaints.Details(), TestComplaints.Consent(), "ja", Now, []);

    [Fact]
    public void AReceivedCaseStartsItsTimelineAndItsTriageClock()
    {
        var c = NewCase();
        var received = Assert.Single(c.Events);
        Assert.Equal(CaseEventKind.Received, received.Kind);
        Assert.True(received.VisibleToConsumer);
        Assert.Equal(CaseClocks.TriageDue(Now), c.DueAt);
        Assert.Equal(CasePriority.Normal, c.Priority);
        Assert.Equal(Now, c.LastActivityAt);
    }

    [Fact]
    public void AssigningStartsTheWorkAndRecordsWhoGotIt()
    {
        var c = NewCase();
        var assignee = Guid.NewGuid();
        var e = c.Assign(assignee, "田中 一郎", Hanako, Now.AddHours(1));
        Assert.Equal(CaseStatus.InProgress, c.Status);
        Assert.Equal(assignee, c.AssignedToId);
        Assert.Equal(CaseClocks.WorkDue(Now.AddHours(1)), c.DueAt);
        Assert.False(e.VisibleToConsumer);
        Assert.Equal("佐藤 花子", e.ActorName);
        Assert.Equal(assignee, Assert.IsType<CaseEventData.Assigned>(e.ReadData()).To);
    }

    [Fact]
    public void ANoteChangesNothingOnTheCaseItself()
    {
        var c = NewCase();
        var before = (c.Status, c.DueAt, c.LastActivityAt);
        var e = c.AddNote("事業者サイトは閉鎖済み", Hanako, Now.AddHours(2));
        Assert.Equal(before, (c.Status, c.DueAt, c.LastActivityAt));
        Assert.Equal("事業者サイトは閉鎖済み", e.Text);
        Assert.False(e.VisibleToConsumer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyNoteIsRefused(string text) => Assert.Throws<ArgumentException>(() => NewCase().AddNote(text, Hanako, Now));

    [Fact]
    public void RequestingInformationWaitsAWeekAndAskingAgainRestartsTheClock()
    {
        var c = NewCase();
        c.RequestInformation("注文確認メールを送ってください。", Hanako, Now);
        Assert.Equal(CaseStatus.WaitingForConsumer, c.Status);
        Assert.Equal(Now.AddDays(7), c.DueAt);

        c.RequestInformation("追跡番号も教えてください。", Hanako, Now.AddDays(3));
        Assert.Equal(Now.AddDays(10), c.DueAt);

        var reply = c.ReceiveConsumerReply("添付します。", CaseActor.Consumer, Now.AddDays(4));
        Assert.Equal(CaseStatus.InProgress, c.Status);
        Assert.True(reply.VisibleToConsumer);
    }

    [Fact]
    public void DecliningAsADuplicateNamesTheOtherCase()
    {
        var c = NewCase();
        Assert.Throws<ArgumentException>(() => c.Decline(DeclineReason.Duplicate, null, null, Hanako, Now));
        c.Decline(DeclineReason.Duplicate, "CCJ-2026-000001", "同じ注文です", Hanako, Now);
        Assert.Equal(CaseStatus.Declined, c.Status);
        Assert.Equal("CCJ-2026-000001", c.DuplicateOfNumber);
        Assert.Null(c.DueAt);
        Assert.Equal(Now, c.ClosedAt);
    }

    [Fact]
    public void ClosingRecordsTheOutcomeAndReopeningClearsIt()
    {
        var c = NewCase();
        c.Assign(Hanako.UserId, Hanako.Name, Hanako, Now);
        c.Close(CaseOutcome.Resolved, "返金されました", Hanako, Now.AddDays(1));
        Assert.Equal((CaseStatus.Closed, CaseOutcome.Resolved, (DateTimeOffset?)null), (c.Status, c.Outcome, c.DueAt));

        c.Reopen("返金が取り消された", Hanako, Now.AddDays(2));
        Assert.Equal(CaseStatus.InProgress, c.Status);
        Assert.Null(c.Outcome);
        Assert.Null(c.ClosedAt);
        Assert.Equal(CaseClocks.WorkDue(Now.AddDays(2)), c.DueAt);
    }

    [Fact]
    public void TheClockClosesOnlyACaseThatWaitsForTheConsumer()
    {
        var c = NewCase();
        Assert.Throws<InvalidOperationException>(() => c.CloseForNoReply(Now));
        c.RequestInformation("?", Hanako, Now);
        Assert.Throws<InvalidOperationException>(() => c.CloseForNoReply(Now.AddDays(8)));
        c.RemindConsumer(Now.AddDays(8));
        var e = c.CloseForNoReply(Now.AddDays(16));
        Assert.Equal(CaseOutcome.NoReply, c.Outcome);
        Assert.Equal(CaseActorKind.System, e.ActorKind);
    }

    [Fact]
    public void AFinishedCaseRefusesWorkButTakesNotes()
    {
        var c = NewCase();
        c.Withdraw(null, CaseActor.Consumer, Now);
        Assert.Equal(CaseOutcome.Withdrawn, c.Outcome);
        Assert.Throws<InvalidOperationException>(() => c.Assign(null, null, Hanako, Now));
        Assert.Throws<InvalidOperationException>(() => c.RequestInformation("?", Hanako, Now));
        Assert.Throws<InvalidOperationException>(() => c.ChangeCategory(CaseCategory.Other, Hanako, Now));
        c.AddNote("取下げの電話あり", Hanako, Now);
    }

    [Fact]
    public void OverdueMeansOpenAndPastItsDeadline()
    {
        var c = NewCase();
        Assert.False(c.IsOverdue(c.DueAt!.Value));
        Assert.True(c.IsOverdue(c.DueAt!.Value.AddSeconds(1)));
        c.Close(CaseOutcome.NotResolved, null, Hanako, Now);
        Assert.False(c.IsOverdue(Now.AddYears(1)));
    }
}
