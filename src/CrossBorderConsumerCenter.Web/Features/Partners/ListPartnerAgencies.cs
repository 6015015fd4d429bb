using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Partners;

/// <summary>Every agency with what admins check at a glance (a center has a handful).</summary>
public static class ListPartnerAgencies
{
    public sealed record Row(string Code, string EnglishName, string JapaneseName, IReadOnlyList<string> Countries, IReadOnlyList<string> EmailAddresses,
        string Language, int ResponseBusinessDays, bool IsActive, DateTimeOffset UpdatedAt);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken ct) =>
            await db.PartnerAgencies.AsNoTracking()
                .OrderByDescending(a => a.IsActive).ThenBy(a => a.Id)
                .Select(a => new Row(a.Code, a.EnglishName, a.JapaneseName, a.Countries.OrderBy(c => c.Position).Select(c => c.CountryCode).ToList(),
                    a.EmailAddresses, a.Language, a.ResponseBusinessDays, a.IsActive, a.UpdatedAt))
                .ToListAsync(ct);
    }
}
