using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Features.Intake;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// A counselor's draft for a resident: the intake's draft (ADR 0010: values and files kept across errors, reloads and
/// language switches; one case per draft however often it is submitted; deleted 24 hours after the last change), found
/// by its owner's account instead of a cookie. A counselor writes one draft at a time.
/// </summary>
public sealed class CounselorDrafts(AppDbContext db, TimeProvider clock)
{
    public Task<DraftLookup> FindOpenAsync(Guid counselorId, CancellationToken ct) =>
        DraftLookup.NewestOpenAsync(db.IntakeDrafts.Where(d => d.CounselorId == counselorId), clock.GetUtcNow(), ct);
}
