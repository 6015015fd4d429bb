using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// An uploaded evidence file read and checked as intake does it, wherever it is uploaded (the complaint form, a
/// consumer's answer, a counselor's addition): size and count from the length alone, then the type from the
/// file's first bytes; a photo is stored without its location and camera metadata. <see cref="File"/> is the file to
/// store when it is accepted, otherwise null.
/// </summary>
public sealed record EvidenceUpload(string FileName, EvidenceProblem? Problem, StoredFile? File, EvidenceFileType? Type)
{
    /// <summary>The size of the file as it came (a photo's stored <see cref="File"/> is smaller).</summary>
    public long ReceivedLength { get; init; }

    /// <summary>Reads <paramref name="upload"/> and checks it against the files already held (their sizes in <paramref name="heldLengths"/>).</summary>
    public static async Task<EvidenceUpload> ReadAsync(IFormFile upload, IReadOnlyCollection<long> heldLengths, DateTimeOffset now, CancellationToken ct)
    {
        var name = FileNames.Clean(upload.FileName);

        // A 50 MB file is refused without reading it.
        if (upload.Length == 0 || upload.Length > EvidenceFiles.MaxFileBytes)
        {
            return new EvidenceUpload(name, EvidenceFiles.Check(upload.Length, type: null, heldLengths), null, null) { ReceivedLength = upload.Length };
        }

        var bytes = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        return Check(name, bytes, heldLengths, now);
    }

    /// <summary>
    /// Checks a file already read (an attachment of a message from the mailbox, say) as an upload is checked: its type
    /// by its bytes, its size, and the count and total with the files already held.
    /// </summary>
    public static EvidenceUpload Check(string fileName, byte[] bytes, IReadOnlyCollection<long> heldLengths, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var name = FileNames.Clean(fileName);
        var (type, problem, kept) = EvidenceFiles.Prepare(bytes, heldLengths);
        var file = problem is null ? new StoredFile(name, EvidenceFiles.ContentType(type!.Value), kept, now) : null;
        return new EvidenceUpload(name, problem, file, type) { ReceivedLength = bytes.Length };
    }

    /// <summary>Reads every file a form sent (nameless parts are empty file inputs), each checked against those before it.</summary>
    public static async Task<IReadOnlyList<EvidenceUpload>> ReadAllAsync(IEnumerable<IFormFile> uploads, DateTimeOffset now, CancellationToken ct)
    {
        var read = new List<EvidenceUpload>();
        foreach (var upload in uploads.Where(u => !string.IsNullOrEmpty(u.FileName)))
        {
            read.Add(await ReadAsync(upload, [.. read.Where(r => r.File is not null).Select(r => r.File!.Length)], now, ct));
        }

        return read;
    }
}

/// <summary>
/// The evidence file input wherever files are added (the complaint form, a consumer's answer, a counselor's addition):
/// the types it accepts, and for intake.js the limits, what is held already and the messages it shows before sending.
/// </summary>
public static class EvidenceInput
{
    public const string Accept = ".jpg,.jpeg,.png,.heic,.heif,.pdf,image/jpeg,image/png,image/heic,image/heif,application/pdf";

    /// <param name="name">The form field's name.</param>
    /// <param name="label">The field's label.</param>
    /// <param name="text">IntakeText: the hint and the messages.</param>
    /// <param name="heldBytes">Bytes of the files already attached (a draft's).</param>
    /// <param name="heldFiles">How many files are attached already.</param>
    public static FileField Field(string name, string label, Microsoft.Extensions.Localization.IStringLocalizer<IntakeText> text, long heldBytes = 0, int heldFiles = 0) =>
        new(name, label)
        {
            Hint = text["Evidence_Hint"],
            Mark = FieldMark.Optional,
            Accept = Accept,
            Multiple = true,
            LiveCheck = true,
            Data =
            [
                new("data-max-file-bytes", EvidenceFiles.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("data-max-total-bytes", EvidenceFiles.MaxTotalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("data-max-files", EvidenceFiles.MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("data-held-bytes", heldBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("data-held-files", heldFiles.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("data-message-too-large", text["Evidence_TooLarge", "{name}"]),
                new("data-message-too-many", text["Evidence_TooManyFiles", "{name}"]),
                new("data-message-total", text["Evidence_TotalTooLarge", "{name}"]),
            ],
        };
}
