using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>One draft makes exactly one case, however often it is sent; case numbers are unique and sequential per Japan year.</summary>
public class SubmissionTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task SendingTheSameReviewPageAgainShowsTheSameReceiptAndMakesNoSecondCase()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync();
        var first = await journey.SubmitAsync(review);

        // The back button and "send" again, with the same token: the same receipt.
        var again = await journey.SubmitAsync(review);

        var number = first.Find("[data-case-number]")!.TextContent.Trim();
        Assert.Equal(number, again.Find("[data-case-number]")!.TextContent.Trim());
        var caseId = await portal.QueryAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        Assert.Equal(1, await portal.QueryAsync(db => db.OutboundEmails.CountAsync(e => e.CaseId == caseId)));
    }

    [Fact]
    public async Task ConcurrentSubmitsOfOneDraftMakeExactlyOneCase()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "連打 太郎" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SubmitAsync(review, "form[action='/complaint/submit']")));

        Assert.All(responses, r =>
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal("/complaint/received", r.Headers.Location!.OriginalString);
        });
        var cases = await portal.QueryAsync(db => db.Cases.Where(c => c.ConsumerName == "連打 太郎").Select(c => c.Id).ToListAsync());
        var caseId = Assert.Single(cases);
        Assert.Equal(1, await portal.QueryAsync(db => db.OutboundEmails.CountAsync(e => e.CaseId == caseId)));
        Assert.Equal(1, await portal.QueryAsync(db => db.CaseConsents.CountAsync(c => c.CaseId == caseId)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task CaseNumbersUnderConcurrentSubmissionsAreUniqueAndWithoutGaps()
    {
        // A year of its own, so that other tests' cases do not count.
        var year = TestTime.TodayInJapan.Year + 5;
        portal.Clock.SetUtcNow(TestTime.NoonInJapan(new DateOnly(year, 6, 1)));
        try
        {
            const int count = 12;
            var clients = Enumerable.Range(0, count).Select(_ => portal.Factory.CreateFormClient()).ToList();
            var reviews = new List<HtmlPage>();
            foreach (var client in clients)
            {
                reviews.Add(await new IntakeJourney(client).ReachReviewAsync());
            }

            var responses = await Task.WhenAll(clients.Select((client, i) => client.SubmitAsync(reviews[i], "form[action='/complaint/submit']")));
            Assert.All(responses, r => Assert.Equal("/complaint/received", r.Headers.Location!.OriginalString));

            var numbers = await portal.QueryAsync(db => db.Cases.Where(c => c.Number.StartsWith($"CCJ-{year}-")).Select(c => c.Number).ToListAsync());
            Assert.Equal(Enumerable.Range(1, count).Select(n => $"CCJ-{year}-{n:D6}"), numbers.Order());
            Assert.Equal(count, await portal.QueryAsync(db => db.CaseNumberCounters.Where(c => c.Year == year).Select(c => c.LastSequence).SingleAsync()));
            foreach (var (client, response) in clients.Zip(responses))
            {
                response.Dispose();
                client.Dispose();
            }
        }
        finally
        {
            portal.Clock.SetUtcNow(IntakeFixture.Start);
        }
    }

    [Fact]
    public async Task TheNumberingYearIsTheYearInJapanAtReceipt()
    {
        // The end of a year to come, which no other test reaches (the year-end is the subject, not which year).
        var year = TestTime.TodayInJapan.Year + 3;
        try
        {
            // 23:59:59 on 31 December in Japan: still that year.
            portal.Clock.SetUtcNow(new DateTimeOffset(year, 12, 31, 14, 59, 59, TimeSpan.Zero));
            Assert.Equal($"CCJ-{year}-000001", await FileAsync());

            // One second later it is 1 January in Japan (still 31 December in UTC): the count starts again.
            portal.Clock.SetUtcNow(new DateTimeOffset(year, 12, 31, 15, 0, 0, TimeSpan.Zero));
            Assert.Equal($"CCJ-{year + 1}-000001", await FileAsync());
            Assert.Equal($"CCJ-{year + 1}-000002", await FileAsync());
        }
        finally
        {
            portal.Clock.SetUtcNow(IntakeFixture.Start);
        }
    }

    [Fact]
    public async Task AFailedSubmissionLeavesNoCaseNoEmailAndNoNumberUsed()
    {
        // The draft is valid, but its files are gone (as if deleted underneath): the insert of the evidence fails.
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "失敗 花子" },
            files: [TestFiles.File("gone.png", TestFiles.Png(), "image/png")]);
        var year = TestTime.TodayInJapan.Year;
        var before = await portal.QueryAsync(db => db.CaseNumberCounters.Where(c => c.Year == year).Select(c => (int?)c.LastSequence).SingleOrDefaultAsync());
        await portal.Database.ScalarAsync<object>("ALTER TABLE case_evidence ADD CONSTRAINT test_refuse_evidence CHECK (false) NOT VALID; SELECT 1");
        try
        {
            using var response = await client.SubmitAsync(review, "form[action='/complaint/submit']");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains("入力内容は送信前であれば失われていません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await portal.Database.ScalarAsync<object>("ALTER TABLE case_evidence DROP CONSTRAINT test_refuse_evidence; SELECT 1");
        }

        Assert.False(await portal.QueryAsync(db => db.Cases.AnyAsync(c => c.ConsumerName == "失敗 花子")));
        Assert.Equal(before, await portal.QueryAsync(db => db.CaseNumberCounters.Where(c => c.Year == year).Select(c => (int?)c.LastSequence).SingleOrDefaultAsync()));
        var kept = await portal.DraftOfAsync(journey);
        Assert.Null(kept.SubmittedCaseId);
        Assert.Single(kept.Files);
        Assert.Contains("失敗 花子", kept.FormJson, StringComparison.Ordinal);

        // Once the problem is gone, sending again works: nothing was lost.
        var receipt = await journey.SubmitAsync(review);
        Assert.Matches($"^CCJ-{year}-[0-9]{{6}}$", receipt.Find("[data-case-number]")!.TextContent.Trim());
    }

    private async Task<string> FileAsync()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        return (await journey.SubmitAsync(await journey.ReachReviewAsync())).Find("[data-case-number]")!.TextContent.Trim();
    }
}
