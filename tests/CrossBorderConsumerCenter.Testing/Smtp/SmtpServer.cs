using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CrossBorderConsumerCenter.Testing.Smtp;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd writing every message it accepts into a Maildir.
/// Tests read the messages back decoded by Python's standard email parser. It can be stopped and
/// started again on the same port to simulate an outage.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Process? _process;

    private SmtpServer(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public const string Host = "127.0.0.1";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<SmtpServer> StartAsync()
    {
        var maildir = Directory.CreateTempSubdirectory("ccc-maildir-").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        var server = new SmtpServer(FreePort(), maildir);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAsync(TryGreetingAsync, TimeSpan.FromSeconds(20), "aiosmtpd did not answer on its port (is python3-aiosmtpd installed? scripts/test.sh installs it).");
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

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        IReadOnlyList<ReceivedMessage> messages = [];
        await WaitUntilAsync(async () =>
        {
            messages = await ReadAllAsync();
            return messages.Count >= count;
        }, timeout ?? TimeSpan.FromSeconds(30), () => $"Expected {count} messages, {messages.Count} arrived.");
        return messages;
    }

    /// <summary>How many messages arrived, counted from the Maildir without parsing them.</summary>
    public int Count => Directory.Exists(Path.Combine(Maildir, "new")) ? Directory.GetFiles(Path.Combine(Maildir, "new")).Length : 0;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
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

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure) =>
        await WaitUntilAsync(condition, timeout, () => failure);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException(failure());
            }

            await Task.Delay(100);
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
