using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Partners;

/// <summary>
/// At start-up (after the migrations), gives each agency that has no email address the addresses configured for it
/// (PartnerAgencies:{Code}:Addresses), with an audit entry. Safe on several instances: the second one to try finds
/// the addresses set, or loses the xmin race and leaves them.
/// </summary>
public sealed class ApplyConfiguredAddresses(
    IServiceScopeFactory scopes, IOptions<PartnerAgenciesOptions> options, PartnerDirectory directory, TimeProvider clock, ILogger<ApplyConfiguredAddresses> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.Agencies;
        if (configured.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var codes = configured.Keys.ToList();
        var agencies = await db.PartnerAgencies.Include(a => a.Countries).Where(a => codes.Contains(a.Code)).ToListAsync(cancellationToken);
        foreach (var code in codes.Where(c => agencies.All(a => a.Code != c)))
        {
            logger.LogWarning("PartnerAgencies:{Code} is configured, but the registry has no agency {Code}", code, code);
        }

        var now = clock.GetUtcNow();
        foreach (var agency in agencies.Where(a => a.UseConfiguredAddresses(configured[a.Code].Addresses, now)))
        {
            audit.Record(AuditAction.PartnerAgencyUpdated, "PartnerAgency", agency.Code, details: new { emailAddresses = "from configuration" }, actorNameOverride: "configuration");
            logger.LogInformation("Partner agency {Code}: email addresses set from configuration", agency.Code);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Partner agency addresses were set from configuration by another instance");
        }

        directory.Invalidate();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
