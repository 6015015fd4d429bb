using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

/// <summary>
/// Amounts as consumers type them: with a currency sign, a code or a word before or after, thousands separators, full-width
/// digits; what cannot be read one way only is asked again, never guessed.
/// </summary>
public class PurchaseAmountsTests
{
    [Theory]
    [InlineData("12000", null, 12000)]
    [InlineData("12,000", null, 12000)]
    [InlineData("1,234,567", null, 1234567)]
    [InlineData("12 000", null, 12000)]
    [InlineData("129.99", null, 129.99)]
    [InlineData("0.5", null, 0.5)]
    [InlineData(".5", null, 0.5)]
    [InlineData("1,234.56", null, 1234.56)]
    [InlineData("1.234,56", null, 1234.56)]
    [InlineData("1.234.567", null, 1234567)]
    [InlineData("12,5", null, 12.5)]
    [InlineData("12,50", null, 12.50)]
    [InlineData("12 345.678", null, 12345.678)]
    [InlineData("999999999999", null, 999999999999)]
    [InlineData("  129.99  ", null, 129.99)]
    [InlineData("１２０００", null, 12000)]
    [InlineData("１２，０００", null, 12000)]
    [InlineData("１２９．９９", null, 129.99)]
    [InlineData("12.345", "KWD", 12.345)]
    [InlineData("12.500", "BHD", 12.5)]
    public void ANumberIsReadAsPeopleWriteIt(string text, string? currency, decimal expected)
    {
        var reading = PurchaseAmounts.Read(text, currency);
        Assert.Equal(AmountProblem.None, reading.Problem);
        Assert.Equal(expected, reading.Amount);
        Assert.Empty(reading.NamedCurrencies);
    }

    [Theory]
    [InlineData("¥12000", 12000, new[] { "JPY", "CNY" })]
    [InlineData("￥12,000", 12000, new[] { "JPY", "CNY" })]
    [InlineData("12,000円", 12000, new[] { "JPY" })]
    [InlineData("１２，０００円", 12000, new[] { "JPY" })]
    [InlineData("12000 円", 12000, new[] { "JPY" })]
    [InlineData("USD 12.50", 12.50, new[] { "USD" })]
    [InlineData("12.50 USD", 12.50, new[] { "USD" })]
    [InlineData("12.50usd", 12.50, new[] { "USD" })]
    [InlineData("US$12.50", 12.50, new[] { "USD" })]
    [InlineData("NT$1,200", 1200, new[] { "TWD" })]
    [InlineData("HK$ 300", 300, new[] { "HKD" })]
    [InlineData("S$45.90", 45.90, new[] { "SGD" })]
    [InlineData("A$45.90", 45.90, new[] { "AUD" })]
    [InlineData("C$45.90", 45.90, new[] { "CAD" })]
    [InlineData("€19,99", 19.99, new[] { "EUR" })]
    [InlineData("19.99€", 19.99, new[] { "EUR" })]
    [InlineData("19.99 ユーロ", 19.99, new[] { "EUR" })]
    [InlineData("£25", 25, new[] { "GBP", "FKP", "GIP", "SHP" })]
    [InlineData("₩35,000", 35000, new[] { "KRW" })]
    [InlineData("35,000ウォン", 35000, new[] { "KRW" })]
    [InlineData("฿990", 990, new[] { "THB" })]
    [InlineData("990バーツ", 990, new[] { "THB" })]
    [InlineData("199元", 199, new[] { "CNY", "TWD" })]
    [InlineData("ＵＳＤ　１２．５０", 12.50, new[] { "USD" })]
    public void ASignACodeOrAWordNamesTheCurrency(string text, decimal expected, string[] named)
    {
        var reading = PurchaseAmounts.Read(text, null);
        Assert.Equal(AmountProblem.None, reading.Problem);
        Assert.Equal(expected, reading.Amount);
        Assert.Equal(named.Order(StringComparer.Ordinal), reading.NamedCurrencies.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("$12.50", "USD")]
    [InlineData("$12.50", "CAD")]
    [InlineData("$12.50", "AUD")]
    [InlineData("$12.50", "HKD")]
    [InlineData("$12.50", "SGD")]
    [InlineData("$12.50", "TWD")]
    [InlineData("$12.50", "MXN")]
    [InlineData("12.50 ドル", "USD")]
    [InlineData("¥12000", "JPY")]
    [InlineData("¥199", "CNY")]
    [InlineData("£25", "GBP")]
    public void ASignSharedBySeveralCurrenciesAgreesWithTheCurrencyChosen(string text, string currency)
    {
        var reading = PurchaseAmounts.Read(text, currency);
        Assert.Equal(AmountProblem.None, reading.Problem);
        Assert.Equal(currency, reading.CurrencyCode);
    }

    [Theory]
    [InlineData("12,000円", "JPY")]
    [InlineData("USD 12.50", "USD")]
    [InlineData("NT$1,200", "TWD")]
    [InlineData("€19,99", "EUR")]
    public void AnAmountNamingOneCurrencyGivesItWhenNoneIsChosen(string text, string currency) =>
        Assert.Equal(currency, PurchaseAmounts.Read(text, null).CurrencyCode);

    [Theory]
    [InlineData("$12.50")]
    [InlineData("¥12000")]
    [InlineData("12.50")]
    public void AnAmountNamingNoOrSeveralCurrenciesGivesNoneWhenNoneIsChosen(string text) =>
        Assert.Null(PurchaseAmounts.Read(text, null).CurrencyCode);

    [Fact]
    public void TheCurrencyChosenIsTheCurrencyOfTheReading() =>
        Assert.Equal("EUR", PurchaseAmounts.Read("12.50", "EUR").CurrencyCode);

    [Theory]
    [InlineData("$12.50", "JPY", "$")]
    [InlineData("12,000円", "USD", "円")]
    [InlineData("USD 12.50", "EUR", "USD")]
    [InlineData("€19.99", "GBP", "€")]
    [InlineData("¥12000", "USD", "¥")]
    [InlineData("NT$1,200", "USD", "NT$")]
    public void AnAmountNamingAnotherCurrencyThanTheOneChosenIsAskedAgain(string text, string currency, string marker)
    {
        var reading = PurchaseAmounts.Read(text, currency);
        Assert.Equal(AmountProblem.OtherCurrency, reading.Problem);
        Assert.Equal(marker, reading.Marker);
    }

    [Theory]
    [InlineData("12.000", "USD")]
    [InlineData("12.000", "JPY")]
    [InlineData("12.000", null)]
    [InlineData("1.500", "EUR")]
    [InlineData("12.345", "USD")]
    public void ADotBeforeThreeDigitsIsAskedAgainUnlessTheCurrencyHasThreeDecimals(string text, string? currency) =>
        Assert.Equal(AmountProblem.Ambiguous, PurchaseAmounts.Read(text, currency).Problem);

    [Theory]
    [InlineData("-5")]
    [InlineData("-12,000円")]
    [InlineData("¥-12000")]
    [InlineData("−5")]
    [InlineData("－５")]
    [InlineData("▲1,000")]
    [InlineData("△1,000")]
    [InlineData("-$12.50")]
    public void ANegativeAmountIsRefusedAsNegative(string text) =>
        Assert.Equal(AmountProblem.Negative, PurchaseAmounts.Read(text, null).Problem);

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("¥0")]
    public void NothingPaidIsRefused(string text) =>
        Assert.Equal(AmountProblem.NotPositive, PurchaseAmounts.Read(text, null).Problem);

