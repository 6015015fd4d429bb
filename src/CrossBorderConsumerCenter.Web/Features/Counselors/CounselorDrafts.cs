using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// A counselor's draft for a resident: the intake's draft (ADR 0010: values and files kept across errors, reloads and
/// language switches; one case per draft however often it is submitted; deleted 24 hours after the last change), found
/// by its owner's account instead of a cookie. A counselor writes one draft at a time.
/// </summary>
public sealed class CounselorDrafts(AppDbContext db, TimeProvider clock)
{
    public async Task<DraftLookup> FindOpenAsync(Guid counselorId, CancellationToken ct)
    {
        var draft = await db.IntakeDrafts.Include(d => d.Files)
            .Where(d => d.CounselorId == counselorId && d.SubmittedCaseId == null)
            .OrderByDescending(d => d.UpdatedAt)
            .FirstOrDefaultAsync(ct);
        if (draft is null)
        {
            return new DraftLookup(DraftState.None, null);
        }

        var state = draft.IsExpired(clock.GetUtcNow()) ? DraftState.Expired
            : draft.Consent.IsValidFor(PrivacyNotice.CurrentVersion) ? DraftState.Open
            : DraftState.NeedsConsent;
        return new DraftLookup(state, draft);
    }
}
