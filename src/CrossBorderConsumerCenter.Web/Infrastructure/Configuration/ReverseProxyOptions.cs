using System.Net;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// Trust X-Forwarded-For/-Proto only from the listed proxies (section "ReverseProxy").
/// Empty lists mean the portal is reached directly and forwarded headers are ignored.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    public List<string> KnownProxies { get; set; } = [];

    /// <summary>CIDR ranges, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public sealed class Validator : IValidateOptions<ReverseProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options)
        {
            var failures = new List<string>();
            for (var i = 0; i < options.KnownProxies.Count; i++)
            {
                if (!IPAddress.TryParse(options.KnownProxies[i], out _))
                {
                    failures.Add($"{Section}:KnownProxies:{i} must be an IP address (got '{options.KnownProxies[i]}').");
                }
            }

            for (var i = 0; i < options.KnownNetworks.Count; i++)
            {
                if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
                {
                    failures.Add($"{Section}:KnownNetworks:{i} must be a CIDR range such as 10.0.0.0/8 (got '{options.KnownNetworks[i]}').");
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
