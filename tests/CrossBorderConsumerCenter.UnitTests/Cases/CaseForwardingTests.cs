using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.UnitTests.Partners;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>A case forwarded to the partner agency (again), the agency's answer, telling the consumer, and keeping waiting.</summary>
public class CaseForwardingTests
{
    private static readonly CaseActor Hanako = CaseActor.Staff(Guid.NewGuid(), "佐藤 花子");
    private static readonly PartnerListing Cbbb = PartnerRegistryTests.Agency(1, "CBBB", countries: ["US", "CA"]);

    /// <summary>Friday 2026-04-24 10:00 in Japan: ten business days cross Golden Week.</summary>
    private static readonly DateTimeOffset BeforeGoldenWeek = new(2026, 4, 24, 10, 0, 0, TimeSpan.FromHours(9));

    private static Case NewCase(bool abroad = true, string country = "US") =>
        Case.Receive(new CaseNumber(2026, 7), Guid.NewGuid(), TestComplaints.Details(country: country), TestComplaints.Consent(abroad: abroad), "ja", BeforeGoldenWeek.AddDays(-1), []);

    private static PartnerProvision Provision(Case c, DateTimeOffset at, params ProvidedItem[] items) =>
        new(Guid.CreateVersion7(at), c.Id, Cbbb, c.BusinessCountryCode, ["cbbb@partners.example.org"], items, ["receipt.pdf"], Guid.NewGuid(), Hanako.UserId, Hanako.Name, at);

    [Fact]
    public void ForwardingWaitsForTheAgencyUntilItsDeadlineInBusinessDaysAcrossGoldenWeek()
    {
        var c = NewCase();
        var e = c.Forward(Provision(c, BeforeGoldenWeek, ProvidedItem.Name, ProvidedItem.Purchase), responseBusinessDays: 10, Hanako, BeforeGoldenWeek);

        // 27, 28, 30 Apr, 1, 7, 8, 11, 12, 13, 14 May: 29 Apr and 4-6 May are holidays.
        Assert.Equal(new DateTimeOffset(2026, 5, 14, 17, 45, 0, TimeSpan.FromHours(9)), c.DueAt);
        Assert.Equal(CaseStatus.Forwarded, c.Status);
        Assert.Equal(CaseEventKind.Forwarded, e.Kind);
        Assert.True(e.VisibleToConsumer);
        var data = Assert.IsType<CaseEventData.Forwarded>(e.ReadData());
        Assert.Equal("CBBB", data.Agency);
        Assert.Equal(["Name", "Purchase"], data.Items!);
    }

    [Fact]
    public void AForwardNeedsTheConsumersConsentAndAnOpenCase()
    {
        var noConsent = NewCase(abroad: false);
        Assert.Throws<InvalidOperationException>(() => noConsent.Forward(Provision(noConsent, BeforeGoldenWeek), 10, Hanako, BeforeGoldenWeek));

        var closed = NewCase();
        closed.Close(CaseOutcome.NotResolved, null, Hanako, BeforeGoldenWeek);
        Assert.Throws<InvalidOperationException>(() => closed.Forward(Provision(closed, BeforeGoldenWeek), 10, Hanako, BeforeGoldenWeek));

        var other = NewCase();
        Assert.Throws<ArgumentException>(() => other.Forward(Provision(NewCase(), BeforeGoldenWeek), 10, Hanako, BeforeGoldenWeek));
    }

    [Fact]
    public void ARecordOfProvisionIsKeptForThreeYearsAndNamesWhatWasProvided()
    {
        var c = NewCase();
        var record = Provision(c, BeforeGoldenWeek, ProvidedItem.Name, ProvidedItem.EvidenceFiles);
        Assert.True(record.RetainUntil >= BeforeGoldenWeek.AddYears(3));
        Assert.Equal(("CBBB", "US"), (record.AgencyCode, record.CountryCode));
        Assert.Equal(["Name", "EvidenceFiles"], record.Items);
        Assert.Throws<ArgumentException>(() => Provision(NewCase(country: "TW"), BeforeGoldenWeek));
    }

    [Fact]
    public void TheAgencysAnswerMovesTheCaseToFollowUpWithItsFilesAsPartnerEvidence()
    {
        var c = NewCase();
        c.Forward(Provision(c, BeforeGoldenWeek), 10, Hanako, BeforeGoldenWeek);
        var answeredAt = BeforeGoldenWeek.AddDays(10);
        var file = Guid.NewGuid();
        var e = c.RecordPartnerResponse("CBBB", PartnerOutcome.Refunded, "Refunded in full on May 3.", Guid.NewGuid(), [file], answeredAt);

        Assert.Equal(CaseStatus.PartnerResponded, c.Status);
        Assert.Equal(CaseClocks.FollowUpDue(answeredAt), c.DueAt);
        Assert.Equal((CaseActorKind.Partner, "CBBB", "Refunded in full on May 3."), (e.ActorKind, e.ActorName, e.Text));
        Assert.False(e.VisibleToConsumer);
        var evidence = Assert.Single(c.Evidence);
        Assert.Equal((file, EvidenceSource.Partner), (evidence.StoredFileId, evidence.Source));

        // A follow-up forward, then a second answer through its own link.
        c.Forward(Provision(c, answeredAt.AddDays(1)), 10, Hanako, answeredAt.AddDays(1));
        Assert.Equal(CaseStatus.Forwarded, c.Status);
        c.RecordPartnerResponse("CBBB", PartnerOutcome.Shipped, null, Guid.NewGuid(), [], answeredAt.AddDays(5));
        Assert.Equal(CaseStatus.PartnerResponded, c.Status);
    }

    [Fact]
    public void NoAnswerIsRecordedForACaseNotWaitingForOne()
    {
        var c = NewCase();
        Assert.Throws<InvalidOperationException>(() => c.RecordPartnerResponse("CBBB", PartnerOutcome.Refused, null, Guid.NewGuid(), [], BeforeGoldenWeek));
    }

    [Fact]
    public void TellingTheConsumerKeepsTheStatusAndIsVisibleToThem()
    {
        var c = NewCase();
        c.Forward(Provision(c, BeforeGoldenWeek), 10, Hanako, BeforeGoldenWeek);
        c.RecordPartnerResponse("CBBB", PartnerOutcome.Refunded, null, Guid.NewGuid(), [], BeforeGoldenWeek.AddDays(3));
        var due = c.DueAt;
        var e = c.NotifyConsumer("返金されたとの報告がありました。", Hanako, BeforeGoldenWeek.AddDays(4));
        Assert.Equal((CaseStatus.PartnerResponded, due, true), (c.Status, c.DueAt, e.VisibleToConsumer));
        Assert.Throws<ArgumentException>(() => c.NotifyConsumer(" ", Hanako, BeforeGoldenWeek.AddDays(4)));
    }
}
