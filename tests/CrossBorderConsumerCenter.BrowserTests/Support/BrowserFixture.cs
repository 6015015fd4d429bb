using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.BrowserTests.Support;

/// <summary>
/// The portal on a real Kestrel port over a fresh database, and Debian's Chromium driven by Playwright.
/// One per test class; each test gets its own browser context (cookies, viewport, locale).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Chromium keeps its shared memory in /dev/shm; where that is small (a container's 64 MB), it must use /tmp instead,
    /// which costs system time on every page, so the switch is given only there.
    /// </summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        .. (SharedMemoryIsSmall() ? new[] { "--disable-dev-shm-usage" } : []),
    ];

    private static bool SharedMemoryIsSmall()
    {
        try
        {
            return new DriveInfo("/dev/shm").TotalSize < 1L << 30;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return true;
        }
    }

    /// <summary>
    /// Debian's headless shell (package chromium-headless-shell: the same Blink without the browser around it, as
    /// Playwright itself runs headless tests) when it is installed; the full Chromium otherwise. CCC_CHROMIUM names
    /// another executable.
    /// </summary>
    public static string ChromiumExecutable { get; } =
        Environment.GetEnvironmentVariable("CCC_CHROMIUM") is { Length: > 0 } chosen ? chosen
        : File.Exists("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell"
        : "/usr/bin/chromium";

    private TestDatabase? _database;
    private PortalFactory? _factory;
    private IPlaywright? _playwright;

    public TestDatabase Database => _database!;

    public PortalFactory Factory => _factory!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = CreateFactory(_database.ConnectionString);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumExecutable,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    protected virtual PortalFactory CreateFactory(string connectionString) =>
        new(connectionString, new Dictionary<string, string?> { ["Portal:BaseUrl"] = "http://127.0.0.1/" });

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
