using CrossBorderConsumerCenter.Baseline;
using Npgsql;

// The raw baseline (docs/adr/0050): the portal's SQL through plain Npgsql with prepared statements, HTML written
// by hand, on Kestrel with nothing in front. Same database, same URLs and form fields as the portal, so that
// bench/run.sh drives both with the same wrk scripts. Settings: ConnectionStrings__Default and --urls.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Default.");
await using var dataSource = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();
var intake = new Intake(dataSource);
var casePage = new CasePage(dataSource);
var queue = new Queue(dataSource);
var statistics = new Statistics(dataSource);
app.MapGet("/health/ready", () => "ok");
app.MapGet("/", Home.PageAsync);
app.MapGet("/complaint/consent", Intake.ConsentPageAsync);
app.MapPost("/complaint/consent", intake.GiveConsentAsync);
app.MapPost("/complaint/form", intake.SaveFormAsync);
app.MapPost("/complaint/submit", intake.SubmitAsync);
app.MapGet("/staff/cases", queue.ShowAsync);
app.MapGet("/staff/cases/{number}", (HttpContext context, string number) => casePage.ShowAsync(context, number));
app.MapGet("/staff/statistics", statistics.ShowAsync);
await app.RunAsync();
