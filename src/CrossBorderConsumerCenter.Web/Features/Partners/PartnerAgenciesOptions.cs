using CrossBorderConsumerCenter.Web.Domain.Contact;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Partners;

/// <summary>
/// Partner agencies' email addresses from configuration (section "PartnerAgencies", one subsection per code, e.g.
/// PartnerAgencies:CBBB:Addresses:0). Addresses are configuration, not code: at start-up they are given to an agency
/// that has none; after that admins keep them on /admin/partners.
/// </summary>
public sealed class PartnerAgenciesOptions
{
    public const string Section = "PartnerAgencies";

    public Dictionary<string, PartnerAgencySettings> Agencies { get; } = new(StringComparer.Ordinal);

    public sealed class PartnerAgencySettings
    {
        public List<string> Addresses { get; set; } = [];
    }

    public sealed class Validator : IValidateOptions<PartnerAgenciesOptions>
    {
        public ValidateOptionsResult Validate(string? name, PartnerAgenciesOptions options)
        {
            var failures = new List<string>();
            foreach (var (code, settings) in options.Agencies)
            {
                if (code.Length is < 2 or > Domain.Partners.PartnerAgency.MaxCodeLength || !code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
                {
                    failures.Add($"{Section}:{code} must be an agency's code in capitals, such as CBBB.");
                }

                if (settings.Addresses.Count is 0 or > Domain.Partners.PartnerAgency.MaxAddresses)
                {
                    failures.Add($"{Section}:{code}:Addresses must list 1 to {Domain.Partners.PartnerAgency.MaxAddresses} email addresses.");
                }

                for (var i = 0; i < settings.Addresses.Count; i++)
                {
                    if (EmailAddresses.Check(settings.Addresses[i]) != EmailAddressProblem.None)
                    {
                        failures.Add($"{Section}:{code}:Addresses:{i} must be an email address (got '{settings.Addresses[i]}').");
                    }
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
