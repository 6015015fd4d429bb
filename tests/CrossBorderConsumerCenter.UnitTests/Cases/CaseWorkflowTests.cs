using CrossBorderConsumerCenter.Web.Domain.Cases;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseAction;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseStatus;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>Every (status, action) pair: the status it leads to, or refused. Written before the rule.</summary>
public class CaseWorkflowTests
{
    /// <summary>The whole table. A pair not listed here is refused.</summary>
    private static readonly Dictionary<(CaseStatus, CaseAction), CaseStatus> Allowed = new()
    {
        // Assigning starts the work on a received case and changes nothing else.
        [(Received, Assign)] = InProgress,
        [(InProgress, Assign)] = InProgress,
        [(WaitingForConsumer, Assign)] = WaitingForConsumer,
        [(Forwarded, Assign)] = Forwarded,
        [(PartnerResponded, Assign)] = PartnerResponded,

        // Category and priority may change while the case is open.
        [(Received, ChangeCategory)] = Received,
        [(InProgress, ChangeCategory)] = InProgress,
        [(WaitingForConsumer, ChangeCategory)] = WaitingForConsumer,
        [(Forwarded, ChangeCategory)] = Forwarded,
        [(PartnerResponded, ChangeCategory)] = PartnerResponded,
        [(Received, ChangePriority)] = Received,
        [(InProgress, ChangePriority)] = InProgress,
        [(WaitingForConsumer, ChangePriority)] = WaitingForConsumer,
        [(Forwarded, ChangePriority)] = Forwarded,
        [(PartnerResponded, ChangePriority)] = PartnerResponded,

        // Internal notes are always possible, also on a finished case.
        [(Received, AddNote)] = Received,
        [(InProgress, AddNote)] = InProgress,
        [(WaitingForConsumer, AddNote)] = WaitingForConsumer,
        [(Forwarded, AddNote)] = Forwarded,
        [(PartnerResponded, AddNote)] = PartnerResponded,
        [(Closed, AddNote)] = Closed,
        [(Declined, AddNote)] = Declined,

        // Asking the consumer (again) waits for their answer; their answer brings the case back to staff.
        [(Received, RequestInformation)] = WaitingForConsumer,
        [(InProgress, RequestInformation)] = WaitingForConsumer,
        [(WaitingForConsumer, RequestInformation)] = WaitingForConsumer,
        [(Forwarded, RequestInformation)] = WaitingForConsumer,
        [(PartnerResponded, RequestInformation)] = WaitingForConsumer,
        [(WaitingForConsumer, ReceiveConsumerReply)] = InProgress,

        // Forwarding to the partner agency (again, as a follow-up), and the agency's answer.
        [(Received, Forward)] = Forwarded,
        [(InProgress, Forward)] = Forwarded,
        [(Forwarded, Forward)] = Forwarded,
        [(PartnerResponded, Forward)] = Forwarded,
        [(Forwarded, RecordPartnerResponse)] = PartnerResponded,
        [(PartnerResponded, RecordPartnerResponse)] = PartnerResponded,

        // Telling the consumer what the merchant did keeps the case where it is.
        [(PartnerResponded, NotifyConsumer)] = PartnerResponded,
        [(Forwarded, NotifyConsumer)] = Forwarded,
        [(InProgress, NotifyConsumer)] = InProgress,

        // Declining happens before the case goes abroad.
        [(Received, Decline)] = Declined,
        [(InProgress, Decline)] = Declined,
        [(WaitingForConsumer, Decline)] = Declined,

        // Closing with an outcome, by staff from any open state; by the clock only while waiting for the consumer.
        [(Received, Close)] = Closed,
        [(InProgress, Close)] = Closed,
        [(WaitingForConsumer, Close)] = Closed,
        [(Forwarded, Close)] = Closed,
        [(PartnerResponded, Close)] = Closed,
        [(WaitingForConsumer, CloseForNoReply)] = Closed,

        // The consumer may withdraw while the case is open.
        [(Received, Withdraw)] = Closed,
        [(InProgress, Withdraw)] = Closed,
        [(WaitingForConsumer, Withdraw)] = Closed,
        [(Forwarded, Withdraw)] = Closed,
        [(PartnerResponded, Withdraw)] = Closed,

        // While the consumer has not answered: the clock's reminder, and staff may keep waiting past the deadline.
        [(WaitingForConsumer, SendReminder)] = WaitingForConsumer,
        [(WaitingForConsumer, KeepWaiting)] = WaitingForConsumer,

        // The clock marks any open case past its deadline, keeping its status.
        [(Received, MarkOverdue)] = Received,
        [(InProgress, MarkOverdue)] = InProgress,
        [(WaitingForConsumer, MarkOverdue)] = WaitingForConsumer,
        [(Forwarded, MarkOverdue)] = Forwarded,
        [(PartnerResponded, MarkOverdue)] = PartnerResponded,

        // A finished case can be reopened.
        [(Closed, Reopen)] = InProgress,
        [(Declined, Reopen)] = InProgress,

        // A counselor adds information to an open case of their center; it stays where it is.
        [(Received, AddInformation)] = Received,
        [(InProgress, AddInformation)] = InProgress,
        [(WaitingForConsumer, AddInformation)] = WaitingForConsumer,
        [(Forwarded, AddInformation)] = Forwarded,
        [(PartnerResponded, AddInformation)] = PartnerResponded,

        // Staff record an answer that came by phone, fax or letter: the consumer's while the case waits for them, the
        // partner agency's while the case is with it; the same effect as the answer through the portal.
        [(WaitingForConsumer, RecordReply)] = InProgress,
        [(Forwarded, RecordReply)] = PartnerResponded,
        [(PartnerResponded, RecordReply)] = PartnerResponded,

        // Mail that answers nothing pending, and a delivery report, go on the timeline whatever the status (staff
        // decide whether a closed case is reopened); the status stays.
        [(Received, ReceiveEmail)] = Received,
        [(InProgress, ReceiveEmail)] = InProgress,
        [(WaitingForConsumer, ReceiveEmail)] = WaitingForConsumer,
        [(Forwarded, ReceiveEmail)] = Forwarded,
        [(PartnerResponded, ReceiveEmail)] = PartnerResponded,
        [(Closed, ReceiveEmail)] = Closed,
        [(Declined, ReceiveEmail)] = Declined,
        [(Received, RecordDeliveryFailure)] = Received,
        [(InProgress, RecordDeliveryFailure)] = InProgress,
        [(WaitingForConsumer, RecordDeliveryFailure)] = WaitingForConsumer,
        [(Forwarded, RecordDeliveryFailure)] = Forwarded,
        [(PartnerResponded, RecordDeliveryFailure)] = PartnerResponded,
        [(Closed, RecordDeliveryFailure)] = Closed,
        [(Declined, RecordDeliveryFailure)] = Declined,

        // Staff correct the merchant's or the consumer's details while the case is open (a finished case is reopened first).
        [(Received, Correct)] = Received,
        [(InProgress, Correct)] = InProgress,
        [(WaitingForConsumer, Correct)] = WaitingForConsumer,
        [(Forwarded, Correct)] = Forwarded,
        [(PartnerResponded, Correct)] = PartnerResponded,

        // A new merchant country: a case with the old country's agency comes back to the staff, to go to the right one;
        // before a forward, or while the consumer is asked, the case stays where it is.
        [(Received, CorrectCountry)] = Received,
        [(InProgress, CorrectCountry)] = InProgress,
        [(WaitingForConsumer, CorrectCountry)] = WaitingForConsumer,
        [(Forwarded, CorrectCountry)] = InProgress,
        [(PartnerResponded, CorrectCountry)] = InProgress,
    };

