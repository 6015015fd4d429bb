using CrossBorderConsumerCenter.Web.Domain.Privacy;

namespace CrossBorderConsumerCenter.UnitTests.Privacy;

/// <summary>How a disclosure compares the keys it finds a person by: phone digits, email in any case, the whole name in any width or script.</summary>
public class PersonKeysTests
{
    [Theory]
    [InlineData("090-1234-5678", "09012345678")]
    [InlineData("０９０－１２３４－５６７８", "09012345678")]
    [InlineData("+81 90 1234 5678", "09012345678")]
    [InlineData("+81-90-1234-5678", "09012345678")]
    [InlineData("0081 90 1234 5678", "09012345678")]
    [InlineData("(03) 1234-5678", "0312345678")]
    [InlineData("+1 415 555 0100", "14155550100")]
    [InlineData("", "")]
    public void APhoneNumberIsItsDigitsWithJapansCountryCodeAsALeadingZero(string input, string expected) =>
        Assert.Equal(expected, PersonKeys.Phone(input));

    [Fact]
    public void AnEmailAddressIsComparedInLowerCaseWithoutSurroundingSpaces() =>
        Assert.Equal("taro.yamada@example.jp", PersonKeys.Email(" Taro.Yamada@EXAMPLE.jp "));

    [Theory]
    [InlineData("山田 太郎", "山田太郎")]
    [InlineData("山田　太郎", "山田太郎")]
    [InlineData("やまだ たろう", "ヤマダタロウ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ")]
    [InlineData("ルーシー", "ルーシー")]
    [InlineData("Taro YAMADA", "taroyamada")]
    public void ANameIsComparedWholeInAnyWidthScriptOrSpacing(string input, string expected) =>
        Assert.Equal(expected, PersonKeys.Name(input));
}
