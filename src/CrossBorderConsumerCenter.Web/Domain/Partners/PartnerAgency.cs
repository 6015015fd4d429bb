using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using EmailRules = CrossBorderConsumerCenter.Web.Domain.Contact.EmailAddresses;

namespace CrossBorderConsumerCenter.Web.Domain.Partners;

/// <summary>
/// What an admin says about a partner agency: its code (CBBB), its full names, the countries and regions it
/// covers with each one's privacy law (the consent page names both, APPI art. 28), where forwarded cases are
/// emailed, the language it corresponds in, and how many business days it takes to answer.
/// </summary>
public sealed record PartnerAgencyDetails(
    string Code,
    string EnglishName,
    string JapaneseName,
    IReadOnlyList<string> EmailAddresses,
    string Language,
    int ResponseBusinessDays,
    IReadOnlyList<PartnerCoverage> Countries);

/// <summary>A country or region an agency covers, and the personal-information law there, in Japanese and English.</summary>
public sealed record PartnerCoverage(string CountryCode, string PrivacyLawJapanese, string PrivacyLawEnglish);

/// <summary>
/// A partner agency abroad that receives forwarded cases and urges the business to respond (the center's own description: CBBB for the
/// United States and Canada, SOSA for Taiwan, CASE for Singapore). Admins keep the registry; a country is covered
/// by at most one active agency (<see cref="PartnerRegistry.CoverageConflicts"/>).
/// </summary>
public sealed partial class PartnerAgency
{
    public const int MaxCodeLength = 10;
    public const int MaxNameLength = 200;
    public const int MaxLawLength = 300;
    public const int MaxAddresses = 5;
    public const int MaxAddressLength = EmailRules.MaxLength;
    public const int MaxCountries = 30;
    public const int MinResponseBusinessDays = 1;
    public const int MaxResponseBusinessDays = 60;

    private readonly List<PartnerAgencyCountry> _countries = [];

    private PartnerAgency()
    {
    }

    public int Id { get; private set; }

    /// <summary>Short and stable (CBBB): the admin page's address and what emails and records name. Never changes.</summary>
    public string Code { get; private set; } = "";

    public string EnglishName { get; private set; } = "";
    public string JapaneseName { get; private set; } = "";

    /// <summary>Where forwarded cases are sent. Empty until configured (PartnerAgencies:{Code}:Addresses) or set by an admin.</summary>
    public List<string> EmailAddresses { get; private set; } = [];

    /// <summary>"en" or "ja": the language of the forward email and of the agency's answer page.</summary>
    public string Language { get; private set; } = Languages.English;

    /// <summary>The agency's deadline for an answer, in business days from the forward.</summary>
    public int ResponseBusinessDays { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: two admins editing at once never overwrite each other.</summary>
    public uint Version { get; private set; }

    /// <summary>The countries covered, in the order the public pages list them.</summary>
    public IReadOnlyList<PartnerAgencyCountry> Countries => _countries;

    public string NameIn(string language) => Languages.IsJapanese(language) ? JapaneseName : EnglishName;

    public static PartnerAgency Create(PartnerAgencyDetails details, DateTimeOffset now)
    {
        var agency = new PartnerAgency { Code = details.Code, IsActive = true, CreatedAt = now };
        agency.Update(details, now);
        return agency;
    }

    /// <summary>Changes everything but the code (which identifies the agency in records and emails).</summary>
    public void Update(PartnerAgencyDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Check(details) is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Invalid partner agency: {string.Join(", ", problems)}.", nameof(details));
        }

        if (details.Code != Code)
        {
            throw new ArgumentException("An agency's code never changes.", nameof(details));
        }

        EnglishName = details.EnglishName.Trim();
        JapaneseName = details.JapaneseName.Trim();
        EmailAddresses = [.. details.EmailAddresses];
        Language = details.Language;
        ResponseBusinessDays = details.ResponseBusinessDays;

        // In place, so that a country kept keeps its row.
        _countries.RemoveAll(c => !details.Countries.Any(d => d.CountryCode == c.CountryCode));
        for (var position = 0; position < details.Countries.Count; position++)
        {
            var coverage = details.Countries[position];
            var row = _countries.Find(c => c.CountryCode == coverage.CountryCode);
            if (row is null)
            {
                row = new PartnerAgencyCountry(coverage.CountryCode);
                _countries.Add(row);
            }

            row.Set(position, coverage.PrivacyLawJapanese.Trim(), coverage.PrivacyLawEnglish.Trim());
        }

        _countries.Sort((a, b) => a.Position.CompareTo(b.Position));
        UpdatedAt = now;
    }

