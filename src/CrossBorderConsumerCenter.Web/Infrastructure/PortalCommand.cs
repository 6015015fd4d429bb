using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Database;
using CrossBorderConsumerCenter.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Infrastructure;

/// <summary>
/// Commands: `migrate` applies pending migrations, runs what features do after a migration (<see cref="IAfterMigration"/>: the
/// statistics count the cases not counted yet), and exits; `create-admin --email ...` creates the first
/// admin (see <see cref="CreateAdminCommand"/>); `schema-script` prints the DDL of the EF model (for writing
/// migrations). With no command the portal serves requests.
/// </summary>
public sealed record PortalCommand(string Name, string[] CommandArgs, string[] HostArgs)
{
    public const string Serve = "serve";
    public const string Migrate = "migrate";
    public const string SchemaScript = "schema-script";
    public const string CreateAdmin = "create-admin";

    private static readonly string[] Known = [Migrate, SchemaScript, CreateAdmin];

    /// <summary>
    /// The command is the first argument that names one and is not the value of a preceding --option;
    /// arguments before it configure the host (e.g. --contentRoot), arguments after it belong to the command.
    /// </summary>
    public static PortalCommand Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var isOptionValue = i > 0 && args[i - 1].StartsWith('-') && !args[i - 1].Contains('=', StringComparison.Ordinal);
            if (!isOptionValue && Known.Contains(args[i]))
            {
                return new PortalCommand(args[i], args[(i + 1)..], args[..i]);
            }
        }

        return new PortalCommand(Serve, [], args);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        if (Name == SchemaScript)
        {
            // For developers writing a migration (docs/adr/0002): the DDL of the current EF model.
            await using var model = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=unused;Database=unused").Options);
            await Console.Out.WriteLineAsync(model.Database.GenerateCreateScript());
            return 0;
        }

        // Fail with the configuration message before touching anything.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var logger = app.Services.GetRequiredService<ILogger<PortalCommand>>();
        switch (Name)
        {
            case Migrate:
                var runner = app.Services.GetRequiredService<MigrationRunner>();
                var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                var applied = await runner.MigrateAsync(database.ConnectionString);
                logger.LogInformation("Database is up to date ({Count} migrations applied now)", applied.Count);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    foreach (var step in scope.ServiceProvider.GetServices<IAfterMigration>())
                    {
                        logger.LogInformation("After the migrations: {Done}", await step.RunAsync(CancellationToken.None));
                    }
                }

                return 0;
            case CreateAdmin:
                return await CreateAdminCommand.RunAsync(app.Services, CommandArgs);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{Name}'.");
                return 2;
        }
    }
}
