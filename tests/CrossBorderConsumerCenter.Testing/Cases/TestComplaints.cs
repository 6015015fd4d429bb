using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Testing.Cases;

/// <summary>Valid complaint details and consent for entity tests; each test changes what it is about.</summary>
public static class TestComplaints
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    public static ComplaintDetails Details(
        string country = "US",
        CaseCategory category = CaseCategory.NotDelivered,
        bool counterfeitAcknowledged = false,
        decimal amount = 129.99m,
        string currency = "USD",
        string name = "山田 太郎",
        string prefecture = "JP-13") => new(
        new ConsumerDetails(name, "ヤマダ タロウ", "taro@example.jp", "090-1234-5678", "100-0001", prefecture, "千代田区千代田1-1", AgeBand.Forties),
        new BusinessDetails("Example Gadgets Inc.", "https://gadgets.example.com/", country, "support@gadgets.example.com", null),
        new PurchaseDetails(new DateOnly(2026, 10, 1), "ワイヤレスイヤホン", amount, currency, PaymentMethod.CreditCard, PurchasePlatform.BusinessOwnSite, null, "A-1001"),
        new TroubleDetails(category, "届きません。", new DateOnly(2026, 10, 20), BusinessContactMethod.Email, "返事がありません。", DesiredResolution.Refund, counterfeitAcknowledged));

    public static ConsentChoices Consent(bool abroad = true, bool handling = true, bool contacted = true, bool consumer = true) =>
        new(PrivacyNotice.CurrentVersion, handling, contacted, consumer, abroad, Now.AddMinutes(-30));
}
