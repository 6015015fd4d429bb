namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>A way a consumer can still pursue a purchase the center does not take on.</summary>
public enum ConsumerRemedy
{
    /// <summary>The marketplace's own dispute or buyer-protection process (a return or refund request from the order, a dispute, a guarantee claim).</summary>
    MarketplaceDispute,

    /// <summary>Asking the card issuer to reverse the payment (a chargeback).</summary>
    CardChargeback,

    /// <summary>PayPal's buyer protection (a dispute opened in the PayPal account).</summary>
    PayPalBuyerProtection,

    /// <summary>The national consumer hotline, 188, which puts the caller through to a local consumer center.</summary>
    ConsumerHotline,
}

/// <summary>
/// What a consumer whose case is declined can still do, chosen from how they bought: a marketplace has its own dispute
/// and buyer-protection process (its consumer-protection material describes it); a card payment can be disputed with
/// the issuer (a chargeback); a PayPal payment has PayPal's buyer protection; and the consumer hotline 188 is open to
/// everyone in Japan, so it is always suggested, last. The marketplace comes first: it is usually the quickest way.
/// </summary>
public static class ConsumerRemedies
{
    public static IReadOnlyList<ConsumerRemedy> For(PaymentMethod payment, PurchasePlatform platform)
    {
        List<ConsumerRemedy> remedies = [];
        if (IsMarketplace(platform))
        {
            remedies.Add(ConsumerRemedy.MarketplaceDispute);
        }

        switch (payment)
        {
            case PaymentMethod.CreditCard:
                remedies.Add(ConsumerRemedy.CardChargeback);
                break;
            case PaymentMethod.PayPal:
                remedies.Add(ConsumerRemedy.PayPalBuyerProtection);
                break;
        }

        remedies.Add(ConsumerRemedy.ConsumerHotline);
        return remedies;
    }

    /// <summary>
    /// The named marketplaces, each with its own dispute process. Social media, the business's own site and "other" are
    /// not: nothing says the consumer can turn to them.
    /// </summary>
    public static bool IsMarketplace(PurchasePlatform platform) => platform switch
    {
        PurchasePlatform.Amazon or PurchasePlatform.AliExpress or PurchasePlatform.Temu or PurchasePlatform.Shein or PurchasePlatform.Ebay
            or PurchasePlatform.Etsy or PurchasePlatform.Taobao or PurchasePlatform.Qoo10 or PurchasePlatform.Shopee => true,
        PurchasePlatform.SocialMedia or PurchasePlatform.BusinessOwnSite or PurchasePlatform.Other => false,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
    };
}
