using CrossBorderConsumerCenter.Web.Domain.Partners;

namespace CrossBorderConsumerCenter.UnitTests.Partners;

/// <summary>An agency's full English name as it reads inside a sentence ("Dear colleagues at the Council of Better Business Bureaus").</summary>
public class PartnerNamesTests
{
    [Theory]
    [InlineData("The Council of Better Business Bureaus (CBBB)", "CBBB", "the Council of Better Business Bureaus")]
    [InlineData("Secure Online Shopping Association (SOSA)", "SOSA", "the Secure Online Shopping Association")]
    [InlineData("Consumers Association of Singapore (CASE)", "CASE", "the Consumers Association of Singapore")]
    [InlineData("Korea Consumer Agency", "KCA", "the Korea Consumer Agency")]
    [InlineData("  The European Consumer Centre (ECC-NET)  ", "ECC-NET", "the European Consumer Centre")]
    [InlineData("Theodor Trust (TT)", "TT", "the Theodor Trust")]
    [InlineData("Consumer Council (Hong Kong)", "HKCC", "the Consumer Council (Hong Kong)")]
    [InlineData("The (CBBB)", "CBBB", "The (CBBB)")]
    public void TheNameReadsInASentenceWithoutItsCodeAndWithALowerCaseThe(string englishName, string code, string inSentence) =>
        Assert.Equal(inSentence, PartnerNames.InSentence(englishName, code));
}
