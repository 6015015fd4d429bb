using System.Text;
using CrossBorderConsumerCenter.Testing.Photos;
using CrossBorderConsumerCenter.Web.Domain.Evidence;

namespace CrossBorderConsumerCenter.UnitTests.Evidence;

/// <summary>
/// Photos are kept without location and camera metadata: real files made by exiftool and heif-enc, read back by
/// MetadataExtractor (another program's reading, not ours).
/// </summary>
public class PhotoMetadataTests
{
    public static TheoryData<EvidenceFileType, string> Photos() => new()
    {
        { EvidenceFileType.Jpeg, "jpeg" },
        { EvidenceFileType.Png, "png" },
        { EvidenceFileType.Heic, "heic" },
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public void TheFixtureCarriesAPositionAndACamera(EvidenceFileType type, string name)
    {
        var tags = PhotoFiles.Tags(File(type));

        Assert.Contains(tags, t => t.StartsWith("GPS/GPS Latitude:", StringComparison.Ordinal));
        Assert.Contains(tags, t => t.StartsWith("Exif IFD0/Make:", StringComparison.Ordinal));
        Assert.Contains(PhotoFiles.Canaries, c => Contains(File(type), c));
        _ = name;
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void NoPositionCameraTimeOrNoteIsLeft(EvidenceFileType type, string name)
    {
        var stripped = PhotoMetadata.Strip(type, File(type));

        Assert.NotNull(stripped);
        var tags = PhotoFiles.Tags(stripped);
        Assert.DoesNotContain(tags, t => t.StartsWith("GPS/", StringComparison.Ordinal) && !t.StartsWith("GPS/GPS Version", StringComparison.Ordinal));
        Assert.DoesNotContain(tags, t => t.Contains("Make:", StringComparison.Ordinal) || t.Contains("Model:", StringComparison.Ordinal));
        Assert.DoesNotContain(tags, t => t.StartsWith("Exif SubIFD/", StringComparison.Ordinal) || t.StartsWith("Exif Thumbnail/", StringComparison.Ordinal)
            || t.StartsWith("IPTC/", StringComparison.Ordinal) || t.StartsWith("PNG-tEXt/", StringComparison.Ordinal)
            || t.StartsWith("PNG-iTXt/", StringComparison.Ordinal) || t.StartsWith("PNG-zTXt/", StringComparison.Ordinal)
            || t.StartsWith("PNG-tIME/", StringComparison.Ordinal) || t.Contains("Date/Time", StringComparison.Ordinal));
        Assert.DoesNotContain(PhotoFiles.Canaries, c => Contains(stripped, c));
        Assert.False(Contains(stripped, "xmpmeta") && Contains(stripped, "GPS"), $"{name}: XMP with a position is left");
        Assert.DoesNotContain(tags, t => t.Contains("35.6895", StringComparison.Ordinal) || t.Contains("139.69", StringComparison.Ordinal) || t.Contains("35° 41'", StringComparison.Ordinal));
    }

    [Fact]
    public void AJpegKeepsItsPictureAndItsOrientation()
    {
        var original = PhotoFiles.PhonePhotoJpeg;
        var stripped = PhotoMetadata.Strip(EvidenceFileType.Jpeg, original)!;

        var tags = PhotoFiles.Tags(stripped);
        Assert.Contains("Exif IFD0/Orientation: Right side, top (Rotate 90 CW)", tags);
        Assert.Contains("JPEG/Image Height: 48 pixels", tags);
        Assert.Contains("JPEG/Image Width: 64 pixels", tags);
        // Everything from the frame header on (tables, scan, end) is the original's, byte for byte.
        var frame = IndexOf(stripped, [0xFF, 0xDB]);
        Assert.True(original.AsSpan().EndsWith(stripped.AsSpan(frame)), "the picture's bytes changed");
        Assert.True(stripped.Length < original.Length - 1000, $"{original.Length} -> {stripped.Length}: the metadata is still there");
    }

    [Fact]
    public void AnUprightJpegGetsNoExifAtAll()
    {
        var upright = PhotoMetadata.Strip(EvidenceFileType.Jpeg, WithOrientation(PhotoFiles.PhonePhotoJpeg, 1))!;

        Assert.False(Contains(upright, "Exif\0\0"), "an Exif segment was written for an upright photo");
        Assert.DoesNotContain(PhotoFiles.Tags(upright), t => t.StartsWith("Exif IFD0/", StringComparison.Ordinal));
    }

    [Fact]
    public void AJpegWithoutMetadataIsUnchangedAndAppendedPicturesGo()
    {
        var clean = PhotoMetadata.Strip(EvidenceFileType.Jpeg, WithOrientation(PhotoFiles.PhonePhotoJpeg, 1))!;
        Assert.Equal(clean, PhotoMetadata.Strip(EvidenceFileType.Jpeg, clean));

        // A second picture after the end of the first (as phones append depth maps and previews) is not kept.
        var appended = clean.Concat(PhotoFiles.PhonePhotoJpeg).ToArray();
        Assert.Equal(clean, PhotoMetadata.Strip(EvidenceFileType.Jpeg, appended));
    }

    [Fact]
    public void APngKeepsItsPictureChunks()
    {
        var original = PhotoFiles.ScreenshotPng;
        var stripped = PhotoMetadata.Strip(EvidenceFileType.Png, original)!;

        Assert.Equal(Chunks(original).Where(c => c.Type is "IHDR" or "IDAT" or "IEND" or "gAMA" or "cHRM" or "bKGD").Select(c => c.Bytes), Chunks(stripped).Select(c => c.Bytes));
        Assert.Contains("PNG-IHDR/Image Width: 64", PhotoFiles.Tags(stripped));
    }

    [Fact]
    public void AHeicKeepsItsBoxesAndItsPicture()
    {
        var original = PhotoFiles.PhotoHeic;
        var stripped = PhotoMetadata.Strip(EvidenceFileType.Heic, original)!;

        Assert.Equal(original.Length, stripped.Length);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != stripped[i]).ToList();
        Assert.NotEmpty(changed);
        // Only the Exif and XMP items changed: a few hundred bytes of a file whose picture is much larger.
        Assert.True(changed.Count < original.Length / 2, $"{changed.Count} of {original.Length} bytes changed");
        var tags = PhotoFiles.Tags(stripped);
        Assert.Contains(tags, t => t.Contains("Width", StringComparison.Ordinal) && t.EndsWith(": 64", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void ABrokenFileIsRefusedNeverAnError(EvidenceFileType type, string name)
    {
        var file = File(type);
        for (var length = 0; length < file.Length; length++)
        {
            _ = PhotoMetadata.Strip(type, file.AsSpan(0, length)); // returns null or bytes; never throws
        }

        var random = new Random(20261206);
        for (var n = 0; n < 3000; n++)
        {
            var damaged = file.ToArray();
            for (var k = 0; k < 4; k++)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            _ = PhotoMetadata.Strip(type, damaged);
        }

        Assert.Null(PhotoMetadata.Strip(type, file.AsSpan(0, 3)));
        Assert.Null(PhotoMetadata.Strip(type, "not a picture at all"u8));
        _ = name;
    }

    /// <summary>The pictures the other tests upload are kept exactly as they are (they carry no metadata).</summary>
    [Theory]
    [InlineData(ImageFiles.MinLength)]
    [InlineData(2048)]
    [InlineData(10 * 1024 * 1024)]
    public void TheTestPicturesAreKeptAsTheyAre(int length)
    {
        foreach (var (type, file) in new[] { (EvidenceFileType.Jpeg, ImageFiles.Jpeg(length)), (EvidenceFileType.Png, ImageFiles.Png(length)), (EvidenceFileType.Heic, ImageFiles.Heic(length)) })
        {
            Assert.Equal(length, file.Length);
            Assert.Equal(type, EvidenceFiles.Sniff(file.AsSpan(0, Math.Min(file.Length, EvidenceFiles.SniffLength))));
            Assert.True(file.AsSpan().SequenceEqual(PhotoMetadata.Strip(type, file)), $"{type} of {length} bytes changed");
        }
    }

    private static byte[] File(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Jpeg => PhotoFiles.PhonePhotoJpeg,
        EvidenceFileType.Png => PhotoFiles.ScreenshotPng,
        _ => PhotoFiles.PhotoHeic,
    };

    private static bool Contains(byte[] file, string text) => IndexOf(file, Encoding.ASCII.GetBytes(text)) >= 0;

    private static int IndexOf(byte[] file, byte[] part) => file.AsSpan().IndexOf(part);

    /// <summary>The fixture with its Exif orientation value replaced (it is stored once, as a big or little endian SHORT).</summary>
    private static byte[] WithOrientation(byte[] jpeg, byte value)
    {
        var copy = jpeg.ToArray();
        var at = IndexOf(copy, [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01]);
        Assert.True(at > 0, "the fixture's orientation tag was not found");
        copy[at + 9] = value;
        return copy;
    }

    private static List<(string Type, byte[] Bytes)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var i = 8; i + 12 <= png.Length;)
        {
            var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(i));
            chunks.Add((Encoding.ASCII.GetString(png, i + 4, 4), png[i..(i + 12 + length)]));
            i += 12 + length;
        }

        return chunks;
    }
}
