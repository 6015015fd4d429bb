using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Intake;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>Cases a counselor files for a resident, what the consumer's side adds to a case, and the tracking link's rules.</summary>
public class CounselorCaseTests
{
    private static readonly DateTimeOffset Now = TestComplaints.Now;
    private static readonly CounselorFiling Filing = new(Guid.NewGuid(), Guid.NewGuid(), ResidentRelation.Carer);

    private static ComplaintDetails WithoutEmail()
    {
        var details = TestComplaints.Details();
        return details with { Consumer = details.Consumer with { Email = null } };
    }

    private static Case File(ComplaintDetails? details = null, ConsentChoices? consent = null, CounselorFiling? filing = null) =>
        Case.Receive(new CaseNumber(2026, 9), Guid.NewGuid(), details ?? WithoutEmail(), consent ?? TestComplaints.AttestedConsent(), "ja", Now, [], filing ?? Filing);

    [Fact]
    public void ACounselorFilesForAResidentWithoutEmailAndTheCaseRecordsWhoFiledItForWhichCenter()
    {
        var c = File();
        Assert.Null(c.ConsumerEmail);
        Assert.True(c.IsFiledByCounselor);
        Assert.Equal(Filing.CounselorId, c.FiledByCounselorId);
        Assert.Equal(Filing.CenterId, c.FiledByCenterId);
        Assert.Equal(ResidentRelation.Carer, c.ResidentRelation);
        Assert.Equal(ConsentMethod.InPerson, c.Consent.HandlingMethod);
        Assert.Equal(ConsentMethod.Phone, c.Consent.AbroadMethod);
    }

    [Fact]
    public void AResidentWithAnEmailKeepsIt() =>
        Assert.Equal("taro@example.jp", File(details: TestComplaints.Details()).ConsumerEmail);

    [Fact]
    public void AConsumerFilingOnlineMustGiveAnEmail() =>
        Assert.Throws<ArgumentException>(() => Case.Receive(new CaseNumber(2026, 9), Guid.NewGuid(), WithoutEmail(), TestComplaints.Consent(), "ja", Now, []));

    [Fact]
    public void ACounselorsCaseNeedsTheAttestationOfHowTheResidentConsented()
    {
        // Without any method, the consent is the consumer's own online consent: not for a resident.
        Assert.Throws<ArgumentException>(() => File(consent: TestComplaints.Consent()));

        // Agreeing to the provision abroad without saying how, or saying how for a refusal, is no attestation.
        var noAbroadMethod = TestComplaints.AttestedConsent() with { AbroadMethod = null };
        Assert.Throws<ArgumentException>(() => File(consent: noAbroadMethod));
        var methodForARefusal = TestComplaints.AttestedConsent(abroad: false) with { AbroadMethod = ConsentMethod.Writing };
        Assert.Throws<ArgumentException>(() => File(consent: methodForARefusal));

        Assert.Null(File(consent: TestComplaints.AttestedConsent(abroad: false)).Consent.AbroadMethod);
    }

    [Fact]
    public void AConsumersOwnCaseCannotCarryACounselorsAttestation() =>
        Assert.Throws<ArgumentException>(() => Case.Receive(new CaseNumber(2026, 9), Guid.NewGuid(), TestComplaints.Details(), TestComplaints.AttestedConsent(), "ja", Now, []));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void AFilingNamesItsCounselorAndCenter(bool noCounselor, bool noCenter) =>
        Assert.Throws<ArgumentException>(() => File(filing: new CounselorFiling(noCounselor ? Guid.Empty : Guid.NewGuid(), noCenter ? Guid.Empty : Guid.NewGuid(), ResidentRelation.Self)));

    [Fact]
    public void TheConsumersAnswerBringsTheCaseBackToTheStaffWithItsFilesAsEvidence()
    {
        var c = File();
        c.RequestInformation("領収書を送ってください。", CaseActor.Staff(Guid.NewGuid(), "佐藤"), Now);
        var files = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var answer = c.ReceiveConsumerReply("添付します。", CaseActor.Consumer, Now.AddHours(1), files);

        Assert.Equal(CaseStatus.InProgress, c.Status);
        Assert.True(answer.VisibleToConsumer);
        Assert.Equal(files, c.Evidence.Select(e => e.StoredFileId));
        Assert.Equal(2, Assert.IsType<CaseEventData.ConsumerReplied>(answer.ReadData()).Files);
    }

    [Fact]
    public void AnAnswerWithoutFilesHasNoParticulars()
    {
        var c = File();
        c.RequestInformation("?", CaseActor.Staff(Guid.NewGuid(), "佐藤"), Now);
        Assert.Null(c.ReceiveConsumerReply("はい", CaseActor.Consumer, Now).Data);
        Assert.Empty(c.Evidence);
    }

