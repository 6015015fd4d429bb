using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// Binds a settings section so that every problem is reported at start-up, not only the first: a value that cannot be
/// read as its type ("Smtp:Port" = "twenty-five") becomes a validation failure naming the setting, beside the failures
/// of the section's own validator and of every other section. The framework's binder stops at the first value it cannot
/// convert and throws, which hid every other invalid setting; here each setting of the section is bound on its own.
/// </summary>
public static class SettingsRegistration
{
    /// <summary>Binds <paramref name="section"/> onto <typeparamref name="T"/> and validates it with <typeparamref name="TValidator"/> when the host starts.</summary>
    public static OptionsBuilder<T> AddSettings<T, TValidator>(this IServiceCollection services, string section)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.AddSingleton<IValidateOptions<T>, TValidator>();
        return services.AddSettings<T>(section);
    }

    /// <summary>Binds <paramref name="section"/> onto <typeparamref name="T"/>, reporting values that cannot be read when the host starts.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddSingleton<UnreadableSettings<T>>();
        services.AddSingleton<IValidateOptions<T>>(sp => sp.GetRequiredService<UnreadableSettings<T>>());
        services.AddSingleton<IConfigureOptions<T>>(sp =>
            new BindEachSetting<T>(sp.GetRequiredService<IConfiguration>(), section, sp.GetRequiredService<UnreadableSettings<T>>()));
        return services.AddOptions<T>().ValidateOnStart();
    }

    private sealed class BindEachSetting<T>(IConfiguration configuration, string section, UnreadableSettings<T> unreadable) : IConfigureNamedOptions<T>
        where T : class
    {
        public void Configure(T options) => Configure(Options.DefaultName, options);

        public void Configure(string? name, T options)
        {
            var problems = new List<string>();
            foreach (var setting in configuration.GetSection(section).GetChildren())
            {
                // Only this setting (and what lies under it), under its full path, so that the binder's message names it.
                var alone = new ConfigurationBuilder().AddInMemoryCollection(setting.AsEnumerable()).Build();
                try
                {
                    alone.GetSection(section).Bind(options);
                }
                catch (InvalidOperationException conversion) when (conversion.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
                {
                    problems.Add(conversion.Message);
                }
            }

            unreadable.ByName[name ?? Options.DefaultName] = problems;
        }
    }

    /// <summary>The settings of one options type that could not be read (by options name), reported as validation failures.</summary>
    private sealed class UnreadableSettings<T> : IValidateOptions<T>
        where T : class
    {
        public ConcurrentDictionary<string, IReadOnlyList<string>> ByName { get; } = new();

        public ValidateOptionsResult Validate(string? name, T options) =>
            ByName.TryGetValue(name ?? Options.DefaultName, out var problems) && problems.Count > 0
                ? ValidateOptionsResult.Fail(problems)
                : ValidateOptionsResult.Success;
    }
}
