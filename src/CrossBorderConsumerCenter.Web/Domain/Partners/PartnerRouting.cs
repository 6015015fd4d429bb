using System.Collections.Frozen;
using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.Web.Domain.Partners;

/// <summary>A partner agency abroad that receives forwarded cases and urges the business to respond.</summary>
public sealed record PartnerAgency(string Code, string EnglishName, string JapaneseName)
{
    public string NameIn(string language) => Languages.IsJapanese(language) ? JapaneseName : EnglishName;
}

/// <summary>
/// Which partner agency covers a merchant's country (seed 000). Elsewhere there is none: the center
/// still accepts the case, gathers what it can and advises. A later issue replaces this table with an
/// admin-editable registry of the same shape (country code → agency).
/// </summary>
public static class PartnerRouting
{
    public static readonly PartnerAgency BetterBusinessBureaus = new("CBBB", "The Council of Better Business Bureaus (CBBB)", "CBBB(The Council of Better Business Bureaus)");
    public static readonly PartnerAgency SecureOnlineShopping = new("SOSA", "Secure Online Shopping Association (SOSA)", "SOSA(Secure Online Shopping Association)");
    public static readonly PartnerAgency ConsumersAssociationOfSingapore = new("CASE", "Consumers Association of Singapore (CASE)", "シンガポール消費者協会(CASE)");

    // In the order the public pages list them.
    private static readonly (string Country, PartnerAgency Agency)[] Table =
    [
        ("US", BetterBusinessBureaus),
        ("CA", BetterBusinessBureaus),
        ("TW", SecureOnlineShopping),
        ("SG", ConsumersAssociationOfSingapore),
    ];

    private static readonly FrozenDictionary<string, PartnerAgency> ByCountry = Table.ToFrozenDictionary(r => r.Country, r => r.Agency, StringComparer.Ordinal);

    /// <summary>Every agency, in the order the public pages list them.</summary>
    public static IReadOnlyList<PartnerAgency> Agencies { get; } = [BetterBusinessBureaus, SecureOnlineShopping, ConsumersAssociationOfSingapore];

    /// <summary>The agency for a merchant in this country, or null where there is none.</summary>
    public static PartnerAgency? ForCountry(string? countryCode) =>
        countryCode is not null && ByCountry.TryGetValue(countryCode, out var agency) ? agency : null;

    /// <summary>The countries an agency covers, e.g. US and CA for CBBB.</summary>
    public static IReadOnlyList<string> CountriesOf(PartnerAgency agency) =>
        [.. Table.Where(r => r.Agency == agency).Select(r => r.Country)];
}
