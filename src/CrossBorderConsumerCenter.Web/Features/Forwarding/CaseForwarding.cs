using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Forwarding;

/// <summary>A forward as the case page lists it: the record of provision, and what became of the agency's answer link.</summary>
public sealed record ProvisionRow(
    Guid Id,
    DateTimeOffset ProvidedAt,
    string AgencyCode,
    string AgencyName,
    string CountryCode,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Items,
    IReadOnlyList<string> EvidenceFileNames,
    string ProvidedByName,
    DateTimeOffset RetainUntil,
    DateTimeOffset? LinkExpiresAt,
    DateTimeOffset? AnsweredAt,
    PartnerOutcome? Outcome);

/// <summary>
/// The case page's view of forwarding: the agency for the merchant's country (even an inactive one, so the page can
/// say so), why the case cannot be forwarded now (nothing when it can), and every forward made, newest first.
/// </summary>
public sealed record CaseForwarding(PartnerListing? Agency, IReadOnlyList<ForwardingRefusal> Refusals, IReadOnlyList<ProvisionRow> Provisions)
{
    public static CaseForwarding None { get; } = new(null, [ForwardingRefusal.NoAgency], []);

    /// <summary>The agency staff would forward to: the active one covering the country.</summary>
    public PartnerListing? Suggested => Agency is { IsActive: true } ? Agency : null;

    public bool CanForward => Refusals.Count == 0;

    /// <summary>The latest answer an agency gave through its link, if any.</summary>
    public ProvisionRow? LatestAnswer => Provisions.Where(p => p.AnsweredAt is not null).MaxBy(p => p.AnsweredAt);

    /// <summary>Reads it: the registry (kept for a few seconds) and the case's records with their links (one indexed query).</summary>
    public sealed class Loader(AppDbContext db, PartnerDirectory directory)
    {
        public async Task<CaseForwarding> LoadAsync(Guid caseId, string countryCode, CaseStatus status, bool agreesToProvisionAbroad, CancellationToken ct)
        {
            var agency = (await directory.CurrentAsync(ct)).Covering(countryCode);
            var provisions = await (from p in db.PartnerProvisions.AsNoTracking()
                                    join l in db.PartnerLinks on p.Id equals l.ProvisionId into links
                                    from l in links.DefaultIfEmpty()
                                    where p.CaseId == caseId
                                    orderby p.ProvidedAt descending
                                    select new ProvisionRow(
                                        p.Id, p.ProvidedAt, p.AgencyCode, p.AgencyName, p.CountryCode, p.Recipients, p.Items, p.EvidenceFileNames,
                                        p.ProvidedByName, p.RetainUntil, l == null ? null : l.ExpiresAt, l == null ? null : l.AnsweredAt, l == null ? null : l.Outcome))
                .ToListAsync(ct);
            return new CaseForwarding(agency, ForwardingRules.Refusals(status, agreesToProvisionAbroad, agency), provisions);
        }
    }
}
