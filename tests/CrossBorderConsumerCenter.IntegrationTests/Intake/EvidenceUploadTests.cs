using System.Net;
using System.Text;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>Evidence files: the type from the bytes, the limits per file and in all, and a message on the form for each refusal.</summary>
public class EvidenceUploadTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    public static TheoryData<string, string, string, string> AcceptedFiles() => new()
    {
        { "photo.jpg", "jpeg", "application/octet-stream", "image/jpeg" },
        { "screenshot.png", "png", "image/jpeg", "image/png" },
        { "IMG_0001.HEIC", "heic", "image/heic", "image/heic" },
        { "receipt.pdf", "pdf", "text/plain", "application/pdf" },
        { "renamed.txt", "png", "text/plain", "image/png" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public async Task AcceptedFilesAreStoredWithTheTypeTheirBytesShow(string name, string kind, string claimed, string stored)
    {
        var content = kind switch { "jpeg" => TestFiles.Jpeg(), "png" => TestFiles.Png(), "heic" => TestFiles.Heic(), _ => TestFiles.Pdf() };
        var (journey, page) = await UploadAsync([TestFiles.File(name, content, claimed)]);

        Assert.Equal([name], page.FindAll(".file-list__name").Select(e => e.TextContent));
        var draft = await portal.DraftOfAsync(journey);
        var file = await portal.QueryAsync(db => db.StoredFiles.Include(f => f.Content).SingleAsync(f => f.Id == draft.Files.Single().StoredFileId));
        Assert.Equal(stored, file.ContentType);
        Assert.Equal(name, file.FileName);
        Assert.Equal(content, file.Content!.Bytes);
    }

    /// <summary>A phone's photo carries where it was taken (the consumer's home, often) and the phone: none of it is kept.</summary>
    [Fact]
    public async Task APhonePhotoIsKeptWithoutItsPositionAndCamera()
    {
        var photo = Testing.Photos.PhotoFiles.PhonePhotoJpeg;
        Assert.Contains(Testing.Photos.PhotoFiles.Tags(photo), t => t.StartsWith("GPS/GPS Latitude:", StringComparison.Ordinal));

        var (journey, page) = await UploadAsync([TestFiles.File("IMG_0042.JPG", photo, "image/jpeg")]);

        Assert.Equal(["IMG_0042.JPG"], page.FindAll(".file-list__name").Select(e => e.TextContent));
        var draft = await portal.DraftOfAsync(journey);
        var file = await portal.QueryAsync(db => db.StoredFiles.Include(f => f.Content).SingleAsync(f => f.Id == draft.Files.Single().StoredFileId));
        var kept = file.Content!.Bytes;
        Assert.Equal(kept.Length, file.Length);
        Assert.Equal(kept.Length, draft.Files.Single().Length);
        var tags = Testing.Photos.PhotoFiles.Tags(kept);
        Assert.DoesNotContain(tags, t => t.StartsWith("GPS/", StringComparison.Ordinal) || t.Contains("Make:", StringComparison.Ordinal) || t.Contains("Model:", StringComparison.Ordinal));
        Assert.DoesNotContain(Testing.Photos.PhotoFiles.Canaries, c => kept.AsSpan().IndexOf(Encoding.ASCII.GetBytes(c)) >= 0);
        Assert.Contains("JPEG/Image Width: 64 pixels", tags);
    }

    public static TheoryData<string, string, string> RefusedFiles() => new()
    {
        { "not-a-photo.jpg", "text", "not-a-photo.jpg: この形式のファイルは添付できません。" },
        { "drawing.svg", "svg", "drawing.svg: この形式のファイルは添付できません。" },
        { "setup.pdf", "exe", "setup.pdf: この形式のファイルは添付できません。" },
        { "animation.gif", "gif", "animation.gif: この形式のファイルは添付できません。" },
        { "empty.png", "empty", "empty.png: ファイルが空です。" },
        { "huge.jpg", "huge", "huge.jpg: 10MBを超えるファイルは添付できません。" },
        { "broken.jpg", "broken", "broken.jpg: 画像として読み取れないため、添付できません。" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task EachRefusedFileGetsAMessageOnTheFormNeverAnErrorPage(string name, string kind, string message)
    {
        var content = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("これは写真ではありません"),
            "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            "exe" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0],
            "gif" => Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000"),
            "empty" => [],
            "broken" => Testing.Photos.PhotoFiles.PhonePhotoJpeg[..300],
            _ => TestFiles.Jpeg((int)EvidenceFiles.MaxFileBytes + 1),
        };
        var (journey, page) = await UploadAsync([TestFiles.File(name, content, "image/jpeg")], expectRefusal: true);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var error = Assert.Single(page.FindAll(".error-summary a"));
        Assert.StartsWith(message, error.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Evidence", error.GetAttribute("href"));
        Assert.Equal("true", page.Find("#Evidence")!.GetAttribute("aria-invalid"));
        Assert.Empty((await portal.DraftOfAsync(journey)).Files);

        // The form's values posted alongside were saved all the same.
        Assert.Equal("山田 太郎", page.Find("#Form_Consumer_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheEleventhFileIsRefusedAndTheTenBeforeItKept()
    {
        var (journey, page) = await UploadAsync([.. Enumerable.Range(1, 11).Select(i => TestFiles.File($"photo-{i:D2}.jpg", TestFiles.Jpeg(1000 + i), "image/jpeg"))],
            expectRefusal: true);

        Assert.StartsWith("photo-11.jpg: 添付できるファイルは10個までです。", Assert.Single(page.FindAll(".error-summary a")).TextContent, StringComparison.Ordinal);
        Assert.Equal(10, page.FindAll(".file-list__name").Count);
        Assert.Equal(10, (await portal.DraftOfAsync(journey)).Files.Count);
    }

    [Fact]
    public async Task FilesMayAddUpToThirtyMegabytesAcrossPostsButNoMore()
    {
        var tenMegabytes = (int)EvidenceFiles.MaxFileBytes;
        var (journey, page) = await UploadAsync([TestFiles.File("one.pdf", TestFiles.Pdf(tenMegabytes)), TestFiles.File("two.pdf", TestFiles.Pdf(tenMegabytes))]);
        using var third = await journey.PostFormAsync(page, null, "upload", [TestFiles.File("three.pdf", TestFiles.Pdf(tenMegabytes))]);
        page = await journey.Client.FollowRedirectAsync(third);
        Assert.Equal(3, page.FindAll(".file-list__name").Count);

        using var fourth = await journey.PostFormAsync(page, null, "upload", [TestFiles.File("four.png", TestFiles.Png(100))]);
        var refused = await HtmlPage.ReadAsync(fourth);
        Assert.StartsWith("four.png: 添付ファイルの合計が30MBを超えるため", Assert.Single(refused.FindAll(".error-summary a")).TextContent, StringComparison.Ordinal);
        Assert.Equal(3, (await portal.DraftOfAsync(journey)).Files.Count);
    }

    [Fact]
    public async Task ARemovedFileLeavesTheDraftAndTheDatabase()
    {
        var (journey, page) = await UploadAsync([TestFiles.File("keep.png", TestFiles.Png()), TestFiles.File("wrong-one.jpg", TestFiles.Jpeg())]);
        var remove = page.FindAll("button[name=removeFile]").Single(b => b.GetAttribute("aria-label")!.Contains("wrong-one.jpg", StringComparison.Ordinal));
        var fileId = Guid.Parse(remove.GetAttribute("value")!);

        using var response = await journey.Client.SubmitAsync(page, IntakeJourney.FormSelector, submitName: "removeFile", submitValue: fileId.ToString());
        var after = await journey.Client.FollowRedirectAsync(response);

        Assert.Equal(["keep.png"], after.FindAll(".file-list__name").Select(e => e.TextContent));
        Assert.Equal("削除しました: wrong-one.jpg", Assert.Single(after.FindAll("[role=status] p")).TextContent);
        Assert.False(await portal.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Id == fileId)));
        Assert.False(await portal.QueryAsync(db => db.StoredFileContents.AnyAsync(c => c.StoredFileId == fileId)));
    }

    [Fact]
    public async Task AttachingWithNoFileChosenSavesAndSaysNothingWasAttached()
    {
        var (_, page) = await UploadAsync([]);
        Assert.Empty(page.FindAll("[role=status]"));
        Assert.Equal("山田 太郎", page.Find("#Form_Consumer_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AFileOfAnotherDraftCannotBeRemoved()
    {
        var (owner, _) = await UploadAsync([TestFiles.File("mine.png", TestFiles.Png())]);
        var fileId = (await portal.DraftOfAsync(owner)).Files.Single().StoredFileId;

        var (_, strangerPage) = await UploadAsync([]);
        using var response = await owner.Client.SubmitAsync(strangerPage, IntakeJourney.FormSelector, submitName: "removeFile", submitValue: fileId.ToString());

        Assert.True(await portal.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Id == fileId)));
    }

    /// <summary>Consent, then one post of the valid form with <paramref name="files"/> through "attach".</summary>
    private async Task<(IntakeJourney Journey, HtmlPage Page)> UploadAsync(IReadOnlyList<FormFile> files, bool expectRefusal = false)
    {
        var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        using var response = await journey.PostFormAsync(form, IntakeJourney.ValidForm(), "upload", files);
        if (expectRefusal)
        {
            return (journey, await HtmlPage.ReadAsync(response));
        }

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(response));
        return (journey, await client.FollowRedirectAsync(response));
    }
}
