using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>Evidence files on the case page: downloads as attachments, image previews under a sandboxing policy, never another case's file.</summary>
public class CaseEvidenceTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private FormClient Client => portal.Client;

    [Fact]
    public async Task AFileDownloadsAsAnAttachmentUnderItsJapaneseNameWithNosniffAndIsAudited()
    {
        var pdf = TestFiles.Pdf(5000);
        var (c, ids) = await CaseWithAsync(("注文確認 メール.pdf", "application/pdf", pdf));
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var link = page.Find($"[data-evidence='{ids[0]}'] a[download]")!.GetAttribute("href")!;
        Assert.Equal($"{CasePageFixture.PageOf(c.Number)}/evidence/{ids[0]}", link);
        Assert.Empty(page.FindAll("#case-evidence img"));

        using var response = await Client.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("注文確認 メール.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''%E6%B3%A8%E6%96%87", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'EvidenceDownloaded' AND case_id = @case AND subject_type = 'CaseEvidence' AND subject_id = @id AND actor_id = @actor AND details ->> 'disposition' = 'attachment'",
            ("case", c.Id), ("id", ids[0].ToString()), ("actor", portal.Staff.Id)));
    }

    [Theory]
    [InlineData("photo.jpg", "image/jpeg")]
    [InlineData("ラベル.png", "image/png")]
    public async Task AnImageIsPreviewedInlineUnderASandboxingPolicy(string name, string type)
    {
        var bytes = type == "image/png" ? TestFiles.Png(3000) : TestFiles.Jpeg(3000);
        var (c, ids) = await CaseWithAsync((name, type, bytes));
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var image = page.Find($"[data-evidence='{ids[0]}'] img")!;
        Assert.Equal($"{CasePageFixture.PageOf(c.Number)}/evidence/{ids[0]}/preview", image.GetAttribute("src"));
        Assert.Contains(name, image.GetAttribute("alt"), StringComparison.Ordinal);

        using var response = await Client.Http.GetAsync(image.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(name, response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(CasePageController.PreviewContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'EvidenceDownloaded' AND subject_id = @id AND details ->> 'disposition' = 'inline'", ("id", ids[0].ToString())));
    }

    [Fact]
    public async Task PdfAndHeicAreDownloadOnly()
    {
        var (c, ids) = await CaseWithAsync(("a.pdf", "application/pdf", TestFiles.Pdf()), ("b.heic", "image/heic", TestFiles.Heic()));
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Empty(page.FindAll("#case-evidence img"));
        Assert.Equal(2, page.FindAll("#case-evidence a[download]").Count);
        foreach (var id in ids)
        {
            using var preview = await Client.Http.GetAsync($"{CasePageFixture.PageOf(c.Number)}/evidence/{id}/preview");
            Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
            using var download = await Client.Http.GetAsync($"{CasePageFixture.PageOf(c.Number)}/evidence/{id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }
    }

    [Fact]
    public async Task AFileOfAnotherCaseOrAnUnknownFileIsNeverServed()
    {
        var (mine, _) = await CaseWithAsync(("mine.png", "image/png", TestFiles.Png()));
        var (theirs, theirIds) = await CaseWithAsync(("theirs.png", "image/png", TestFiles.Png()));
        var downloads = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'EvidenceDownloaded'");
        foreach (var url in new[]
                 {
                     $"{CasePageFixture.PageOf(mine.Number)}/evidence/{theirIds[0]}",
                     $"{CasePageFixture.PageOf(mine.Number)}/evidence/{theirIds[0]}/preview",
                     $"{CasePageFixture.PageOf(theirs.Number)}/evidence/{Guid.NewGuid()}",
                     $"/staff/cases/CCJ-2001-000001/evidence/{theirIds[0]}",
                     $"/staff/cases/nonsense/evidence/{theirIds[0]}",
                 })
        {
            using var response = await Client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Content.Headers.ContentDisposition);
        }

        Assert.Equal(downloads, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'EvidenceDownloaded'"));
    }

    private async Task<(Web.Domain.Cases.Case Case, Guid[] EvidenceIds)> CaseWithAsync(params (string Name, string Type, byte[] Bytes)[] files)
    {
        var stored = files.Select(f => new StoredFile(f.Name, f.Type, f.Bytes, portal.Clock.GetUtcNow())).ToList();
        var c = await portal.ReceiveAsync(evidence: stored);
        var ids = await portal.QueryAsync(db => db.CaseEvidence.Where(e => e.CaseId == c.Id)
            .OrderBy(e => e.AddedAt).ThenBy(e => e.Id).Select(e => new { e.Id, e.StoredFileId }).ToListAsync());
        return (c, [.. stored.Select(f => ids.Single(e => e.StoredFileId == f.Id).Id)]);
    }
}
