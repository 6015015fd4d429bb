namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>Which age groups the forms offer, and which of them is a minor.</summary>
public static class AgeBands
{
    /// <summary>The age of majority in Japan (Civil Code art. 4, since 1 April 2022).</summary>
    public const int AgeOfMajority = 18;

    /// <summary>The groups the forms offer, in the order shown; <see cref="AgeBand.Under20Legacy"/> only remains on old cases.</summary>
    public static readonly IReadOnlyList<AgeBand> Offered =
    [
        AgeBand.Under18, AgeBand.From18To19, AgeBand.Twenties, AgeBand.Thirties, AgeBand.Forties, AgeBand.Fifties, AgeBand.Sixties,
        AgeBand.Seventies, AgeBand.EightyOrOver, AgeBand.PreferNotToSay,
    ];

    public static bool IsOffered(AgeBand band) => Offered.Contains(band);

    /// <summary>
    /// True for a minor: a contract a minor made without a guardian's consent may be cancelled (Civil Code art. 5), and the
    /// guardian is in principle heard first. A former "under 20" is not known to be one.
    /// </summary>
    public static bool IsMinor(AgeBand band) => band == AgeBand.Under18;
}
