using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Configuration;

/// <summary>
/// The center's inbound mailbox (section "Imap"), where consumers, counselors and partner agencies reply. When Enabled,
/// the portal reads Folder over IMAP, stores each message once and moves it to ProcessedFolder. Without Enabled, a
/// PickupDirectory of .eml files stands in for the mailbox (development), as Smtp:PickupDirectory does for sending.
/// See docs/operations.md.
/// </summary>
public sealed class ImapOptions
{
    public const string Section = "Imap";
    public const int ImplicitTlsPort = 993;

    /// <summary>Read the mailbox over IMAP in this process. Every instance may: each message is stored once all the same.</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }
    public int Port { get; set; } = ImplicitTlsPort;

    /// <summary>How the connection is secured: implicit TLS (993), STARTTLS on the plain port (143), or none (a server on loopback).</summary>
    public ImapSecurity Security { get; set; } = ImapSecurity.SslOnConnect;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The folder the center's mail arrives in.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where a message goes once it is stored (created if missing): the server keeps it, out of the way of the next read.</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>A PEM certificate trusted for this server besides the system's authorities (a self-signed or internal one). The name must still match.</summary>
    public string? TrustedCertificatePath { get; set; }

    /// <summary>How often the folder is looked at when the server does not offer IDLE.</summary>
    public double PollIntervalSeconds { get; set; } = 30;

    /// <summary>An IDLE is ended and started again after this long: servers may drop a client idle for 30 minutes (RFC 2177).</summary>
    public double IdleRestartMinutes { get; set; } = 9;

    /// <summary>A larger message is stored as its headers only (marked truncated); the whole stays in the mailbox's Processed folder.</summary>
    public int MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Bound on each exchange with the server (connecting, logging in, one fetch or move).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Development: a folder of .eml files read instead of the mailbox; each file read moves to its "processed" subfolder.</summary>
    public string? PickupDirectory { get; set; }

    public bool ReadsMailbox => Enabled && !string.IsNullOrWhiteSpace(Host);

    public bool ReadsPickupDirectory => !ReadsMailbox && !string.IsNullOrWhiteSpace(PickupDirectory);

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    public TimeSpan IdleRestart => TimeSpan.FromMinutes(IdleRestartMinutes);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Relative paths (PickupDirectory, TrustedCertificatePath) are taken relative to the app's content root.</summary>
    public sealed class ResolvePaths(IHostEnvironment environment) : IPostConfigureOptions<ImapOptions>
    {
        public void PostConfigure(string? name, ImapOptions options)
        {
            options.PickupDirectory = Resolve(options.PickupDirectory);
            options.TrustedCertificatePath = Resolve(options.TrustedCertificatePath);
        }

        private string? Resolve(string? path) =>
            string.IsNullOrWhiteSpace(path) || Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
    }

    public sealed class Validator : IValidateOptions<ImapOptions>
    {
        public ValidateOptionsResult Validate(string? name, ImapOptions options)
        {
            var failures = new List<string>();
            if (options.Enabled && string.IsNullOrWhiteSpace(options.Host) && string.IsNullOrWhiteSpace(options.PickupDirectory))
            {
                failures.Add($"{Section}:Enabled is true, so {Section}:Host must name the IMAP server (or {Section}:PickupDirectory a folder of .eml files).");
            }

            if (options.ReadsMailbox && (string.IsNullOrWhiteSpace(options.UserName) || string.IsNullOrEmpty(options.Password)))
            {
                failures.Add($"{Section}:UserName and {Section}:Password must be set to read the mailbox.");
            }

            if (options.Port is < 1 or > 65535)
            {
                failures.Add(FormattableString.Invariant($"{Section}:Port must be between 1 and 65535 (got {options.Port})."));
            }

            if (!Enum.IsDefined(options.Security))
            {
                failures.Add($"{Section}:Security must be SslOnConnect, StartTls or None.");
            }
            else if (options.ReadsMailbox && options.Port == ImplicitTlsPort && options.Security != ImapSecurity.SslOnConnect)
            {
                failures.Add($"{Section}:Port {ImplicitTlsPort} is IMAP over implicit TLS: set {Section}:Security to SslOnConnect (or use port 143 with StartTls).");
            }

            if (string.IsNullOrWhiteSpace(options.Folder))
            {
                failures.Add($"{Section}:Folder must name the folder mail arrives in (INBOX, usually).");
            }

            if (string.IsNullOrWhiteSpace(options.ProcessedFolder))
            {
                failures.Add($"{Section}:ProcessedFolder must name the folder read messages are moved to.");
            }
            else if (string.Equals(options.ProcessedFolder.Trim(), options.Folder?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{Section}:ProcessedFolder must differ from {Section}:Folder: messages are moved out of the folder once stored.");
            }

            if (!string.IsNullOrWhiteSpace(options.TrustedCertificatePath) && PemCertificate.Problem(options.TrustedCertificatePath) is { } problem)
            {
                failures.Add($"{Section}:TrustedCertificatePath {problem}");
            }

            Check(failures, options.PollIntervalSeconds is >= 0.1 and <= 3600, nameof(PollIntervalSeconds), "between 0.1 and 3600", options.PollIntervalSeconds);
            Check(failures, options.IdleRestartMinutes is >= 0.01 and <= 29, nameof(IdleRestartMinutes), "between 0.01 and 29 (servers may drop an IDLE after 30 minutes)", options.IdleRestartMinutes);
            Check(failures, options.MaxMessageBytes is >= 1024 and <= 512 * 1024 * 1024, nameof(MaxMessageBytes), "between 1024 and 536870912 (512 MB)", options.MaxMessageBytes);
            Check(failures, options.TimeoutSeconds is >= 1 and <= 600, nameof(TimeoutSeconds), "between 1 and 600", options.TimeoutSeconds);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static void Check(List<string> failures, bool valid, string setting, string range, object value)
        {
            if (!valid)
            {
                failures.Add(FormattableString.Invariant($"{Section}:{setting} must be {range} (got {value})."));
            }
        }
    }
}

/// <summary>How the connection to the IMAP server is secured.</summary>
public enum ImapSecurity
{
    /// <summary>TLS from the first byte (IMAPS, port 993).</summary>
    SslOnConnect,

    /// <summary>Plain connection upgraded with STARTTLS before logging in; refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>No encryption: only for a server on the same machine or a trusted private network.</summary>
    None,
}
