using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Net.Sockets;
using System.Globalization;
using System.Text.Json;

namespace CrossBorderConsumerCenter.Testing.Smtp;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd writing every message it accepts into a Maildir.
/// Tests read the messages back decoded by Python's standard email parser. It can be stopped and
/// started again on the same port to simulate an outage, scripted to refuse or to drop the connection
/// (<see cref="Script"/>) through our handler scripted_mailbox.py, and given SMTPUTF8, STARTTLS or implicit
/// TLS and a login (<see cref="SmtpServerFeatures"/>) through smtp_server.py, which also counts connections
/// and logins.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _root;
    private readonly SmtpServerFeatures _features;
    private int _generation;
    private Process? _process;

    private SmtpServer(int port, string root, SmtpServerFeatures features)
    {
        Port = port;
        _root = root;
        _features = features;
        Maildir = Path.Combine(root, "maildir");
    }

    public int Port { get; }

    public string Maildir { get; }

    public const string Host = "127.0.0.1";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Settings that point the portal at this server and turn the background sender on, with polls and
    /// retries quick enough for tests (a tenth of a second, retries within 0.2-1 s).
    /// </summary>
    public IReadOnlyDictionary<string, string?> PortalSettings => PortalSettingsFor(Port);

    private string ControlFile => Path.Combine(_root, "control.json");

    private string StatsFile => Path.Combine(_root, "stats.json");

    /// <summary>
    /// Connections made to the server since it last started, the start's own probes included: compare two readings
    /// to count a client's connections.
    /// </summary>
    public int Connections => ReadStats().Connections;

    /// <summary>Successful logins since the server last started (with <see cref="SmtpServerFeatures.Login"/>).</summary>
    public int Logins => ReadStats().Logins;

    private Stats ReadStats() => JsonSerializer.Deserialize<Stats>(File.ReadAllText(StatsFile), Json)!;

    public static async Task<SmtpServer> StartAsync(SmtpServerFeatures? features = null)
    {
        var root = Directory.CreateTempSubdirectory("ccc-smtp-").FullName;
        var server = new SmtpServer(FreePort(), root, features ?? new SmtpServerFeatures());
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(server.Maildir, sub));
        }

        await server.StartAgainAsync();
        return server;
    }

    /// <inheritdoc cref="PortalSettings"/>
    public static Dictionary<string, string?> PortalSettingsFor(int port) => new()
    {
        ["Smtp:Host"] = Host,
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Email:Outbox:Enabled"] = "true",
        ["Email:Outbox:PollIntervalSeconds"] = "0.1",
        ["Email:Outbox:MinRetryDelaySeconds"] = "0.2",
        ["Email:Outbox:MaxRetryDelaySeconds"] = "1",
    };

    /// <summary>The scripted reply that closes the connection instead of answering (the message is not kept).</summary>
    public const string DropConnection = "drop";

    /// <summary>
    /// From now on, after letting <paramref name="after"/> through, answer <paramref name="reply"/> (e.g. "451 4.3.0 Try
    /// again later", or <see cref="DropConnection"/>) at <paramref name="stage"/> the next <paramref name="times"/> times
    /// (null: always), then accept as usual.
    /// </summary>
    public void Script(SmtpStage stage, string reply, int? times = null, int after = 0)
    {
        var control = JsonSerializer.Serialize(new { generation = ++_generation, stage = stage.ToString().ToLowerInvariant(), reply, times, after });
        File.WriteAllText(ControlFile + ".tmp", control);
        File.Move(ControlFile + ".tmp", ControlFile, overwrite: true);
    }

    /// <summary>Stops refusing: every message is accepted again.</summary>
    public void AcceptEverything() => File.Delete(ControlFile);

    /// <summary>How many scripted refusals the server has answered since the last <see cref="Script"/>.</summary>
    public int ScriptedRepliesGiven =>
        File.Exists(ControlFile + ".given") ? int.Parse(File.ReadAllText(ControlFile + ".given"), System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Starts the server (again) on its port.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Smtp", "smtp_server.py"), "--host", Host, "--port", Port.ToString(CultureInfo.InvariantCulture),
                "--maildir", Maildir, "--control", ControlFile, "--stats", StatsFile,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _features.AddArguments(start.ArgumentList, _root);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.UntilAsync(TryGreetingAsync, TimeSpan.FromSeconds(20), () => "aiosmtpd did not answer on its port (is python3-aiosmtpd installed? scripts/test.sh installs it).");
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> ReadAllAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Smtp", "maildir_to_json.py");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { script, Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("Reading the Maildir failed: " + await error);
        }

        var parsed = JsonSerializer.Deserialize<List<RawMessage>>(await output, Json)!;
        return parsed.Select(ReceivedMessage.From).ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, then reads them all.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        // Counting files is cheap; parsing hundreds of messages on every poll is not.
        await Eventually.UntilAsync(() => Task.FromResult(Count >= count), timeout ?? TimeSpan.FromSeconds(30), () => $"Expected {count} messages, {Count} arrived.");
        return await ReadAllAsync();
    }

    /// <summary>How many messages arrived, counted from the Maildir without parsing them.</summary>
    public int Count => Directory.Exists(Path.Combine(Maildir, "new")) ? Directory.GetFiles(Path.Combine(Maildir, "new")).Length : 0;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<bool> TryGreetingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            Stream stream = client.GetStream();
            if (_features is { ImplicitTls: true, Certificate: { } certificate })
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, presented, _, _) => certificate.IsThis(presented));
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }).WaitAsync(TimeSpan.FromSeconds(2));
                stream = tls;
            }

            using var reader = new StreamReader(stream);
            var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(2));
            return greeting?.StartsWith("220", StringComparison.Ordinal) == true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or AuthenticationException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Stats(int Connections, int Logins);

    internal sealed record RawMessage(string File, List<List<string>> Headers, List<List<string>> RawHeaders, string? Text, string? Html, List<RawAttachment> Attachments, string Raw);

    internal sealed record RawAttachment(string? FileName, string ContentType, string Base64);
}

