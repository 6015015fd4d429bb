using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.ReplyTemplates;

/// <summary>
/// Admins deactivate a template (the case page stops offering it; messages written from it stay as they were sent) or
/// activate it again. Audited.
/// </summary>
public static class SetReplyTemplateActive
{
    public sealed class Handler(AppDbContext db, AuditTrail audit, ReplyTemplateDirectory directory, TimeProvider clock)
    {
        /// <summary>False when there is no such template.</summary>
        public async Task<bool> HandleAsync(Guid id, bool active, CancellationToken ct)
        {
            try
            {
                var template = await db.ReplyTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
                if (template is null)
                {
                    return false;
                }

                if (template.IsActive != active)
                {
                    template.SetActive(active, clock.GetUtcNow());
                    audit.Record(active ? AuditAction.ReplyTemplateActivated : AuditAction.ReplyTemplateDeactivated, "ReplyTemplate", id.ToString(),
                        details: new Dictionary<string, object?> { ["name"] = template.Name });
                    await db.SaveChangesAsync(ct);
                    directory.Invalidate();
                }

                return true;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
