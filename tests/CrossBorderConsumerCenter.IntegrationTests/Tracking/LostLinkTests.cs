using System.Net;
using CrossBorderConsumerCenter.Web.Features.Tracking;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>"I lost my link": a new link only to the case's own address, and the same answer whether or not anything matched.</summary>
public class LostLinkTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task TheSameAnswerComesWhetherTheNumberAndEmailMatchOrNotAndOnlyAMatchSendsANewLink()
    {
        var (mine, oldToken) = await portal.ReceiveAsync(email: "hanako@example.jp");
        var (other, _) = await portal.ReceiveAsync(email: "jiro@example.jp");
        portal.Clock.Advance(ResendTrackingLink.Handler.MinimumInterval + TimeSpan.FromMinutes(1));
        using var client = portal.Factory.CreateFormClient();

        var answers = new List<(HttpStatusCode Status, string? Location, string Text)>();
        foreach (var (number, email) in new[]
        {
            (mine.Number, "jiro@example.jp"),    // someone else's address
            (other.Number, "hanako@example.jp"), // my address, another case
            ("CCJ-2020-999999", "hanako@example.jp"), // no such case
            (mine.Number, " Hanako@Example.JP "), // mine: a match, however typed
        })
        {
            var page = await client.GetOkAsync("/track/lost");
            using var response = await client.SubmitAsync(page, "form[action='/track/lost']", [new("Lost.CaseNumber", number), new("Lost.Email", email)]);
            var after = await client.FollowRedirectAsync(response);
            answers.Add((response.StatusCode, response.Headers.Location?.OriginalString, after.MainText));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("新しいリンクをそのアドレスにお送りしました", answers[0].Text, StringComparison.Ordinal);

        var resent = (await portal.EmailsOfAsync(mine.Id)).Where(e => e.Template == ResendTrackingLink.Email.TemplateName).ToList();
        var message = Assert.Single(resent);
        Assert.Equal(["hanako@example.jp"], message.ToAddresses);
        Assert.DoesNotContain((await portal.EmailsOfAsync(other.Id)), e => e.Template == ResendTrackingLink.Email.TemplateName);

        // The new link opens the case; the old one no longer does.
        var newToken = System.Text.RegularExpressions.Regex.Match(message.TextBody, "/track/([A-Za-z0-9_-]{43})").Groups[1].Value;
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(mine.Number, (await client.GetOkAsync(TrackingFixture.TrackingPath(newToken))).Heading);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(TrackingFixture.TrackingPath(oldToken))).StatusCode);

        // Asked again at once: the same answer, and no second email.
        var again = await client.GetOkAsync("/track/lost");
        using (var response = await client.SubmitAsync(again, "form[action='/track/lost']", [new("Lost.CaseNumber", mine.Number), new("Lost.Email", "hanako@example.jp")]))
        {
            Assert.Equal((answers[0].Status, answers[0].Location), (response.StatusCode, response.Headers.Location?.OriginalString));
        }

        Assert.Single(await portal.EmailsOfAsync(mine.Id), e => e.Template == ResendTrackingLink.Email.TemplateName);
    }
}

/// <summary>The lost-link form: a clear message for bad input, and rate-limited per client (its own portal, so that no other test spends the allowance).</summary>
public class LostLinkRateLimitTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task AMalformedRequestGetsAClearMessageAndManyRequestsFromOneClientAreRefused()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/track/lost");
        using (var response = await client.SubmitAsync(page, "form[action='/track/lost']", [new("Lost.CaseNumber", "abc"), new("Lost.Email", "not-an-address")]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refused = await HtmlPage.ReadAsync(response);
            Assert.NotNull(refused.Find("#Lost_CaseNumber-error"));
            Assert.NotNull(refused.Find("#Lost_Email-error"));
            Assert.Equal("abc", refused.Find("#Lost_CaseNumber")!.GetAttribute("value"));
            Assert.Equal("not-an-address", refused.Find("#Lost_Email")!.GetAttribute("value"));
        }

        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.SubmitAsync(page, "form[action='/track/lost']", [new("Lost.CaseNumber", "CCJ-2020-000001"), new("Lost.Email", "a@example.jp")]);
            statuses.Add(response.StatusCode);
            retryAfter = response.Headers.RetryAfter?.Delta;
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        // The wait is the lost-link window's (15 minutes), not the partner pages' minute.
        Assert.InRange(retryAfter!.Value.TotalMinutes, 14, 15);
    }
}
