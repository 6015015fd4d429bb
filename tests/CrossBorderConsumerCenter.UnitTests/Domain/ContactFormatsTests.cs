using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

public class ContactFormatsTests
{
    [Theory]
    [InlineData("03-1234-5678")]
    [InlineData("0312345678")]
    [InlineData("090-1234-5678")]
    [InlineData("(03) 1234 5678")]
    [InlineData("+81 90-1234-5678")]
    [InlineData("+819012345678")]
    [InlineData("123456789012345")]
    public void AcceptsPlausibleConsumerPhoneNumbers(string phone) =>
        Assert.True(PhoneNumbers.IsPlausible(PhoneNumbers.Normalize(phone), PhoneNumbers.ConsumerMinDigits, PhoneNumbers.ConsumerMaxDigits));

    [Theory]
    [InlineData("")]
    [InlineData("03-1234-567")]
    [InlineData("1234567890123456")]
    [InlineData("090-1234-5678 ext. 2")]
    [InlineData("81+9012345678")]
    [InlineData("++819012345678")]
    [InlineData("090.1234.5678")]
    [InlineData("090/1234/5678")]
    [InlineData("tel:09012345678")]
    [InlineData("09012345678#")]
    public void RefusesImplausibleConsumerPhoneNumbers(string phone) =>
        Assert.False(PhoneNumbers.IsPlausible(PhoneNumbers.Normalize(phone), PhoneNumbers.ConsumerMinDigits, PhoneNumbers.ConsumerMaxDigits));

    [Fact]
    public void RefusesAPhoneNumberLongerThanThirtyCharacters() =>
        Assert.False(PhoneNumbers.IsPlausible("+1 (800) 555 - 0199 -  -  -  - ", PhoneNumbers.ConsumerMinDigits, PhoneNumbers.ConsumerMaxDigits));

    [Theory]
    [InlineData("6123 4567", true)]
    [InlineData("+65 6123 4567", true)]
    [InlineData("+1 (800) 555-0199", true)]
    [InlineData("12345", false)]
    [InlineData("123456", true)]
    public void BusinessNumbersAbroadMayBeShorter(string phone, bool plausible) =>
        Assert.Equal(plausible, PhoneNumbers.IsPlausible(PhoneNumbers.Normalize(phone), PhoneNumbers.BusinessMinDigits, PhoneNumbers.BusinessMaxDigits));

    [Theory]
    [InlineData("０９０－１２３４－５６７８", "090-1234-5678")]
    [InlineData("090ー1234ー5678", "090-1234-5678")]
    [InlineData("090−1234−5678", "090-1234-5678")]
    [InlineData("090‐1234‐5678", "090-1234-5678")]
    [InlineData("（０３）１２３４　５６７８", "(03)1234 5678")]
    public void PhoneNumbersTypedFullWidthAreFoldedToAscii(string typed, string normalized) =>
        Assert.Equal(normalized, PhoneNumbers.Normalize(typed));

    [Theory]
    [InlineData("100-0001", "100-0001")]
    [InlineData("1000001", "100-0001")]
    [InlineData("１００－０００１", "100-0001")]
    [InlineData(" 100ー0001 ", "100-0001")]
    public void AcceptsSevenDigitPostalCodesWithOrWithoutTheHyphen(string typed, string normalized) =>
        Assert.Equal(normalized, PostalCodes.Normalize(typed));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("100-001")]
    [InlineData("10000011")]
    [InlineData("1000-001")]
    [InlineData("100--0001")]
    [InlineData("abc-defg")]
    [InlineData("〒100-0001")]
    [InlineData("SW1A 1AA")]
    public void RefusesAnythingElseAsAPostalCode(string? typed) =>
        Assert.Null(PostalCodes.Normalize(typed));

    [Theory]
    [InlineData("plain text", false)]
    [InlineData("line one\r\nline two\ttabbed", false)]
    [InlineData("emoji 😀 and RTL مرحبا", false)]
    [InlineData("nul \0 inside", true)]
    [InlineData("bell \a inside", true)]
    [InlineData("escape \u001b[31m", true)]
    [InlineData("delete \u007f", true)]
    public void ControlCharactersOtherThanTabsAndLineBreaksAreFlagged(string text, bool flagged) =>
        Assert.Equal(flagged, TextInput.HasControlCharacters(text));
}
