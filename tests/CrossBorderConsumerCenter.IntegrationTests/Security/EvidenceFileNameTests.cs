using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Web.Data.Files;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Security;

/// <summary>
/// A file whose name says another type than its bytes (a JPEG called statement.html, run.bat, or invoice‮gnp.exe with a
/// right-to-left override) is served to staff and attached to the partner's email under a name with the extension of its
/// type; its original name is only shown as text.
/// </summary>
public class EvidenceFileNameTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private static readonly (string Original, string Delivered)[] Names =
    [
        ("statement.html", "statement.jpg"),
        ("run.bat", "run.jpg"),
        ("invoice\u202Egnp.exe", "invoicegnp.jpg"),
    ];

    [Fact]
    public async Task EachFileDownloadsAndPreviewsUnderTheNameOfItsTypeAndThePageShowsTheOriginalAsText()
    {
        var c = await portal.ReceiveAsync(evidence: [.. Names.Select(n => new StoredFile(n.Original, "image/jpeg", TestFiles.Jpeg(), portal.Clock.GetUtcNow()))]);
        var page = await portal.Client.GetOkAsync(ForwardingFixture.PageOf(c.Number));

        foreach (var (original, delivered) in Names)
        {
            var id = await EvidenceIdAsync(c.Id, original);
            foreach (var url in new[] { $"{ForwardingFixture.PageOf(c.Number)}/evidence/{id}", $"{ForwardingFixture.PageOf(c.Number)}/evidence/{id}/preview" })
            {
                using var response = await portal.Client.Http.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
                Assert.Equal(delivered, response.Content.Headers.ContentDisposition!.FileNameStar);
                Assert.Equal(delivered, response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
            }

            // The original name as text, isolated, with a right-to-left override shown rather than obeyed.
            var shown = page.Find($"[data-evidence='{id}'] .case-evidence__name bdi")!;
            Assert.Equal(original.Replace("\u202E", "[U+202E]", StringComparison.Ordinal), shown.TextContent);
        }
    }

    [Fact]
    public async Task ThePartnersEmailAttachesAndListsEachFileUnderTheNameOfItsType()
    {
        var c = await portal.ReceiveAsync(evidence: [.. Names.Select(n => new StoredFile(n.Original, "image/jpeg", TestFiles.Jpeg(), portal.Clock.GetUtcNow()))]);
        var ids = new List<KeyValuePair<string, string?>>();
        foreach (var (original, _) in Names)
        {
            ids.Add(new("Forward.Evidence", (await EvidenceIdAsync(c.Id, original)).ToString()));
        }

        await portal.ForwardAsync(c, ids);
        var email = await portal.LatestForwardEmailAsync(c.Id);
        await portal.SendEmailsAsync();
        var message = Assert.Single(await portal.Smtp.ReadAllAsync(), m => m.MessageId == email.MessageId);

        Assert.Equal(Names.Select(n => n.Delivered).Order(), message.Attachments.Select(a => a.FileName).Order());
        foreach (var (original, delivered) in Names)
        {
            Assert.Contains($"- {delivered} (", message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(original, message.Raw, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\u202E", message.Raw, StringComparison.Ordinal);
        var provision = await portal.QueryAsync(db => db.PartnerProvisions.AsNoTracking().SingleAsync(p => p.CaseId == c.Id));
        Assert.Equal(Names.Select(n => n.Delivered).Order(), provision.EvidenceFileNames.Order());
    }

    private Task<Guid> EvidenceIdAsync(Guid caseId, string fileName) => portal.QueryAsync(db => db.CaseEvidence
        .Join(db.StoredFiles, e => e.StoredFileId, f => f.Id, (e, f) => new { e.Id, e.CaseId, f.FileName })
        .Where(x => x.CaseId == caseId && x.FileName == fileName).Select(x => x.Id).SingleAsync());
}
