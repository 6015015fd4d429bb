using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Partners;

public static class PartnersRegistration
{
    /// <summary>The partner agency registry (/admin/partners); addresses may come from settings (PartnerAgencies:{Code}).</summary>
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.AddOptions<PartnerAgenciesOptions>()
            .Configure<IConfiguration>((o, config) => config.GetSection(PartnerAgenciesOptions.Section).Bind(o.Agencies))
            .ValidateOnStart();
        return services
            .AddSingleton<IValidateOptions<PartnerAgenciesOptions>, PartnerAgenciesOptions.Validator>()
            .AddSingleton<PartnerDirectory>()
            .AddHostedService<ApplyConfiguredAddresses>()
            .AddScoped<ListPartnerAgencies.Handler>()
            .AddScoped<EditPartnerAgency.Handler>()
            .AddScoped<SetPartnerAgencyActive.Handler>();
    }
}
