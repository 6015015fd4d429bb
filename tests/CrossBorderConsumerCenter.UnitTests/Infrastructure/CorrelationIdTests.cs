using CrossBorderConsumerCenter.Web.Infrastructure.Logging;

namespace CrossBorderConsumerCenter.UnitTests.Infrastructure;

public class CorrelationIdTests
{
    [Theory]
    [InlineData("abc123", true)]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", true)]
    [InlineData("req_1.2", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("line\nbreak", false)]
    [InlineData("<script>", false)]
    [InlineData("日本語", false)]
    public void AcceptsOnlyShortSafeTokensFromCallers(string value, bool safe) =>
        Assert.Equal(safe, CorrelationIdMiddleware.IsSafe(value));

    [Fact]
    public void RefusesATokenLongerThan64Characters()
    {
        Assert.True(CorrelationIdMiddleware.IsSafe(new string('a', 64)));
        Assert.False(CorrelationIdMiddleware.IsSafe(new string('a', 65)));
    }
}
