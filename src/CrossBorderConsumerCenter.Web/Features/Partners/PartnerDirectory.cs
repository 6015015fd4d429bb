using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Partners;

/// <summary>
/// The partner agency registry as pages show it (consent, form, review, receipt, home, case page, queue). The
/// public pages read it on every request, so a snapshot is kept for <see cref="CacheFor"/>: an admin's change shows
/// at once in the instance that made it and within that time in the others. Decisions that matter (forwarding)
/// read the registry afresh with <see cref="LoadAsync"/>.
/// </summary>
public sealed class PartnerDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private Snapshot? _snapshot;

    public async Task<PartnerRegistry> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } kept && now >= kept.LoadedAt && now - kept.LoadedAt < CacheFor)
        {
            return kept.Registry;
        }

        await using var scope = scopes.CreateAsyncScope();
        var registry = await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        Volatile.Write(ref _snapshot, new Snapshot(registry, now));
        return registry;
    }

    /// <summary>Forget the snapshot: the next read loads the registry again (after an admin's change).</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    /// <summary>The registry as it is in the database now: one query, agencies with their countries in order.</summary>
    public static async Task<PartnerRegistry> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var agencies = await db.PartnerAgencies.AsNoTracking()
            .OrderBy(a => a.Id)
            .Select(a => new PartnerListing(
                a.Id,
                a.Code,
                a.EnglishName,
                a.JapaneseName,
                a.Countries.OrderBy(c => c.Position).Select(c => new PartnerCoverage(c.CountryCode, c.PrivacyLawJapanese, c.PrivacyLawEnglish)).ToList(),
                a.IsActive,
                a.EmailAddresses.Count > 0,
                a.Language,
                a.ResponseBusinessDays))
            .ToListAsync(ct);
        return new PartnerRegistry(agencies);
    }

    private sealed record Snapshot(PartnerRegistry Registry, DateTimeOffset LoadedAt);
}