    public static TheoryData<CaseStatus, CaseAction> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EachPairLeadsWhereTheTableSaysOrIsRefused(CaseStatus from, CaseAction action)
    {
        var expected = Allowed.TryGetValue((from, action), out var to) ? to : (CaseStatus?)null;
        Assert.Equal(expected, CaseWorkflow.Next(from, action));
        Assert.Equal(expected is not null, CaseWorkflow.Can(from, action));
    }

    [Theory]
    [InlineData(Received, true)]
    [InlineData(InProgress, true)]
    [InlineData(WaitingForConsumer, true)]
    [InlineData(Forwarded, true)]
    [InlineData(PartnerResponded, true)]
    [InlineData(Closed, false)]
    [InlineData(Declined, false)]
    public void KnowsWhichStatusesAreOpen(CaseStatus status, bool open) => Assert.Equal(open, CaseWorkflow.IsOpen(status));

    [Fact]
    public void StaffAreOfferedExactlyTheAllowedActionsTheyCanTake()
    {
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            var offered = CaseWorkflow.StaffActions(status);
            Assert.All(offered, a => Assert.True(CaseWorkflow.Can(status, a)));
            Assert.DoesNotContain(ReceiveConsumerReply, offered);
            Assert.DoesNotContain(CloseForNoReply, offered);
            Assert.DoesNotContain(Withdraw, offered);
            Assert.DoesNotContain(RecordPartnerResponse, offered);
            Assert.DoesNotContain(SendReminder, offered);
            Assert.DoesNotContain(MarkOverdue, offered);
            Assert.DoesNotContain(AddInformation, offered);
            Assert.DoesNotContain(ReceiveEmail, offered);
            Assert.DoesNotContain(RecordDeliveryFailure, offered);
            Assert.DoesNotContain(CorrectCountry, offered);
        }
    }

    [Fact]
    public void ACountryCorrectionIsAllowedExactlyWhereACorrectionIs()
    {
        // The page offers "correct"; the case decides on the country. Neither may be refused where the other is allowed.
        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.Equal(CaseWorkflow.Can(s, Correct), CaseWorkflow.Can(s, CorrectCountry)));
        Assert.Contains(Correct, CaseWorkflow.StaffActions(Forwarded));
        Assert.DoesNotContain(Correct, CaseWorkflow.StaffActions(Closed));
    }

    [Fact]
    public void EveryStatusCanBeReachedAndEveryOpenStatusCanBeFinished()
    {
        var reachable = Allowed.Values.ToHashSet();
        Assert.All(Enum.GetValues<CaseStatus>().Where(s => s != Received), s => Assert.Contains(s, reachable));
        Assert.All(Enum.GetValues<CaseStatus>().Where(CaseWorkflow.IsOpen), s => Assert.True(CaseWorkflow.Can(s, Close)));
    }
}
