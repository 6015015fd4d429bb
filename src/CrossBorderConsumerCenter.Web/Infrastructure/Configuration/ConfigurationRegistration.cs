using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

public static class ConfigurationRegistration
{
    /// <summary>Binds every settings section and validates it when the app starts, naming the bad setting.</summary>
    public static IServiceCollection AddPortalSettings(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptions.Validator>();

        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((o, config) => o.ConnectionString = config.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();

        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptions.Validator>();
        services.AddSingleton<IPostConfigureOptions<SmtpOptions>, SmtpOptions.ResolvePaths>();

        services.AddOptions<EmailOutboxOptions>().BindConfiguration(EmailOutboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOutboxOptions>, EmailOutboxOptions.Validator>();

        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyOptions.Validator>();

        services.AddOptions<DataProtectionSettings>().BindConfiguration(DataProtectionSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionSettings>, DataProtectionSettings.Validator>();
        return services;
    }
}
