using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using CrossBorderConsumerCenter.Testing.Smtp;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace CrossBorderConsumerCenter.Testing.Imap;

/// <summary>
/// A real IMAP server on loopback: Debian's Dovecot run in the foreground with a throwaway configuration in a temporary
/// folder (its own base directory, a passwd file with one user, a Maildir, a self-signed certificate the test trusts, a
/// log file). It listens on two free ports: <see cref="TlsPort"/> (IMAPS, what the portal uses by default) and
/// <see cref="Port"/> (plain, STARTTLS offered). It runs as root (mail owned by nobody, Dovecot's own users for its
/// internal processes) and as any other user (everything as that user). It can be stopped and started again on the
/// same ports to simulate an outage, and can leave IDLE and MOVE out of what it offers (<see cref="ImapServerFeatures"/>).
/// Mail is delivered by APPEND of exact bytes, as a mail server's delivery would put them in the mailbox.
/// </summary>
public sealed class ImapServer : IAsyncDisposable
{
    public const string Host = "127.0.0.1";
    public const string UserName = "center";
    private const string Dovecot = "/usr/sbin/dovecot";

    private readonly string _root;
    private readonly string _config;
    private readonly TestCertificate _certificate;
    private Process? _process;

    private ImapServer(string root, int port, int tlsPort, TestCertificate certificate)
    {
        _root = root;
        Port = port;
        TlsPort = tlsPort;
        _certificate = certificate;
        _config = Path.Combine(root, "dovecot.conf");
        Password = Guid.NewGuid().ToString("N");
        TrustedCertificatePath = certificate.WriteCertificate(root);
        LogFile = Path.Combine(root, "dovecot.log");
    }

    /// <summary>Plain IMAP (STARTTLS offered).</summary>
    public int Port { get; }

    /// <summary>IMAP over implicit TLS.</summary>
    public int TlsPort { get; }

    public string Password { get; }

    /// <summary>The server's certificate as PEM, as Imap:TrustedCertificatePath takes it.</summary>
    public string TrustedCertificatePath { get; }

