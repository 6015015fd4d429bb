using System.Net;
using CrossBorderConsumerCenter.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>
/// "Delete my entries" never deletes at one tap: it sits apart from the form's main button, saves what was typed, and
/// asks on a page of its own; only that page's "delete" button deletes (DraftLifecycleTests follows it through).
/// </summary>
public class DiscardConfirmationTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task TheDeleteButtonIsInItsOwnSectionAfterTheFormNotBesideTheMainButton()
    {
        using var client = portal.Factory.CreateFormClient();
        var form = await new IntakeJourney(client).ConsentAsync();

        Assert.Empty(form.FindAll($"form#complaint-form [value='{IntakeController.Intents.Discard}']"));
        Assert.Empty(form.FindAll("form#complaint-form .button-row .button--danger-outline, form[action='/complaint/restart']"));
        var button = Assert.Single(form.FindAll($"section.discard-section button[name=intent][value='{IntakeController.Intents.Discard}']"));
        Assert.Equal("complaint-form", button.GetAttribute("form"));
        Assert.Equal("入力内容を削除して終了する", button.TextContent.Trim());
        Assert.Contains("削除する前に確認します", form.Find("section.discard-section")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteMyEntriesSavesWhatWasTypedAndAsksWithoutDeletingAnything()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        using var upload = await journey.PostFormAsync(form, null, IntakeController.Intents.Upload, [TestFiles.File("receipt.pdf", TestFiles.Pdf(), "application/pdf")]);
        form = await client.FollowRedirectAsync(upload);

        using var ask = await journey.PostFormAsync(form, new Dictionary<string, string?> { ["Form.Consumer.Name"] = "消す 前" }, IntakeController.Intents.Discard);

        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        Assert.Equal("/complaint/discard", ask.Headers.Location!.OriginalString);
        var question = await client.FollowRedirectAsync(ask);
        Assert.Equal("入力した内容を削除しますか?", question.Heading);
        Assert.Contains("添付したファイル(1件)も削除します", question.MainText, StringComparison.Ordinal);
        Assert.Equal(["receipt.pdf"], question.FindAll(".file-list__name").Select(e => e.TextContent));
        Assert.Equal("削除する", question.Find("form[action='/complaint/discard'] button[type=submit]")!.TextContent.Trim());
        Assert.Equal("入力に戻る", question.Find("main a[href='/complaint/form']")!.TextContent.Trim());

        // Nothing has gone: back on the form, the name typed before pressing the button and the file are there.
        var draft = await portal.DraftOfAsync(journey);
        Assert.Single(draft.Files);
        Assert.True(await portal.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Id == draft.Files[0].StoredFileId)));
        var back = await client.GetOkAsync("/complaint/form");
        Assert.Equal("消す 前", back.Find("#Form_Consumer_Name")!.GetAttribute("value"));
        Assert.Equal(["receipt.pdf"], back.FindAll(".file-list__name").Select(e => e.TextContent));
    }

    [Fact]
    public async Task TheQuestionIsAskedInEnglishToo()
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var journey = new IntakeJourney(client);
        await journey.ConsentAsync();

        var question = await client.GetOkAsync("/complaint/discard");

        Assert.Equal("en", question.Lang);
        Assert.Equal("Delete what you entered?", question.Heading);
        Assert.DoesNotContain("attached", question.MainText, StringComparison.Ordinal);
        Assert.Equal("Delete", question.Find("form[action='/complaint/discard'] button[type=submit]")!.TextContent.Trim());
        Assert.Equal("Back to the form", question.Find("main a[href='/complaint/form']")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnOlderPageThatPostsStraightToRestartIsAskedTooAndNothingIsDeleted()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        var draft = await portal.DraftOfAsync(journey);

        using var restart = await client.PostAsync("/complaint/restart", form, []);

        Assert.Equal("/complaint/discard", restart.Headers.Location!.OriginalString);
        Assert.False(restart.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ccc.intake=;", StringComparison.Ordinal)));
        Assert.True(await portal.QueryAsync(db => db.IntakeDrafts.AnyAsync(d => d.Id == draft.Id)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/complaint/form")).StatusCode);
    }

    [Fact]
    public async Task WithoutADraftBeingWrittenThereIsNothingToDeleteAndASubmittedComplaintStays()
    {
        using var stranger = portal.Factory.CreateFormClient();
        Assert.Equal("/complaint/consent", (await stranger.GetAsync("/complaint/discard")).Headers["Location"]);

        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync());
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();

        // Sending lets go of the draft (a shared computer hands nothing on), so there is nothing left to delete: the
        // question is not asked, and neither a stray post nor "file another complaint" touches the case.
        Assert.Equal("/complaint/consent", (await client.GetAsync("/complaint/discard")).Headers["Location"]);
        using var discard = await client.PostAsync("/complaint/discard", receipt, []);
        Assert.Equal("/complaint/consent", discard.Headers.Location!.OriginalString);

        using var another = await client.SubmitAsync(receipt, "form[action='/complaint/restart']");
        Assert.Equal("/complaint/consent", another.Headers.Location!.OriginalString);
        Assert.Equal(1, await portal.QueryAsync(db => db.Cases.CountAsync(c => c.Number == number)));
    }
}
