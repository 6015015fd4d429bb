using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Partners;

/// <summary>
/// Admins deactivate an agency (cases for its countries are then not offered for forwarding; its records and links
/// stay) or activate it again, unless another active agency covers one of its countries meanwhile. Audited.
/// </summary>
public static class SetPartnerAgencyActive
{
    public sealed record Result(bool Found, string? RefusalKey = null, object[]? Arguments = null);

    public sealed class Handler(AppDbContext db, AuditTrail audit, PartnerDirectory directory, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(string code, bool active, CancellationToken ct)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await EditPartnerAgency.LockRegistryAsync(db, ct);
                var agency = await db.PartnerAgencies.Include(a => a.Countries).SingleOrDefaultAsync(a => a.Code == code, ct);
                if (agency is null)
                {
                    return new Result(Found: false);
                }

                if (agency.IsActive == active)
                {
                    return new Result(Found: true);
                }

                var registry = await PartnerDirectory.LoadAsync(db, ct);
                if (registry.CoverageConflicts(code, agency.Countries.Select(c => c.CountryCode), active) is [var conflict, ..])
                {
                    var country = Countries.Find(conflict.CountryCode)?.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? conflict.CountryCode;
                    return new Result(Found: true, "Error_CountryCovered", [country, conflict.OtherAgencyCode]);
                }

                agency.SetActive(active, clock.GetUtcNow());
                audit.Record(active ? AuditAction.PartnerAgencyActivated : AuditAction.PartnerAgencyDeactivated, "PartnerAgency", code);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                directory.Invalidate();
                return new Result(Found: true);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
