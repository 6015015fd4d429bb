using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>The center's intake: consent first, no consent no form; enforced by the server on every step, not by the browser.</summary>
public class ConsentGateTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Theory]
    [InlineData("/complaint")]
    [InlineData("/complaint/form")]
    [InlineData("/complaint/form?check=true")]
    [InlineData("/complaint/review")]
    public async Task EveryStepAskedForWithoutConsentSendsTheConsumerToTheConsentPage(string url)
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/complaint/consent", page.Headers["Location"]);
    }

    [Fact]
    public async Task TheReceiptAskedForWithoutSendingSaysWhereTheNumberIsAndNamesNoCase()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/complaint/received");
        Assert.Equal("受付の控えは表示していません", page.Heading);
        Assert.Null(page.Find("[data-case-number]"));
        Assert.NotNull(page.Find("a[href='/track/lost']"));
    }

    [Theory]
    [InlineData("/complaint/form")]
    [InlineData("/complaint/submit")]
    public async Task PostingAStepWithoutConsentStoresNothing(string url)
    {
        using var client = portal.Factory.CreateFormClient();
        var consentPage = await client.GetOkAsync("/complaint/consent");
        var (drafts, cases) = await CountsAsync();

        using var response = await client.PostAsync(url, consentPage, IntakeJourney.ValidForm().Select(p => new KeyValuePair<string, string>(p.Key, p.Value ?? ""))
            .Append(new("intent", "review")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/complaint/consent", response.Headers.Location!.OriginalString);
        Assert.Equal((drafts, cases), await CountsAsync());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AMadeUpDraftCookieOpensNothing(string token)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.Add("Cookie", $"ccc.intake={token}");
        var page = await client.GetAsync("/complaint/form");
        Assert.Equal("/complaint/consent", page.Headers["Location"]);
    }

    [Fact]
    public async Task AnotherBrowsersDraftCannotBeReachedWithoutItsCookie()
    {
        using var owner = portal.Factory.CreateFormClient();
        var form = await new IntakeJourney(owner).ConsentAsync();
        using (await new IntakeJourney(owner).PostFormAsync(form, IntakeJourney.ValidForm(), "upload")) { }

        using var stranger = portal.Factory.CreateFormClient();
        Assert.Equal("/complaint/consent", (await stranger.GetAsync("/complaint/review")).Headers["Location"]);
        Assert.Equal("/complaint/consent", (await stranger.GetAsync("/complaint/form")).Headers["Location"]);
    }

    public static TheoryData<string, string> MissingConfirmations() => new()
    {
        { "Consent.AgreesToHandling", "ご相談には、個人情報の取扱いへの同意が必要です。" },
        { "Consent.HasContactedBusiness", "まず、ご自身で事業者に直接お問い合わせください。それでも解決しない場合にご相談ください。" },
        { "Consent.IsConsumerPurchase", "センターは消費者としての取引についてのご相談を受け付けています。事業者間の取引についてはお受けできません。" },
        { "Consent.ProvisionAbroad", "海外の提携機関への情報提供に同意するかどうかを選んでください。" },
    };

    [Theory]
    [MemberData(nameof(MissingConfirmations))]
    public async Task EachMissingConfirmationIsExplainedAndNoDraftIsStarted(string field, string message)
    {
        using var client = portal.Factory.CreateFormClient();
        var consent = await client.GetOkAsync("/complaint/consent");
        var (drafts, _) = await CountsAsync();
        var values = new Dictionary<string, string?>
        {
            ["Consent.AgreesToHandling"] = "true",
            ["Consent.HasContactedBusiness"] = "true",
            ["Consent.IsConsumerPurchase"] = "true",
            ["Consent.ProvisionAbroad"] = "no",
            [field] = null,
        };

        using var response = await client.SubmitAsync(consent, "form[action='/complaint/consent']", values);
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var link = Assert.Single(page.FindAll(".error-summary a"));
        Assert.Equal(message, link.TextContent);
        Assert.Equal("#" + field.Replace('.', '_'), link.GetAttribute("href"));
        Assert.NotNull(page.Find("#" + field.Replace('.', '_')));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ccc.intake=", StringComparison.Ordinal)));
        Assert.Equal(drafts, (await CountsAsync()).Drafts);

        // The other choices are kept.
        Assert.Equal(field != "Consent.ProvisionAbroad", page.Find("#Consent_ProvisionAbroad_no")?.HasAttribute("checked") ?? false);
    }

    [Fact]
    public async Task ConsentIsRecordedWithTheNoticeVersionEachChoiceAndTheTimeInUtc()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        await journey.ConsentAsync(abroad: false);

        var draft = await portal.DraftOfAsync(journey);
        Assert.Equal(PrivacyNotice.CurrentVersion, draft.ConsentNoticeVersion);
        Assert.True(draft.ConsentAgreesToHandling && draft.ConsentHasContactedBusiness && draft.ConsentIsConsumerPurchase);
        Assert.False(draft.ConsentAgreesToProvisionAbroad);
        Assert.Equal(portal.Clock.GetUtcNow(), draft.ConsentGivenAt);
        Assert.Equal(portal.Clock.GetUtcNow() + TimeSpan.FromHours(24), draft.ExpiresAt);

        // Coming back to the consent page shows the choices made.
        var again = await client.GetOkAsync("/complaint/consent");
        Assert.True(again.Find("#Consent_AgreesToHandling")!.HasAttribute("checked"));
        Assert.True(again.Find("#Consent_ProvisionAbroad_no")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task TheDraftCookieIsHttpOnlyScopedToTheComplaintAndLivesAsLongAsTheDraft()
    {
        using var client = portal.Factory.CreateFormClient();
        var consent = await client.GetOkAsync("/complaint/consent");
        using var response = await client.SubmitAsync(consent, "form[action='/complaint/consent']",
            [new("Consent.AgreesToHandling", "true"), new("Consent.HasContactedBusiness", "true"), new("Consent.IsConsumerPurchase", "true"), new("Consent.ProvisionAbroad", "yes")]);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ccc.intake=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/complaint", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=" + TestTime.CookieExpiry(IntakeFixture.Start.AddHours(24)), cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^ccc.intake=[A-Za-z0-9_-]{43};", cookie);

        // Only a hash of the token is stored.
        var token = cookie["ccc.intake=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        Assert.False(await portal.QueryAsync(db => db.IntakeDrafts.AnyAsync(d => d.TokenHash!.Contains(token))));
    }

    [Fact]
    public async Task ADraftUntouchedFor24HoursIsGoneAndTheConsumerIsToldWhy()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        try
        {
            portal.Clock.Advance(TimeSpan.FromHours(24));
            using var late = await journey.PostFormAsync(form, IntakeJourney.ValidForm(), "review");
            Assert.Equal("/complaint/consent", late.Headers.Location!.OriginalString);

            var consent = await client.GetOkAsync("/complaint/consent");
            Assert.Contains("24時間たったため", consent.Find("[role=status][data-confirmation]")!.TextContent, StringComparison.Ordinal); // focused: heard
        }
        finally
        {
            portal.Clock.SetUtcNow(IntakeFixture.Start);
        }
    }

    [Fact]
    public async Task ANewPrivacyNoticeAsksForConsentAgainAndKeepsTheEntries()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        using (await journey.PostFormAsync(form, IntakeJourney.ValidForm(), "upload")) { }
        var draftId = (await portal.DraftOfAsync(journey)).Id;
        await portal.QueryAsync(db => db.IntakeDrafts.Where(d => d.Id == draftId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ConsentNoticeVersion, "2020-01")));

        Assert.Equal("/complaint/consent", (await client.GetAsync("/complaint/review")).Headers["Location"]);
        var consent = await client.GetOkAsync("/complaint/consent");
        Assert.Contains("個人情報の取扱いについての説明を改訂しました", consent.Find("[role=status][data-confirmation]")!.TextContent, StringComparison.Ordinal);

        var again = await journey.ConsentAsync();
        Assert.Equal("山田 太郎", again.Find("#Form_Consumer_Name")!.GetAttribute("value"));
        Assert.Equal(PrivacyNotice.CurrentVersion, await portal.QueryAsync(db => db.IntakeDrafts.Where(d => d.Id == draftId).Select(d => d.ConsentNoticeVersion).SingleAsync()));
    }

    private Task<(int Drafts, int Cases)> CountsAsync() =>
        portal.QueryAsync(async db => (await db.IntakeDrafts.CountAsync(), await db.Cases.CountAsync()));
}
