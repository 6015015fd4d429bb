using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CrossBorderConsumerCenter.Web.Domain.Evidence;

/// <summary>The kinds of evidence file the center accepts.</summary>
public enum EvidenceFileType
{
    Jpeg,
    Png,
    Heic,
    Pdf,
}

/// <summary>Why a file was not accepted.</summary>
public enum EvidenceProblem
{
    Empty,
    TooLarge,
    UnsupportedType,
    TooManyFiles,
    TotalTooLarge,

    /// <summary>It starts as a JPEG, PNG or HEIC picture but is not one that can be read (so it cannot be cleaned).</summary>
    Unreadable,
}

/// <summary>A file as the center keeps it: its type, its bytes (a photo's without location and camera metadata), or why it is refused.</summary>
public sealed record EvidenceContent(EvidenceFileType? Type, EvidenceProblem? Problem, byte[] Bytes);

/// <summary>
/// Evidence rules: up to 10 files, 10 MB each, 30 MB in all, JPEG, PNG, HEIC or PDF, the type told
/// from the file's first bytes (never from its name or the browser's claim).
/// </summary>
public static class EvidenceFiles
{
    public const int MaxFiles = 10;
    public const long MaxFileBytes = 10L * 1024 * 1024;
    public const long MaxTotalBytes = 30L * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Sniff"/> needs to see (an ISO-BMFF ftyp box lists its brands there).</summary>
    public const int SniffLength = 512;

    // HEVC-coded HEIF brands (ISO/IEC 23008-12): what iPhones and most Android phones write.
    private static readonly string[] HevcBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"];

    // Generic HEIF brands: HEIC when no AV1 brand says it is really AVIF.
    private static readonly string[] GenericHeifBrands = ["mif1", "msf1"];
    private static readonly string[] Av1Brands = ["avif", "avis"];

    public static EvidenceFileType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return EvidenceFileType.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return EvidenceFileType.Png;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return EvidenceFileType.Pdf;
        }

        return IsHeic(head) ? EvidenceFileType.Heic : null;
    }

    public static string ContentType(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Jpeg => "image/jpeg",
        EvidenceFileType.Png => "image/png",
        EvidenceFileType.Heic => "image/heic",
        EvidenceFileType.Pdf => "application/pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Whether files of these sizes are within the count and the total (checked again when a draft is submitted).</summary>
    public static bool WithinLimits(IReadOnlyCollection<long> lengths) => lengths.Count <= MaxFiles && lengths.Sum() <= MaxTotalBytes;

    /// <summary>The type a stored content type names (what <see cref="ContentType"/> wrote), or null for any other.</summary>
    public static EvidenceFileType? TypeOf(string? contentType) => contentType switch
    {
        "image/jpeg" => EvidenceFileType.Jpeg,
        "image/png" => EvidenceFileType.Png,
        "image/heic" => EvidenceFileType.Heic,
        "application/pdf" => EvidenceFileType.Pdf,
        _ => null,
    };

    public static string Extension(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Jpeg => ".jpg",
        EvidenceFileType.Png => ".png",
        EvidenceFileType.Heic => ".heic",
        EvidenceFileType.Pdf => ".pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// The name a file is served and forwarded under: the consumer's name without its extension and without anything
    /// that could make it read or act otherwise than it looks (control, format and bidi characters such as U+202E, path
    /// and reserved characters), then the extension of the type its bytes showed. "statement.html" holding a JPEG is
    /// "statement.jpg", "invoice\u202Egnp.exe" is "invoicegnp.jpg". The original name is only ever shown as text.
    /// </summary>
    public static string DeliveryName(string? originalName, EvidenceFileType type)
    {
        const int MaxStemLength = 100;
        var kept = new StringBuilder();
        foreach (var rune in (originalName ?? "").EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            kept.Append(rune.Value < 0x80 && ReservedInNames.Contains((char)rune.Value, StringComparison.Ordinal) ? "_" : rune.ToString());
        }

        // A leading dot would hide the file on some systems, or make the whole name an extension.
        var name = kept.ToString().TrimStart('.', ' ');
        var dot = name.LastIndexOf('.');
        var stem = (dot > 0 ? name[..dot] : name).Trim().TrimEnd('.').Trim();
        if (stem.Length > MaxStemLength)
        {
            stem = Contact.TextInput.Clip(stem, MaxStemLength).TrimEnd('.').Trim();
        }

        return (stem.Length == 0 ? "evidence" : stem) + Extension(type);
    }

    // Path separators and what Windows refuses in a name; quotes and semicolons would also confuse a Content-Disposition.
    private const string ReservedInNames = "/\\:*?\"<>|;";

    /// <summary>
    /// Whether a file of <paramref name="length"/> bytes and sniffed <paramref name="type"/> may join the
    /// files already held (their sizes in <paramref name="heldLengths"/>); null when it may.
    /// </summary>
    public static EvidenceProblem? Check(long length, EvidenceFileType? type, IReadOnlyCollection<long> heldLengths)
    {
        if (length == 0)
        {
            return EvidenceProblem.Empty;
        }

        if (length > MaxFileBytes)
        {
            return EvidenceProblem.TooLarge;
        }

        if (type is null)
        {
            return EvidenceProblem.UnsupportedType;
        }

        if (heldLengths.Count >= MaxFiles)
        {
            return EvidenceProblem.TooManyFiles;
        }

        return heldLengths.Sum() + length > MaxTotalBytes ? EvidenceProblem.TotalTooLarge : null;
    }

    /// <summary>
    /// What of <paramref name="bytes"/> is kept, if the file may join those already held (their sizes in
    /// <paramref name="heldLengths"/>): its type told from its first bytes, the limits checked, and a photo kept without
    /// its location, camera and other metadata (<see cref="PhotoMetadata"/>); a PDF is kept as it came.
    /// </summary>
    public static EvidenceContent Prepare(byte[] bytes, IReadOnlyCollection<long> heldLengths)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var type = bytes.Length == 0 ? null : Sniff(bytes.AsSpan(0, (int)Math.Min(bytes.Length, SniffLength)));
        // The file itself first (empty, too large, not a kind we take); the count and the total with what it keeps.
        if (Check(bytes.Length, type, []) is { } problem)
        {
            return new EvidenceContent(type, problem, bytes);
        }

        var kept = type is EvidenceFileType.Pdf ? bytes : PhotoMetadata.Strip(type!.Value, bytes);
        return kept is null
            ? new EvidenceContent(type, EvidenceProblem.Unreadable, bytes)
            : new EvidenceContent(type, Check(kept.Length, type, heldLengths), kept);
    }

    // ISO-BMFF: [size:4][“ftyp”][major brand:4][minor version:4][compatible brands:4 each …]
    private static bool IsHeic(ReadOnlySpan<byte> head)
    {
        if (head.Length < 16 || !head[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head), (uint)head.Length);
        var major = Encoding.ASCII.GetString(head[8..12]);
        var compatible = new List<string>();
        for (var offset = 16; offset + 4 <= boxSize; offset += 4)
        {
            compatible.Add(Encoding.ASCII.GetString(head.Slice(offset, 4)));
        }

        return HevcBrands.Contains(major) || (GenericHeifBrands.Contains(major) && !compatible.Any(Av1Brands.Contains));
    }
}
