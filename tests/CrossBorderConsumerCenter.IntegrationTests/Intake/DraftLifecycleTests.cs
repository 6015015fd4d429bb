using System.Net;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>Drafts hold personal data only as long as needed: deleted on request, or 24 hours after the last change.</summary>
public class DraftLifecycleTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task DeletingMyEntriesOnceConfirmedRemovesTheDraftAndItsFilesAtOnce()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        using var upload = await journey.PostFormAsync(form, IntakeJourney.ValidForm(), "upload", [TestFiles.File("private.jpg", TestFiles.Jpeg(), "image/jpeg")]);
        form = await client.FollowRedirectAsync(upload);
        var draft = await portal.DraftOfAsync(journey);
        var fileId = draft.Files.Single().StoredFileId;

        using var ask = await journey.PostFormAsync(form, null, "discard");
        var question = await client.FollowRedirectAsync(ask);
        using var discard = await client.SubmitAsync(question, "form[action='/complaint/discard']");
        Assert.Equal("/complaint/consent", discard.Headers.Location!.OriginalString);
        Assert.Contains(discard.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ccc.intake=;", StringComparison.Ordinal));
        var consent = await client.FollowRedirectAsync(discard);
        Assert.Contains("入力内容を削除しました。", consent.MainText, StringComparison.Ordinal);

        Assert.False(await portal.QueryAsync(db => db.IntakeDrafts.AnyAsync(d => d.Id == draft.Id)));
        Assert.False(await portal.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Id == fileId)));
        Assert.Equal("/complaint/consent", (await client.GetAsync("/complaint/form")).Headers["Location"]);
    }

    [Fact]
    public async Task TheCleanUpDeletesExpiredDraftsWithTheirFilesButNeverACasesFiles()
    {
        using var abandoned = portal.Factory.CreateFormClient();
        var abandonedJourney = new IntakeJourney(abandoned);
        var form = await abandonedJourney.ConsentAsync();
        using (await abandonedJourney.PostFormAsync(form, null, "upload", [TestFiles.File("left.png", TestFiles.Png(), "image/png")])) { }
        var abandonedDraft = await portal.DraftOfAsync(abandonedJourney);

        using var submitter = portal.Factory.CreateFormClient();
        var submitted = new IntakeJourney(submitter);
        var receipt = await submitted.SubmitAsync(await submitted.ReachReviewAsync(files: [TestFiles.File("kept.png", TestFiles.Png(), "image/png")]));
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var submittedDraft = await portal.DraftOfAsync(submitted);

        using var later = portal.Factory.CreateFormClient();
        var laterJourney = new IntakeJourney(later);

        // 23 hours on, someone else starts a draft; one more hour and the first two have expired.
        portal.Clock.Advance(TimeSpan.FromHours(23));
        await laterJourney.ConsentAsync();
        portal.Clock.Advance(TimeSpan.FromHours(1));
        try
        {
            var deleted = await CleanUpAsync();

            Assert.True(deleted >= 2);
            Assert.False(await portal.QueryAsync(db => db.IntakeDrafts.AnyAsync(d => d.Id == abandonedDraft.Id || d.Id == submittedDraft.Id)));
            Assert.False(await portal.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Id == abandonedDraft.Files.Single().StoredFileId)));
            Assert.True(await portal.QueryAsync(db => db.IntakeDrafts.AnyAsync(d => d.TokenHash != null && d.ExpiresAt > portal.Clock.GetUtcNow())));
            Assert.NotNull(await portal.DraftOfAsync(laterJourney));

            var evidence = await portal.QueryAsync(db => db.Cases.Where(c => c.Number == number).SelectMany(c => c.Evidence).Select(e => e.StoredFileId).SingleAsync());
            Assert.True(await portal.QueryAsync(db => db.StoredFileContents.AnyAsync(c => c.StoredFileId == evidence)));

            // The receipt is long gone: the page names no case.
            Assert.Null((await submitter.GetOkAsync("/complaint/received")).Find("[data-case-number]"));
            Assert.Equal(0, await CleanUpAsync());
        }
        finally
        {
            portal.Clock.SetUtcNow(IntakeFixture.Start);
        }
    }

    [Fact]
    public async Task EachSaveGivesTheDraftAndItsCookieAnother24Hours()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        try
        {
            portal.Clock.Advance(TimeSpan.FromHours(20));
            using var save = await journey.PostFormAsync(form, null, "upload");
            Assert.Contains(save.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ccc.intake=", StringComparison.Ordinal)
                && c.Contains("expires=" + TestTime.CookieExpiry(IntakeFixture.Start.AddHours(20 + 24)), StringComparison.OrdinalIgnoreCase));

            portal.Clock.Advance(TimeSpan.FromHours(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/complaint/form")).StatusCode);
        }
        finally
        {
            portal.Clock.SetUtcNow(IntakeFixture.Start);
        }
    }

    private async Task<int> CleanUpAsync()
    {
        using var scope = portal.Factory.Services.CreateScope();
        return await DraftCleanup.DeleteExpiredAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), portal.Clock.GetUtcNow(), CancellationToken.None);
    }
}
