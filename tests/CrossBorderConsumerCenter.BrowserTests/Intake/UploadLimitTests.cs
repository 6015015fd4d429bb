using System.Net;
using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Web.Domain.Evidence;

namespace CrossBorderConsumerCenter.BrowserTests.Intake;

/// <summary>
/// Request size limits as the real server (Kestrel) applies them: the form's action takes all 30 MB of
/// evidence at once, more than that gets the friendly 413 page, and no other action is raised.
/// </summary>
public class UploadLimitTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ThirtyMegabytesOfEvidenceInOnePostAreAcceptedAboveKestrelsDefaultLimit()
    {
        using var client = NewClient();
        var form = await ConsentAsync(client);
        var tenMegabytes = (int)EvidenceFiles.MaxFileBytes;
        List<FormFile> files = [new("Evidence", "a.pdf", "application/pdf", Pdf(tenMegabytes)), new("Evidence", "b.pdf", "application/pdf", Pdf(tenMegabytes)),
            new("Evidence", "c.pdf", "application/pdf", Pdf(tenMegabytes))];

        using var response = await client.SubmitAsync(form, "form#complaint-form", null, files, "intent", "upload");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.FollowRedirectAsync(response);
        Assert.Equal(["a.pdf", "b.pdf", "c.pdf"], page.FindAll(".file-list__name").Select(e => e.TextContent));
    }

    [Fact]
    public async Task APostLargerThanTheFormAcceptsEndsOnTheFriendlyPageNotAnError()
    {
        // Expect: 100-continue lets the server refuse before the 40 MB are sent (without it the server answers
        // and closes while the client still sends; in a browser, intake.js stops such a post before it starts).
        using var client = NewClient(expectContinue: true);
        var form = await ConsentAsync(client);
        var files = new[] { new FormFile("Evidence", "huge.pdf", "application/pdf", Pdf(40 * 1024 * 1024)) };

        using var response = await client.SubmitAsync(form, "form#complaint-form", null, files, "intent", "upload");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("送信されたデータが大きすぎます", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherActionsKeepKestrelsDefaultLimit()
    {
        using var client = NewClient(expectContinue: true);
        var consent = await client.GetOkAsync("/complaint/consent");
        using var response = await client.PostAsync("/complaint/consent", consent, [new("padding", new string('x', 31 * 1024 * 1024))]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private FormClient NewClient(bool expectContinue = false)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(portal.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.ExpectContinue = expectContinue;
        return new FormClient(http);
    }

    private static async Task<HtmlPage> ConsentAsync(FormClient client)
    {
        var consent = await client.GetOkAsync("/complaint/consent");
        using var response = await client.SubmitAsync(consent, "form[action='/complaint/consent']",
            [new("Consent.AgreesToHandling", "true"), new("Consent.HasContactedBusiness", "true"), new("Consent.IsConsumerPurchase", "true"), new("Consent.ProvisionAbroad", "yes")]);
        return await client.FollowRedirectAsync(response);
    }

    private static byte[] Pdf(int length)
    {
        var bytes = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
