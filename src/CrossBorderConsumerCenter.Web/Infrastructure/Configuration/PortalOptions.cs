using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>Settings of the portal itself (section "Portal").</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Absolute URL the public reaches the portal at; used in links inside emails.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Culture shown when the visitor has not chosen one: "ja" or "en".</summary>
    public string DefaultCulture { get; set; } = "ja";

    /// <summary>Apply pending database migrations when the app starts (operators may run "migrate" instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Redirect HTTP to HTTPS, send HSTS and mark cookies Secure. Off only for local development and tests.</summary>
    public bool EnforceHttps { get; set; } = true;

    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute);

    public sealed class Validator : IValidateOptions<PortalOptions>
    {
        public ValidateOptionsResult Validate(string? name, PortalOptions options)
        {
            var failures = new List<string>();
            if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{Section}:BaseUrl must be an absolute http or https URL, for example https://ccj.example.jp/ (got '{options.BaseUrl}').");
            }

            if (!SupportedCultures.Names.Contains(options.DefaultCulture))
            {
                failures.Add($"{Section}:DefaultCulture must be one of {string.Join(", ", SupportedCultures.Names)} (got '{options.DefaultCulture}').");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
