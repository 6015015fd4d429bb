using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.Web.Domain.Partners;

/// <summary>A partner agency as the pages and rules read it (a snapshot of the registry's row).</summary>
public sealed record PartnerListing(
    int Id,
    string Code,
    string EnglishName,
    string JapaneseName,
    IReadOnlyList<PartnerCoverage> Countries,
    bool IsActive,
    bool HasAddresses,
    string Language,
    int ResponseBusinessDays)
{
    public string NameIn(string language) => Languages.IsJapanese(language) ? JapaneseName : EnglishName;

    public IEnumerable<string> CountryCodes => Countries.Select(c => c.CountryCode);

    /// <summary>The personal-information law of a covered country, in <paramref name="language"/>.</summary>
    public string? PrivacyLawIn(string countryCode, string language) =>
        Countries.FirstOrDefault(c => c.CountryCode == countryCode) is { } coverage
            ? Languages.IsJapanese(language) ? coverage.PrivacyLawJapanese : coverage.PrivacyLawEnglish
            : null;
}

/// <summary>
/// Which partner agency covers a merchant's country (as the center describes its partners), read from the admin-edited registry. Only active
/// agencies route; elsewhere there is none, and the center still accepts the case, gathers what it can and advises.
/// </summary>
public sealed class PartnerRegistry(IReadOnlyList<PartnerListing> agencies)
{
    public static PartnerRegistry Empty { get; } = new([]);

    /// <summary>Every agency, active or not, in the order they were added.</summary>
    public IReadOnlyList<PartnerListing> All { get; } = [.. agencies.OrderBy(a => a.Id)];

    /// <summary>The active agencies, in the order the public pages list them.</summary>
    public IReadOnlyList<PartnerListing> Agencies => [.. All.Where(a => a.IsActive)];

    /// <summary>The active agency for a merchant in this country (exact upper-case ISO code), or null where there is none.</summary>
    public PartnerListing? ForCountry(string? countryCode) =>
        countryCode is null ? null : All.FirstOrDefault(a => a.IsActive && a.CountryCodes.Contains(countryCode, StringComparer.Ordinal));

    /// <summary>
    /// The agency that covers the country even if it is inactive (so a page can say "the agency is inactive"
    /// rather than "there is none"); the active one when there is one.
    /// </summary>
    public PartnerListing? Covering(string? countryCode) =>
        ForCountry(countryCode) ?? (countryCode is null ? null : All.FirstOrDefault(a => a.CountryCodes.Contains(countryCode, StringComparer.Ordinal)));

    public PartnerListing? Find(string code) => All.FirstOrDefault(a => a.Code == code);

    /// <summary>Every country an active agency covers, with the agency, in the order the public pages list them.</summary>
    public IReadOnlyList<(string CountryCode, PartnerListing Agency)> CoveredCountries =>
        [.. Agencies.SelectMany(a => a.CountryCodes.Select(c => (c, a)))];

    /// <summary>
    /// A country is covered by at most one active agency: the countries of an agency (<paramref name="code"/>,
    /// being saved as <paramref name="active"/>) that another active agency already covers.
    /// </summary>
    public IReadOnlyList<(string CountryCode, string OtherAgencyCode)> CoverageConflicts(string code, IEnumerable<string> countryCodes, bool active) =>
        !active
            ? []
            : [.. countryCodes.Distinct()
                .Select(country => (country, other: All.FirstOrDefault(a => a.IsActive && a.Code != code && a.CountryCodes.Contains(country, StringComparer.Ordinal))))
                .Where(x => x.other is not null)
                .Select(x => (x.country, x.other!.Code))];
}
