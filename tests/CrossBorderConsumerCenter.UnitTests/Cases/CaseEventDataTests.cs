using CrossBorderConsumerCenter.UnitTests.Partners;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>
/// The particulars each kind of timeline line stores in <c>case_events.data</c>, exactly as the stored rows have them:
/// the case page, the tracking page and the consumer's status emails read these rows back, so a change of a property
/// name, its casing or its format would leave every stored line unreadable.
/// </summary>
public class CaseEventDataTests
{
    /// <summary>A fixed instant in UTC, as the portal's clock gives it: the JSON of times is this test's subject.</summary>
    private static readonly DateTimeOffset At = new(2026, 4, 24, 1, 0, 0, TimeSpan.Zero);

    private static readonly CaseActor Hanako = CaseActor.Staff(Guid.Parse("0195a6c0-0000-7000-8000-000000000001"), "佐藤 花子");
    private static readonly Guid Ichiro = Guid.Parse("0195a6c0-0000-7000-8000-000000000002");
    private static readonly Guid ProvisionId = Guid.Parse("0195a6c0-0000-7000-8000-000000000003");
    private static readonly Guid EmailId = Guid.Parse("0195a6c0-0000-7000-8000-000000000004");
    private static readonly Guid LinkId = Guid.Parse("0195a6c0-0000-7000-8000-000000000005");
    private static readonly PartnerListing Cbbb = PartnerRegistryTests.Agency(1, "CBBB", countries: ["US"]);

    private static Case NewCase() =>
        Case.Receive(new CaseNumber(2026, 7), Guid.NewGuid(), TestComplaints.Details(), TestComplaints.Consent(), "ja", At, []);

    private static Case Forwarded(Case c)
    {
        c.Forward(Provision(c), responseBusinessDays: 10, Hanako, At);
        return c;
    }

    private static PartnerProvision Provision(Case c) =>
        new(ProvisionId, c.Id, Cbbb, "US", ["cbbb@partners.example.org"], [ProvidedItem.Name, ProvidedItem.Purchase], ["receipt.pdf", "photo.jpg"], EmailId, Hanako.UserId, Hanako.Name, At);

    private static Case Waiting()
    {
        var c = NewCase();
        c.RequestInformation("注文確認メールを送ってください。", Hanako, At);
        return c;
    }

    [Fact]
    public void AnAssignmentStoresWhoHadTheCaseWhoGetsItAndTheirNameWithNonAsciiEscaped()
    {
        var c = NewCase();
        Assert.Equal("""{"from":null,"to":"0195a6c0-0000-7000-8000-000000000002","toName":"\u7530\u4E2D \u4E00\u90CE"}""", c.Assign(Ichiro, "田中 一郎", Hanako, At).Data);
        Assert.Equal("""{"from":"0195a6c0-0000-7000-8000-000000000002","to":null,"toName":null}""", c.Assign(null, null, Hanako, At).Data);
    }

    [Fact]
    public void ACategoryChangeStoresTheOldAndNewCategoryByName() =>
        Assert.Equal("""{"from":"NotDelivered","to":"WrongItem"}""", NewCase().ChangeCategory(CaseCategory.WrongItem, Hanako, At).Data);

    [Fact]
    public void APriorityChangeStoresTheOldAndNewPriorityByName() =>
        Assert.Equal("""{"from":"Normal","to":"Urgent"}""", NewCase().ChangePriority(CasePriority.Urgent, Hanako, At).Data);

    [Fact]
    public void AConsumersAnswerStoresHowManyFilesCameWithIt()
    {
        Assert.Equal("""{"files":2}""", Waiting().ReceiveConsumerReply("添付します。", CaseActor.Consumer, At, [Guid.NewGuid(), Guid.NewGuid()]).Data);
        Assert.Null(Waiting().ReceiveConsumerReply("はい", CaseActor.Consumer, At).Data);
    }

    [Fact]
    public void InformationACounselorAddsStoresHowManyFilesCameWithIt()
    {
        var counselor = CaseActor.Counselor(Guid.NewGuid(), "相談員");
        Assert.Equal("""{"files":1}""", NewCase().AddInformation("追加の資料です。", counselor, At, [Guid.NewGuid()]).Data);
        Assert.Null(NewCase().AddInformation("補足です。", counselor, At).Data);
    }

