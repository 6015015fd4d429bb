namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// A case's whole life cycle. Intake creates <see cref="Received"/>; the back office adds the
/// transitions between the others (the states are all here so later issues add rules, not states).
/// </summary>
public enum CaseStatus
{
    Received,
    InProgress,
    WaitingForConsumer,
    Forwarded,
    PartnerResponded,
    Closed,
    Declined,
}

/// <summary>The main trouble, as the consumer names it.</summary>
public enum CaseCategory
{
    NotDelivered,
    DamagedOrDefective,
    WrongItem,
    ReturnOrRefundRefused,
    CannotContactBusiness,
    ChargedMoreThanShown,
    Counterfeit,
    SubscriptionOrUnauthorizedCharge,
    SuspectedFraudSite,
    Other,
}

/// <summary>What the consumer wants.</summary>
public enum DesiredResolution
{
    Refund,
    Delivery,
    Exchange,
    Cancellation,
    Explanation,
    Other,
}

public enum PaymentMethod
{
    CreditCard,
    PayPal,
    BankTransfer,
    EMoney,
    Cash,
    Other,
}

/// <summary>The marketplace a purchase went through (marketplaces have their own dispute channels, as their consumer-protection material says).</summary>
public enum PurchasePlatform
{
    Amazon,
    AliExpress,
    Temu,
    Shein,
    Ebay,
    Etsy,
    Taobao,
    Qoo10,
    Shopee,
    SocialMedia,
    BusinessOwnSite,
    Other,
}

/// <summary>
/// The consumer's age group, as the forms ask it (<see cref="AgeBands.Offered"/>). Minors are a band of their own: the age
/// of majority is 18 (Civil Code art. 4, since April 2022), and a minor's contract may be cancelled (art. 5), so the center
/// needs to know. <see cref="Under18"/> and <see cref="From18To19"/> together are the former "under 20", so statistics
/// can still be compared with earlier years.
/// </summary>
public enum AgeBand
{
    Under18,
    From18To19,
    Twenties,
    Thirties,
    Forties,
    Fifties,
    Sixties,
    Seventies,
    EightyOrOver,
    PreferNotToSay,

    /// <summary>
    /// "Under 20", as the forms asked before minors had a band of their own: kept, and shown as it was, on the cases filed
    /// then (it may or may not be a minor, so it is neither of the two bands that replaced it). Never offered.
    /// </summary>
    Under20Legacy,
}

/// <summary>How the consumer contacted the business before coming to the center.</summary>
public enum BusinessContactMethod
{
    Email,
    ContactForm,
    PlatformMessaging,
    Chat,
    Phone,
    Other,
}

/// <summary>How urgently staff should handle a case (set by staff; the queue can sort and filter by it).</summary>
public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>How a closed case ended.</summary>
public enum CaseOutcome
{
    Resolved,
    PartlyResolved,
    NotResolved,
    Withdrawn,
    NoReply,
}

/// <summary>Why the center declined a case (the center's rules: counterfeits may be declined; business purchases are out of scope).</summary>
public enum DeclineReason
{
    Counterfeit,
    BusinessPurchase,
    OutOfScope,
    Duplicate,
}

/// <summary>
/// Who the resident is to the case a counselor files for them (the ward's rules for consultations): in principle the contract holder;
/// a carer for someone with dementia or illness; for a minor, the guardian.
/// </summary>
public enum ResidentRelation
{
    Self,
    Carer,
    Guardian,
}

/// <summary>How a resident gave a counselor their consent, as the counselor attests it.</summary>
public enum ConsentMethod
{
    InPerson,
    Phone,
    Writing,
}
