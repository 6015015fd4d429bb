using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Queue;

/// <summary>A staff member's saved views, listed on the queue page (theirs only), and deleting one.</summary>
public static class SavedViews
{
    public sealed record Row(Guid Id, string Name, string Href);

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>The owner's views by name (one index range: the owner's rows of ix_saved_views_owner_id_name_key).</summary>
        public async Task<IReadOnlyList<Row>> ListAsync(Guid ownerId, CancellationToken ct) =>
            await db.SavedViews.AsNoTracking()
                .Where(v => v.OwnerId == ownerId)
                .OrderBy(v => v.NameKey)
                .Select(v => new Row(v.Id, v.Name, QueueCriteria.Path + v.Query))
                .ToListAsync(ct);

        /// <summary>Deletes the owner's view; false when there is none of that id among theirs (someone else's is never touched).</summary>
        public async Task<bool> DeleteAsync(Guid ownerId, Guid id, CancellationToken ct) =>
            await db.SavedViews.Where(v => v.Id == id && v.OwnerId == ownerId).ExecuteDeleteAsync(ct) == 1;
    }
}
