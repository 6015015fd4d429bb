using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// Outgoing mail (section "Smtp"). With no Host, messages are written as .eml files into
/// PickupDirectory instead, so the portal runs without a mail server in development.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "";
    public string? FromDisplayName { get; set; }
    public string? ReplyToAddress { get; set; }
    public string? PickupDirectory { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(Host);

    /// <summary>A relative PickupDirectory is taken relative to the app's content root.</summary>
    public sealed class ResolvePaths(IHostEnvironment environment) : IPostConfigureOptions<SmtpOptions>
    {
        public void PostConfigure(string? name, SmtpOptions options)
        {
            if (!string.IsNullOrWhiteSpace(options.PickupDirectory) && !Path.IsPathFullyQualified(options.PickupDirectory))
            {
                options.PickupDirectory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.PickupDirectory));
            }
        }
    }

    public sealed class Validator : IValidateOptions<SmtpOptions>
    {
        private const int ImplicitTlsPort = 465;

        public ValidateOptionsResult Validate(string? name, SmtpOptions options)
        {
            var failures = new List<string>();
            if (options.UsesPickupDirectory && string.IsNullOrWhiteSpace(options.PickupDirectory))
            {
                failures.Add($"{Section}:Host is not set, so {Section}:PickupDirectory must name a folder for .eml files (or set {Section}:Host to send through an SMTP server).");
            }

            if (options.Port is < 1 or > 65535)
            {
                failures.Add($"{Section}:Port must be between 1 and 65535 (got {options.Port}).");
            }

            if (options.Port == ImplicitTlsPort && !options.UsesPickupDirectory)
            {
                failures.Add($"{Section}:Port {ImplicitTlsPort} is SMTP over implicit TLS, which System.Net.Mail cannot speak (it would wait for a greeting that never comes). Use the submission port 587 with {Section}:UseStartTls=true.");
            }

            if (!IsAddress(options.FromAddress))
            {
                failures.Add($"{Section}:FromAddress must be an email address (got '{options.FromAddress}').");
            }

            if (!string.IsNullOrWhiteSpace(options.ReplyToAddress) && !IsAddress(options.ReplyToAddress))
            {
                failures.Add($"{Section}:ReplyToAddress must be an email address when set (got '{options.ReplyToAddress}').");
            }

            if (string.IsNullOrWhiteSpace(options.UserName) != string.IsNullOrWhiteSpace(options.Password))
            {
                failures.Add($"{Section}:UserName and {Section}:Password must be set together.");
            }

            if (options.TimeoutSeconds is < 1 or > 600)
            {
                failures.Add($"{Section}:TimeoutSeconds must be between 1 and 600 (got {options.TimeoutSeconds}).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static bool IsAddress(string? value) => !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out _);
    }
}
