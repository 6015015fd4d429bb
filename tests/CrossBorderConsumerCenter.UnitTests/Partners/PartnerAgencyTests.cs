using CrossBorderConsumerCenter.Web.Domain.Partners;

namespace CrossBorderConsumerCenter.UnitTests.Partners;

/// <summary>What the registry accepts for an agency, and how a change keeps the agency's identity.</summary>
public class PartnerAgencyTests
{
    private static readonly DateTimeOffset Now = TestComplaints.Now;

    public static PartnerAgencyDetails Valid(string code = "CBBB", IReadOnlyList<string>? addresses = null, params string[] countries) => new(
        code, "The Council of Better Business Bureaus (CBBB)", "CBBB(The Council of Better Business Bureaus)",
        addresses ?? ["complaints@cbbb.example.org"], "en", 10,
        [.. (countries.Length == 0 ? ["US", "CA"] : countries).Select(c => new PartnerCoverage(c, "法律", "Law"))]);

    [Fact]
    public void AValidAgencyHasNoProblems() => Assert.Empty(PartnerAgency.Check(Valid()));

    [Theory]
    [InlineData("C")]
    [InlineData("cbbb")]
    [InlineData("1CBB")]
    [InlineData("CBBB-US")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("NEW")]
    public void TheCodeIsTwoToTenCapitalsOrDigitsStartingWithALetter(string code) =>
        Assert.Equal([PartnerAgencyProblem.Code], PartnerAgency.Check(Valid() with { Code = code }));

    [Theory]
    [InlineData("not an address")]
    [InlineData(".dot@example.org")]
    [InlineData("a..b@example.org")]
    public void EveryAddressMustBeOneTheCenterCanWriteTo(string address) =>
        Assert.Equal([PartnerAgencyProblem.EmailAddresses], PartnerAgency.Check(Valid(addresses: ["ok@example.org", address])));

    [Fact]
    public void AddressesAreAtMostFiveAndNotRepeated()
    {
        Assert.Equal([PartnerAgencyProblem.EmailAddresses], PartnerAgency.Check(Valid(addresses: [.. Enumerable.Range(1, 6).Select(i => $"a{i}@example.org")])));
        Assert.Equal([PartnerAgencyProblem.EmailAddresses], PartnerAgency.Check(Valid(addresses: ["a@example.org", "A@example.org"])));
        Assert.Empty(PartnerAgency.Check(Valid(addresses: [])));
    }

    [Fact]
    public void CountriesAreKnownNotJapanAndNotRepeated()
    {
        Assert.Equal([PartnerAgencyProblem.Countries], PartnerAgency.Check(Valid(countries: ["JP"])));
        Assert.Equal([PartnerAgencyProblem.Countries], PartnerAgency.Check(Valid(countries: ["XX"])));
        Assert.Equal([PartnerAgencyProblem.Countries], PartnerAgency.Check(Valid(countries: ["US", "US"])));
        Assert.Equal([PartnerAgencyProblem.Countries], PartnerAgency.Check(Valid() with { Countries = [] }));
    }

    [Fact]
    public void EachCountryNamesItsPrivacyLawInBothLanguages() =>
        Assert.Equal([PartnerAgencyProblem.PrivacyLaw], PartnerAgency.Check(Valid() with { Countries = [new PartnerCoverage("US", "法律", " ")] }));

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void TheDeadlineIsOneToSixtyBusinessDays(int days) =>
        Assert.Equal([PartnerAgencyProblem.ResponseBusinessDays], PartnerAgency.Check(Valid() with { ResponseBusinessDays = days }));

    [Fact]
    public void TheLanguageIsJapaneseOrEnglish() =>
        Assert.Equal([PartnerAgencyProblem.Language], PartnerAgency.Check(Valid() with { Language = "zh" }));

    [Fact]
    public void AChangeKeepsTheCodeAndTheRowsOfCountriesKept()
    {
        var agency = PartnerAgency.Create(Valid(), Now);
        var canada = agency.Countries.Single(c => c.CountryCode == "CA");
        agency.Update(Valid(countries: ["CA", "MX"]) with { ResponseBusinessDays = 15 }, Now.AddDays(1));

        Assert.Equal(["CA", "MX"], agency.Countries.Select(c => c.CountryCode));
        Assert.Same(canada, agency.Countries[0]);
        Assert.Equal([0, 1], agency.Countries.Select(c => c.Position));
        Assert.Equal((15, Now.AddDays(1), Now), (agency.ResponseBusinessDays, agency.UpdatedAt, agency.CreatedAt));
        Assert.Throws<ArgumentException>(() => agency.Update(Valid(code: "BBB"), Now));
        Assert.Throws<ArgumentException>(() => agency.Update(Valid() with { Language = "fr" }, Now));
    }

    [Fact]
    public void ConfiguredAddressesAreTakenOnlyByAnAgencyThatHasNone()
    {
        var agency = PartnerAgency.Create(Valid(addresses: []), Now);
        Assert.True(agency.UseConfiguredAddresses(["cbbb@partners.example.org"], Now));
        Assert.False(agency.UseConfiguredAddresses(["other@partners.example.org"], Now));
        Assert.Equal(["cbbb@partners.example.org"], agency.EmailAddresses);
    }
}
