using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Cases;

/// <summary>
/// The deadlines a consumer who bought abroad may still have: N days "from" a day do not count that day, so the last day is
/// that day plus N; month ends, leap days and the year-end fall where the calendar puts them; nothing moves for weekends or
/// holidays. The dates are the subject here: fixed ones.
/// </summary>
public class TimeLimitedRightsTests
{
    private static readonly DateOnly Purchased = new(2026, 10, 1);

    private static RightsDeadline Only(IReadOnlyList<RightsDeadline> deadlines, RightKind kind) => Assert.Single(deadlines, d => d.Kind == kind);

    [Fact]
    public void ReturnsCountFourteenDaysFromTheDayAfterArrival()
    {
        var deadlines = TimeLimitedRights.For(Purchased, new DateOnly(2026, 10, 10), PaymentMethod.BankTransfer, PurchasePlatform.BusinessOwnSite);

        var returns = Assert.Single(deadlines);
        Assert.Equal(RightKind.ReturnAfterArrival, returns.Kind);
        Assert.Equal(new DateOnly(2026, 10, 24), returns.LastDay);
        Assert.Equal(14, returns.Days);
        Assert.Equal(DeadlineStart.Arrival, returns.CountsFrom);
        Assert.Equal(TimeLimitedRights.ImportAgentTerms, returns.Source);
    }

    [Fact]
    public void WithoutAnArrivalDateThereIsNoReturnWindow() =>
        Assert.Empty(TimeLimitedRights.For(Purchased, null, PaymentMethod.BankTransfer, PurchasePlatform.BusinessOwnSite));

