using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.PaperCases;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.PaperCases;

/// <summary>Cases that came by fax, letter or phone: the rules of the channel and the times, the case they make, and the first step's form.</summary>
public class PaperCaseTests
{
    private static readonly IStringLocalizer<PaperCaseText> PaperText = new StringLocalizer<PaperCaseText>(Localizers);
    private static readonly Guid StaffId = Guid.NewGuid();

    [Theory]
    [InlineData(CaseChannel.Portal, false)]
    [InlineData(CaseChannel.Fax, true)]
    [InlineData(CaseChannel.Letter, true)]
    [InlineData(CaseChannel.Phone, false)]
    [InlineData(CaseChannel.Consultation, false)]
    public void AFaxOrALetterNeedsItsOriginalAndACallHasNone(CaseChannel channel, bool needs) =>
        Assert.Equal(needs, PaperIntakeRules.NeedsOriginal(channel));

    [Fact]
    public void StaffEnterFaxesLettersCallsAndConsultationsButNeverThePortalsOwnForm()
    {
        Assert.Equal([CaseChannel.Fax, CaseChannel.Letter, CaseChannel.Phone, CaseChannel.Consultation], PaperIntakeRules.Channels);
        // A consultation's case is started from its booking, never chosen on the first step.
        Assert.Equal([CaseChannel.Fax, CaseChannel.Letter, CaseChannel.Phone], PaperIntakeRules.ChosenByStaff);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, null)]
    [InlineData(1, PaperTimeProblem.InTheFuture)]
    [InlineData(-60 * 24 * 365, null)]
    [InlineData(-60 * 24 * 365 - 1, PaperTimeProblem.TooOld)]
    public void ATimeIsNeverInTheFutureNorMoreThanAYearBack(int minutesFromNow, PaperTimeProblem? problem) =>
        Assert.Equal(problem, PaperIntakeRules.Check(Now.AddMinutes(minutesFromNow), Now));

    private static ComplaintDetails WithoutEmail()
    {
        var details = TestComplaints.Details();
        return details with { Consumer = details.Consumer with { Email = null } };
    }

    private static Case Enter(CaseChannel channel = CaseChannel.Fax, ComplaintDetails? details = null, ConsentChoices? consent = null, DateTimeOffset? receivedAt = null) =>
        Case.Receive(new CaseNumber(2026, 11), Guid.NewGuid(), details ?? WithoutEmail(), consent ?? TestComplaints.AttestedConsent(), "ja",
            receivedAt ?? Now.AddDays(-3), [Guid.NewGuid()], paper: new PaperIntake(channel, StaffId));

    [Fact]
    public void AFaxBecomesACaseReceivedWhenItCameWithItsChannelAndWhoEnteredIt()
    {
        // Three weeks back: past the triage deadline whatever weekends, holidays or year-end closure lie between.
        var came = Now.AddDays(-21);
        var c = Enter(receivedAt: came);
        Assert.Equal((CaseChannel.Fax, (Guid?)StaffId, came, CaseStatus.Received), (c.Channel, c.EnteredById, c.ReceivedAt, c.Status));
        Assert.Null(c.ConsumerEmail);

        // The clocks count from the receipt, not from the typing: a fax left that long is already past its triage deadline.
        Assert.Equal(CaseClocks.TriageDue(came), c.DueAt);
        Assert.True(c.IsOverdue(Now));
        var received = Assert.Single(c.Events);
        Assert.Equal(new CaseEventData.Received(CaseChannel.Fax), received.ReadData());
        Assert.False(c.RequiresConsumerEmail);
        Assert.Single(c.Evidence);
    }

    [Fact]
    public void AConsumersOwnCaseCameThroughThePortalAndNeedsItsEmail()
    {
        var c = Case.Receive(new CaseNumber(2026, 12), Guid.NewGuid(), TestComplaints.Details(), TestComplaints.Consent(), "ja", Now, []);
        Assert.Equal((CaseChannel.Portal, (Guid?)null), (c.Channel, c.EnteredById));
        Assert.True(c.RequiresConsumerEmail);
        Assert.Null(Assert.Single(c.Events).ReadData());
    }

    [Fact]
    public void APaperCaseNeedsStaffsAttestationOfTheConsentAChannelAndItsAuthor()
    {
        Assert.Throws<ArgumentException>(() => Enter(consent: TestComplaints.Consent()));
        Assert.Throws<ArgumentException>(() => Enter(channel: CaseChannel.Portal));
        Assert.Throws<ArgumentException>(() => Case.Receive(new CaseNumber(2026, 11), Guid.NewGuid(), WithoutEmail(), TestComplaints.AttestedConsent(), "ja", Now, [],
            paper: new PaperIntake(CaseChannel.Phone, Guid.Empty)));
        Assert.Throws<ArgumentException>(() => Case.Receive(new CaseNumber(2026, 11), Guid.NewGuid(), WithoutEmail(), TestComplaints.AttestedConsent(), "ja", Now, [],
            new CounselorFiling(Guid.NewGuid(), Guid.NewGuid(), ResidentRelation.Self), new PaperIntake(CaseChannel.Phone, StaffId)));
        Assert.Equal("taro@example.jp", Enter(details: TestComplaints.Details()).ConsumerEmail);
    }

    [Fact]
    public void AStaffDraftHoldsHowAndWhenTheCaseCameAndCannotTakeAConsumersOwnConsent()
    {
        var draft = IntakeDraft.ForStaff(StaffId, CaseChannel.Letter, Now.AddHours(-2), "en", TestComplaints.AttestedConsent(), Now);
        Assert.Equal((StaffId, CaseChannel.Letter, Now.AddHours(-2), "en"), (draft.StaffId!.Value, draft.PaperChannel!.Value, draft.PaperReceivedAt!.Value, draft.PaperLanguage!));
        Assert.True(draft.IsStaffDraft);
        Assert.False(draft.IsCounselorDraft);
        Assert.Null(draft.TokenHash);
        Assert.Throws<ArgumentException>(() => draft.GiveConsent(TestComplaints.Consent(), Now));
        Assert.Throws<ArgumentException>(() => draft.RecordPaperIntake(CaseChannel.Fax, Now.AddMinutes(1), "ja", TestComplaints.AttestedConsent(), Now));
        Assert.Throws<ArgumentException>(() => draft.RecordPaperIntake(CaseChannel.Portal, Now, "ja", TestComplaints.AttestedConsent(), Now));
        Assert.Throws<ArgumentException>(() => draft.RecordPaperIntake(CaseChannel.Fax, Now, "fr", TestComplaints.AttestedConsent(), Now));
        Assert.Throws<ArgumentException>(() => draft.RecordPaperIntake(CaseChannel.Fax, Now, "ja", TestComplaints.AttestedConsent() with { GivenAt = Now.AddHours(1) }, Now));
        Assert.Throws<ArgumentException>(() => IntakeDraft.ForStaff(Guid.Empty, CaseChannel.Fax, Now, "ja", TestComplaints.AttestedConsent(), Now));

        // A consumer's or a counselor's draft is no staff draft.
        Assert.Throws<ArgumentException>(() => IntakeDraft.ForCounselor(Guid.NewGuid(), ResidentRelation.Self, TestComplaints.AttestedConsent(), Now)
            .RecordPaperIntake(CaseChannel.Fax, Now, "ja", TestComplaints.AttestedConsent(), Now));
    }

    private static StartPaperCase.Form ValidStart() => new()
    {
        Channel = "Fax",
        ReceivedDate = JapanDate(Now.AddHours(-3)),
        ReceivedTime = JapanClock(Now.AddHours(-3)),
        Language = "ja",
        AgreesToHandling = true,
        HandlingMethod = "Writing",
        HasContactedBusiness = true,
        IsConsumerPurchase = true,
        ProvisionAbroad = "yes",
        AbroadMethod = "Writing",
        ConsentDate = JapanDate(Now.AddHours(-4)),
        ConsentTime = JapanClock(Now.AddHours(-4)),
    };

    private static string JapanDate(DateTimeOffset at) => at.ToOffset(CaseClocks.JapanOffset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string JapanClock(DateTimeOffset at) => at.ToOffset(CaseClocks.JapanOffset).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Errors(StartPaperCase.Form form) =>
        InLanguage("ja", () => new StartPaperCase.Validator(PaperText, Clock).Validate(form).Errors.Select(e => e.ErrorMessage).ToList());

    [Fact]
    public void TheFirstStepAcceptsACompleteRecordAndReadsItsTimesInJapanTime()
    {
        var form = ValidStart();
        Assert.Empty(Errors(form));
        Assert.Equal(Now.AddHours(-3).AddSeconds(-Now.Second).AddTicks(-(Now.Ticks % TimeSpan.TicksPerSecond)), form.ReceivedAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 5, 30, 0, TimeSpan.Zero), StartPaperCase.JapanTime("2026-12-01", "14:30"));
        Assert.Null(StartPaperCase.JapanTime("2026-12-01", "25:00"));
        Assert.Null(StartPaperCase.JapanTime("12/01", "14:30"));
    }

    [Fact]
    public void TheFirstStepNamesEachMissingOrImpossiblePart()
    {
        Assert.Equal(
        [
            "届いた方法（FAX・郵便・電話）を選んでください", "受け付けた日を「2026-12-01」の形で入力してください", "相談者への連絡に使う言語を選んでください",
            "相談者の個人情報の取扱いへの同意を確認してください", "相談者がどのように同意したかを選んでください", "相談者がまず事業者に連絡したことを確認してください",
            "個人としての購入であることを確認してください", "海外への提供に同意したかどうかを選んでください", "同意した日を「2026-12-01」の形で入力してください",
        ], Errors(new StartPaperCase.Form()));

        var future = ValidStart();
        future.ReceivedDate = JapanDate(Now.AddDays(1));
        Assert.Equal(["受け付けた日時が未来になっています。実際に届いた日時を入力してください"], Errors(future));

        var old = ValidStart();
        old.ConsentDate = JapanDate(Now.AddDays(-400));
        Assert.Equal(["同意した日時が1年以上前になっています。日付を確認してください"], Errors(old));

        var noTime = ValidStart();
        noTime.ReceivedTime = "2時半";
        Assert.Equal(["受け付けた時刻を「14:30」の形で入力してください"], Errors(noTime));

        var portal = ValidStart();
        portal.Channel = "Portal";
        portal.AbroadMethod = null;
        Assert.Equal(["届いた方法（FAX・郵便・電話）を選んでください", "海外への提供にどのように同意したかを選んでください"], Errors(portal));
    }
}
