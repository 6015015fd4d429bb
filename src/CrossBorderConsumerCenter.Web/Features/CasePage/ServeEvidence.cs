using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// An evidence file of a case, for download (any type) or for an inline preview (JPEG and PNG only). The file is
/// found through the case's number and the evidence id together, so a file of another case is never served.
/// Each one served is recorded as <see cref="AuditAction.EvidenceDownloaded"/> (with "inline" for a preview).
/// </summary>
public static class ServeEvidence
{
    /// <summary>Types a browser shows safely as an image; PDF and HEIC are download-only.</summary>
    public static readonly IReadOnlySet<string> PreviewTypes = new HashSet<string>(StringComparer.Ordinal) { "image/jpeg", "image/png" };

    public sealed record EvidenceFile(string FileName, string ContentType, byte[] Bytes);

    public sealed class Handler(AppDbContext db, AuditTrail audit)
    {
        /// <summary>The file, or null when the case has no such evidence (or it cannot be previewed).</summary>
        public async Task<EvidenceFile?> HandleAsync(string number, Guid evidenceId, bool preview, CancellationToken ct)
        {
            var found = await (from e in db.CaseEvidence.AsNoTracking()
                               join c in db.Cases on e.CaseId equals c.Id
                               join f in db.StoredFiles on e.StoredFileId equals f.Id
                               join content in db.StoredFileContents on f.Id equals content.StoredFileId
                               where e.Id == evidenceId && c.Number == number
                               select new { e.CaseId, StoredFileId = f.Id, f.FileName, f.ContentType, f.Length, content.Bytes })
                .SingleOrDefaultAsync(ct);
            if (found is null || (preview && !PreviewTypes.Contains(found.ContentType)))
            {
                return null;
            }

            audit.Record(AuditAction.EvidenceDownloaded, "CaseEvidence", evidenceId.ToString(), found.CaseId,
                new { storedFileId = found.StoredFileId, contentType = found.ContentType, length = found.Length, disposition = preview ? "inline" : "attachment" });
            await db.SaveChangesAsync(ct);
            // Served under a name whose extension is that of its type, never the consumer's own (which the page shows as text).
            var name = EvidenceFiles.TypeOf(found.ContentType) is { } type ? EvidenceFiles.DeliveryName(found.FileName, type) : found.FileName;
            return new EvidenceFile(name, found.ContentType, found.Bytes);
        }
    }
}