    [Fact]
    public void ACounselorAddsInformationToAnOpenCaseWithoutMovingIt()
    {
        var c = File();
        var counselor = CaseActor.Counselor(Filing.CounselorId, "相談員 一郎");
        var added = c.AddInformation("追加の写真です。", counselor, Now.AddHours(2), [Guid.NewGuid()]);

        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(CaseEventKind.InformationAdded, added.Kind);
        Assert.Equal(CaseActorKind.Counselor, added.ActorKind);
        Assert.True(added.VisibleToConsumer);
        Assert.Single(c.Evidence);
        Assert.Equal(Now.AddHours(2), c.LastActivityAt);
    }

    [Fact]
    public void NothingIsAddedToAFinishedCase()
    {
        var c = File();
        c.Close(CaseOutcome.Resolved, null, CaseActor.Staff(Guid.NewGuid(), "佐藤"), Now);
        Assert.Throws<InvalidOperationException>(() => c.AddInformation("まだあります", CaseActor.Counselor(Guid.NewGuid(), "x"), Now, []));
    }

    [Fact]
    public void AnAdditionHasAtMostTenFilesAndAFileIsEvidenceOnce()
    {
        var c = File();
        Assert.Throws<ArgumentException>(() => c.AddInformation("多すぎ", CaseActor.Counselor(Guid.NewGuid(), "x"), Now, [.. Enumerable.Range(0, EvidenceFiles.MaxFiles + 1).Select(_ => Guid.NewGuid())]));
        var file = Guid.NewGuid();
        c.AddInformation("一度目", CaseActor.Counselor(Guid.NewGuid(), "x"), Now, [file, file]);
        c.AddInformation("二度目", CaseActor.Counselor(Guid.NewGuid(), "x"), Now, [file]);
        Assert.Single(c.Evidence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddedInformationSaysSomething(string text) =>
        Assert.Throws<ArgumentException>(() => File().AddInformation(text, CaseActor.Counselor(Guid.NewGuid(), "x"), Now, [Guid.NewGuid()]));

    [Fact]
    public void ATrackingLinkKeepsOnlyAHashAndWhenItWasIssued()
    {
        var caseId = Guid.NewGuid();
        var link = new CaseTrackingLink(caseId, new string('b', 64), Now);
        Assert.Equal(caseId, link.CaseId);
        Assert.Equal(new string('b', 64), link.TokenHash);
        Assert.Equal(Now, link.IssuedAt);
        Assert.NotEqual(link.Id, new CaseTrackingLink(caseId, new string('c', 64), Now).Id);
        Assert.Throws<ArgumentException>(() => new CaseTrackingLink(caseId, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde", Now));
        Assert.Throws<ArgumentException>(() => new CaseTrackingLink(caseId, new string('A', 64), Now));
    }

    [Fact]
    public void ACounselorsDraftIsFoundByItsOwnerAndHoldsTheAttestation()
    {
        var counselor = Guid.NewGuid();
        var draft = IntakeDraft.ForCounselor(counselor, ResidentRelation.Guardian, TestComplaints.AttestedConsent(), Now);
        Assert.Null(draft.TokenHash);
        Assert.Equal(counselor, draft.CounselorId);
        Assert.Equal(ResidentRelation.Guardian, draft.ResidentRelation);
        Assert.Equal(ConsentMethod.Phone, draft.Consent.AbroadMethod);

        draft.AttestConsent(ResidentRelation.Self, TestComplaints.AttestedConsent(abroad: false), Now.AddMinutes(5));
        Assert.Equal(ResidentRelation.Self, draft.ResidentRelation);
        Assert.False(draft.Consent.AgreesToProvisionAbroad);
        Assert.Null(draft.Consent.AbroadMethod);
    }

    [Fact]
    public void ACounselorsDraftNeedsAnAttestationAndAConsumersDraftRefusesOne()
    {
        Assert.Throws<ArgumentException>(() => IntakeDraft.ForCounselor(Guid.NewGuid(), ResidentRelation.Self, TestComplaints.Consent(), Now));
        Assert.Throws<ArgumentException>(() => IntakeDraft.ForCounselor(Guid.Empty, ResidentRelation.Self, TestComplaints.AttestedConsent(), Now));
        var consumers = new IntakeDraft(new string('c', 64), TestComplaints.Consent(), Now);
        Assert.Throws<ArgumentException>(() => consumers.GiveConsent(TestComplaints.AttestedConsent(), Now));
        Assert.Throws<ArgumentException>(() => consumers.AttestConsent(ResidentRelation.Self, TestComplaints.AttestedConsent(), Now));
    }
}
