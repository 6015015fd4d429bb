using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Intake;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

public class IntakeDraftTests
{
    private static readonly DateTimeOffset Now = TestComplaints.Now;

    [Fact]
    public void ADraftStartsWithCompleteConsentAndExpiresADayAfterItsLastChange()
    {
        var draft = NewDraft();
        Assert.Equal(Now + TimeSpan.FromHours(24), draft.ExpiresAt);
        Assert.True(draft.Consent.IsValidFor(PrivacyNotice.CurrentVersion));

        draft.SaveForm("{}", Now.AddHours(5));
        Assert.Equal(Now.AddHours(29), draft.ExpiresAt);
        Assert.False(draft.IsExpired(Now.AddHours(28)));
        Assert.True(draft.IsExpired(Now.AddHours(29)));
    }

    [Fact]
    public void ADraftCannotStartWithoutTheRequiredConfirmations() =>
        Assert.Throws<ArgumentException>(() => new IntakeDraft("hash", TestComplaints.Consent(contacted: false), Now));

    [Fact]
    public void ConsentGivenAgainstAnOlderNoticeIsNoLongerValid()
    {
        var draft = new IntakeDraft("hash", TestComplaints.Consent() with { NoticeVersion = "2020-01" }, Now);
        Assert.True(draft.Consent.IsComplete);
        Assert.False(draft.Consent.IsValidFor(PrivacyNotice.CurrentVersion));
    }

    [Fact]
    public void FilesAreHeldWithinTheEvidenceLimits()
    {
        var draft = NewDraft();
        for (var i = 0; i < EvidenceFiles.MaxFiles; i++)
        {
            Assert.Null(draft.AddFile(Guid.NewGuid(), 1000, EvidenceFileType.Jpeg, Now));
        }

        Assert.Equal(EvidenceProblem.TooManyFiles, draft.AddFile(Guid.NewGuid(), 1000, EvidenceFileType.Jpeg, Now));
        Assert.Equal(EvidenceFiles.MaxFiles, draft.Files.Count);

        var first = draft.Files[0].StoredFileId;
        Assert.True(draft.RemoveFile(first, Now));
        Assert.False(draft.RemoveFile(first, Now));
        Assert.Null(draft.AddFile(Guid.NewGuid(), 1000, EvidenceFileType.Pdf, Now));
    }

    [Fact]
    public void AFileThatBreaksARuleIsNotHeld()
    {
        var draft = NewDraft();
        Assert.Equal(EvidenceProblem.UnsupportedType, draft.AddFile(Guid.NewGuid(), 1000, null, Now));
        Assert.Empty(draft.Files);
    }

    [Fact]
    public void SubmittingForgetsTheValuesAndFilesAndFreezesTheDraft()
    {
        var draft = NewDraft();
        draft.SaveForm("{\"x\":1}", Now);
        draft.AddFile(Guid.NewGuid(), 10, EvidenceFileType.Png, Now);
        var caseId = Guid.NewGuid();

        draft.MarkSubmitted(caseId, Now.AddMinutes(1));

        Assert.Equal(caseId, draft.SubmittedCaseId);
        Assert.True(draft.IsSubmitted);
        Assert.Equal("", draft.FormJson);
        Assert.Empty(draft.Files);
        Assert.Throws<InvalidOperationException>(() => draft.SaveForm("{}", Now));
        Assert.Throws<InvalidOperationException>(() => draft.MarkSubmitted(Guid.NewGuid(), Now));
        Assert.Throws<InvalidOperationException>(() => draft.GiveConsent(TestComplaints.Consent(), Now));
    }

    [Fact]
    public void AnOversizedFormIsRefused() =>
        Assert.Throws<ArgumentException>(() => NewDraft().SaveForm(new string('x', IntakeDraft.MaxFormJsonLength + 1), Now));

    private static IntakeDraft NewDraft() => new("hash", TestComplaints.Consent(), Now);
}
