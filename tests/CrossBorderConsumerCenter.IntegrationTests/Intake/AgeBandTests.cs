using CrossBorderConsumerCenter.IntegrationTests.BackOffice;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>
/// The age groups the consumer's, the counselor's and the paper form offer tell a minor apart, and a minor's complaint
/// carries the note that the guardian may be heard first (the contract may be cancelled: Civil Code art. 5).
/// </summary>
public class AgeBandTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    private static readonly string[] Offered =
        ["Under18", "From18To19", "Twenties", "Thirties", "Forties", "Fifties", "Sixties", "Seventies", "EightyOrOver", "PreferNotToSay"];

    [Theory]
    [InlineData("ja", "18歳未満(未成年)", "18〜19歳")]
    [InlineData("en", "Under 18 (a minor)", "18–19")]
    public async Task EveryFormOffersTheSameGroupsWithMinorsOnTheirOwn(string language, string minor, string eighteen)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var consumer = await new IntakeJourney(client).ConsentAsync();
        var world = await SampleWorld.CreateAsync(portal.Factory);
        world.Counselor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        world.Admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var counselor = await world.Counselor.GetOkAsync("/counselor/cases/new/form");
        var staff = await world.Admin.GetOkAsync("/staff/cases/new/form");

        foreach (var page in new[] { consumer, counselor, staff })
        {
            var options = page.FindAll("select[name='Form.Consumer.AgeBand'] option").Where(o => o.GetAttribute("value") is { Length: > 0 }).ToList();
            Assert.Equal(Offered, options.Select(o => o.GetAttribute("value")));
            Assert.Equal([minor, eighteen], options.Take(2).Select(o => o.TextContent.Trim()));
        }
    }

    [Theory]
    [InlineData("ja", "民法第5条", "保護者の方からお話を伺ったうえで")]
    [InlineData("en", "Civil Code, Article 5", "talk with your parent or guardian first")]
    public async Task AMinorsComplaintSaysTheGuardianMayBeHeardFirstOnTheFormAndTheReview(string language, string law, string guardian)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.AgeBand"] = "Under18" });
        var note = review.Find("[data-minor-note]")!.TextContent;
        Assert.Contains(law, note, StringComparison.Ordinal);
        Assert.Contains(guardian, note, StringComparison.Ordinal);

        var form = await client.GetOkAsync("/complaint/form");
        Assert.Contains(law, form.Find("[data-minor-note]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From18To19")]
    [InlineData("Forties")]
    [InlineData("PreferNotToSay")]
    public async Task AnAdultsComplaintHasNoSuchNote(string band)
    {
        using var client = portal.Factory.CreateFormClient();
        var review = await new IntakeJourney(client).ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.AgeBand"] = band });
        Assert.Null(review.Find("[data-minor-note]"));
        Assert.Null((await client.GetOkAsync("/complaint/form")).Find("[data-minor-note]"));
    }

    [Fact]
    public async Task ACounselorFilingForAMinorIsToldToHearTheGuardianFirst()
    {
        var world = await SampleWorld.CreateAsync(portal.Factory);
        var form = await world.Counselor.GetOkAsync("/counselor/cases/new/form");
        var values = IntakeJourney.ValidForm();
        values["Form.Consumer.AgeBand"] = "Under18";
        using var toReview = await world.Counselor.SubmitAsync(form, IntakeJourney.FormSelector, values, submitName: "intent", submitValue: "review");
        var review = await world.Counselor.FollowRedirectAsync(toReview);
        Assert.Contains("まず親権者(保護者)からお話を伺ってください", review.Find("[data-minor-note]")!.TextContent, StringComparison.Ordinal);
    }
}
