using CrossBorderConsumerCenter.Web.Infrastructure.Email;
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

    /// <summary>How the connection is secured: STARTTLS on the submission port (587), implicit TLS (465), or none (a relay on loopback).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>
    /// A PEM certificate (the server's own, or the authority that issued it) trusted for this server besides the
    /// system's authorities: for a relay with a certificate from an internal authority. The host name must still match.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }

    /// <summary>
    /// Whether consumers may give an address with letters beyond ASCII before '@' (RFC 6531). Turn on only when the
    /// server offers SMTPUTF8: the portal sends such messages only over SMTPUTF8 and dead-letters them otherwise.
    /// </summary>
    public bool InternationalAddresses { get; set; }

    /// <summary>Replaced by <see cref="Security"/>; set, it stops the start with a message saying so.</summary>
    public bool? UseStartTls { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "";
    public string? FromDisplayName { get; set; }
    public string? ReplyToAddress { get; set; }
    public string? PickupDirectory { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(Host);

    /// <summary>Relative paths (PickupDirectory, TrustedCertificatePath) are taken relative to the app's content root.</summary>
    public sealed class ResolvePaths(IHostEnvironment environment) : IPostConfigureOptions<SmtpOptions>
    {
        public void PostConfigure(string? name, SmtpOptions options)
        {
            options.PickupDirectory = Resolve(options.PickupDirectory);
            options.TrustedCertificatePath = Resolve(options.TrustedCertificatePath);
        }

        private string? Resolve(string? path) =>
            string.IsNullOrWhiteSpace(path) || Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
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

            if (options.Port == ImplicitTlsPort && options.Security != SmtpSecurity.Implicit && !options.UsesPickupDirectory)
            {
                failures.Add($"{Section}:Port {ImplicitTlsPort} is SMTP over implicit TLS: set {Section}:Security to Implicit (or use the submission port 587 with StartTls).");
            }

            if (!Enum.IsDefined(options.Security))
            {
                failures.Add($"{Section}:Security must be StartTls, Implicit or None.");
            }

            if (options.UseStartTls is not null)
            {
                failures.Add($"{Section}:UseStartTls is no longer read: set {Section}:Security to StartTls (the default), Implicit (port 465) or None.");
            }

            if (!string.IsNullOrWhiteSpace(options.TrustedCertificatePath) && PemCertificate.Problem(options.TrustedCertificatePath) is { } problem)
            {
                failures.Add($"{Section}:TrustedCertificatePath {problem}");
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

        private static bool IsAddress(string? value) => MailAddresses.IsValid(value);
    }
}

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS before anything is sent; refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    Implicit,

    /// <summary>No encryption: only for a relay on the same machine or a trusted private network.</summary>
    None,
}
