using MetadataExtractor;

namespace CrossBorderConsumerCenter.Testing.Photos;

/// <summary>Photos with GPS and camera metadata (see README.md in this folder), and what another program reads in them.</summary>
public static class PhotoFiles
{
    public static byte[] PhonePhotoJpeg => Read("phone-photo.jpg");

    public static byte[] ScreenshotPng => Read("screenshot.png");

    public static byte[] PhotoHeic => Read("photo.heic");

    /// <summary>Text every fixture carries somewhere in its metadata; none may be left after stripping.</summary>
    public static readonly string[] Canaries = ["CANARY", "iPhone", "Apple", "Pixel", "Google", "2026:11:20"];

    /// <summary>Every tag MetadataExtractor reads, as "directory/tag: value".</summary>
    public static IReadOnlyList<string> Tags(byte[] file)
    {
        using var stream = new MemoryStream(file);
        return ImageMetadataReader.ReadMetadata(stream)
            .SelectMany(d => d.Tags.Select(t => $"{d.Name}/{t.Name}: {t.Description}"))
            .ToList();
    }

    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", name));
}
