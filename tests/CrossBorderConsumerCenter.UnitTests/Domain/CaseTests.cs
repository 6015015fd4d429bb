using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

public class CaseTests
{
    private static readonly Guid Submission = Guid.NewGuid();

    [Fact]
    public void AReceivedCaseCarriesItsNumberConsentAndEvidence()
    {
        var files = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var @case = Case.Receive(new CaseNumber(2026, 123), Submission, TestComplaints.Details(), TestComplaints.Consent(abroad: false), "en", TestComplaints.Now, files);

        Assert.Equal("CCJ-2026-000123", @case.Number);
        Assert.Equal(CaseStatus.Received, @case.Status);
        Assert.Equal(Submission, @case.SubmissionId);
        Assert.Equal("en", @case.Language);
        Assert.Equal(TestComplaints.Now, @case.ReceivedAt);
        Assert.Equal("US", @case.BusinessCountryCode);
        Assert.Equal(129.99m, @case.PurchaseAmount);

        var consent = Assert.Single(@case.Consents);
        Assert.Same(consent, @case.Consent);
        Assert.Equal(@case.Id, consent.CaseId);
        Assert.Equal(PrivacyNotice.CurrentVersion, consent.NoticeVersion);
        Assert.True(consent.AgreesToHandling && consent.HasContactedBusiness && consent.IsConsumerPurchase);
        Assert.False(consent.AgreesToProvisionAbroad);
        Assert.Equal(TestComplaints.Now.AddMinutes(-30), consent.GivenAt);

        Assert.Equal(files, @case.Evidence.Select(e => e.StoredFileId));
        Assert.All(@case.Evidence, e => Assert.Equal(@case.Id, e.CaseId));
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void ACaseCannotExistWithoutTheRequiredConsent(bool handling, bool contacted, bool consumer) =>
        Assert.Throws<ArgumentException>(() => Case.Receive(new CaseNumber(2026, 1), Submission, TestComplaints.Details(),
            TestComplaints.Consent(handling: handling, contacted: contacted, consumer: consumer), "ja", TestComplaints.Now, []));

    [Fact]
    public void ACounterfeitCaseNeedsTheAcknowledgement()
    {
        Assert.Throws<ArgumentException>(() => Receive(TestComplaints.Details(category: CaseCategory.Counterfeit)));
        Assert.Equal(CaseCategory.Counterfeit, Receive(TestComplaints.Details(category: CaseCategory.Counterfeit, counterfeitAcknowledged: true)).Category);
    }

    [Theory]
    [InlineData("JP")]
    [InlineData("XX")]
    [InlineData("us")]
    public void TheBusinessMustBeAbroad(string country) =>
        Assert.Throws<ArgumentException>(() => Receive(TestComplaints.Details(country: country)));

    [Theory]
    [InlineData(0, "USD")]
    [InlineData(-1, "USD")]
    [InlineData(1_000_000_000_000, "USD")]
    [InlineData(10, "XXX")]
    public void TheAmountMustBePositiveInAKnownCurrency(decimal amount, string currency) =>
        Assert.Throws<ArgumentException>(() => Receive(TestComplaints.Details(amount: amount, currency: currency)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RequiredTextCannotBeBlank(string name) =>
        Assert.Throws<ArgumentException>(() => Receive(TestComplaints.Details(name: name)));

    [Fact]
    public void TextLongerThanItsLimitIsRefused() =>
        Assert.Throws<ArgumentException>(() => Receive(TestComplaints.Details(name: new string('山', ComplaintLimits.Name + 1))));

    [Fact]
    public void AnUnknownPrefectureIsRefused() =>
        Assert.Throws<ArgumentException>(() => Receive(TestComplaints.Details(prefecture: "JP-48")));

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("JA")]
    public void TheLanguageIsJapaneseOrEnglish(string language) =>
        Assert.Throws<ArgumentException>(() => Case.Receive(new CaseNumber(2026, 1), Submission, TestComplaints.Details(), TestComplaints.Consent(), language, TestComplaints.Now, []));

    [Fact]
    public void AtMostTenEvidenceFiles() =>
        Assert.Throws<ArgumentException>(() => Case.Receive(new CaseNumber(2026, 1), Submission, TestComplaints.Details(), TestComplaints.Consent(), "ja", TestComplaints.Now,
            [.. Enumerable.Range(0, 11).Select(_ => Guid.NewGuid())]));

    [Fact]
    public void ACaseNeedsTheDraftItCameFrom() =>
        Assert.Throws<ArgumentException>(() => Case.Receive(new CaseNumber(2026, 1), Guid.Empty, TestComplaints.Details(), TestComplaints.Consent(), "ja", TestComplaints.Now, []));

    private static Case Receive(ComplaintDetails details) =>
        Case.Receive(new CaseNumber(2026, 1), Submission, details, TestComplaints.Consent(), "ja", TestComplaints.Now, []);
}
