namespace CrossBorderConsumerCenter.Web.Features.Centers;

public static class CentersRegistration
{
    /// <summary>The consumer centers counselors belong to (admins).</summary>
    public static IServiceCollection AddCenters(this IServiceCollection services) => services
        .AddScoped<ListCenters.Handler>()
        .AddScoped<SaveCenter.Handler>();
}
