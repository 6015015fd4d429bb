using CrossBorderConsumerCenter.Web.Features.CoolingOffNotice;

namespace CrossBorderConsumerCenter.UnitTests.CoolingOffNotice;

/// <summary>The notice's amounts are whole yen, read as people copy them from contract papers.</summary>
public class NoticeAmountTests
{
    [Theory]
    [InlineData("300000", 300000)]
    [InlineData("300,000円", 300000)]
    [InlineData("¥300,000", 300000)]
    [InlineData("３００，０００", 300000)]
    [InlineData(" 5000 ", 5000)]
    public void AnAmountInYenIsReadAsTyped(string typed, int yen) => Assert.Equal(yen, WriteNotice.Yen(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("三十万")]
    [InlineData("0")]
    [InlineData("-5000")]
    [InlineData("1000.50")]
    [InlineData("$300")]
    public void WhatIsNotAPositiveWholeAmountInYenIsRefused(string? typed) => Assert.Null(WriteNotice.Yen(typed));

    [Fact]
    public void NothingPaidIsZeroWhereZeroIsAllowed()
    {
        Assert.Equal(0, WriteNotice.Yen("0", zeroAllowed: true));
        Assert.Null(WriteNotice.Yen("-1", zeroAllowed: true));
        Assert.Null(WriteNotice.Yen("", zeroAllowed: true));
    }
}
