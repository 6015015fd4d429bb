using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.ReplyTemplates;

/// <summary>Every reply template, by action (in the case page's order), active first, then by name.</summary>
public static class ListReplyTemplates
{
    public sealed record Row(Guid Id, string Name, CaseAction Action, bool IsActive, DateTimeOffset UpdatedAt);

    public sealed class Handler(AppDbContext db)
    {
        // Tens of templates at most: one page.
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct)
        {
            var rows = await db.ReplyTemplates.AsNoTracking()
                .OrderByDescending(t => t.IsActive).ThenBy(t => t.Name)
                .Select(t => new Row(t.Id, t.Name, t.Action, t.IsActive, t.UpdatedAt))
                .ToListAsync(ct);
            return [.. rows.OrderBy(r => Domain.Replies.ReplyTemplate.Actions.ToList().IndexOf(r.Action))];
        }
    }
}