    public string LogFile { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Settings that point the portal's reader at this server over implicit TLS, trusting its certificate, with waits
    /// short enough for tests (a poll every 0.2 s without IDLE, IDLE restarted every 30 s, 10 s timeouts).
    /// </summary>
    public Dictionary<string, string?> PortalSettings => new()
    {
        ["Imap:Enabled"] = "true",
        ["Imap:Host"] = Host,
        ["Imap:Port"] = TlsPort.ToString(CultureInfo.InvariantCulture),
        ["Imap:Security"] = "SslOnConnect",
        ["Imap:UserName"] = UserName,
        ["Imap:Password"] = Password,
        ["Imap:TrustedCertificatePath"] = TrustedCertificatePath,
        ["Imap:PollIntervalSeconds"] = "0.2",
        ["Imap:IdleRestartMinutes"] = "0.5",
        ["Imap:TimeoutSeconds"] = "10",
    };

    public static async Task<ImapServer> StartAsync(ImapServerFeatures? features = null)
    {
        if (!File.Exists(Dovecot))
        {
            throw new InvalidOperationException($"{Dovecot} is missing: install Debian's dovecot-imapd (scripts/test.sh installs it).");
        }

        var root = Directory.CreateTempSubdirectory("ccc-imap-").FullName;
        var server = new ImapServer(root, SmtpServer.FreePort(), SmtpServer.FreePort(), TestCertificate.ForLoopback("imap.test"));
        await server.ConfigureAsync(features ?? new ImapServerFeatures());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its ports and waits until it greets.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(Dovecot)
        {
            ArgumentList = { "-F", "-c", _config },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var output = new StringBuilder();
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dovecot.");
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.UntilAsync(TryGreetingAsync, TimeSpan.FromSeconds(20), () =>
        {
            lock (output)
            {
                return $"dovecot did not greet on port {Port}. Its output: {output}\nIts log: {Log}";
            }
        });
    }

    /// <summary>Stops the server at once (as a crash or a network outage would): connections are cut.</summary>
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
        await Eventually.UntilAsync(async () => !await AcceptsAsync(), TimeSpan.FromSeconds(10), () => $"Port {Port} still accepts connections after dovecot was stopped.");
    }

    /// <summary>Dovecot's log so far (logins, refusals, errors).</summary>
    public string Log
    {
        get
        {
            if (!File.Exists(LogFile))
            {
                return "";
            }

            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Delivers <paramref name="raw"/> into <paramref name="folder"/> byte for byte (APPEND with a literal); returns its UID.</summary>
    public async Task<uint> AppendAsync(byte[] raw, string folder = "INBOX")
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(IPAddress.Loopback, TlsPort);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, presented, _, _) => _certificate.IsThis(presented));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" });
        var reader = new ImapLineReader(tls);
        await reader.ReadLineAsync(); // greeting
        await SendAsync(tls, $"a1 LOGIN {UserName} {Password}\r\n");
        try
        {
            await reader.ExpectOkAsync("a1");
        }
        catch (IOException closed)
        {
            throw new IOException($"{closed.Message} Its log: {Log}", closed);
        }

        await SendAsync(tls, $"a2 APPEND \"{folder}\" {{{raw.Length.ToString(CultureInfo.InvariantCulture)}+}}\r\n");
        await tls.WriteAsync(raw);
        await SendAsync(tls, "\r\n");
        var ok = await reader.ExpectOkAsync("a2");
        await SendAsync(tls, "a3 LOGOUT\r\n");

        // a2 OK [APPENDUID <validity> <uid>] Append completed.
        var parts = ok.Split(' ');
        var at = Array.IndexOf(parts, "[APPENDUID");
        return at >= 0 ? uint.Parse(parts[at + 2].TrimEnd(']'), CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Delivers a message written by MimeKit, its lines ending in CRLF as mail's do.</summary>
    public async Task<uint> AppendAsync(MimeMessage message, string folder = "INBOX")
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var bytes = new MemoryStream();
        await message.WriteToAsync(format, bytes);
        return await AppendAsync(bytes.ToArray(), folder);
    }

    /// <summary>The messages in <paramref name="folder"/> (empty when it does not exist), oldest first.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> ListAsync(string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        IMailFolder mailbox;
        try
        {
            mailbox = await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }

        await mailbox.OpenAsync(FolderAccess.ReadOnly);
        var list = new List<MailboxMessage>();
        foreach (var uid in await mailbox.SearchAsync(SearchQuery.All))
        {
            await using var stream = await mailbox.GetStreamAsync(uid, "");
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            var raw = copy.ToArray();
            var id = HeaderList.Load(new MemoryStream(raw))[HeaderId.MessageId];
            list.Add(new MailboxMessage(uid.Id, id?.Trim(), raw));
        }

        await client.DisconnectAsync(quit: true);
        return list;
    }

    /// <summary>How many messages <paramref name="folder"/> holds (0 when it does not exist), by STATUS: cheap enough to poll.</summary>
    /// <summary>
    /// The messages in a folder as its Maildir holds them, read from disk without logging in: for a test that has just
    /// made Dovecot refuse a login from this address (it then holds further logins from it for a while).
    /// </summary>
    public int CountOnDisk(string folder = "INBOX")
    {
        var maildir = Path.Combine(_root, "mail", UserName, "Maildir");
        var directory = folder == "INBOX" ? maildir : Path.Combine(maildir, "." + folder);
        int Files(string sub) => Directory.Exists(Path.Combine(directory, sub)) ? Directory.GetFiles(Path.Combine(directory, sub)).Length : 0;
        return Files("new") + Files("cur");
    }

    public async Task<int> CountAsync(string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        try
        {
            var mailbox = await client.GetFolderAsync(folder);
            await mailbox.StatusAsync(StatusItems.Count);
            return mailbox.Count;
        }
        catch (FolderNotFoundException)
        {
            return 0;
        }
        finally
        {
            await client.DisconnectAsync(quit: true);
        }
    }

