using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;

namespace CrossBorderConsumerCenter.Testing.Cases;

/// <summary>Valid complaint details and consent for entity tests; each test changes what it is about.</summary>
public static class TestComplaints
{
    /// <summary>When the tests' complaints are made: today at noon in Japan (see <see cref="TestTime"/>).</summary>
    public static readonly DateTimeOffset Now = TestTime.Today;

    /// <summary>The purchase: seven weeks before <see cref="Now"/>.</summary>
    public static readonly DateOnly PurchaseDate = TestTime.DaysAgo(51);

    /// <summary>When the consumer wrote to the business: nineteen days after the purchase.</summary>
    public static readonly DateOnly ContactedOn = TestTime.DaysAgo(32);

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
        new PurchaseDetails(PurchaseDate, "ワイヤレスイヤホン", amount, currency, PaymentMethod.CreditCard, PurchasePlatform.BusinessOwnSite, null, "A-1001"),
        new TroubleDetails(category, "届きません。", ContactedOn, BusinessContactMethod.Email, "返事がありません。", DesiredResolution.Refund, counterfeitAcknowledged));

    /// <summary>A complete, valid complaint form as the form posts it (the same complaint as <see cref="Details"/>).</summary>
    public static ComplaintForm Form() => new()
    {
        Consumer = new ComplaintForm.ConsumerSection
        {
            Name = "山田 太郎", NameKana = "ヤマダ タロウ", Email = "taro@example.jp", EmailConfirmation = "taro@example.jp",
            Phone = "090-1234-5678", PostalCode = "100-0001", Prefecture = "JP-13", Address = "千代田区千代田1-1", AgeBand = "Forties",
        },
        Business = new ComplaintForm.BusinessSection { Name = "Example Gadgets Inc.", Website = "https://gadgets.example.com/", Country = "US", Email = "support@gadgets.example.com" },
        Purchase = new ComplaintForm.PurchaseSection
        {
            Date = TestTime.Iso(PurchaseDate), Item = "ワイヤレスイヤホン", Amount = "129.99", Currency = "USD", PaymentMethod = "CreditCard", Platform = "BusinessOwnSite", OrderNumber = "A-1001",
        },
        Trouble = new ComplaintForm.TroubleSection
        {
            Category = "NotDelivered", WhatHappened = "届きません。", ContactedOn = TestTime.Iso(ContactedOn), ContactMethod = "Email", BusinessResponse = "返事がありません。", DesiredResolution = "Refund",
        },
    };

    public static ConsentChoices Consent(bool abroad = true, bool handling = true, bool contacted = true, bool consumer = true) =>
        new(PrivacyNotice.CurrentVersion, handling, contacted, consumer, abroad, Now.AddMinutes(-30));

    /// <summary>A resident's consent as a counselor attests it: in person for the handling, by phone for the provision abroad (if agreed).</summary>
    public static ConsentChoices AttestedConsent(bool abroad = true) =>
        new(PrivacyNotice.CurrentVersion, true, true, true, abroad, Now.AddMinutes(-30), ConsentMethod.InPerson, abroad ? ConsentMethod.Phone : null);
}
