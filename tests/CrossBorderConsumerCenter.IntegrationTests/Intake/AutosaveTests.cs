using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>
/// The form saves itself while the consumer types (intake.js posts the form with intent=autosave): whatever was typed
/// is kept as typed, however incomplete or wrong, without a word of error; files are never attached or removed in
/// the background; and the form's posts are limited per draft, so the endpoint cannot be used to hammer the database.
/// </summary>
public class AutosaveTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task PartialAndInvalidValuesAreKeptAsTypedAndNoErrorIsShown()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        // Longer than the form accepts (20,000), within what the draft keeps (twice that).
        var description = string.Concat(Enumerable.Repeat("まだ書きかけです。\n", 3000))[..25_000];
        var typed = new Dictionary<string, string?>
        {
            ["Form.Consumer.Name"] = "途中 まで",
            ["Form.Consumer.Email"] = "taro.@docomo",
            ["Form.Consumer.EmailConfirmation"] = "other@",
            ["Form.Consumer.PostalCode"] = "12-34",
            ["Form.Purchase.Date"] = "31/12/2025",
            ["Form.Purchase.Amount"] = "twelve",
            ["Form.Trouble.Category"] = "Counterfeit",
            ["Form.Trouble.WhatHappened"] = description,
        };

        using var response = await journey.PostFormAsync(form, typed, IntakeController.Intents.Autosave);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        var reloaded = await client.GetOkAsync("/complaint/form");
        Assert.Empty(reloaded.FindAll(".error-summary"));
        Assert.Empty(reloaded.FindAll(".field--error, .field__error[id$='-error'], [aria-invalid]"));
        Assert.Equal("途中 まで", reloaded.Find("#Form_Consumer_Name")!.GetAttribute("value"));
        Assert.Equal("taro.@docomo", reloaded.Find("#Form_Consumer_Email")!.GetAttribute("value"));
        Assert.Equal("other@", reloaded.Find("#Form_Consumer_EmailConfirmation")!.GetAttribute("value"));
        Assert.Equal("12-34", reloaded.Find("#Form_Consumer_PostalCode")!.GetAttribute("value"));
        Assert.Equal("31/12/2025", reloaded.Find("#Form_Purchase_Date")!.GetAttribute("value"));
        Assert.Equal("twelve", reloaded.Find("#Form_Purchase_Amount")!.GetAttribute("value"));
        Assert.NotNull(reloaded.Find("input[name='Form.Trouble.Category'][value='Counterfeit'][checked]"));
        Assert.Equal(description, reloaded.Find("#Form_Trouble_WhatHappened")!.TextContent);

        // What was saved is what the next button press works from: "check your answers" finds the problems then.
        using var review = await journey.PostFormAsync(reloaded, null, IntakeController.Intents.Review);
        var refused = await HtmlPage.ReadAsync(review);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty(refused.FindAll(".error-summary li"));
    }

    [Fact]
    public async Task AnAutosaveNeitherAttachesNorRemovesFiles()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        using var upload = await journey.PostFormAsync(form, null, IntakeController.Intents.Upload, [TestFiles.File("kept.png", TestFiles.Png(), "image/png")]);
        form = await client.FollowRedirectAsync(upload);
        var held = (await portal.DraftOfAsync(journey)).Files.Single().StoredFileId;
        var storedBefore = await portal.QueryAsync(db => db.StoredFiles.CountAsync());

        // A crafted autosave that carries a file and asks to remove the one held.
        using var response = await client.SubmitAsync(form, IntakeJourney.FormSelector,
            [new("Form.Consumer.Name", "ファイル 確認"), new("removeFile", held.ToString())],
            [TestFiles.File("sneaked.jpg", TestFiles.Jpeg(), "image/jpeg")], "intent", IntakeController.Intents.Autosave);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var draft = await portal.DraftOfAsync(journey);
        Assert.Equal([held], draft.Files.Select(f => f.StoredFileId));
        Assert.Equal(storedBefore, await portal.QueryAsync(db => db.StoredFiles.CountAsync()));
        var reloaded = await client.GetOkAsync("/complaint/form");
        Assert.Equal(["kept.png"], reloaded.FindAll(".file-list__name").Select(e => e.TextContent));
        Assert.Equal("ファイル 確認", reloaded.Find("#Form_Consumer_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheFormsPostsAreLimitedPerDraftAndAnotherConsumerIsNotHeldUp()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        for (var i = 0; i < IntakeFormRateLimit.PostsPerMinute; i++)
        {
            using var saved = await journey.PostFormAsync(form, new Dictionary<string, string?> { ["Form.Consumer.Name"] = $"保存 {i}" }, IntakeController.Intents.Autosave);
            Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        }

        using var refused = await journey.PostFormAsync(form, new Dictionary<string, string?> { ["Form.Consumer.Name"] = "多すぎる" }, IntakeController.Intents.Autosave);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the script when to try again.");
        Assert.Contains($"保存 {IntakeFormRateLimit.PostsPerMinute - 1}", (await portal.DraftOfAsync(journey)).FormJson, StringComparison.Ordinal);

        using var other = portal.Factory.CreateFormClient();
        var otherJourney = new IntakeJourney(other);
        var otherForm = await otherJourney.ConsentAsync();
        using var otherSave = await otherJourney.PostFormAsync(otherForm, new Dictionary<string, string?> { ["Form.Consumer.Name"] = "別の 人" }, IntakeController.Intents.Autosave);
        Assert.Equal(HttpStatusCode.NoContent, otherSave.StatusCode);
    }

    [Fact]
    public async Task AnAutosaveWithoutAnOpenDraftSavesNothingAndLeadsToTheConsentGate()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        try
        {
            portal.Clock.Advance(IntakeDraft.Lifetime + TimeSpan.FromMinutes(1));
            using var response = await journey.PostFormAsync(form, new Dictionary<string, string?> { ["Form.Consumer.Name"] = "期限 切れ" }, IntakeController.Intents.Autosave);

            // Not 204: the script says the entries were not saved and keeps them on the page.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/complaint/consent", response.Headers.Location!.OriginalString);
            Assert.DoesNotContain("期限 切れ", (await portal.DraftOfAsync(journey)).FormJson, StringComparison.Ordinal);
        }
        finally
        {
            portal.Clock.SetUtcNow(IntakeFixture.Start);
        }
    }
}
