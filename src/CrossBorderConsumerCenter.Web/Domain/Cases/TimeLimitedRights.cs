namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>A remedy with a time limit that a consumer who bought abroad may still have.</summary>
public enum RightKind
{
    /// <summary>A return or exchange counted from arrival: an import agent's terms accept them only within 14 days of arrival, by the tracking record.</summary>
    ReturnAfterArrival,

    /// <summary>A card payment disputed through the card issuer (a chargeback): the card networks' rules, as guidance (issuers differ).</summary>
    CardChargeback,

    /// <summary>PayPal's buyer protection: a dispute opened within 180 days of the payment.</summary>
    PayPalBuyerProtection,

    /// <summary>Amazon's A-to-z Guarantee: up to 90 days after the latest estimated delivery date.</summary>
    AmazonAToZGuarantee,

    /// <summary>eBay's Money Back Guarantee: within 30 days of the actual or the estimated delivery date.</summary>
    EbayMoneyBackGuarantee,

    /// <summary>Etsy's purchase protection: a case opened within 100 days of becoming eligible (after the estimated delivery date).</summary>
    EtsyPurchaseProtection,

    /// <summary>A marketplace's own dispute or buyer-protection channel whose time limit we could not confirm: no date, see its help pages.</summary>
    MarketplaceDispute,
}

/// <summary>The day a time limit counts from.</summary>
public enum DeadlineStart
{
    /// <summary>The day the item arrived, as the consumer gave it (the tracking record's date).</summary>
    Arrival,

    /// <summary>The purchase date, for the day of the transaction or the payment (which may be a day or two later: the real last day is then later, never earlier).</summary>
    Purchase,

    /// <summary>
    /// The purchase date standing in for the (latest) estimated delivery date, which the center does not know: that date is
    /// never before the purchase, so the real last day is this one or later.
    /// </summary>
    PurchaseForEstimatedDelivery,
}

/// <summary>Where a time limit is stated: its name (a resource key names it in the consumer's language) and its public page, if any.</summary>
public sealed record RightsSource(Uri? Url);

/// <summary>
/// One time limit: what it is, its last day (Japan's calendar; null when the source gives none we could confirm), how many days
/// it runs, what it counts from, and where it is stated. <see cref="IsApproximate"/>: the figure is the rules' general one and
/// the party that applies it (the card issuer) may ask sooner.
/// </summary>
public sealed record RightsDeadline(RightKind Kind, DateOnly? LastDay, int? Days, DeadlineStart? CountsFrom, RightsSource Source, PurchasePlatform? Platform = null)
{
    public bool IsApproximate => Kind == RightKind.CardChargeback;

    /// <summary>Days from <paramref name="today"/> to the last day: 0 on the last day itself, negative once it has passed; null without a date.</summary>
    public int? DaysLeft(DateOnly today) => LastDay is { } last ? last.DayNumber - today.DayNumber : null;
}

/// <summary>
/// The deadlines that may matter to a consumer who bought abroad, from the purchase date, the arrival date (if the item arrived),
/// the payment method and the marketplace. They are guidance, never promises: each names its source, and the consumer is told to
/// check with the party that applies it. Counting (docs/adr/0076): a period of N days "from" a day does not count that day (Civil
/// Code art. 140; the PRC Civil Code art. 201 likewise), so the last day is that day plus N, and nothing moves for weekends or
/// holidays since no source says so. Where a source counts from a day the center does not know (an estimated delivery date),
/// the purchase date stands in for it: the day shown is then the earliest the real last day can be.
/// </summary>
public static class TimeLimitedRights
{
    /// <summary>An import agent's terms: returns and exchanges only within 14 days of arrival at the destination (by the tracking site).</summary>
    public const int ReturnDaysAfterArrival = 14;

    /// <summary>The card networks' general chargeback window for a consumer dispute: 120 days from the transaction (or the expected delivery).</summary>
    public const int CardChargebackDays = 120;

    /// <summary>PayPal: a dispute opened within 180 days of the payment.</summary>
    public const int PayPalDisputeDays = 180;

    /// <summary>Amazon: up to 90 days after the maximum estimated delivery date.</summary>
    public const int AmazonClaimDays = 90;

    /// <summary>eBay: within 30 days of the actual or the estimated delivery date.</summary>
    public const int EbayRequestDays = 30;

    /// <summary>Etsy: 100 days to open a case once eligible (after the estimated delivery date).</summary>
    public const int EtsyCaseDays = 100;

