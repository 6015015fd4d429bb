using CrossBorderConsumerCenter.Web.Features.Counselors;
using CrossBorderConsumerCenter.Web.Features.Tracking;

namespace CrossBorderConsumerCenter.UnitTests.Tracking;

public class TrackingRulesTests
{
    [Theory]
    [InlineData("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde", true)]
    [InlineData("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd", false)]
    [InlineData("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdef", false)]
    [InlineData("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abcde", false)]
    [InlineData("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd=", false)]
    [InlineData("lost", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyA43CharacterBase64UrlTokenIsLookedUp(string? token, bool wellFormed) => Assert.Equal(wellFormed, TrackingLinks.IsWellFormed(token));

    [Fact]
    public void ATokenIsKeptAsTheLowerCaseHexOfItsSha256() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TrackingLinks.Hash("abc"));

    [Fact]
    public void ADashboardCursorRoundTrips()
    {
        var at = TestTime.Today.AddTicks(1234);
        var id = Guid.CreateVersion7(at);
        Assert.True(ListCenterCases.TryParseCursor(ListCenterCases.Cursor(at, id), out var parsedAt, out var parsedId));
        Assert.Equal((at, id), (parsedAt, parsedId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("abc_0196a1b2c3d4e5f60718293a4b5c6d7e")]
    [InlineData("-5_0196a1b2c3d4e5f60718293a4b5c6d7e")]
    [InlineData("99999999999999999999_0196a1b2c3d4e5f60718293a4b5c6d7e")]
    [InlineData("638000000000000000_not-a-guid")]
    public void AMalformedCursorIsTheFirstPage(string? cursor) => Assert.False(ListCenterCases.TryParseCursor(cursor, out _, out _));
}
