using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>Staff correct a case's merchant and contact details: what changes, the timeline line, and what a new country does to the status and the clocks.</summary>
public class CaseCorrectionTests
{
    private static readonly DateTimeOffset Now = TestComplaints.Now;
    private static readonly CaseActor Staff = CaseActor.Staff(Guid.NewGuid(), "佐藤 花子");

    private static Case Received() =>
        Case.Receive(new CaseNumber(2026, 21), Guid.NewGuid(), TestComplaints.Details(), TestComplaints.Consent(), "ja", Now.AddDays(-1), []);

    private static Case In(CaseStatus status)
    {
        var c = Received();
        switch (status)
        {
            case CaseStatus.InProgress:
                c.Assign(null, null, Staff, Now.AddHours(-5));
                break;
            case CaseStatus.WaitingForConsumer:
                c.RequestInformation("注文確認メールを送ってください。", Staff, Now.AddHours(-5));
                break;
            case CaseStatus.Forwarded or CaseStatus.PartnerResponded:
                c.Apply(CaseAction.Forward, CaseEventKind.Forwarded, Staff, Now.AddHours(-5), null, new CaseEventData.Forwarded("CBBB", null, "US", null, null, null, 0),
                    visibleToConsumer: true, dueAt: Now.AddDays(20));
                if (status == CaseStatus.PartnerResponded)
                {
                    c.Apply(CaseAction.RecordPartnerResponse, CaseEventKind.PartnerResponded, new CaseActor(CaseActorKind.Partner, null, "CBBB"), Now.AddHours(-4), "x", null, visibleToConsumer: false);
                }

                break;
            case CaseStatus.Closed:
                c.Close(CaseOutcome.Resolved, null, Staff, Now.AddHours(-5));
                break;
        }

        Assert.Equal(status, c.Status);
        return c;
    }

    [Fact]
    public void NothingDifferentIsNoCorrection()
    {
        var c = Received();
        Assert.Null(c.Correct(CaseCorrection.Of(c), "確認", Staff, Now));
        Assert.Single(c.Events);
    }

    [Fact]
    public void ACorrectionNamesTheFieldsInTheFormsOrderAndKeepsTheReason()
    {
        var c = Received();
        var due = c.DueAt;
        var activity = c.LastActivityAt;
        var e = c.Correct(CaseCorrection.Of(c) with { ConsumerPhone = "03-1234-5678", BusinessName = "Example Gadgets LLC", ConsumerNameKana = null }, "FAXの原本と照合", Staff, Now)!;
        Assert.Equal(CaseEventKind.Corrected, e.Kind);
        Assert.Equal("FAXの原本と照合", e.Text);
        Assert.False(e.VisibleToConsumer);
        var data = Assert.IsType<CaseEventData.Corrected>(e.ReadData());
        Assert.Equal(["BusinessName", "ConsumerNameKana", "ConsumerPhone"], data.Fields);
        Assert.Equal((null, null), (data.CountryFrom, data.CountryTo));
        Assert.Equal(("03-1234-5678", "Example Gadgets LLC", (string?)null), (c.ConsumerPhone, c.BusinessName, c.ConsumerNameKana));

        // Details only: the status, the deadline and the queue's "recently active" order stay.
        Assert.Equal((CaseStatus.Received, due, activity), (c.Status, c.DueAt, c.LastActivityAt));
    }

    [Fact]
    public void BlankOptionalValuesAreNoneAndARequiredOneCannotBeBlank()
    {
        var c = Received();
        Assert.Null(c.Correct(CaseCorrection.Of(c) with { BusinessPhone = "  " }, "空欄", Staff, Now));
        Assert.Throws<ArgumentException>(() => c.Correct(CaseCorrection.Of(c) with { ConsumerName = " " }, "x", Staff, Now));
        Assert.Throws<ArgumentException>(() => c.Correct(CaseCorrection.Of(c) with { BusinessName = "B" }, " ", Staff, Now));
        Assert.Throws<ArgumentException>(() => c.Correct(CaseCorrection.Of(c) with { BusinessCountryCode = "JP" }, "x", Staff, Now));
        Assert.Throws<ArgumentException>(() => c.Correct(CaseCorrection.Of(c) with { BusinessCountryCode = "XX" }, "x", Staff, Now));
        Assert.Throws<ArgumentException>(() => c.Correct(CaseCorrection.Of(c) with { ConsumerPrefectureCode = "JP-99" }, "x", Staff, Now));

        // A consumer who filed online keeps an email address; nothing was changed by the refusals.
        Assert.Throws<ArgumentException>(() => c.Correct(CaseCorrection.Of(c) with { ConsumerEmail = null }, "x", Staff, Now));
        Assert.Equal(CaseCorrection.Of(Received()) with { }, CaseCorrection.Of(c));
        Assert.Single(c.Events);
    }

