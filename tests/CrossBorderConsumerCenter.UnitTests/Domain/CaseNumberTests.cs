using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

public class CaseNumberTests
{
    [Theory]
    [InlineData(2026, 123, "CCJ-2026-000123")]
    [InlineData(2026, 1, "CCJ-2026-000001")]
    [InlineData(2027, 999_999, "CCJ-2027-999999")]
    [InlineData(2027, 1_000_000, "CCJ-2027-1000000")]
    public void FormatsAsPrefixYearAndSixDigitSequence(int year, int sequence, string expected) =>
        Assert.Equal(expected, new CaseNumber(year, sequence).ToString());

    [Theory]
    [InlineData("CCJ-2026-000123", 2026, 123)]
    [InlineData("ccj-2026-000123", 2026, 123)]
    [InlineData(" CCJ-2026-1000000 ", 2026, 1_000_000)]
    public void ParsesWhatItFormats(string text, int year, int sequence)
    {
        Assert.True(CaseNumber.TryParse(text, out var number));
        Assert.Equal(new CaseNumber(year, sequence), number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CCJ-2026-123")]
    [InlineData("CCJ-26-000123")]
    [InlineData("ABC-2026-000123")]
    [InlineData("CCJ-2026-000000")]
    [InlineData("CCJ-1999-000001")]
    [InlineData("CCJ-2026-00012a")]
    [InlineData("CCJ-2026-000123-1")]
    [InlineData("CCJ-２０２６-000123")]
    public void RefusesAnythingElse(string? text) => Assert.False(CaseNumber.TryParse(text, out _));

    [Fact]
    public void RefusesImpossibleParts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CaseNumber(2026, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CaseNumber(1999, 1));
    }

    [Theory]
    [InlineData("2026-12-31T14:59:59Z", 2026)]
    [InlineData("2026-12-31T15:00:00Z", 2027)]
    [InlineData("2027-01-01T00:00:00+09:00", 2027)]
    [InlineData("2026-12-31T23:59:59+09:00", 2026)]
    public void TheYearIsTheYearInJapanAtReceipt(string receivedAt, int year) =>
        Assert.Equal(year, CaseNumber.YearOf(DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture)));
}