    [Theory]
    [InlineData("1000000000000")]
    [InlineData("1,000,000,000,000")]
    [InlineData("99999999999999999999999999999")]
    public void AnImpossiblyLargeAmountIsRefused(string text) =>
        Assert.Equal(AmountProblem.TooLarge, PurchaseAmounts.Read(text, null).Problem);

    [Theory]
    [InlineData("1.2345")]
    [InlineData("12,3456")]
    [InlineData("12,0000")]
    public void MoreThanThreeDecimalsAreRefused(string text) =>
        Assert.Equal(AmountProblem.TooManyDecimals, PurchaseAmounts.Read(text, null).Problem);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoAmountIsMissing(string? text) =>
        Assert.Equal(AmountProblem.Missing, PurchaseAmounts.Read(text, "JPY").Problem);

    [Theory]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("円")]
    [InlineData("$")]
    [InlineData("12..5")]
    [InlineData("12,,000")]
    [InlineData("1,00,000")]
    [InlineData("1,234,56")]
    [InlineData("1.234,567.89")]
    [InlineData("12,000.")]
    [InlineData(",5")]
    [InlineData("12  000")]
    [InlineData("1 2 3")]
    [InlineData("12000円円")]
    [InlineData("¥12000円USD")]
    [InlineData("XYZ 12")]
    [InlineData("12 apples")]
    [InlineData("約12000")]
    [InlineData("12000-")]
    [InlineData("--5")]
    [InlineData("0x1F")]
    [InlineData("١٢٣")]
    public void WhatIsNotANumberIsRefused(string text) =>
        Assert.Equal(AmountProblem.NotANumber, PurchaseAmounts.Read(text, null).Problem);

    [Fact]
    public void SignsAndWordsThatContradictEachOtherAreNotANumber() =>
        Assert.Equal(AmountProblem.NotANumber, PurchaseAmounts.Read("$12円", null).Problem);

    [Fact]
    public void AVeryLongTextIsNotReadAtAll() =>
        Assert.Equal(AmountProblem.NotANumber, PurchaseAmounts.Read(new string('1', 31), null).Problem);
}
