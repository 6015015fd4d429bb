using System.Security.Cryptography;
using CrossBorderConsumerCenter.Web.Domain.Partners;

namespace CrossBorderConsumerCenter.UnitTests.Partners;

/// <summary>The agencies' answer links: unguessable, stored only as a hash, one answer each, until they expire.</summary>
public class PartnerLinkTests
{
    private static readonly DateTimeOffset Now = TestComplaints.Now;

    [Fact]
    public void ATokenIs32RandomBytesInBase64UrlAndOnlyItsSha256IsKept()
    {
        var (link, token) = PartnerLink.Create(Guid.NewGuid(), 1, Guid.NewGuid(), Now, TimeSpan.FromDays(120));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)), link.TokenHash);
        Assert.Equal(link.TokenHash, PartnerLink.HashOf(token));
        Assert.Equal(Now.AddDays(120), link.ExpiresAt);
    }

    [Fact]
    public void TokensDoNotRepeat()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => PartnerLink.Create(Guid.NewGuid(), 1, Guid.NewGuid(), Now, TimeSpan.FromDays(1)).Token).ToHashSet();
        Assert.Equal(1000, tokens.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    public void AnythingThatCannotBeATokenIsNeverLookedUp(string? token) => Assert.Null(PartnerLink.HashOf(token));

    [Fact]
    public void ALinkTakesOneAnswerBeforeItExpires()
    {
        var (link, _) = PartnerLink.Create(Guid.NewGuid(), 1, Guid.NewGuid(), Now, TimeSpan.FromDays(120));
        Assert.False(link.IsExpiredAt(Now.AddDays(120).AddSeconds(-1)));
        Assert.True(link.IsExpiredAt(Now.AddDays(120)));

        link.RecordAnswer(PartnerOutcome.Refunded, Now.AddDays(3));
        Assert.Equal((Now.AddDays(3), PartnerOutcome.Refunded), (link.AnsweredAt!.Value, link.Outcome!.Value));
        Assert.Throws<InvalidOperationException>(() => link.RecordAnswer(PartnerOutcome.Other, Now.AddDays(4)));

        var (late, _) = PartnerLink.Create(Guid.NewGuid(), 1, Guid.NewGuid(), Now, TimeSpan.FromDays(1));
        Assert.Throws<InvalidOperationException>(() => late.RecordAnswer(PartnerOutcome.Shipped, Now.AddDays(1)));
    }
}
