using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>
/// "I lost my link": a new link only to the case's own address, every earlier link stopped once it is opened, and the same answer whether or
/// not anything matched, also when a repeat is held back.
/// </summary>
public class LostLinkTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task TheSameAnswerComesWhetherTheNumberAndEmailMatchOrNotAndOnlyAMatchSendsANewLink()
    {
        var (mine, oldToken) = await portal.ReceiveAsync(email: "hanako@example.jp");
        var (other, _) = await portal.ReceiveAsync(email: "jiro@example.jp");
        await portal.ActAsync(mine.Id, (x, staff, now) => TrackingFixture.Forward(x, staff, now));
        var forwardedToken = EmailLinks.TrackingTokenIn(Assert.Single(await portal.EmailsOfAsync(mine.Id)).TextBody);
        using var client = portal.Factory.CreateFormClient();

        var answers = new List<(HttpStatusCode Status, string? Location, string Text)>();
        foreach (var (number, email) in new[]
        {
            (mine.Number, "jiro@example.jp"),    // someone else's address
            (other.Number, "hanako@example.jp"), // my address, another case
            ("CCJ-2020-999999", "hanako@example.jp"), // no such case
            (mine.Number.ToLowerInvariant().Replace("-", "ー", StringComparison.Ordinal), " Hanako@Example.JP "), // mine: a match, however typed
        })
        {
            answers.Add(await LostLinkSteps.AskAsync(client, number, email));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("受付番号とメールアドレスが一致するご相談があれば、新しいリンクをそのアドレスにお送りしました。", answers[0].Text, StringComparison.Ordinal);

        var resent = (await portal.EmailsOfAsync(mine.Id)).Where(e => e.Template == ResendTrackingLink.Email.TemplateName).ToList();
        var message = Assert.Single(resent);
        Assert.Equal(["hanako@example.jp"], message.ToAddresses);
        Assert.DoesNotContain((await portal.EmailsOfAsync(other.Id)), e => e.Template == ResendTrackingLink.Email.TemplateName);

        // Until the new link is opened, the earlier ones still work: whoever asked may not be the consumer, who must not be
        // cut off by a stranger knowing the number and the address.
        foreach (var earlier in new[] { oldToken, forwardedToken })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(TrackingFixture.TrackingPath(earlier))).StatusCode);
        }

        // The new link opens the case; from then on every earlier one (the receipt's, the status email's) no longer does.
        var newToken = EmailLinks.TrackingTokenIn(message.TextBody);
        Assert.Equal(mine.Number, (await client.GetOkAsync(TrackingFixture.TrackingPath(newToken))).Heading);
        foreach (var earlier in new[] { oldToken, forwardedToken })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(TrackingFixture.TrackingPath(earlier))).StatusCode);
        }

        Assert.Equal(1, await portal.QueryAsync(db => db.CaseTrackingLinks.CountAsync(l => l.CaseId == mine.Id)));
    }

}

/// <summary>"I lost my link" asked again within the interval (its own portal: the rate limit counts per client).</summary>
public class LostLinkRepeatTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task ARepeatWithinTenMinutesIsHeldBackInWordsThatAreTheSameForAMatchAndANonMatch()
    {
        var (mine, _) = await portal.ReceiveAsync(email: "sachiko@example.jp");
        using var client = portal.Factory.CreateFormClient();
        var asked = portal.Clock.GetUtcNow();

        // The first time each: the same answer, and a link goes to the match only.
        var first = await LostLinkSteps.AskAsync(client, mine.Number, "sachiko@example.jp");
        Assert.Equal(first, await LostLinkSteps.AskAsync(client, mine.Number, "nobody@example.jp"));
        Assert.Single(await LostLinkSteps.ResentAsync(portal, mine.Id));

        // Asked again within the interval: held back, and said so, identically for the match and the non-match.
        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        var heldMatch = await LostLinkSteps.AskAsync(client, mine.Number, "sachiko@example.jp");
        var heldOther = await LostLinkSteps.AskAsync(client, mine.Number, "nobody@example.jp");
        Assert.Equal(heldMatch, heldOther);
        Assert.NotEqual(first.Text, heldMatch.Text);
        Assert.Contains("10分以内にお申し込みがあったため、今回は何もお送りしていません", heldMatch.Text, StringComparison.Ordinal);
        Assert.Contains(TestTime.JapanMinute(asked + ResendTrackingLink.Handler.MinimumInterval), heldMatch.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("お送りしました", heldMatch.Text, StringComparison.Ordinal);
        Assert.Single(await LostLinkSteps.ResentAsync(portal, mine.Id));

        // Asking again and again does not push the time on; once it has passed, a match gets a new link again.
        portal.Clock.SetUtcNow(asked + ResendTrackingLink.Handler.MinimumInterval);
        Assert.Equal(first, await LostLinkSteps.AskAsync(client, mine.Number, "Sachiko@example.jp"));
        Assert.Equal(2, (await LostLinkSteps.ResentAsync(portal, mine.Id)).Count);
    }
}

