using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Cases;

/// <summary>The staff member a case's automatic notices go to (the partner's answer, a passed deadline).</summary>
public static class ResponsibleStaff
{
    /// <summary>The back office writes to staff in Japanese.</summary>
    public const string Language = "ja";

    /// <summary>
    /// The case's assignee or, when nobody is assigned, the staff member who last forwarded it. Null when there is
    /// none, or they can no longer sign in (the queue's overdue filter still shows the case).
    /// </summary>
    public static async Task<EmailRecipients?> OfAsync(AppDbContext db, Guid caseId, Guid? assignedToId, CancellationToken ct)
    {
        var userId = assignedToId ?? await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.Forwarded && e.ActorId != null)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => e.ActorId)
            .FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return null;
        }

        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled).Select(u => u.Email).SingleOrDefaultAsync(ct);
        return string.IsNullOrEmpty(email) ? null : EmailRecipients.ForAddress(email);
    }
}
