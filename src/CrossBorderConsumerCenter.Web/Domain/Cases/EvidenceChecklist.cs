namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>A kind of evidence that helps the center and the partner agency act.</summary>
public enum EvidenceItem
{
    OrderConfirmation,
    PaymentRecord,
    CorrespondenceWithBusiness,
    TrackingNumber,
    PhotoOfDefect,
    PhotoOfShippingLabel,
    PhotoOfItemReceived,
    ProductListing,
    ReturnPolicy,
    ReturnShippingRecord,
    AdvertisedPrice,
    StatementShowingCharge,
    SubscriptionTerms,
    CancellationRequest,
    WebsiteScreenshot,
}

/// <summary>
/// What helps for each kind of trouble, most useful first: e.g. for damaged goods a clear photo of the
/// defect and of the shipping label (what import agents ask for), for non-delivery the tracking number.
/// </summary>
public static class EvidenceChecklist
{
    public static IReadOnlyList<EvidenceItem> For(CaseCategory category) => category switch
    {
        CaseCategory.NotDelivered => [EvidenceItem.TrackingNumber, EvidenceItem.OrderConfirmation, EvidenceItem.PaymentRecord, EvidenceItem.CorrespondenceWithBusiness],
        CaseCategory.DamagedOrDefective => [EvidenceItem.PhotoOfDefect, EvidenceItem.PhotoOfShippingLabel, EvidenceItem.OrderConfirmation, EvidenceItem.CorrespondenceWithBusiness],
        CaseCategory.WrongItem => [EvidenceItem.PhotoOfItemReceived, EvidenceItem.PhotoOfShippingLabel, EvidenceItem.ProductListing, EvidenceItem.OrderConfirmation],
        CaseCategory.ReturnOrRefundRefused => [EvidenceItem.ReturnPolicy, EvidenceItem.ReturnShippingRecord, EvidenceItem.CorrespondenceWithBusiness, EvidenceItem.OrderConfirmation],
        CaseCategory.CannotContactBusiness => [EvidenceItem.CorrespondenceWithBusiness, EvidenceItem.WebsiteScreenshot, EvidenceItem.OrderConfirmation, EvidenceItem.PaymentRecord],
        CaseCategory.ChargedMoreThanShown => [EvidenceItem.AdvertisedPrice, EvidenceItem.StatementShowingCharge, EvidenceItem.OrderConfirmation, EvidenceItem.CorrespondenceWithBusiness],
        CaseCategory.Counterfeit => [EvidenceItem.PhotoOfItemReceived, EvidenceItem.ProductListing, EvidenceItem.OrderConfirmation, EvidenceItem.CorrespondenceWithBusiness],
        CaseCategory.SubscriptionOrUnauthorizedCharge => [EvidenceItem.StatementShowingCharge, EvidenceItem.SubscriptionTerms, EvidenceItem.CancellationRequest, EvidenceItem.CorrespondenceWithBusiness],
        CaseCategory.SuspectedFraudSite => [EvidenceItem.WebsiteScreenshot, EvidenceItem.PaymentRecord, EvidenceItem.OrderConfirmation, EvidenceItem.CorrespondenceWithBusiness],
        CaseCategory.Other => [EvidenceItem.OrderConfirmation, EvidenceItem.PaymentRecord, EvidenceItem.CorrespondenceWithBusiness],
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