    [Theory]
    [InlineData("2026-01-20", "2026-02-03")] // across a month end
    [InlineData("2026-02-20", "2026-03-06")] // February of a common year
    [InlineData("2028-02-20", "2028-03-05")] // a leap year: 29 February counts as a day
    [InlineData("2028-02-15", "2028-02-29")] // the leap day is the last day
    [InlineData("2026-12-25", "2027-01-08")] // across the year-end
    [InlineData("2026-12-31", "2027-01-14")]
    [InlineData("2026-10-03", "2026-10-17")] // a Saturday: the last day stays a Saturday, no move for the weekend
    [InlineData("2026-12-17", "2026-12-31")] // the last day in the year-end holidays stays there
    public void TheReturnWindowEndsOnTheCalendarDayFourteenDaysAfterArrival(string arrived, string lastDay)
    {
        var arrival = DateOnly.Parse(arrived, System.Globalization.CultureInfo.InvariantCulture);
        var deadlines = TimeLimitedRights.For(arrival.AddDays(-5), arrival, PaymentMethod.Cash, PurchasePlatform.Other);

        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), Only(deadlines, RightKind.ReturnAfterArrival).LastDay);
    }

    [Fact]
    public void ACardPaymentHasTheNetworksChargebackWindowAsApproximateGuidanceFromThePurchase()
    {
        var card = Only(TimeLimitedRights.For(Purchased, null, PaymentMethod.CreditCard, PurchasePlatform.BusinessOwnSite), RightKind.CardChargeback);

        Assert.Equal(new DateOnly(2027, 1, 29), card.LastDay);
        Assert.Equal(120, card.Days);
        Assert.Equal(DeadlineStart.Purchase, card.CountsFrom);
        Assert.True(card.IsApproximate);
        Assert.Equal(TimeLimitedRights.CardNetworkRules, card.Source);
    }

    [Fact]
    public void APayPalPaymentHasOneHundredEightyDaysFromThePayment()
    {
        var payPal = Only(TimeLimitedRights.For(Purchased, null, PaymentMethod.PayPal, PurchasePlatform.BusinessOwnSite), RightKind.PayPalBuyerProtection);

        Assert.Equal(new DateOnly(2027, 3, 30), payPal.LastDay);
        Assert.Equal(DeadlineStart.Purchase, payPal.CountsFrom);
        Assert.False(payPal.IsApproximate);
    }

    [Theory]
    [InlineData(PaymentMethod.BankTransfer)]
    [InlineData(PaymentMethod.EMoney)]
    [InlineData(PaymentMethod.Cash)]
    [InlineData(PaymentMethod.Other)]
    public void OtherPaymentsHaveNoPaymentDeadline(PaymentMethod payment) =>
        Assert.Empty(TimeLimitedRights.For(Purchased, null, payment, PurchasePlatform.BusinessOwnSite));

    [Fact]
    public void TheCardWindowCrossesALeapDay()
    {
        // 120 days after 1 November 2027 is 29 February 2028.
        var card = Only(TimeLimitedRights.For(new DateOnly(2027, 11, 1), null, PaymentMethod.CreditCard, PurchasePlatform.Other), RightKind.CardChargeback);
        Assert.Equal(new DateOnly(2028, 2, 29), card.LastDay);
    }

    [Theory]
    [InlineData(PurchasePlatform.Amazon, RightKind.AmazonAToZGuarantee, 90, "2026-12-30")]
    [InlineData(PurchasePlatform.Ebay, RightKind.EbayMoneyBackGuarantee, 30, "2026-10-31")]
    [InlineData(PurchasePlatform.Etsy, RightKind.EtsyPurchaseProtection, 100, "2027-01-09")]
    public void AMarketplaceWithAConfirmedWindowCountsFromThePurchaseInPlaceOfTheEstimatedDelivery(PurchasePlatform platform, RightKind kind, int days, string lastDay)
    {
        var deadline = Only(TimeLimitedRights.For(Purchased, null, PaymentMethod.BankTransfer, platform), kind);

        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), deadline.LastDay);
        Assert.Equal(days, deadline.Days);
        Assert.Equal(DeadlineStart.PurchaseForEstimatedDelivery, deadline.CountsFrom);
        Assert.Equal(platform, deadline.Platform);
        Assert.NotNull(deadline.Source.Url);
    }

    [Fact]
    public void EbayCountsFromTheActualDeliveryWhenTheItemArrived()
    {
        var ebay = Only(TimeLimitedRights.For(Purchased, new DateOnly(2026, 10, 20), PaymentMethod.BankTransfer, PurchasePlatform.Ebay), RightKind.EbayMoneyBackGuarantee);

        Assert.Equal(new DateOnly(2026, 11, 19), ebay.LastDay);
        Assert.Equal(DeadlineStart.Arrival, ebay.CountsFrom);
    }

    [Fact]
    public void AmazonAndEtsyStillCountFromThePurchaseWhenTheItemArrived()
    {
        Assert.Equal(DeadlineStart.PurchaseForEstimatedDelivery,
            Only(TimeLimitedRights.For(Purchased, new DateOnly(2026, 10, 20), PaymentMethod.Cash, PurchasePlatform.Amazon), RightKind.AmazonAToZGuarantee).CountsFrom);
        Assert.Equal(DeadlineStart.PurchaseForEstimatedDelivery,
            Only(TimeLimitedRights.For(Purchased, new DateOnly(2026, 10, 20), PaymentMethod.Cash, PurchasePlatform.Etsy), RightKind.EtsyPurchaseProtection).CountsFrom);
    }

    [Theory]
    [InlineData(PurchasePlatform.AliExpress)]
    [InlineData(PurchasePlatform.Temu)]
    [InlineData(PurchasePlatform.Shein)]
    [InlineData(PurchasePlatform.Qoo10)]
    [InlineData(PurchasePlatform.Shopee)]
    [InlineData(PurchasePlatform.Taobao)]
    public void AMarketplaceWithoutAConfirmedWindowIsNamedWithoutADate(PurchasePlatform platform)
    {
        var deadline = Assert.Single(TimeLimitedRights.For(Purchased, null, PaymentMethod.BankTransfer, platform));

        Assert.Equal(RightKind.MarketplaceDispute, deadline.Kind);
        Assert.Equal(platform, deadline.Platform);
        Assert.Null(deadline.LastDay);
        Assert.Null(deadline.DaysLeft(Purchased));
    }

    [Theory]
    [InlineData(PurchasePlatform.SocialMedia)]
    [InlineData(PurchasePlatform.BusinessOwnSite)]
    [InlineData(PurchasePlatform.Other)]
    public void APurchaseOutsideAMarketplaceHasNoMarketplaceDeadline(PurchasePlatform platform) =>
        Assert.Empty(TimeLimitedRights.For(Purchased, null, PaymentMethod.BankTransfer, platform));

    [Fact]
    public void EveryPlatformAndPaymentIsDecided()
    {
        // A platform or payment method added later must be placed deliberately: with a window, without one, or none.
        var withWindow = new[] { PurchasePlatform.Amazon, PurchasePlatform.Ebay, PurchasePlatform.Etsy };
        var none = new[] { PurchasePlatform.SocialMedia, PurchasePlatform.BusinessOwnSite, PurchasePlatform.Other };
        Assert.Equal(Enum.GetValues<PurchasePlatform>().Order(), withWindow.Concat(none).Concat(TimeLimitedRights.PlatformsWithoutConfirmedWindow).Order());
        foreach (var platform in Enum.GetValues<PurchasePlatform>())
        {
            foreach (var payment in Enum.GetValues<PaymentMethod>())
            {
                var deadlines = TimeLimitedRights.For(Purchased, Purchased.AddDays(3), payment, platform);
                Assert.Equal(1 + (payment is PaymentMethod.CreditCard or PaymentMethod.PayPal ? 1 : 0) + (none.Contains(platform) ? 0 : 1), deadlines.Count);
            }
        }
    }

    [Fact]
    public void DeadlinesComeSoonestFirstAndThoseWithoutADateLast()
    {
        var deadlines = TimeLimitedRights.For(Purchased, new DateOnly(2026, 10, 5), PaymentMethod.CreditCard, PurchasePlatform.AliExpress);

        Assert.Equal([RightKind.ReturnAfterArrival, RightKind.CardChargeback, RightKind.MarketplaceDispute], deadlines.Select(d => d.Kind));
    }

    [Fact]
    public void TheEarliestLastDayIsTheSoonestOfThem()
    {
        Assert.Equal(new DateOnly(2026, 10, 19), TimeLimitedRights.EarliestLastDay(Purchased, new DateOnly(2026, 10, 5), PaymentMethod.CreditCard, PurchasePlatform.Amazon));
        Assert.Equal(new DateOnly(2026, 10, 31), TimeLimitedRights.EarliestLastDay(Purchased, null, PaymentMethod.PayPal, PurchasePlatform.Ebay));
        Assert.Equal(new DateOnly(2027, 1, 29), TimeLimitedRights.EarliestLastDay(Purchased, null, PaymentMethod.CreditCard, PurchasePlatform.Taobao));
    }

    [Fact]
    public void WithoutAnyDatedDeadlineThereIsNoEarliestDay()
    {
        Assert.Null(TimeLimitedRights.EarliestLastDay(Purchased, null, PaymentMethod.Cash, PurchasePlatform.Temu));
        Assert.Null(TimeLimitedRights.EarliestLastDay(Purchased, null, PaymentMethod.BankTransfer, PurchasePlatform.Other));
    }

    [Fact]
    public void AnItemCannotArriveBeforeItWasBought() =>
        Assert.Throws<ArgumentException>(() => TimeLimitedRights.For(Purchased, Purchased.AddDays(-1), PaymentMethod.Cash, PurchasePlatform.Other));

    [Fact]
    public void AnItemMayArriveTheDayItWasBought() =>
        Assert.Equal(Purchased.AddDays(14), TimeLimitedRights.EarliestLastDay(Purchased, Purchased, PaymentMethod.Cash, PurchasePlatform.Other));

    [Theory]
    [InlineData(-3, 3)]
    [InlineData(0, 0)]
    [InlineData(1, -1)]
    public void DaysLeftAreZeroOnTheLastDayAndNegativeAfterIt(int daysFromLastDay, int expected)
    {
        var returns = Only(TimeLimitedRights.For(Purchased, Purchased, PaymentMethod.Cash, PurchasePlatform.Other), RightKind.ReturnAfterArrival);
        Assert.Equal(expected, returns.DaysLeft(returns.LastDay!.Value.AddDays(daysFromLastDay)));
    }
}
