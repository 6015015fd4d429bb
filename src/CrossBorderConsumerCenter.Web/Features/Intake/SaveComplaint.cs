using System.Text.Encodings.Web;
using System.Text.Json;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// Every post of the form lands here first, whatever button was pressed: the values go into the draft
/// (valid or not: nothing typed is lost), new evidence files are checked and stored, and a file the
/// consumer asked to remove is deleted.
/// </summary>
public static class SaveComplaint
{
    /// <summary>What happened to one uploaded file: stored, or refused for <paramref name="Problem"/>.</summary>
    public sealed record UploadOutcome(string FileName, EvidenceProblem? Problem);

    /// <param name="Uploads">Each file of the post, stored or refused.</param>
    /// <param name="RemovedFileName">The name of the file removed at the consumer's request, if one was.</param>
    public sealed record Result(IReadOnlyList<UploadOutcome> Uploads, string? RemovedFileName);

    private static readonly JsonSerializerOptions Json = new()
    {
        // Stored, never rendered: keep Japanese and emoji readable in the column.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ComplaintForm form) => JsonSerializer.Serialize(form.ForDraft(), Json);

    /// <summary>The form as last saved in the draft (empty for a new draft).</summary>
    public static ComplaintForm Deserialize(IntakeDraft draft)
    {
        if (string.IsNullOrEmpty(draft.FormJson))
        {
            return new ComplaintForm();
        }

        try
        {
            return JsonSerializer.Deserialize<ComplaintForm>(draft.FormJson, Json) ?? new ComplaintForm();
        }
        catch (JsonException)
        {
            // Written by an older version of the form: start the form afresh rather than fail.
            return new ComplaintForm();
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(
            IntakeDraft draft, ComplaintForm form, IReadOnlyList<IFormFile> uploads, Guid? removeFileId, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            draft.SaveForm(Serialize(form), now);
            var removedName = removeFileId is { } fileId && draft.Files.Any(f => f.StoredFileId == fileId)
                ? await db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.FileName).SingleAsync(ct)
                : null;
            var removed = removedName is not null && draft.RemoveFile(removeFileId!.Value, now);

            var outcomes = new List<UploadOutcome>();
            foreach (var upload in uploads.Where(u => !string.IsNullOrEmpty(u.FileName)))
            {
                outcomes.Add(await StoreAsync(draft, upload, now, ct));
            }

            // The draft forgets the removed file and the file itself goes, together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (removed)
            {
                await db.StoredFiles.Where(f => f.Id == removeFileId).ExecuteDeleteAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return new Result(outcomes, removedName);
        }

        private async Task<UploadOutcome> StoreAsync(IntakeDraft draft, IFormFile upload, DateTimeOffset now, CancellationToken ct)
        {
            var name = FileNames.Clean(upload.FileName);
            var held = draft.Files.Select(f => f.Length).ToList();

            // Size and count first, from the length alone: a 50 MB file is refused without reading it.
            if (upload.Length == 0 || upload.Length > EvidenceFiles.MaxFileBytes)
            {
                return new UploadOutcome(name, EvidenceFiles.Check(upload.Length, type: null, held));
            }

            var bytes = new byte[upload.Length];
            await using (var stream = upload.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }

            var type = EvidenceFiles.Sniff(bytes.AsSpan(0, (int)Math.Min(bytes.Length, EvidenceFiles.SniffLength)));
            if (EvidenceFiles.Check(bytes.Length, type, held) is { } problem)
            {
                return new UploadOutcome(name, problem);
            }

            var file = new StoredFile(name, EvidenceFiles.ContentType(type!.Value), bytes, now);
            db.StoredFiles.Add(file);
            draft.AddFile(file.Id, bytes.Length, type, now);
            logger.LogInformation("Draft {DraftId} received evidence file {StoredFileId} ({Type}, {Length} bytes)", draft.Id, file.Id, type, bytes.Length);
            return new UploadOutcome(name, null);
        }
    }
}

/// <summary>File names as the consumer's device gave them, made safe to store and show.</summary>
public static class FileNames
{
    public static string Clean(string? fileName)
    {
        // Old browsers send the full path; keep the last part only.
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length == 0)
        {
            return "file";
        }

        return name.Length <= StoredFile.MaxFileNameLength ? name : name[..StoredFile.MaxFileNameLength];
    }
}