    public static readonly RightsSource ImportAgentTerms = new(new Uri("https://makoto1688.com/agreement/"));
    public static readonly RightsSource CardNetworkRules = new(new Uri("https://usa.visa.com/dam/VCOM/download/about-visa/visa-rules-public.pdf"));
    public static readonly RightsSource PayPalHelp = new(new Uri("https://www.paypal.com/smarthelp/article/do-i-have-to-file-a-paypal-buyer-protection-claim-within-a-certain-timeframe-faq1417"));
    public static readonly RightsSource AmazonHelp = new(new Uri("https://www.amazon.com/gp/help/customer/display.html?nodeId=200783670"));
    public static readonly RightsSource EbayHelp = new(new Uri("https://www.ebay.com/help/policies/ebay-money-back-guarantee-policy/ebay-money-back-guarantee-policy?id=4210"));
    public static readonly RightsSource EtsyHelp = new(new Uri("https://help.etsy.com/hc/en-us/articles/360016126873"));

    /// <summary>The source of a marketplace without a confirmed date: its own help pages, which the consumer finds from their order.</summary>
    public static readonly RightsSource PlatformHelpPages = new(null);

    /// <summary>The marketplaces with a dispute or buyer-protection channel of their own, whose time limit we do not state.</summary>
    public static readonly IReadOnlySet<PurchasePlatform> PlatformsWithoutConfirmedWindow = new HashSet<PurchasePlatform>
    {
        PurchasePlatform.AliExpress, PurchasePlatform.Temu, PurchasePlatform.Shein, PurchasePlatform.Qoo10, PurchasePlatform.Shopee, PurchasePlatform.Taobao,
    };

    /// <summary>The deadlines for this purchase, soonest first (those without a date last).</summary>
    public static IReadOnlyList<RightsDeadline> For(DateOnly purchasedOn, DateOnly? arrivedOn, PaymentMethod payment, PurchasePlatform platform)
    {
        if (arrivedOn < purchasedOn)
        {
            throw new ArgumentException("An item cannot arrive before it was bought.", nameof(arrivedOn));
        }

        var deadlines = new List<RightsDeadline>();
        if (arrivedOn is { } arrived)
        {
            deadlines.Add(Counted(RightKind.ReturnAfterArrival, arrived, ReturnDaysAfterArrival, DeadlineStart.Arrival, ImportAgentTerms));
        }

        switch (payment)
        {
            case PaymentMethod.CreditCard:
                deadlines.Add(Counted(RightKind.CardChargeback, purchasedOn, CardChargebackDays, DeadlineStart.Purchase, CardNetworkRules));
                break;
            case PaymentMethod.PayPal:
                deadlines.Add(Counted(RightKind.PayPalBuyerProtection, purchasedOn, PayPalDisputeDays, DeadlineStart.Purchase, PayPalHelp));
                break;
        }

        switch (platform)
        {
            case PurchasePlatform.Amazon:
                deadlines.Add(Counted(RightKind.AmazonAToZGuarantee, purchasedOn, AmazonClaimDays, DeadlineStart.PurchaseForEstimatedDelivery, AmazonHelp, platform));
                break;
            case PurchasePlatform.Ebay:
                deadlines.Add(arrivedOn is { } delivered
                    ? Counted(RightKind.EbayMoneyBackGuarantee, delivered, EbayRequestDays, DeadlineStart.Arrival, EbayHelp, platform)
                    : Counted(RightKind.EbayMoneyBackGuarantee, purchasedOn, EbayRequestDays, DeadlineStart.PurchaseForEstimatedDelivery, EbayHelp, platform));
                break;
            case PurchasePlatform.Etsy:
                deadlines.Add(Counted(RightKind.EtsyPurchaseProtection, purchasedOn, EtsyCaseDays, DeadlineStart.PurchaseForEstimatedDelivery, EtsyHelp, platform));
                break;
            case var other when PlatformsWithoutConfirmedWindow.Contains(other):
                deadlines.Add(new RightsDeadline(RightKind.MarketplaceDispute, null, null, null, PlatformHelpPages, other));
                break;
        }

        return [.. deadlines.OrderBy(d => d.LastDay is null).ThenBy(d => d.LastDay).ThenBy(d => d.Kind)];
    }

    /// <summary>The earliest last day among the deadlines (the queue's "nearest deadline" order); null when none has a date.</summary>
    public static DateOnly? EarliestLastDay(DateOnly purchasedOn, DateOnly? arrivedOn, PaymentMethod payment, PurchasePlatform platform) =>
        For(purchasedOn, arrivedOn, payment, platform).Select(d => d.LastDay).Min();

    /// <summary>N days from a day, that day not counted: the Nth day after it is the last.</summary>
    private static RightsDeadline Counted(RightKind kind, DateOnly from, int days, DeadlineStart start, RightsSource source, PurchasePlatform? platform = null) =>
        new(kind, from.AddDays(days), days, start, source, platform);
}
