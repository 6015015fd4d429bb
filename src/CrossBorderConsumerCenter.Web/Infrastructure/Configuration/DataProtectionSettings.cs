using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// Where the Data Protection key ring lives (section "DataProtection"). By default in PostgreSQL,
/// so every instance shares it; KeysDirectory stores it in a folder instead.
/// </summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    public string? KeysDirectory { get; set; }

    public sealed class Validator : IValidateOptions<DataProtectionSettings>
    {
        public ValidateOptionsResult Validate(string? name, DataProtectionSettings options) =>
            options.KeysDirectory is { Length: > 0 } dir && !Path.IsPathFullyQualified(dir)
                ? ValidateOptionsResult.Fail($"{Section}:KeysDirectory must be an absolute path (got '{dir}').")
                : ValidateOptionsResult.Success;
    }
}
