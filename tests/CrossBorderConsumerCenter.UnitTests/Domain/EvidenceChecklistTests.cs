using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

public class EvidenceChecklistTests
{
    [Fact]
    public void EveryCategoryHasAChecklistWithoutRepeats() =>
        Assert.All(Enum.GetValues<CaseCategory>(), category =>
        {
            var items = EvidenceChecklist.For(category);
            Assert.NotEmpty(items);
            Assert.Equal(items.Count, items.Distinct().Count());
        });

    [Fact]
    public void DamagedGoodsNeedAPhotoOfTheDefectAndOfTheShippingLabelFirst() =>
        Assert.Equal([EvidenceItem.PhotoOfDefect, EvidenceItem.PhotoOfShippingLabel], EvidenceChecklist.For(CaseCategory.DamagedOrDefective).Take(2));

    [Fact]
    public void NonDeliveryNeedsTheTrackingNumberFirst() =>
        Assert.Equal(EvidenceItem.TrackingNumber, EvidenceChecklist.For(CaseCategory.NotDelivered)[0]);

    [Fact]
    public void AnUnauthorizedChargeNeedsTheStatementShowingIt() =>
        Assert.Contains(EvidenceItem.StatementShowingCharge, EvidenceChecklist.For(CaseCategory.SubscriptionOrUnauthorizedCharge));

    [Fact]
    public void EveryEvidenceItemIsUsedBySomeCategory() =>
        Assert.Equal(
            Enum.GetValues<EvidenceItem>().Order(),
            Enum.GetValues<CaseCategory>().SelectMany(EvidenceChecklist.For).Distinct().Order());
}
