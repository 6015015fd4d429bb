using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Centers;

/// <summary>Every consumer center, active first, by prefecture and name, with how many active counselor accounts it has.</summary>
public static class ListCenters
{
    public sealed record Row(Guid Id, string Name, string PrefectureCode, string Phone, bool IsActive, int Counselors);

    public sealed class Handler(AppDbContext db)
    {
        // A center list is tens or a few hundred rows (one per municipality that works with us): one page.
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct) =>
            await db.ConsumerCenters.AsNoTracking()
                .OrderByDescending(c => c.IsActive).ThenBy(c => c.PrefectureCode).ThenBy(c => c.Name)
                .Select(c => new Row(c.Id, c.Name, c.PrefectureCode, c.Phone, c.IsActive, db.Users.Count(u => u.ConsumerCenterId == c.Id && !u.IsDisabled)))
                .ToListAsync(ct);
    }
}
