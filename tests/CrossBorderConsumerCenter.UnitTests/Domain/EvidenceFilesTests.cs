using System.Text;
using CrossBorderConsumerCenter.Web.Domain.Evidence;

namespace CrossBorderConsumerCenter.UnitTests.Domain;

/// <summary>The type of an evidence file is told from its bytes, never from its name.</summary>
public class EvidenceFilesTests
{
    public static TheoryData<string, byte[], EvidenceFileType> AcceptedFiles() => new()
    {
        { "JPEG (JFIF)", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], EvidenceFileType.Jpeg },
        { "JPEG (Exif, from a phone)", [0xFF, 0xD8, 0xFF, 0xE1, 0x12, 0x34, (byte)'E', (byte)'x', (byte)'i', (byte)'f'], EvidenceFileType.Jpeg },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], EvidenceFileType.Png },
        { "PDF", Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), EvidenceFileType.Pdf },
        { "HEIC from an iPhone (heic, mif1)", Ftyp("heic", "mif1", "miaf", "MiHB", "heic"), EvidenceFileType.Heic },
        { "HEIC with the heix brand", Ftyp("heix", "mif1", "heix"), EvidenceFileType.Heic },
        { "HEIC sequence (hevc)", Ftyp("hevc", "msf1", "hevc"), EvidenceFileType.Heic },
        { "HEIF image (heim)", Ftyp("heim", "mif1"), EvidenceFileType.Heic },
        { "HEIF sequence (heis)", Ftyp("heis", "msf1"), EvidenceFileType.Heic },
        { "HEIF with the generic mif1 brand first", Ftyp("mif1", "mif1", "heic"), EvidenceFileType.Heic },
        { "HEIF sequence with the generic msf1 brand first", Ftyp("msf1", "msf1", "hevc"), EvidenceFileType.Heic },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void RecognisesAcceptedTypesFromTheirFirstBytes(string what, byte[] head, EvidenceFileType expected) =>
        Assert.True(expected == EvidenceFiles.Sniff(head), what);

    public static TheoryData<string, byte[]> RefusedFiles() => new()
    {
        { "empty", [] },
        { "plain text named .jpg", Encoding.UTF8.GetBytes("これは写真ではありません") },
        { "HTML", Encoding.ASCII.GetBytes("<!DOCTYPE html><html><script>alert(1)</script>") },
        { "SVG", Encoding.ASCII.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") },
        { "GIF", Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00") },
        { "WebP", Encoding.ASCII.GetBytes("RIFF\x24\x00\x00\x00WEBPVP8 ") },
        { "Windows executable", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00] },
        { "ZIP (or a Word file)", [(byte)'P', (byte)'K', 0x03, 0x04, 0x14, 0x00] },
        { "AVIF", Ftyp("avif", "mif1", "miaf", "avif") },
        { "AVIF under the generic mif1 brand", Ftyp("mif1", "mif1", "avif") },
        { "MP4 video", Ftyp("isom", "isom", "iso2", "avc1", "mp41") },
        { "QuickTime video", Ftyp("qt  ", "qt  ") },
        { "two bytes of a JPEG", [0xFF, 0xD8] },
        { "PDF marker not at the start", Encoding.ASCII.GetBytes("junk%PDF-1.7") },
        { "a truncated ftyp box", Encoding.ASCII.GetBytes("\0\0\0\x18ftyp") },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void RefusesEverythingElse(string what, byte[] head) =>
        Assert.True(EvidenceFiles.Sniff(head) is null, what);

    [Theory]
    [InlineData(EvidenceFileType.Jpeg, "image/jpeg")]
    [InlineData(EvidenceFileType.Png, "image/png")]
    [InlineData(EvidenceFileType.Heic, "image/heic")]
    [InlineData(EvidenceFileType.Pdf, "application/pdf")]
    public void EachTypeHasItsContentType(EvidenceFileType type, string contentType) =>
        Assert.Equal(contentType, EvidenceFiles.ContentType(type));

    [Fact]
    public void AFileWithinEveryLimitIsAccepted() =>
        Assert.Null(EvidenceFiles.Check(1_000_000, EvidenceFileType.Jpeg, [2_000_000, 3_000_000]));

    [Fact]
    public void AnEmptyFileIsRefused() =>
        Assert.Equal(EvidenceProblem.Empty, EvidenceFiles.Check(0, EvidenceFileType.Jpeg, []));

    [Fact]
    public void AFileOfExactlyTenMegabytesIsAcceptedAndOneByteMoreIsNot()
    {
        Assert.Null(EvidenceFiles.Check(EvidenceFiles.MaxFileBytes, EvidenceFileType.Pdf, []));
        Assert.Equal(EvidenceProblem.TooLarge, EvidenceFiles.Check(EvidenceFiles.MaxFileBytes + 1, EvidenceFileType.Pdf, []));
    }

    [Fact]
    public void AnUnrecognisedTypeIsRefused() =>
        Assert.Equal(EvidenceProblem.UnsupportedType, EvidenceFiles.Check(100, null, []));

    [Fact]
    public void TheEleventhFileIsRefused()
    {
        Assert.Null(EvidenceFiles.Check(10, EvidenceFileType.Png, [.. Enumerable.Repeat(10L, 9)]));
        Assert.Equal(EvidenceProblem.TooManyFiles, EvidenceFiles.Check(10, EvidenceFileType.Png, [.. Enumerable.Repeat(10L, 10)]));
    }

    [Fact]
    public void FilesMayAddUpToThirtyMegabytesButNotMore()
    {
        long[] held = [EvidenceFiles.MaxFileBytes, EvidenceFiles.MaxFileBytes];
        Assert.Null(EvidenceFiles.Check(EvidenceFiles.MaxFileBytes, EvidenceFileType.Jpeg, held));
        Assert.Equal(EvidenceProblem.TotalTooLarge, EvidenceFiles.Check(EvidenceFiles.MaxFileBytes, EvidenceFileType.Jpeg, [.. held, 1]));
    }

    [Fact]
    public void ATooLargeFileIsReportedAsSuchEvenWhenItsTypeIsAlsoWrong() =>
        Assert.Equal(EvidenceProblem.TooLarge, EvidenceFiles.Check(EvidenceFiles.MaxFileBytes + 1, null, []));

    [Fact]
    public void APhotoIsKeptWithoutItsMetadataAndMeasuredAsKept()
    {
        var photo = CrossBorderConsumerCenter.Testing.Photos.PhotoFiles.PhonePhotoJpeg;

        var (type, problem, kept) = EvidenceFiles.Prepare(photo, []);

        Assert.Equal(EvidenceFileType.Jpeg, type);
        Assert.Null(problem);
        Assert.True(kept.Length < photo.Length, "the photo was kept as it came");
        Assert.DoesNotContain(CrossBorderConsumerCenter.Testing.Photos.PhotoFiles.Tags(kept), t => t.StartsWith("GPS/GPS Latitude", StringComparison.Ordinal));

        // The total counts what is kept: a photo that fits once its metadata is gone is accepted.
        var room = EvidenceFiles.MaxTotalBytes - kept.Length;
        Assert.Null(EvidenceFiles.Prepare(photo, [room]).Problem);
        Assert.Equal(EvidenceProblem.TotalTooLarge, EvidenceFiles.Prepare(photo, [room + 1]).Problem);
    }

    [Fact]
    public void APdfIsKeptAsItCame()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Author (Yamada Taro) >> endobj\n%%EOF\n");

        var content = EvidenceFiles.Prepare(pdf, []);

        Assert.Equal((EvidenceFileType?)EvidenceFileType.Pdf, content.Type);
        Assert.Null(content.Problem);
        Assert.Same(pdf, content.Bytes);
    }

    [Fact]
    public void APictureThatCannotBeReadIsRefusedAsSuch()
    {
        byte[] headOnly = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0];

        Assert.Equal(EvidenceProblem.Unreadable, EvidenceFiles.Prepare(headOnly, []).Problem);
        Assert.Equal(EvidenceProblem.UnsupportedType, EvidenceFiles.Prepare(Encoding.ASCII.GetBytes("<html>"), []).Problem);
        Assert.Equal(EvidenceProblem.Empty, EvidenceFiles.Prepare([], []).Problem);
    }

    /// <summary>An ISO-BMFF ftyp box: size, "ftyp", major brand, minor version 0, compatible brands.</summary>
    private static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + (4 * compatible.Length);
        var box = new byte[size + 8];
        box[3] = (byte)size;
        Encoding.ASCII.GetBytes("ftyp").CopyTo(box, 4);
        Encoding.ASCII.GetBytes(major).CopyTo(box, 8);
        for (var i = 0; i < compatible.Length; i++)
        {
            Encoding.ASCII.GetBytes(compatible[i]).CopyTo(box, 16 + (4 * i));
        }

        Encoding.ASCII.GetBytes("meta").CopyTo(box, size + 4);
        return box;
    }
}
