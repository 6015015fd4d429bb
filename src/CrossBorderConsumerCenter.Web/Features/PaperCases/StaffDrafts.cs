using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.PaperCases;

/// <summary>
/// A staff member's draft of a case that came by fax, letter or phone: the intake's draft (ADR 0010: values and files kept
/// across errors, reloads and language switches; one case per draft however often it is submitted; deleted 24 hours after
/// the last change), found by its author's account. A staff member enters one such case at a time.
/// </summary>
public sealed class StaffDrafts(AppDbContext db, TimeProvider clock)
{
    public async Task<DraftLookup> FindOpenAsync(Guid staffId, CancellationToken ct)
    {
        var draft = await db.IntakeDrafts.Include(d => d.Files)
            .Where(d => d.StaffId == staffId && d.SubmittedCaseId == null)
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
