namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>How old a purchase is, for what the consumer should be told about it.</summary>
public enum PurchaseAge
{
    Recent,

    /// <summary>Over <see cref="PurchaseTimeliness.ActNowAfterDays"/>: the deadlines of the card and the marketplace are running out.</summary>
    ActNow,

    /// <summary>Over <see cref="PurchaseTimeliness.MayBeTooLateAfterDays"/>: those deadlines may have passed.</summary>
    MayBeTooLate,
}

/// <summary>A purchase's age in days (Japan's calendar) and what that means.</summary>
public sealed record PurchaseTimeliness(int DaysSince, PurchaseAge Age)
{
    /// <summary>
    /// After 60 days, act now. The center's own advice is that the longer since the purchase, the harder a resolution; and
    /// the remedies a consumer has besides the center close early: the marketplaces' buyer protections must be claimed
    /// within weeks of the expected delivery (30 days on eBay, 90 on Amazon's A-to-z guarantee, about two weeks after
    /// delivery on AliExpress), and card networks count their chargeback window, commonly 120 days, from the transaction or
    /// the expected delivery, while the issuer wants to hear of a disputed charge well before it closes. By 60 days some of
    /// these have closed and the rest are half gone.
    /// </summary>
    public const int ActNowAfterDays = 60;

    /// <summary>
    /// After 180 days, it may be too late for the card and the marketplace: the 120-day chargeback window and the longest
    /// common buyer protection (PayPal's 180 days from payment) have passed, except where a late delivery date or the
    /// issuer's own rules extend them. The center still takes the case; the consumer should check with both at once.
    /// </summary>
    public const int MayBeTooLateAfterDays = 180;

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static PurchaseTimeliness Of(DateOnly purchasedOn, DateOnly today)
    {
        var days = today.DayNumber - purchasedOn.DayNumber;
        var age = days > MayBeTooLateAfterDays ? PurchaseAge.MayBeTooLate : days > ActNowAfterDays ? PurchaseAge.ActNow : PurchaseAge.Recent;
        return new PurchaseTimeliness(days, age);
    }

    /// <summary>Today's date in Japan (no daylight saving: always UTC+9), the calendar the consumer counts days in.</summary>
    public static DateOnly TodayInJapan(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(JapanOffset).DateTime);
}
