using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using static CrossBorderConsumerCenter.Web.Domain.Partners.ForwardingRefusal;

namespace CrossBorderConsumerCenter.UnitTests.Partners;

/// <summary>When a case may be forwarded, and what a forward may carry.</summary>
public class ForwardingRulesTests
{
    private static readonly PartnerListing Cbbb = PartnerRegistryTests.Agency(1, "CBBB", countries: ["US", "CA"]);

    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.Forwarded)]
    [InlineData(CaseStatus.PartnerResponded)]
    public void AnOpenCaseWithConsentAndAnActiveAgencyWithAnAddressCanBeForwarded(CaseStatus status) =>
        Assert.Empty(ForwardingRules.Refusals(status, agreesToProvisionAbroad: true, Cbbb));

    [Fact]
    public void EachReasonIsGiven()
    {
        Assert.Equal([NoConsent], ForwardingRules.Refusals(CaseStatus.InProgress, false, Cbbb));
        Assert.Equal([CaseFinished], ForwardingRules.Refusals(CaseStatus.Closed, true, Cbbb));
        Assert.Equal([CaseFinished], ForwardingRules.Refusals(CaseStatus.Declined, true, Cbbb));
        Assert.Equal([ForwardingRefusal.WaitingForConsumer], ForwardingRules.Refusals(CaseStatus.WaitingForConsumer, true, Cbbb));
        Assert.Equal([NoAgency], ForwardingRules.Refusals(CaseStatus.InProgress, true, null));
        Assert.Equal([AgencyInactive], ForwardingRules.Refusals(CaseStatus.InProgress, true, Cbbb with { IsActive = false }));
        Assert.Equal([AgencyHasNoAddress], ForwardingRules.Refusals(CaseStatus.InProgress, true, Cbbb with { HasAddresses = false }));
    }

    [Fact]
    public void AllReasonsAreGivenAtOnceMostFundamentalFirst() =>
        Assert.Equal([CaseFinished, NoConsent, NoAgency], ForwardingRules.Refusals(CaseStatus.Declined, false, null));

    [Fact]
    public void AForwardAlwaysCarriesTheFactsAndTheChosenDetailsAndFilesIfAny()
    {
        Assert.Equal([ProvidedItem.Purchase, ProvidedItem.Complaint], ForwardingRules.ItemsProvided([], 0));
        Assert.Equal([ProvidedItem.Name, ProvidedItem.Purchase, ProvidedItem.Complaint, ProvidedItem.EvidenceFiles], ForwardingRules.ItemsProvided([ProvidedItem.Name], 2));
        Assert.Equal([ProvidedItem.Name, ProvidedItem.Address, ProvidedItem.Purchase, ProvidedItem.Complaint],
            ForwardingRules.ItemsProvided([ProvidedItem.Address, ProvidedItem.Name, ProvidedItem.EvidenceFiles], 0));
    }

    private static readonly ConsumerContact Taro = new("山田 太郎", "ヤマダ タロウ", "taro@example.jp", "090-1234-5678", "千代田区千代田1-1");

    [Theory]
    [InlineData("Please contact TARO@example.jp", new[] { PersonalDetail.Email })]
    [InlineData("Call 090 1234 5678 or ０９０１２３４５６７８", new[] { PersonalDetail.Phone })]
    [InlineData("The consumer, 山田 太郎, ...", new[] { PersonalDetail.Name })]
    [InlineData("ヤマダ タロウ says", new[] { PersonalDetail.Name })]
    [InlineData("Lives at 千代田区千代田1-1", new[] { PersonalDetail.Address })]
    [InlineData("Order A-1001 of 129.99 USD on 2026-10-01", new PersonalDetail[0])]
    public void TheTextIsCheckedForTheConsumersDetailsThatMustNotGo(string text, PersonalDetail[] expected) =>
        Assert.Equal(expected, ForwardingRules.PersonalDetailsInText(text, Taro, []));

    [Fact]
    public void ANameOrAnAddressChosenForTheForwardMayBeInTheTextButNeverTheEmailOrPhone()
    {
        const string text = "山田 太郎, 千代田区千代田1-1, taro@example.jp, 09012345678";
        Assert.Equal([PersonalDetail.Email, PersonalDetail.Phone], ForwardingRules.PersonalDetailsInText(text, Taro, [ProvidedItem.Name, ProvidedItem.Address]));
    }
}
