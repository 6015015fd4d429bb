using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>Maximum lengths of what a consumer types, shared by the form's validator, the entity and the schema.</summary>
public static class ComplaintLimits
{
    public const int Name = 100;
    public const int NameKana = 100;
    public const int Email = EmailAddresses.MaxLength;
    public const int Phone = PhoneNumbers.MaxLength;
    public const int PostalCode = 8;
    public const int PrefectureCode = 5;
    public const int Address = 300;
    public const int BusinessName = 200;
    public const int Website = 2000;
    public const int CountryCode = 2;
    public const int CurrencyCode = 3;
    public const int Item = 500;
    public const int PlatformName = 100;
    public const int OrderNumber = 100;
    public const int WhatHappened = 20_000;
    public const int BusinessResponse = 10_000;

    /// <summary>Amounts: positive, below a trillion, at most three decimals (Kuwaiti dinar, Bahraini dinar).</summary>
    public const decimal MaxAmount = 999_999_999_999m;
    public const int AmountDecimals = 3;
}

/// <summary>The person consulting (in principle the consumer, as the center's intake says). Email is null only for a resident a counselor files for.</summary>
public sealed record ConsumerDetails(
    string Name,
    string? NameKana,
    string? Email,
    string Phone,
    string PostalCode,
    string PrefectureCode,
    string Address,
    AgeBand AgeBand);

/// <summary>The business abroad the trouble is with.</summary>
public sealed record BusinessDetails(string Name, string? Website, string CountryCode, string? Email, string? Phone);

/// <summary>The purchase; ArrivedOn is the day the item arrived as the tracking record shows it, null when it did not (or the consumer does not say).</summary>
public sealed record PurchaseDetails(
    DateOnly Date,
    string Item,
    decimal Amount,
    string CurrencyCode,
    PaymentMethod PaymentMethod,
    PurchasePlatform Platform,
    string? PlatformName,
    string? OrderNumber,
    DateOnly? ArrivedOn = null);

public sealed record TroubleDetails(
    CaseCategory Category,
    string WhatHappened,
    DateOnly BusinessContactedOn,
    BusinessContactMethod BusinessContactMethod,
    string BusinessResponse,
    DesiredResolution DesiredResolution,
    bool CounterfeitAcknowledged);

/// <summary>Everything the complaint form collects, parsed and valid.</summary>
public sealed record ComplaintDetails(ConsumerDetails Consumer, BusinessDetails Business, PurchaseDetails Purchase, TroubleDetails Trouble);
