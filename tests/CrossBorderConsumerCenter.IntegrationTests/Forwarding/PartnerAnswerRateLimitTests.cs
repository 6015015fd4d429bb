using System.Net;
using System.Security.Cryptography;

namespace CrossBorderConsumerCenter.IntegrationTests.Forwarding;

/// <summary>The answer pages take few requests a minute from one address: guessing links is cut short, with the friendly page.</summary>
public class PartnerAnswerRateLimitTests(PartnerAnswerRateLimitTests.Fixture portal) : IClassFixture<PartnerAnswerRateLimitTests.Fixture>
{
    public sealed class Fixture : ForwardingFixture
    {
        public const int PerMinute = 5;

        protected override int PartnerRequestsPerMinute => PerMinute;
    }

    [Fact]
    public async Task GuessingLinksIsRefusedAfterAFewTriesEvenForTheRightOne()
    {
        var c = await portal.ReceiveAsync();
        var token = await portal.ForwardAsync(c);
        using var guesser = portal.Factory.CreateFormClient();

        for (var i = 0; i < Fixture.PerMinute; i++)
        {
            var guess = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/partner/{guess}")).StatusCode);
        }

        using var limited = await guesser.Http.GetAsync($"/partner/{token}");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        var page = await HtmlPage.ReadAsync(limited);
        Assert.Contains("アクセスが集中しています", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Number, page.Text, StringComparison.Ordinal);

        // The rest of the portal is not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(ForwardingFixture.PageOf(c.Number))).StatusCode);
    }
}
