using System.Text.Encodings.Web;
using System.Text.Json;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using CrossBorderConsumerCenter.Web.Domain.Contact;

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

            // Posts of one draft (parallel uploads, say) take their turn on the draft's row, and each checks the limits
            // against the files held once it has its turn, those the posts before it added included: the count and the
            // total cannot be raced. Submitting takes the same lock and checks again.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM intake_drafts WHERE id = {draft.Id} FOR UPDATE", ct);
            await db.IntakeDraftFiles.Where(f => f.DraftId == draft.Id).LoadAsync(ct);

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
            var read = await EvidenceUpload.ReadAsync(upload, [.. draft.Files.Select(f => f.Length)], now, ct);
            if (read.File is not { } file)
            {
                return new UploadOutcome(read.FileName, read.Problem);
            }

            db.StoredFiles.Add(file);
            draft.AddFile(file.Id, file.Length, read.Type, now);
            logger.LogInformation("Draft {DraftId} received evidence file {StoredFileId} ({Type}, {Length} bytes)", draft.Id, file.Id, read.Type, file.Length);
            return new UploadOutcome(read.FileName, null);
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
        name = new string([.. name.Where((c, i) => !char.IsControl(c) && !IsLoneSurrogate(name, i))]).Trim();
        if (name.Length == 0)
        {
            return "file";
        }

        return TextInput.Clip(name, StoredFile.MaxFileNameLength);
    }

    private static bool IsLoneSurrogate(string text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
        : char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
}
