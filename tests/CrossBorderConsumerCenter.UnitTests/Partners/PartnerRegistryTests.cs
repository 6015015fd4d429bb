using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.UnitTests.Partners;

/// <summary>The center's routing, read from a registry: CBBB for the US and Canada, SOSA for Taiwan, CASE for Singapore, none elsewhere.</summary>
public class PartnerRegistryTests
{
    public static PartnerListing Agency(int id, string code, bool active = true, bool addresses = true, params string[] countries) =>
        new(id, code, $"{code} (English)", $"{code}(日本語)", [.. countries.Select(c => new PartnerCoverage(c, $"{c}の法律", $"Law of {c}"))], active, addresses, "en", 10);

    private static readonly PartnerRegistry Seeded = new(
    [
        Agency(3, "CASE", countries: ["SG"]),
        Agency(1, "CBBB", countries: ["US", "CA"]),
        Agency(2, "SOSA", countries: ["TW"]),
    ]);

    [Theory]
    [InlineData("US", "CBBB")]
    [InlineData("CA", "CBBB")]
    [InlineData("TW", "SOSA")]
    [InlineData("SG", "CASE")]
    public void EachCoveredCountryGoesToItsAgency(string country, string agency) => Assert.Equal(agency, Seeded.ForCountry(country)?.Code);

    [Theory]
    [InlineData("CN")]
    [InlineData("GB")]
    [InlineData("JP")]
    [InlineData("us")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherCountriesHaveNone(string? country)
    {
        Assert.Null(Seeded.ForCountry(country));
        Assert.Null(Seeded.Covering(country));
    }

    [Fact]
    public void AgenciesAndCountriesAreListedInTheOrderTheyWereAdded()
    {
        Assert.Equal(["CBBB", "SOSA", "CASE"], Seeded.Agencies.Select(a => a.Code));
        Assert.Equal([("US", "CBBB"), ("CA", "CBBB"), ("TW", "SOSA"), ("SG", "CASE")], Seeded.CoveredCountries.Select(c => (c.CountryCode, c.Agency.Code)));
    }

    [Fact]
    public void AnInactiveAgencyRoutesNothingButIsStillNamedAsCoveringItsCountries()
    {
        var registry = new PartnerRegistry([Agency(1, "CBBB", active: false, countries: ["US", "CA"]), Agency(2, "SOSA", countries: ["TW"])]);
        Assert.Null(registry.ForCountry("US"));
        Assert.Equal("CBBB", registry.Covering("US")?.Code);
        Assert.Equal(["SOSA"], registry.Agencies.Select(a => a.Code));
        Assert.DoesNotContain(registry.CoveredCountries, c => c.CountryCode == "US");
    }

    [Fact]
    public void TheActiveAgencyIsPreferredOverAnInactiveOneForTheSameCountry()
    {
        var registry = new PartnerRegistry([Agency(1, "OLD", active: false, countries: ["US"]), Agency(2, "NEW1", countries: ["US"])]);
        Assert.Equal("NEW1", registry.ForCountry("US")?.Code);
        Assert.Equal("NEW1", registry.Covering("US")?.Code);
    }

    [Fact]
    public void ACountryIsCoveredByAtMostOneActiveAgency()
    {
        Assert.Equal([("US", "CBBB")], Seeded.CoverageConflicts("SOSA", ["TW", "US"], active: true));
        Assert.Equal([("CA", "CBBB"), ("SG", "CASE")], Seeded.CoverageConflicts("NEWAG", ["CA", "SG", "MX"], active: true));
        Assert.Empty(Seeded.CoverageConflicts("CBBB", ["US", "CA", "MX"], active: true));
        Assert.Empty(Seeded.CoverageConflicts("NEWAG", ["US"], active: false));
    }

    [Fact]
    public void AnInactiveAgencyLeavesItsCountriesFreeForAnother()
    {
        var registry = new PartnerRegistry([Agency(1, "CBBB", active: false, countries: ["US", "CA"])]);
        Assert.Empty(registry.CoverageConflicts("NEWAG", ["US"], active: true));
    }

    [Fact]
    public void AnAgencyNamesItselfAndEachCountrysLawInBothLanguages()
    {
        var cbbb = Seeded.Find("CBBB")!;
        Assert.Equal("CBBB(日本語)", cbbb.NameIn(Languages.Japanese));
        Assert.Equal("CBBB (English)", cbbb.NameIn(Languages.English));
        Assert.Equal("CAの法律", cbbb.PrivacyLawIn("CA", "ja"));
        Assert.Equal("Law of CA", cbbb.PrivacyLawIn("CA", "en"));
        Assert.Null(cbbb.PrivacyLawIn("TW", "en"));
    }
}