/// <summary>A message as the SMTP server received it, decoded (headers, bodies, attachments).</summary>
public sealed record ReceivedMessage(
    string File,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IReadOnlyList<KeyValuePair<string, string>> RawHeaders,
    string? Text,
    string? Html,
    IReadOnlyList<ReceivedAttachment> Attachments,
    string Raw)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? RawHeader(string name) => RawHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? Subject => Header("Subject");

    public string? MessageId => Header("Message-ID");

    public string? To => Header("To");

    internal static ReceivedMessage From(SmtpServer.RawMessage raw) => new(
        raw.File,
        raw.Headers.Select(h => new KeyValuePair<string, string>(h[0], h[1])).ToList(),
        raw.RawHeaders.Select(h => new KeyValuePair<string, string>(h[0], h[1])).ToList(),
        raw.Text,
        raw.Html,
        raw.Attachments.Select(a => new ReceivedAttachment(a.FileName, a.ContentType, Convert.FromBase64String(a.Base64))).ToList(),
        raw.Raw);
}

public sealed record ReceivedAttachment(string? FileName, string ContentType, byte[] Content);

/// <summary>Where a scripted reply is given: to RCPT TO (per recipient), or at the end of DATA (the whole message).</summary>
public enum SmtpStage
{
    Rcpt,
    Data,
}

/// <summary>What the test SMTP server offers besides plain SMTP.</summary>
/// <param name="SmtpUtf8">Offer SMTPUTF8 (RFC 6531): addresses with letters beyond ASCII.</param>
/// <param name="Certificate">A certificate (with its key) for TLS: STARTTLS, required before anything else, or implicit TLS.</param>
/// <param name="ImplicitTls">TLS from the first byte (SMTPS) instead of STARTTLS.</param>
/// <param name="Login">Require AUTH with this user name and password.</param>
public sealed record SmtpServerFeatures(bool SmtpUtf8 = false, TestCertificate? Certificate = null, bool ImplicitTls = false, (string User, string Password)? Login = null)
{
    internal void AddArguments(ICollection<string> arguments, string folder)
    {
        if (SmtpUtf8)
        {
            arguments.Add("--smtputf8");
        }

        if (Certificate is { } certificate)
        {
            var (cert, key) = certificate.WritePem(folder);
            arguments.Add("--cert");
            arguments.Add(cert);
            arguments.Add("--key");
            arguments.Add(key);
            if (ImplicitTls)
            {
                arguments.Add("--implicit-tls");
            }
        }

        if (Login is var (user, password))
        {
            arguments.Add("--login");
            arguments.Add($"{user}:{password}");
        }
    }
}