    [Fact]
    public void AForwardStoresTheAgencyTheRecordOfProvisionTheEmailTheItemsAndHowManyFiles()
    {
        var c = NewCase();
        Assert.Equal(
            """{"agency":"CBBB","agencyName":"CBBB (English)","country":"US","provisionId":"0195a6c0-0000-7000-8000-000000000003","emailId":"0195a6c0-0000-7000-8000-000000000004","items":["Name","Purchase"],"files":2}""",
            c.Forward(Provision(c), responseBusinessDays: 10, Hanako, At).Data);
    }

    [Fact]
    public void APartnersAnswerStoresTheAgencyTheMerchantsOutcomeTheAnswerLinkAndHowManyFiles() =>
        Assert.Equal(
            """{"agency":"CBBB","outcome":"PartialRefund","linkId":"0195a6c0-0000-7000-8000-000000000005","files":1}""",
            Forwarded(NewCase()).RecordPartnerResponse("CBBB", PartnerOutcome.PartialRefund, "Half refunded.", LinkId, [Guid.NewGuid()], At).Data);

    [Fact]
    public void ADeclineStoresTheReasonAndTheCaseItDuplicates()
    {
        Assert.Equal("""{"reason":"Duplicate","duplicateOf":"CCJ-2026-000001"}""", NewCase().Decline(DeclineReason.Duplicate, "CCJ-2026-000001", null, Hanako, At).Data);
        Assert.Equal("""{"reason":"OutOfScope","duplicateOf":null}""", NewCase().Decline(DeclineReason.OutOfScope, null, "対象外です。", Hanako, At).Data);
    }

    [Fact]
    public void AClosedCaseStoresItsOutcome()
    {
        Assert.Equal("""{"outcome":"PartlyResolved"}""", NewCase().Close(CaseOutcome.PartlyResolved, null, Hanako, At).Data);

        var silent = Waiting();
        silent.RemindConsumer(silent.DueAt!.Value.AddMinutes(1));
        Assert.Equal("""{"outcome":"NoReply"}""", silent.CloseForNoReply(silent.DueAt!.Value.AddMinutes(1)).Data);
    }

    [Fact]
    public void AWithdrawnCaseStoresItsOutcome() =>
        Assert.Equal("""{"outcome":"Withdrawn"}""", NewCase().Withdraw("解決しました。", CaseActor.Consumer, At).Data);

    [Fact]
    public void KeepingWaitingStoresTheNewDeadline() =>
        Assert.Equal("""{"until":"2026-05-08T08:45:00+00:00"}""", Waiting().KeepWaiting(new DateTimeOffset(2026, 5, 8, 8, 45, 0, TimeSpan.Zero), null, Hanako, At).Data);

    [Fact]
    public void MarkingACaseOverdueStoresTheDeadlineThatPassed()
    {
        var c = NewCase();
        Assert.Equal(new DateTimeOffset(2026, 4, 28, 8, 45, 0, TimeSpan.Zero), c.DueAt);
        Assert.Equal("""{"dueAt":"2026-04-28T08:45:00+00:00"}""", c.MarkOverdue(c.DueAt!.Value.AddMinutes(1)).Data);
    }

    [Fact]
    public void AReminderStoresTheNewReplyDeadline()
    {
        var c = Waiting();
        Assert.Equal("""{"replyBy":"2026-05-08T01:01:00+00:00"}""", c.RemindConsumer(c.DueAt!.Value.AddMinutes(1)).Data);
    }

    [Fact]
    public void TheOtherLinesCarryNoParticulars()
    {
        var c = NewCase();
        Assert.Null(Assert.Single(c.Events).Data);
        Assert.Null(c.AddNote("メモ", Hanako, At).Data);
        c.Assign(Ichiro, "田中 一郎", Hanako, At);
        Assert.Null(c.NotifyConsumer("お知らせです。", Hanako, At).Data);
        Assert.Null(c.RequestInformation("質問です。", Hanako, At).Data);
        c.Close(CaseOutcome.Resolved, null, Hanako, At);
        Assert.Null(c.Reopen(null, Hanako, At).Data);
    }
}
