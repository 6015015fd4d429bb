using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Web.Domain.Evidence;

namespace CrossBorderConsumerCenter.IntegrationTests.Security;

/// <summary>
/// The evidence limits hold when posts of one draft arrive at the same moment: each post takes its turn on the draft's row
/// and counts the files the posts before it added.
/// </summary>
public class UploadLimitTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task FifteenParallelUploadsOnOneDraftLeaveTenFiles()
    {
        var journey = new IntakeJourney(portal.Factory.CreateFormClient());
        var form = await journey.ConsentAsync();

        var responses = await Task.WhenAll(Enumerable.Range(1, 15).Select(i =>
            journey.PostFormAsync(form, IntakeJourney.ValidForm(), "upload", [TestFiles.File($"photo-{i:D2}.jpg", TestFiles.Jpeg(1000 + i), "image/jpeg")])));

        Assert.All(responses, r => Assert.True(r.StatusCode < HttpStatusCode.InternalServerError, $"{(int)r.StatusCode}"));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(EvidenceFiles.MaxFiles, (await portal.DraftOfAsync(journey)).Files.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task SixParallelNineMegabyteUploadsStayWithinThirtyMegabytes()
    {
        var journey = new IntakeJourney(portal.Factory.CreateFormClient());
        var form = await journey.ConsentAsync();
        var nineMegabytes = 9 * 1024 * 1024;

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            journey.PostFormAsync(form, IntakeJourney.ValidForm(), "upload", [TestFiles.File($"scan-{i}.pdf", TestFiles.Pdf(nineMegabytes + i), "application/pdf")])));

        Assert.All(responses, r => Assert.True(r.StatusCode < HttpStatusCode.InternalServerError, $"{(int)r.StatusCode}"));
        var files = (await portal.DraftOfAsync(journey)).Files;
        Assert.Equal(3, files.Count);
        Assert.True(files.Sum(f => f.Length) <= EvidenceFiles.MaxTotalBytes);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}

/// <summary>New complaints and uploads are limited per client address: over the limit, 429 with the friendly page and the wait.</summary>
public class IntakeClientLimitTests(IntakeClientLimitTests.Fixture portal) : IClassFixture<IntakeClientLimitTests.Fixture>
{
    public sealed class Fixture : PortalFixture
    {
        protected override PortalFactory CreateFactory(string connectionString) => new(connectionString, new Dictionary<string, string?>
        {
            ["Intake:NewDraftsPerTenMinutes"] = "3",
            ["Intake:UploadsPerTenMinutes"] = "2",
        });
    }

    [Fact]
    public async Task TheFourthNewComplaintFromOneAddressIsTooManyAndSaysWhenToComeBack()
    {
        for (var i = 0; i < 3; i++)
        {
            await new IntakeJourney(portal.Factory.CreateFormClient()).ConsentAsync();
        }

        using var client = portal.Factory.CreateFormClient();
        var consent = await client.GetOkAsync("/complaint/consent");
        using var response = await client.SubmitAsync(consent, "form[action='/complaint/consent']",
            [new("Consent.AgreesToHandling", "true"), new("Consent.HasContactedBusiness", "true"), new("Consent.IsConsumerPurchase", "true"), new("Consent.ProvisionAbroad", "yes")]);
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("アクセスが集中しています", page.Heading);
        var wait = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 600);
    }

}

/// <summary>Posts that carry files are counted per client address, whatever the draft.</summary>
public class IntakeUploadLimitTests(IntakeUploadLimitTests.Fixture portal) : IClassFixture<IntakeUploadLimitTests.Fixture>
{
    public sealed class Fixture : PortalFixture
    {
        protected override PortalFactory CreateFactory(string connectionString) =>
            new(connectionString, new Dictionary<string, string?> { ["Intake:UploadsPerTenMinutes"] = "2" });
    }

    [Fact]
    public async Task AThirdUploadingPostFromOneAddressIsTooManyWhateverTheDraft()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var journey = new IntakeJourney(portal.Factory.CreateFormClient());
            var form = await journey.ConsentAsync();
            using var response = await journey.PostFormAsync(form, IntakeJourney.ValidForm(), "upload", [TestFiles.File("large.pdf", TestFiles.Pdf(200_000), "application/pdf")]);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }
}
