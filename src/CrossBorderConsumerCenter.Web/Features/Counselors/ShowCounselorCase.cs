using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>A case of the counselor's center: what they filed in brief, its status, the consumer-visible timeline, the files.</summary>
public sealed record CounselorCasePage(
    Guid Id,
    string Number,
    CaseStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    string ResidentName,
    string? ResidentEmail,
    ResidentRelation? Relation,
    string FiledBy,
    string BusinessName,
    string BusinessCountryCode,
    CaseCategory Category,
    IReadOnlyList<string> EvidenceNames,
    IReadOnlyList<ConsumerTimelineEntry> Timeline)
{
    public bool IsOpen => CaseWorkflow.IsOpen(Status);

    public bool IsWaitingForAnswer => Status == CaseStatus.WaitingForConsumer;

    /// <summary>The case's language: the resident's words and what the center wrote to them.</summary>
    public string CaseLanguage { get; init; } = Languages.Japanese;

    public string? OpenQuestion => IsWaitingForAnswer ? Timeline.FirstOrDefault(e => e.Kind == CaseEventKind.InformationRequested)?.Text : null;

    public AddCaseInformation.Form Addition { get; init; } = new();

    public IReadOnlyList<string> FilesToChooseAgain { get; init; } = [];
}

/// <summary>
/// Reads a case for a counselor: found by its number AND the counselor's center, so another center's case is the
/// same "not found" as a number that does not exist. Every view is audited (the page shows a resident's data).
/// </summary>
public static class ShowCounselorCase
{
    public sealed class Handler(AppDbContext db, AuditTrail audit)
    {
        public async Task<CounselorCasePage?> HandleAsync(CounselorIdentity counselor, string number, CancellationToken ct)
        {
            var c = await db.Cases.AsNoTracking()
                .Where(x => x.Number == number && x.FiledByCenterId == counselor.CenterId)
                .Select(x => new
                {
                    x.Id,
                    x.Number,
                    x.Status,
                    x.ReceivedAt,
                    x.DueAt,
                    x.ConsumerName,
                    x.ConsumerEmail,
                    x.ResidentRelation,
                    FiledBy = db.Users.Where(u => u.Id == x.FiledByCounselorId).Select(u => u.DisplayName).First(),
                    x.BusinessName,
                    x.BusinessCountryCode,
                    x.Category,
                    x.Language,
                })
                .SingleOrDefaultAsync(ct);
            if (c is null)
            {
                return null;
            }

            var evidence = await (from e in db.CaseEvidence.AsNoTracking()
                                  join f in db.StoredFiles on e.StoredFileId equals f.Id
                                  where e.CaseId == c.Id
                                  orderby e.AddedAt, e.Id
                                  select f.FileName).ToListAsync(ct);
            var timeline = await ConsumerTimelineEntry.ForCaseAsync(db, c.Id, ct);
            audit.Record(AuditAction.CaseViewed, "Case", c.Id.ToString(), c.Id, new { by = "counselor" });
            await db.SaveChangesAsync(ct);
            return new CounselorCasePage(c.Id, c.Number, c.Status, c.ReceivedAt, c.DueAt, c.ConsumerName, c.ConsumerEmail, c.ResidentRelation, c.FiledBy,
                c.BusinessName, c.BusinessCountryCode, c.Category, evidence, timeline) { CaseLanguage = c.Language };
        }
    }
}
