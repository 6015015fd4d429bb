using CrossBorderConsumerCenter.Web.Domain.Cases;
using static CrossBorderConsumerCenter.Web.Domain.Cases.ConsumerRemedy;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>Every payment method with every platform: what a declined consumer is told they can still do. Written before the rule.</summary>
public class ConsumerRemediesTests
{
    /// <summary>The marketplaces with their own dispute or buyer-protection process; the rest are not marketplaces.</summary>
    private static readonly HashSet<PurchasePlatform> Marketplaces =
    [
        PurchasePlatform.Amazon, PurchasePlatform.AliExpress, PurchasePlatform.Temu, PurchasePlatform.Shein, PurchasePlatform.Ebay,
        PurchasePlatform.Etsy, PurchasePlatform.Taobao, PurchasePlatform.Qoo10, PurchasePlatform.Shopee,
    ];

    public static TheoryData<PaymentMethod, PurchasePlatform> EveryPurchase()
    {
        var data = new TheoryData<PaymentMethod, PurchasePlatform>();
        foreach (var payment in Enum.GetValues<PaymentMethod>())
        {
            foreach (var platform in Enum.GetValues<PurchasePlatform>())
            {
                data.Add(payment, platform);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPurchase))]
    public void SuggestsTheMarketplaceThenThePaymentThenTheHotline(PaymentMethod payment, PurchasePlatform platform)
    {
        List<ConsumerRemedy> expected = [];
        if (Marketplaces.Contains(platform))
        {
            expected.Add(MarketplaceDispute);
        }

        if (payment == PaymentMethod.CreditCard)
        {
            expected.Add(CardChargeback);
        }

        if (payment == PaymentMethod.PayPal)
        {
            expected.Add(PayPalBuyerProtection);
        }

        expected.Add(ConsumerHotline);

        Assert.Equal(expected, ConsumerRemedies.For(payment, platform));
    }

    [Theory]
    [MemberData(nameof(EveryPurchase))]
    public void AlwaysEndsWithTheConsumerHotline(PaymentMethod payment, PurchasePlatform platform) =>
        Assert.Equal(ConsumerHotline, ConsumerRemedies.For(payment, platform)[^1]);

    [Fact]
    public void KnowsEveryPlatformAsAMarketplaceOrNot()
    {
        foreach (var platform in Enum.GetValues<PurchasePlatform>())
        {
            Assert.Equal(Marketplaces.Contains(platform), ConsumerRemedies.IsMarketplace(platform));
        }
    }

    [Theory]
    [InlineData(PaymentMethod.BankTransfer, PurchasePlatform.BusinessOwnSite)]
    [InlineData(PaymentMethod.Cash, PurchasePlatform.SocialMedia)]
    [InlineData(PaymentMethod.EMoney, PurchasePlatform.Other)]
    public void LeavesOnlyTheHotlineWhenNeitherThePlatformNorThePaymentOffersAWay(PaymentMethod payment, PurchasePlatform platform) =>
        Assert.Equal([ConsumerHotline], ConsumerRemedies.For(payment, platform));

    [Fact]
    public void SuggestsBothTheMarketplaceAndTheCardForACardPurchaseOnAMarketplace() =>
        Assert.Equal([MarketplaceDispute, CardChargeback, ConsumerHotline], ConsumerRemedies.For(PaymentMethod.CreditCard, PurchasePlatform.Ebay));
}
