using Microsoft.Extensions.Options;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>The PostgreSQL connection string, read from ConnectionStrings:Default (env: ConnectionStrings__Default).</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Default";
    public const string SettingName = "ConnectionStrings:Default";

    public string ConnectionString { get; set; } = "";

    public sealed class Validator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return ValidateOptionsResult.Fail($"{SettingName} is not set. Set it in appsettings or as the environment variable ConnectionStrings__Default, for example Host=127.0.0.1;Database=ccc;Username=ccc;Password=...");
            }

            try
            {
                var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(parsed.Host) || string.IsNullOrWhiteSpace(parsed.Database))
                {
                    return ValidateOptionsResult.Fail($"{SettingName} must name a Host and a Database.");
                }
            }
            catch (ArgumentException ex)
            {
                // The message names the bad keyword, never the password.
                return ValidateOptionsResult.Fail($"{SettingName} is not a valid PostgreSQL connection string: {ex.Message}");
            }

            return ValidateOptionsResult.Success;
        }
    }
}