    /// <summary>Addresses from configuration, for an agency that has none: an admin's choice is never overwritten. True when applied.</summary>
    public bool UseConfiguredAddresses(IReadOnlyList<string> addresses, DateTimeOffset now)
    {
        if (EmailAddresses.Count > 0)
        {
            return false;
        }

        Update(Details() with { EmailAddresses = addresses }, now);
        return true;
    }

    public void SetActive(bool active, DateTimeOffset now)
    {
        IsActive = active;
        UpdatedAt = now;
    }

    /// <summary>The agency as the registry and the forms see it.</summary>
    public PartnerAgencyDetails Details() => new(
        Code, EnglishName, JapaneseName, [.. EmailAddresses], Language, ResponseBusinessDays,
        [.. _countries.Select(c => new PartnerCoverage(c.CountryCode, c.PrivacyLawJapanese, c.PrivacyLawEnglish))]);

    /// <summary>What is wrong with <paramref name="details"/> (empty when nothing is): the names of the bad parts.</summary>
    public static IReadOnlyList<PartnerAgencyProblem> Check(PartnerAgencyDetails details)
    {
        var problems = new List<PartnerAgencyProblem>();
        // "NEW" would be the admin page's address for creating an agency.
        if (!CodePattern().IsMatch(details.Code ?? "") || details.Code == "NEW")
        {
            problems.Add(PartnerAgencyProblem.Code);
        }

        if (!IsName(details.EnglishName) || !IsName(details.JapaneseName))
        {
            problems.Add(PartnerAgencyProblem.Name);
        }

        var addresses = details.EmailAddresses ?? [];
        if (addresses.Count > MaxAddresses
            || addresses.Any(a => EmailRules.Check(a) != EmailAddressProblem.None)
            || addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count() != addresses.Count)
        {
            problems.Add(PartnerAgencyProblem.EmailAddresses);
        }

        if (details.Language is not (Languages.English or Languages.Japanese))
        {
            problems.Add(PartnerAgencyProblem.Language);
        }

        if (details.ResponseBusinessDays is < MinResponseBusinessDays or > MaxResponseBusinessDays)
        {
            problems.Add(PartnerAgencyProblem.ResponseBusinessDays);
        }

        var countries = details.Countries ?? [];
        if (countries.Count is 0 or > MaxCountries
            || countries.Any(c => Reference.Countries.Find(c.CountryCode) is null || c.CountryCode == Reference.Countries.Japan)
            || countries.Select(c => c.CountryCode).Distinct().Count() != countries.Count)
        {
            problems.Add(PartnerAgencyProblem.Countries);
        }

        if (countries.Any(c => !IsLaw(c.PrivacyLawJapanese) || !IsLaw(c.PrivacyLawEnglish)))
        {
            problems.Add(PartnerAgencyProblem.PrivacyLaw);
        }

        return problems;
    }

    private static bool IsName(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= MaxNameLength && !TextInput.HasControlCharacters(value);

    private static bool IsLaw(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= MaxLawLength && !TextInput.HasControlCharacters(value);

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}$")]
    private static partial Regex CodePattern();
}

/// <summary>Which part of an agency's details is wrong.</summary>
public enum PartnerAgencyProblem
{
    Code,
    Name,
    EmailAddresses,
    Language,
    ResponseBusinessDays,
    Countries,
    PrivacyLaw,
}

/// <summary>A country or region an agency covers, with its privacy law as the consent page names it.</summary>
public sealed class PartnerAgencyCountry
{
    private PartnerAgencyCountry()
    {
    }

    internal PartnerAgencyCountry(string countryCode) => CountryCode = countryCode;

    public int PartnerAgencyId { get; private set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; private set; } = "";

    /// <summary>Where the country comes in the agency's list (0, 1, ...).</summary>
    public int Position { get; private set; }

    public string PrivacyLawJapanese { get; private set; } = "";
    public string PrivacyLawEnglish { get; private set; } = "";

    internal void Set(int position, string lawJapanese, string lawEnglish)
    {
        Position = position;
        PrivacyLawJapanese = lawJapanese;
        PrivacyLawEnglish = lawEnglish;
    }
}