    [Theory]
    [InlineData(CaseStatus.Received, CaseStatus.Received, false)]
    [InlineData(CaseStatus.InProgress, CaseStatus.InProgress, false)]
    [InlineData(CaseStatus.WaitingForConsumer, CaseStatus.WaitingForConsumer, false)]
    [InlineData(CaseStatus.Forwarded, CaseStatus.InProgress, true)]
    [InlineData(CaseStatus.PartnerResponded, CaseStatus.InProgress, true)]
    public void ANewCountryTakesACaseWithTheOldCountrysAgencyBackToTheStaffWithAWorkDeadline(CaseStatus from, CaseStatus to, bool newDeadline)
    {
        var c = In(from);
        var due = c.DueAt;
        var e = c.Correct(CaseCorrection.Of(c) with { BusinessCountryCode = "CA" }, "カナダの事業者", Staff, Now)!;
        Assert.Equal((from, to), (e.FromStatus, e.ToStatus));
        Assert.Equal(to, c.Status);
        Assert.Equal("CA", c.BusinessCountryCode);
        var data = Assert.IsType<CaseEventData.Corrected>(e.ReadData());
        Assert.Equal(["BusinessCountryCode"], data.Fields);
        Assert.Equal(("US", "CA"), (data.CountryFrom, data.CountryTo));
        Assert.Equal("""{"fields":["BusinessCountryCode"],"countryFrom":"US","countryTo":"CA"}""", e.Data);
        Assert.Equal(newDeadline ? CaseClocks.WorkDue(Now) : due, c.DueAt);
        Assert.Equal(Now, c.LastActivityAt);
    }

    [Fact]
    public void AFinishedCaseIsReopenedBeforeItIsCorrected()
    {
        var c = In(CaseStatus.Closed);
        Assert.Throws<InvalidOperationException>(() => c.Correct(CaseCorrection.Of(c) with { BusinessName = "Other" }, "x", Staff, Now));
        Assert.Equal("Example Gadgets Inc.", c.BusinessName);
    }

    [Fact]
    public void ChangedFieldsAreComparedExactly()
    {
        var a = CaseCorrection.Of(Received());
        Assert.Empty(a.ChangedIn(a with { }));
        Assert.Equal(["BusinessCountryCode", "ConsumerEmail", "ConsumerAddress"],
            a.ChangedIn(a with { BusinessCountryCode = "GB", ConsumerEmail = "TARO@example.jp", ConsumerAddress = a.ConsumerAddress + " " }));
    }

    [Fact]
    public void ClosingALinkEndsItNowButLeavesAnAnsweredOrExpiredOneAsItWas()
    {
        var (open, _) = Web.Domain.Partners.PartnerLink.Create(Guid.NewGuid(), 1, Guid.NewGuid(), Now.AddDays(-1), TimeSpan.FromDays(30));
        open.Close(Now);
        Assert.Equal(Now, open.ExpiresAt);
        Assert.True(open.IsExpiredAt(Now));

        var (answered, _) = Web.Domain.Partners.PartnerLink.Create(Guid.NewGuid(), 1, Guid.NewGuid(), Now.AddDays(-1), TimeSpan.FromDays(30));
        answered.RecordAnswer(Web.Domain.Partners.PartnerOutcome.Refunded, Now.AddHours(-1));
        answered.Close(Now);
        Assert.Equal(Now.AddDays(29), answered.ExpiresAt);

        var (expired, _) = Web.Domain.Partners.PartnerLink.Create(Guid.NewGuid(), 1, Guid.NewGuid(), Now.AddDays(-40), TimeSpan.FromDays(30));
        expired.Close(Now);
        Assert.Equal(Now.AddDays(-10), expired.ExpiresAt);
    }
}
