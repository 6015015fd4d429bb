using CrossBorderConsumerCenter.UnitTests.Partners;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Mail;
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
        StoredAs(c.Assign(Ichiro, "田中 一郎", Hanako, At), new CaseEventData.Assigned(null, Ichiro, "田中 一郎"),
            """{"from":null,"to":"0195a6c0-0000-7000-8000-000000000002","toName":"\u7530\u4E2D \u4E00\u90CE"}""");
        StoredAs(c.Assign(null, null, Hanako, At), new CaseEventData.Assigned(Ichiro, null, null),
            """{"from":"0195a6c0-0000-7000-8000-000000000002","to":null,"toName":null}""");
    }

    [Fact]
    public void ACategoryChangeStoresTheOldAndNewCategoryByName() =>
        StoredAs(NewCase().ChangeCategory(CaseCategory.WrongItem, Hanako, At), new CaseEventData.CategoryChanged(CaseCategory.NotDelivered, CaseCategory.WrongItem),
            """{"from":"NotDelivered","to":"WrongItem"}""");

    [Fact]
    public void APriorityChangeStoresTheOldAndNewPriorityByName() =>
        StoredAs(NewCase().ChangePriority(CasePriority.Urgent, Hanako, At), new CaseEventData.PriorityChanged(CasePriority.Normal, CasePriority.Urgent),
            """{"from":"Normal","to":"Urgent"}""");

    [Fact]
    public void AConsumersAnswerStoresHowManyFilesCameWithIt()
    {
        StoredAs(Waiting().ReceiveConsumerReply("添付します。", CaseActor.Consumer, At, [Guid.NewGuid(), Guid.NewGuid()]), new CaseEventData.ConsumerReplied(2),
            """{"files":2}""");
        Assert.Null(Waiting().ReceiveConsumerReply("はい", CaseActor.Consumer, At).Data);
    }

    [Fact]
    public void AnAnswerThatCameAnotherWayStoresHowAndTheMessageItCameIn()
    {
        StoredAs(Waiting().ReceiveConsumerReply("写真です。", CaseActor.Consumer, At, [Guid.NewGuid()], ReplyChannel.Email, LinkId), new CaseEventData.ConsumerReplied(1, ReplyChannel.Email, LinkId),
            """{"files":1,"via":"Email","mailId":"0195a6c0-0000-7000-8000-000000000005"}""");
        StoredAs(Waiting().ReceiveConsumerReply("電話で回答", Hanako, At, via: ReplyChannel.Phone), new CaseEventData.ConsumerReplied(0, ReplyChannel.Phone),
            """{"files":0,"via":"Phone"}""");
        StoredAs(Forwarded(NewCase()).RecordPartnerReply("CBBB", null, "We contacted the merchant.", ReplyChannel.Email, LinkId, [], new CaseActor(CaseActorKind.Partner, null, "CBBB"), At),
            new CaseEventData.PartnerResponded("CBBB", null, null, 0, ReplyChannel.Email, LinkId),
            """{"agency":"CBBB","outcome":null,"linkId":null,"files":0,"via":"Email","mailId":"0195a6c0-0000-7000-8000-000000000005"}""");
    }

    [Fact]
    public void MailThatAnswersNothingAndADeliveryFailureStoreTheirMessage()
    {
        StoredAs(NewCase().ReceiveEmail(ReplyParty.Consumer, "hanako@example.jp", "追加です。", LinkId, [], CaseActor.Consumer, At),
            new CaseEventData.EmailReceived(ReplyParty.Consumer, "hanako@example.jp", LinkId, 0),
            """{"party":"Consumer","from":"hanako@example.jp","mailId":"0195a6c0-0000-7000-8000-000000000005","files":0}""");
        StoredAs(NewCase().RecordDeliveryFailure(EmailId, "hanako@example.jp", "5.1.1", LinkId, At),
            new CaseEventData.DeliveryFailed(EmailId, "hanako@example.jp", "5.1.1", LinkId),
            """{"emailId":"0195a6c0-0000-7000-8000-000000000004","recipient":"hanako@example.jp","status":"5.1.1","mailId":"0195a6c0-0000-7000-8000-000000000005"}""");
    }

    [Fact]
    public void InformationACounselorAddsStoresHowManyFilesCameWithIt()
    {
        var counselor = CaseActor.Counselor(Guid.NewGuid(), "相談員");
        StoredAs(NewCase().AddInformation("追加の資料です。", counselor, At, [Guid.NewGuid()]), new CaseEventData.InformationAdded(1),
            """{"files":1}""");
        Assert.Null(NewCase().AddInformation("補足です。", counselor, At).Data);
    }

    [Fact]
    public void AForwardStoresTheAgencyTheRecordOfProvisionTheEmailTheItemsAndHowManyFiles()
    {
        var c = NewCase();
        StoredAs(c.Forward(Provision(c), responseBusinessDays: 10, Hanako, At),
            new CaseEventData.Forwarded("CBBB", "CBBB (English)", "US", ProvisionId, EmailId, ["Name", "Purchase"], 2),
            """{"agency":"CBBB","agencyName":"CBBB (English)","country":"US","provisionId":"0195a6c0-0000-7000-8000-000000000003","emailId":"0195a6c0-0000-7000-8000-000000000004","items":["Name","Purchase"],"files":2}""");
    }

    [Fact]
    public void APartnersAnswerStoresTheAgencyTheMerchantsOutcomeTheAnswerLinkAndHowManyFiles() =>
        StoredAs(Forwarded(NewCase()).RecordPartnerResponse("CBBB", PartnerOutcome.PartialRefund, "Half refunded.", LinkId, [Guid.NewGuid()], At),
            new CaseEventData.PartnerResponded("CBBB", PartnerOutcome.PartialRefund, LinkId, 1),
            """{"agency":"CBBB","outcome":"PartialRefund","linkId":"0195a6c0-0000-7000-8000-000000000005","files":1}""");

    [Fact]
    public void ADeclineStoresTheReasonAndTheCaseItDuplicates()
    {
        StoredAs(NewCase().Decline(DeclineReason.Duplicate, "CCJ-2026-000001", null, Hanako, At), new CaseEventData.Declined(DeclineReason.Duplicate, "CCJ-2026-000001"),
            """{"reason":"Duplicate","duplicateOf":"CCJ-2026-000001"}""");
        StoredAs(NewCase().Decline(DeclineReason.OutOfScope, null, "対象外です。", Hanako, At), new CaseEventData.Declined(DeclineReason.OutOfScope, null),
            """{"reason":"OutOfScope","duplicateOf":null}""");
    }

    [Fact]
    public void AClosedCaseStoresItsOutcome()
    {
        StoredAs(NewCase().Close(CaseOutcome.PartlyResolved, null, Hanako, At), new CaseEventData.Closed(CaseOutcome.PartlyResolved),
            """{"outcome":"PartlyResolved"}""");

        var silent = Waiting();
        silent.RemindConsumer(silent.DueAt!.Value.AddMinutes(1));
        StoredAs(silent.CloseForNoReply(silent.DueAt!.Value.AddMinutes(1)), new CaseEventData.Closed(CaseOutcome.NoReply),
            """{"outcome":"NoReply"}""");
    }

    [Fact]
    public void AWithdrawnCaseStoresItsOutcome() =>
        StoredAs(NewCase().Withdraw("解決しました。", CaseActor.Consumer, At), new CaseEventData.Withdrawn(CaseOutcome.Withdrawn),
            """{"outcome":"Withdrawn"}""");

    [Fact]
    public void KeepingWaitingStoresTheNewDeadline()
    {
        var until = new DateTimeOffset(2026, 5, 8, 8, 45, 0, TimeSpan.Zero);
        StoredAs(Waiting().KeepWaiting(until, null, Hanako, At), new CaseEventData.WaitExtended(until),
            """{"until":"2026-05-08T08:45:00+00:00"}""");
    }

    [Fact]
    public void MarkingACaseOverdueStoresTheDeadlineThatPassed()
    {
        var c = NewCase();
        var due = new DateTimeOffset(2026, 4, 28, 8, 45, 0, TimeSpan.Zero);
        Assert.Equal(due, c.DueAt);
        StoredAs(c.MarkOverdue(due.AddMinutes(1)), new CaseEventData.MarkedOverdue(due),
            """{"dueAt":"2026-04-28T08:45:00+00:00"}""");
    }

    [Fact]
    public void AReminderStoresTheNewReplyDeadline()
    {
        var c = Waiting();
        var reminded = c.DueAt!.Value.AddMinutes(1);
        StoredAs(c.RemindConsumer(reminded), new CaseEventData.ReminderSent(reminded.AddDays(7)),
            """{"replyBy":"2026-05-08T01:01:00+00:00"}""");
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

    [Fact]
    public void EachKindWithParticularsHasItsOwnRecordAndTheOthersHaveNone()
    {
        var withParticulars = new[]
        {
            CaseEventKind.Assigned, CaseEventKind.CategoryChanged, CaseEventKind.PriorityChanged, CaseEventKind.ConsumerReplied,
            CaseEventKind.InformationAdded, CaseEventKind.Forwarded, CaseEventKind.PartnerResponded, CaseEventKind.Declined,
            CaseEventKind.Closed, CaseEventKind.Withdrawn, CaseEventKind.WaitExtended, CaseEventKind.MarkedOverdue, CaseEventKind.ReminderSent,
            CaseEventKind.EmailReceived, CaseEventKind.DeliveryFailed, CaseEventKind.Corrected, CaseEventKind.Received,
        };
        foreach (var kind in Enum.GetValues<CaseEventKind>())
        {
            var type = CaseEventData.TypeOf(kind);
            Assert.True(withParticulars.Contains(kind) == type is not null, $"{kind}: {type}");
            Assert.True(type is null || type.Name == kind.ToString(), $"{kind}: {type}");
        }
    }

    [Fact]
    public void ALineRefusesTheParticularsOfAnotherKind()
    {
        Assert.Throws<ArgumentException>(() => CaseEventData.Write(CaseEventKind.Withdrawn, new CaseEventData.Closed(CaseOutcome.Resolved)));
        Assert.Throws<ArgumentException>(() => CaseEventData.Write(CaseEventKind.NoteAdded, new CaseEventData.Closed(CaseOutcome.Resolved)));
        Assert.Null(CaseEventData.Write(CaseEventKind.Closed, null));
    }

    [Fact]
    public void ALineWithoutParticularsReadsAsNone()
    {
        Assert.Null(CaseEventData.Read(CaseEventKind.ConsumerReplied, null));
        Assert.Null(CaseEventData.Read(CaseEventKind.NoteAdded, """{"files":1}"""));
    }

    /// <summary>
    /// PostgreSQL's jsonb hands the stored JSON back in its own form: properties ordered by the length of their name,
    /// spaces after the separators, text outside ASCII unescaped. The rows read back the same.
    /// </summary>
    [Theory]
    [InlineData(CaseEventKind.Assigned, """{"to": "0195a6c0-0000-7000-8000-000000000002", "from": null, "toName": "田中 一郎"}""",
        """{"from":null,"to":"0195a6c0-0000-7000-8000-000000000002","toName":"\u7530\u4E2D \u4E00\u90CE"}""")]
    [InlineData(CaseEventKind.Forwarded,
        """{"files": 2, "items": ["Name", "Purchase"], "agency": "CBBB", "country": "US", "emailId": "0195a6c0-0000-7000-8000-000000000004", "agencyName": "CBBB (English)", "provisionId": "0195a6c0-0000-7000-8000-000000000003"}""",
        """{"agency":"CBBB","agencyName":"CBBB (English)","country":"US","provisionId":"0195a6c0-0000-7000-8000-000000000003","emailId":"0195a6c0-0000-7000-8000-000000000004","items":["Name","Purchase"],"files":2}""")]
    [InlineData(CaseEventKind.PartnerResponded, """{"files": 1, "agency": "CBBB", "linkId": "0195a6c0-0000-7000-8000-000000000005", "outcome": "PartialRefund"}""",
        """{"agency":"CBBB","outcome":"PartialRefund","linkId":"0195a6c0-0000-7000-8000-000000000005","files":1}""")]
    [InlineData(CaseEventKind.Declined, """{"reason": "Duplicate", "duplicateOf": "CCJ-2026-000001"}""", """{"reason":"Duplicate","duplicateOf":"CCJ-2026-000001"}""")]
    [InlineData(CaseEventKind.MarkedOverdue, """{"dueAt": "2026-04-28T08:45:00+00:00"}""", """{"dueAt":"2026-04-28T08:45:00+00:00"}""")]
    public void TheJsonbFormOfAStoredLineReadsAsTheLineItself(CaseEventKind kind, string jsonb, string stored) =>
        Assert.Equivalent(CaseEventData.Read(kind, stored), CaseEventData.Read(kind, jsonb), strict: true);

    /// <summary>The synthetic cases the data generator makes for the benchmark carry only the agency of a forward.</summary>
    [Fact]
    public void AForwardThatNamesOnlyTheAgencyReadsWithTheRestMissing()
    {
        var forwarded = Assert.IsType<CaseEventData.Forwarded>(CaseEventData.Read(CaseEventKind.Forwarded, """{"agency": "CBBB"}"""));
        Assert.Equivalent(new CaseEventData.Forwarded("CBBB", null, null, null, null, null, 0), forwarded, strict: true);
    }

    /// <summary>
    /// What the case wrote is exactly today's JSON, the record written on its own is the same JSON, and today's JSON
    /// reads back as the record.
    /// </summary>
    private static void StoredAs<T>(CaseEvent line, T record, string json) where T : CaseEventData
    {
        Assert.Equal(json, line.Data);
        Assert.Equal(json, CaseEventData.Write(line.Kind, record));
        Assert.Equivalent(record, Assert.IsType<T>(CaseEventData.Read(line.Kind, json)), strict: true);
        Assert.Equivalent(record, Assert.IsType<T>(line.ReadData()), strict: true);
    }
}
