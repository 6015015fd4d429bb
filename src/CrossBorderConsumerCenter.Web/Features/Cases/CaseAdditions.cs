using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>
/// What the consumer's side adds to a case (a consumer answering on the tracking page, a counselor adding
/// information): the files are read and checked as intake checks them (count, size, total, type by their bytes),
/// and only when every one is accepted are they stored, with the case's timeline line and evidence, in one
/// SaveChanges checked against the case's version (xmin). A refused file stores nothing, so nothing is half-sent.
/// </summary>
public sealed class CaseAdditions(AppDbContext db, AuditTrail audit, TimeProvider clock, ILogger<CaseAdditions> logger)
{
    public enum Outcome
    {
        Saved,

        /// <summary>The case is no longer in a status that allows the addition.</summary>
        NotAllowed,

        /// <summary>The case changed between loading and saving (staff acted at that moment): nothing was saved.</summary>
        ChangedMeanwhile,

        /// <summary>At least one file was refused (see <see cref="Result.Uploads"/>): nothing was saved.</summary>
        FilesRefused,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<EvidenceUpload> Uploads);

    /// <param name="caseId">The case.</param>
    /// <param name="uploads">The files the form sent.</param>
    /// <param name="apply">Applies the addition through the case's own method with the stored files' ids; null when not allowed now.</param>
    /// <param name="audited">Record the change in the audit trail (a signed-in counselor acts; a consumer's own answer is on the timeline).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Result> AddAsync(
        Guid caseId, IEnumerable<IFormFile> uploads, Func<Case, IReadOnlyCollection<Guid>, DateTimeOffset, CaseEvent?> apply, bool audited, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var read = await EvidenceUpload.ReadAllAsync(uploads, now, ct);
        if (read.Any(r => r.Problem is not null))
        {
            return new Result(Outcome.FilesRefused, read);
        }

        try
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId, ct);
            var files = read.Select(r => r.File!).ToList();
            var added = apply(c, [.. files.Select(f => f.Id)], now);
            if (added is null)
            {
                db.ChangeTracker.Clear();
                return new Result(Outcome.NotAllowed, read);
            }

            db.StoredFiles.AddRange(files);
            if (audited)
            {
                audit.Record(AuditAction.CaseChanged, "Case", caseId.ToString(), caseId,
                    new { action = added.Kind.ToString(), changes = new { status = new { before = added.FromStatus.ToString(), after = added.ToStatus.ToString() } }, details = new { files = files.Count } });
            }

            await db.SaveChangesAsync(ct);
            logger.LogInformation("Case {CaseId}: {EventKind} by {ActorKind} with {FileCount} files", caseId, added.Kind, added.ActorKind, files.Count);
            return new Result(Outcome.Saved, read);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Result(Outcome.ChangedMeanwhile, read);
        }
    }
}
