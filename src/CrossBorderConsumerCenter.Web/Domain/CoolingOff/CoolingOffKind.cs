namespace CrossBorderConsumerCenter.Web.Domain.CoolingOff;

/// <summary>
/// The kinds of transaction the cooling-off table distinguishes (the Specified Commercial Transactions Act's six, the
/// laws outside it, and the two that have no cooling-off: mail order and a contract made at a shop one went to).
/// Each has a fixed name in links (<see cref="CoolingOffKinds.Slug"/>), so that a counselor can send an answer as a URL.
/// </summary>
public enum CoolingOffKind
{
    DoorToDoor,
    Telemarketing,
    MultiLevelMarketing,
    SpecifiedContinuousService,
    BusinessOpportunity,
    DoorToDoorPurchase,
    Deposit,
    GolfMembership,
    InvestmentAdvisory,
    RealEstate,
    Insurance,
    FuneralMutualAid,
    NursingHome,
    MailOrder,
    ShopVisit,
}

public static class CoolingOffKinds
{
    private static readonly (CoolingOffKind Kind, string Slug)[] Slugs =
    [
        (CoolingOffKind.DoorToDoor, "door-to-door"),
        (CoolingOffKind.Telemarketing, "telemarketing"),
        (CoolingOffKind.MultiLevelMarketing, "multi-level-marketing"),
        (CoolingOffKind.SpecifiedContinuousService, "specified-continuous-service"),
        (CoolingOffKind.BusinessOpportunity, "business-opportunity"),
        (CoolingOffKind.DoorToDoorPurchase, "door-to-door-purchase"),
        (CoolingOffKind.Deposit, "deposit"),
        (CoolingOffKind.GolfMembership, "golf-membership"),
        (CoolingOffKind.InvestmentAdvisory, "investment-advisory"),
        (CoolingOffKind.RealEstate, "real-estate"),
        (CoolingOffKind.Insurance, "insurance"),
        (CoolingOffKind.FuneralMutualAid, "funeral-mutual-aid"),
        (CoolingOffKind.NursingHome, "nursing-home"),
        (CoolingOffKind.MailOrder, "mail-order"),
        (CoolingOffKind.ShopVisit, "shop-visit"),
    ];

    /// <summary>Every kind, in the order of the table.</summary>
    public static IReadOnlyList<CoolingOffKind> All { get; } = Slugs.Select(s => s.Kind).ToArray();

    /// <summary>The kind's name in links (<c>/cooling-off?kind=door-to-door</c>).</summary>
    public static string Slug(CoolingOffKind kind) => Slugs.First(s => s.Kind == kind).Slug;

    public static bool TryParse(string? slug, out CoolingOffKind kind)
    {
        foreach (var (candidate, name) in Slugs)
        {
            if (string.Equals(name, slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>
    /// Whether the consumer bought (and the seller must take goods back and refund) or sold: in door-to-door purchasing the
    /// business bought the consumer's belongings, so the notice asks for them back instead.
    /// </summary>
    public static bool ConsumerSold(CoolingOffKind kind) => kind == CoolingOffKind.DoorToDoorPurchase;
}
