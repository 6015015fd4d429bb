namespace CrossBorderConsumerCenter.Web.Features.Audit;

public static class AuditRegistration
{
    /// <summary>The audit trail for admins.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<ListAudit.Handler>();
}
