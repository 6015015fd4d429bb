using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

public static class ConfigurationRegistration
{
    /// <summary>Binds every settings section and validates it when the app starts, naming the bad setting.</summary>
    public static IServiceCollection AddPortalSettings(this IServiceCollection services)
    {
        services.AddSettings<PortalOptions, PortalOptions.Validator>(PortalOptions.Section);

        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((o, config) => o.ConnectionString = config.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();

        services.AddSettings<SmtpOptions, SmtpOptions.Validator>(SmtpOptions.Section);
        services.AddSingleton<IPostConfigureOptions<SmtpOptions>, SmtpOptions.ResolvePaths>();

        services.AddSettings<ImapOptions, ImapOptions.Validator>(ImapOptions.Section);
        services.AddSingleton<IPostConfigureOptions<ImapOptions>, ImapOptions.ResolvePaths>();

        services.AddSettings<EmailOutboxOptions, EmailOutboxOptions.Validator>(EmailOutboxOptions.Section);
        services.AddSettings<InboundProcessingOptions, InboundProcessingOptions.Validator>(InboundProcessingOptions.Section);

        services.AddSettings<InboundMailOptions, InboundMailOptions.Validator>(InboundMailOptions.Section);

        services.AddSettings<CenterContactOptions, CenterContactOptions.Validator>(CenterContactOptions.Section);

        services.AddSettings<ReverseProxyOptions, ReverseProxyOptions.Validator>(ReverseProxyOptions.Section);

        services.AddSettings<AccountSecurityOptions, AccountSecurityOptions.Validator>(AccountSecurityOptions.Section);

        services.AddSettings<DataProtectionSettings, DataProtectionSettings.Validator>(DataProtectionSettings.Section);
        return services;
    }
}
