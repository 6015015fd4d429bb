using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

/// <summary>Seed 000: CBBB for the US and Canada, SOSA for Taiwan, CASE for Singapore, none elsewhere.</summary>
public class PartnerRoutingTests
{
    [Theory]
    [InlineData("US", "CBBB")]
    [InlineData("CA", "CBBB")]
    [InlineData("TW", "SOSA")]
    [InlineData("SG", "CASE")]
    public void EachCoveredCountryGoesToItsPartner(string country, string agency) =>
        Assert.Equal(agency, PartnerRouting.ForCountry(country)?.Code);

    [Theory]
    [InlineData("CN")]
    [InlineData("HK")]
    [InlineData("KR")]
    [InlineData("GB")]
    [InlineData("JP")]
    [InlineData("MX")]
    [InlineData("us")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherCountriesHaveNoPartner(string? country) => Assert.Null(PartnerRouting.ForCountry(country));

    [Fact]
    public void OnlyTheFourSeedCountriesAreCovered()
    {
        var covered = Countries.All.Where(c => PartnerRouting.ForCountry(c.Code) is not null).Select(c => c.Code).Order();
        Assert.Equal(["CA", "SG", "TW", "US"], covered);
    }

    [Fact]
    public void EachAgencyListsItsCountriesInTheOrderThePublicPagesUse()
    {
        Assert.Equal(["CBBB", "SOSA", "CASE"], PartnerRouting.Agencies.Select(a => a.Code));
        Assert.Equal(["US", "CA"], PartnerRouting.CountriesOf(PartnerRouting.BetterBusinessBureaus));
        Assert.Equal(["TW"], PartnerRouting.CountriesOf(PartnerRouting.SecureOnlineShopping));
        Assert.Equal(["SG"], PartnerRouting.CountriesOf(PartnerRouting.ConsumersAssociationOfSingapore));
    }

    [Fact]
    public void AgenciesAreNamedInBothLanguages()
    {
        Assert.Equal("シンガポール消費者協会(CASE)", PartnerRouting.ConsumersAssociationOfSingapore.NameIn("ja"));
        Assert.Equal("Consumers Association of Singapore (CASE)", PartnerRouting.ConsumersAssociationOfSingapore.NameIn("en"));
        Assert.Contains("Better Business Bureaus", PartnerRouting.BetterBusinessBureaus.NameIn("en"), StringComparison.Ordinal);
    }
}
