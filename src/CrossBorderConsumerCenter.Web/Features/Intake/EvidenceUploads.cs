using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Infrastructure.Files;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// An uploaded evidence file read and checked as intake does it, wherever it is uploaded (the complaint form, a
/// consumer's answer, a counselor's addition): size and count from the length alone, then the type from the
/// file's first bytes. <see cref="File"/> is the file to store when it is accepted, otherwise null.
/// </summary>
public sealed record EvidenceUpload(string FileName, EvidenceProblem? Problem, StoredFile? File, EvidenceFileType? Type)
{
    /// <summary>Reads <paramref name="upload"/> and checks it against the files already held (their sizes in <paramref name="heldLengths"/>).</summary>
    public static async Task<EvidenceUpload> ReadAsync(IFormFile upload, IReadOnlyCollection<long> heldLengths, DateTimeOffset now, CancellationToken ct)
    {
        var name = FileNames.Clean(upload.FileName);

        // A 50 MB file is refused without reading it.
        if (upload.Length == 0 || upload.Length > EvidenceFiles.MaxFileBytes)
        {
            return new EvidenceUpload(name, EvidenceFiles.Check(upload.Length, type: null, heldLengths), null, null);
        }

        var bytes = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var type = EvidenceFiles.Sniff(bytes.AsSpan(0, (int)Math.Min(bytes.Length, EvidenceFiles.SniffLength)));
        if (EvidenceFiles.Check(bytes.Length, type, heldLengths) is { } problem)
        {
            return new EvidenceUpload(name, problem, null, type);
        }

        return new EvidenceUpload(name, null, new StoredFile(name, EvidenceFiles.ContentType(type!.Value), bytes, now), type);
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