    /// <summary>The names of the folders of the user's mailbox.</summary>
    public async Task<IReadOnlyList<string>> FoldersAsync()
    {
        using var client = await ConnectAsync();
        var folders = await client.GetFoldersAsync(client.PersonalNamespaces[0]);
        await client.DisconnectAsync(quit: true);
        return folders.Select(f => f.FullName).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<ImapClient> ConnectAsync()
    {
        // Dovecot holds every login from an address that just failed one (a test's wrong password) for up to 15 s.
        var client = new ImapClient { Timeout = 60_000, ServerCertificateValidationCallback = (_, presented, _, _) => _certificate.IsThis(presented) };
        await client.ConnectAsync(Host, TlsPort, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(UserName, Password);
        return client;
    }

    private async Task ConfigureAsync(ImapServerFeatures features)
    {
        var (certificate, key) = _certificate.WritePem(_root);
        var mail = Directory.CreateDirectory(Path.Combine(_root, "mail")).FullName;
        var passwd = Path.Combine(_root, "passwd");
        await File.WriteAllTextAsync(passwd, $"{UserName}:{{PLAIN}}{Password}\n");

        string internalUser, internalGroup, loginUser, mailUser, mailGroup;
        if (Environment.IsPrivilegedProcess && OperatingSystem.IsLinux())
        {
            // Dovecot never runs mail processes as root: the mail belongs to nobody, and its helpers run as its own users.
            (internalUser, internalGroup, loginUser, mailUser, mailGroup) = ("dovecot", "dovecot", "dovenull", "nobody", "nogroup");
            File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
            File.SetUnixFileMode(passwd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        else
        {
            // Everything runs as this user.
            var user = await IdAsync("-un");
            (internalUser, internalGroup, loginUser, mailUser, mailGroup) = (user, await IdAsync("-gn"), user, await IdAsync("-u"), await IdAsync("-g"));
        }

        var capability = features.Idle && features.Move
            ? ""
            : "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS NAMESPACE CHILDREN"
              + (features.Idle ? " IDLE" : "") + (features.Move ? " MOVE" : "");
        var config = $$"""
            base_dir = {{_root}}/run
            state_dir = {{_root}}/state
            instance_name = ccc-imap-{{Port}}
            listen = {{Host}}
            protocols = imap
            log_path = {{LogFile}}
            ssl = yes
            ssl_cert = <{{certificate}}
            ssl_key = <{{key}}
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{internalUser}}
            default_internal_group = {{internalGroup}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            first_valid_gid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{passwd}}
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailGroup}} home={{mail}}/%u
            }
            mail_location = maildir:~/Maildir
            {{capability}}
            # Readers, their reconnections and the test's own deliveries all come from one user on one address.
            protocol imap {
              mail_max_userip_connections = 1000
            }
            service imap-login {
              chroot =
              inet_listener imap {
                port = {{Port}}
              }
              inet_listener imaps {
                port = {{TlsPort}}
                ssl = yes
              }
            }
            service anvil {
              chroot =
            }
            """;
        await File.WriteAllTextAsync(_config, config);
    }

    private static async Task<string> IdAsync(string option)
    {
        using var process = Process.Start(new ProcessStartInfo("id", option) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }

    private async Task<bool> TryGreetingAsync()
    {
        if (_process is { HasExited: true })
        {
            throw new InvalidOperationException($"dovecot exited ({_process.ExitCode}). Its log: {Log}");
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            using var reader = new StreamReader(client.GetStream());
            var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(2));
            return greeting?.StartsWith("* OK", StringComparison.Ordinal) == true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Task SendAsync(Stream stream, string line) => stream.WriteAsync(Encoding.ASCII.GetBytes(line)).AsTask();

    /// <summary>Reads the server's lines until the tagged answer to a command.</summary>
    private sealed class ImapLineReader(Stream stream)
    {
        private readonly StreamReader _reader = new(stream, Encoding.ASCII, leaveOpen: true);

        public async Task<string> ReadLineAsync() =>
            await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? throw new IOException("The IMAP server closed the connection.");

        public async Task<string> ExpectOkAsync(string tag)
        {
            while (true)
            {
                var line = await ReadLineAsync();
                if (line.StartsWith(tag + " ", StringComparison.Ordinal))
                {
                    return line.StartsWith(tag + " OK", StringComparison.Ordinal) ? line : throw new InvalidOperationException($"The IMAP server refused: {line}");
                }
            }
        }
    }
}

/// <summary>A message in a folder of the test mailbox.</summary>
public sealed record MailboxMessage(uint Uid, string? MessageId, byte[] Raw);

/// <summary>What the test IMAP server offers besides IMAP4rev1.</summary>
/// <param name="Idle">Offer IDLE (RFC 2177): without it the portal polls.</param>
/// <param name="Move">Offer MOVE (RFC 6851): without it the portal copies, flags \Deleted and expunges.</param>
public sealed record ImapServerFeatures(bool Idle = true, bool Move = true);