/// <summary>The email "I lost my link" sends (its own portal: the rate limit counts per client).</summary>
public class LostLinkEmailTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Theory]
    [InlineData("ja", "このメールに心当たりがない場合は", "お心当たりのない場合は")]
    [InlineData("en", "If you did not expect this email", "If you did not ask for it")]
    public async Task TheNewLinksEmailHasOneFooterAndSaysEarlierLinksStopped(string language, string footer, string secondFooter)
    {
        var (c, _) = await portal.ReceiveAsync(language: language, email: $"footer-{language}@example.jp");
        using var client = portal.Factory.CreateFormClient();
        await LostLinkSteps.AskAsync(client, c.Number, $"footer-{language}@example.jp");

        var body = Assert.Single(await LostLinkSteps.ResentAsync(portal, c.Id)).TextBody;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, System.Text.RegularExpressions.Regex.Escape(footer)));
        Assert.DoesNotContain(secondFooter, body, StringComparison.Ordinal);
        Assert.Contains(language == "ja" ? "このリンクを開くと、これまでのメールに記載したリンクは使えなくなります" : "Once you open this link, the links in our earlier emails stop working", body, StringComparison.Ordinal);
    }
}

/// <summary>Asking for a new link as the lost-link page does.</summary>
internal static class LostLinkSteps
{
    public static async Task<List<Web.Data.Email.OutboundEmail>> ResentAsync(TrackingFixture portal, Guid caseId) =>
        [.. (await portal.EmailsOfAsync(caseId)).Where(e => e.Template == ResendTrackingLink.Email.TemplateName)];

    /// <summary>Asks for a new link as the page does and returns what came back: the status, the redirect and the page's text.</summary>
    public static async Task<(HttpStatusCode Status, string? Location, string Text)> AskAsync(FormClient client, string number, string email)
    {
        var page = await client.GetOkAsync("/track/lost");
        using var response = await client.SubmitAsync(page, "form[action='/track/lost']", [new("Lost.CaseNumber", number), new("Lost.Email", email)]);
        var after = await client.FollowRedirectAsync(response);
        Assert.NotNull(after.Find("[data-lost-answer][role=status][data-confirmation]")); // the site's script focuses it: it is heard
        return (response.StatusCode, response.Headers.Location?.OriginalString, after.MainText);
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
            if (i == 5)
            {
                portal.Clock.Advance(TimeSpan.FromMinutes(10));
            }

            using var response = await client.SubmitAsync(page, "form[action='/track/lost']", [new("Lost.CaseNumber", "CCJ-2020-000001"), new("Lost.Email", "a@example.jp")]);
            statuses.Add(response.StatusCode);
            retryAfter = response.Headers.RetryAfter?.Delta;
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        // The wait is what is left of the lost-link window (15 minutes, 10 of them gone), not the partner pages' minute.
        Assert.InRange(retryAfter!.Value.TotalMinutes, 4.9, 5);
    }
}
