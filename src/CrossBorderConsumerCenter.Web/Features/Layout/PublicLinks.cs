namespace CrossBorderConsumerCenter.Web.Features.Layout;

/// <summary>Addresses on the public site that pages and notices link to, written once so that each can be moved in one place.</summary>
public static class PublicLinks
{
    /// <summary>What a card issuer can do (a chargeback) and that it has a deadline.</summary>
    public const string CreditCard = "/faq#credit-card";

    /// <summary>The marketplaces' own dispute channels and guarantees.</summary>
    public const string Marketplace = "/faq#marketplace";

    /// <summary>Online consultations by appointment: the page, its free slots and the application.</summary>
    public const string Consultation = "/consultation";

    /// <summary>Rights that must be used within a set time: the cooling-off checker, with the mail-order return rule.</summary>
    public const string TimeLimitedRights = "/cooling-off";
}
