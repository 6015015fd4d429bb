using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Features.Intake;

namespace CrossBorderConsumerCenter.Web.Features.PaperCases;

/// <summary>
/// A staff member's draft of a case that came by fax, letter or phone: the intake's draft (ADR 0010: values and files kept
/// across errors, reloads and language switches; one case per draft however often it is submitted; deleted 24 hours after
/// the last change), found by its author's account. A staff member enters one such case at a time.
/// </summary>
public sealed class StaffDrafts(AppDbContext db, TimeProvider clock)
{
    public Task<DraftLookup> FindOpenAsync(Guid staffId, CancellationToken ct) =>
        DraftLookup.NewestOpenAsync(db.IntakeDrafts.Where(d => d.StaffId == staffId), clock.GetUtcNow(), ct);
}
