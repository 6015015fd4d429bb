using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CrossBorderConsumerCenter.Testing.Smtp;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd writing every message it accepts into a Maildir.
/// Tests read the messages back decoded by Python's standard email parser. It can be stopped and
/// started again on the same port to simulate an outage, and scripted to refuse (<see cref="Script"/>)
/// through our handler scripted_mailbox.py.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _root;
    private int _generation;
    private Process? _process;

    private SmtpServer(int port, string root)
    {
        Port = port;
        _root = root;
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

    public static async Task<SmtpServer> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("ccc-smtp-").FullName;
        var server = new SmtpServer(FreePort(), root);
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
        ["Smtp:UseStartTls"] = "false",
        ["Email:Outbox:Enabled"] = "true",
        ["Email:Outbox:PollIntervalSeconds"] = "0.1",
        ["Email:Outbox:MinRetryDelaySeconds"] = "0.2",
        ["Email:Outbox:MaxRetryDelaySeconds"] = "1",
    };

    /// <summary>
    /// From now on, answer <paramref name="reply"/> (e.g. "451 4.3.0 Try again later") at <paramref name="stage"/>
    /// the next <paramref name="times"/> times (null: always), then accept as usual.
    /// </summary>
    public void Script(SmtpStage stage, string reply, int? times = null)
    {
        var control = JsonSerializer.Serialize(new { generation = ++_generation, stage = stage.ToString().ToLowerInvariant(), reply, times });
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
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "scripted_mailbox.ScriptedMailbox", Maildir, ControlFile },
            Environment = { ["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Smtp") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
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
            using var reader = new StreamReader(client.GetStream());
            var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(2));
            return greeting?.StartsWith("220", StringComparison.Ordinal) == true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
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
