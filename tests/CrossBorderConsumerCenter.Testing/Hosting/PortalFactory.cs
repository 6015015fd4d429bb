using CrossBorderConsumerCenter.Testing.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CrossBorderConsumerCenter.Testing.Hosting;

/// <summary>
/// The real portal (Program) in the "Testing" environment against a test database: production-like
/// error pages and security, HTTP allowed, mail written to a temporary pickup folder unless a test
/// points Smtp:Host at its SMTP server.
/// The background email sender is off: a feature's test sees its outbox rows stay Pending and asserts
/// on them, with nothing sent behind its back. A test that wants delivery turns the sender on with
/// <see cref="Smtp.SmtpServer.PortalSettings"/> (or calls EmailSender.SendDueAsync itself).
/// The case clocks' worker is off too, so that no test's cases are marked overdue or closed behind its back;
/// the clocks' tests run its passes themselves (RunCaseClocks.RunAsync) on a fake clock.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _serviceOverrides = [];

    public PortalFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        MailPickupDirectory = Directory.CreateTempSubdirectory("ccc-mail-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Portal:BaseUrl"] = "http://localhost/",
            ["Portal:EnforceHttps"] = "false",
            ["Portal:MigrateOnStartup"] = "false",
            ["Smtp:FromAddress"] = "no-reply@ccj.test",
            ["Smtp:ReplyToAddress"] = "consult@ccj.test",
            ["Center:Email"] = "consult@ccj.test", // not the code's default: the pages show the setting, not a constant
            ["Smtp:PickupDirectory"] = MailPickupDirectory,
            ["Email:Outbox:Enabled"] = "false",
            ["Email:Inbound:Enabled"] = "false",
            ["Clocks:Enabled"] = "false",
            ["Retention:Enabled"] = "false",
            ["ConsultationReminders:Enabled"] = "false",
            // Every test class sends its requests from one address; only the limits' own tests meet these.
            ["Intake:NewDraftsPerTenMinutes"] = "10000",
            ["Intake:UploadsPerTenMinutes"] = "10000",
            ["Serilog:MinimumLevel:Default"] = "Warning",

            // Tests sign in hundreds of times from one address; the sign-in limit's own tests set it back.
            ["Accounts:SignInAttemptsPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string MailPickupDirectory { get; }

    /// <summary>Replaces services (a fake clock, say) before the host is built.</summary>
    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _serviceOverrides.Add(configure);
        return this;
    }

    /// <summary>A client that behaves like a browser with cookies but does not follow redirects, so tests can assert them.</summary>
    public FormClient CreateFormClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // As in Development: every registration must be constructible, and nothing scoped may hide in a singleton.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });

        // The settings files are read once: a watcher per file and host would use up the machine's inotify instances
        // (128 per user by default) while a hundred test hosts come and go.
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");

        // The same for the static files' version hashes (asp-append-version watches wwwroot): polled, never through inotify,
        // so that test runs sharing a machine (and its 128 instances) cannot fail each other's pages.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");

        // Not UseSetting: that passes settings as command-line arguments, with empty parent sections.
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestClientAddress>();

            // Tests create and sign in hundreds of accounts: a password hash that costs a millisecond, not a tenth of a
            // second (the portal keeps Identity's default strength; nothing here tests the hash's cost).
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            foreach (var configure in _serviceOverrides)
            {
                configure(services);
            }
        });
    }

    /// <summary>
    /// The test server's requests have no client address; a test that plays several clients names each in the
    /// <see cref="ClientAddressHeader"/> header (as if it were the connection's address).
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(MailPickupDirectory))
        {
            Directory.Delete(MailPickupDirectory, recursive: true);
        }
    }
}

/// <summary>
/// The usual class fixture: a fresh database and the portal over it. Derive to change settings.
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private PortalFactory? _factory;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = CreateFactory(_database.ConnectionString);
    }

    protected virtual PortalFactory CreateFactory(string connectionString) => new(connectionString);

    public virtual async Task DisposeAsync()
    {
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
