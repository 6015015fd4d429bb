using System.Net;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.Forwarding;

/// <summary>
/// The portal on a clock that moves only when a test says (whole seconds), the three seeded agencies with addresses
/// from configuration, a real SMTP server (the sender runs when a test calls it), a signed-in staff member, and the
/// ways to forward a case, read the answer link from the forward email, and run the clocks.
/// </summary>
public class ForwardingFixture : PortalFixture
{
    public const string CbbbAddress = "cbbb@partners.example.org";
    public const string CbbbSecondAddress = "disputes@partners.example.org";
    public const string SosaAddress = "sosa@partners.example.org";
    public const string CaseAddress = "case@partners.example.org";

    private static readonly Regex LinkPattern = new(@"/partner/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant);
    private SmtpServer? _smtp;
    private StaffAccounts.Account? _staff;
    private FormClient? _client;

    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    public SmtpServer Smtp => _smtp ?? throw new InvalidOperationException("Not initialised.");

    public StaffAccounts.Account Staff => _staff ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The staff member's browser.</summary>
    public FormClient Client => _client ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Requests per minute the answer pages take from one address (high: only the rate limit's own test meets it).</summary>
    protected virtual int PartnerRequestsPerMinute => 10_000;

    /// <summary>Settings a derived fixture adds (or changes) over the ones above.</summary>
    protected virtual IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>();

    public override async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        await base.InitializeAsync();
        (_client, _staff) = await StaffAccounts.SignedInAsync(Factory, Roles.Staff);
    }

    public override async Task DisposeAsync()
    {
        _client?.Dispose();
        await base.DisposeAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    protected override PortalFactory CreateFactory(string connectionString)
    {
        var settings = new Dictionary<string, string?>(Smtp.PortalSettings)
        {
            // Sent only when a test calls the sender: the fake clock would hold the background one still.
            ["Email:Outbox:Enabled"] = "false",
            ["PartnerAgencies:CBBB:Addresses:0"] = CbbbAddress,
            ["PartnerAgencies:CBBB:Addresses:1"] = CbbbSecondAddress,
            ["PartnerAgencies:SOSA:Addresses:0"] = SosaAddress,
            ["PartnerAgencies:CASE:Addresses:0"] = CaseAddress,
            ["PartnerLinks:RequestsPerMinute"] = PartnerRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in MoreSettings)
        {
            settings[key] = value;
        }

        return new PortalFactory(connectionString, settings).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public static string PageOf(string number) => $"/staff/cases/{number}";

    public static string ComposeOf(string number) => $"/staff/cases/{number}/forward";

    /// <summary>A received case (a valid Japanese complaint about a US shop unless told otherwise).</summary>
    public Task<Case> ReceiveAsync(ComplaintDetails? details = null, ConsentChoices? consent = null, string language = "ja", IReadOnlyList<StoredFile>? evidence = null) =>
        TestCases.ReceiveAsync(Factory, details, consent, language, evidence);

    /// <summary>What staff write in English on the compose page for the tests' complaint (its item, what happened, the business's answer).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string?>> English =
    [
        new("Forward.Item", "Wireless earphones"),
        new("Forward.Summary", "The consumer paid for wireless earphones that never arrived."),
        new("Forward.BusinessResponse", "The business has not replied."),
    ];

    /// <summary><paramref name="values"/>, and the <see cref="English"/> texts they do not name.</summary>
    public static List<KeyValuePair<string, string?>> InEnglish(IEnumerable<KeyValuePair<string, string?>>? values = null)
    {
        var given = values?.ToList() ?? [];
        return [.. given, .. English.Where(e => given.All(g => g.Key != e.Key))];
    }

    /// <summary>
    /// Forwards a case through the pages (compose, preview, send) with the pre-filled form and the <see cref="English"/>
    /// texts (unless <paramref name="values"/> name them), as the fixture's staff member or through
    /// <paramref name="client"/>, and returns the answer link's token.
    /// </summary>
    public async Task<string> ForwardAsync(Case c, IEnumerable<KeyValuePair<string, string?>>? values = null, FormClient? client = null)
    {
        var Client = client ?? this.Client;
        var compose = await Client.GetOkAsync(ComposeOf(c.Number));
        using var previewResponse = await Client.SubmitAsync(compose, "form.forward-form", InEnglish(values));
        var preview = await HtmlPage.ReadAsync(previewResponse);
        Assert.True(previewResponse.StatusCode == HttpStatusCode.OK && preview.Find("[data-preview-body]") is not null, $"No preview: {await ErrorsAsync(preview)}");
        using var sent = await Client.SubmitAsync(preview, "form.forward-send", submitName: "intent", submitValue: ForwardingController.Intents.Send);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)sent.StatusCode}: {await ErrorsAsync(await HtmlPage.ReadAsync(sent))}");
        Assert.Equal(PageOf(c.Number), sent.Headers.Location!.OriginalString);
        return TokenIn((await LatestForwardEmailAsync(c.Id)).TextBody);
    }

    /// <summary>The answer link's token in a forward email's text.</summary>
    public static string TokenIn(string text) => Assert.Single(LinkPattern.Matches(text)).Groups[1].Value;

    public Task<OutboundEmail> LatestForwardEmailAsync(Guid caseId) => QueryAsync(db => db.OutboundEmails.AsNoTracking().Include(e => e.Attachments)
        .Where(e => e.CaseId == caseId && e.Template == ForwardEmail.TemplateName).OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).FirstAsync());

    public Task<List<OutboundEmail>> EmailsAsync(Guid caseId, string template) => QueryAsync(db => db.OutboundEmails.AsNoTracking()
        .Where(e => e.CaseId == caseId && e.Template == template).OrderBy(e => e.CreatedAt).ToListAsync());

    /// <summary>One pass of the case clocks, as the worker makes it.</summary>
    public Task<RunCaseClocks.Done> RunClocksAsync() => Factory.Services.GetRequiredService<RunCaseClocks>().RunAsync(CancellationToken.None);

    /// <summary>Delivers every message due to the SMTP server.</summary>
    public async Task SendEmailsAsync()
    {
        using var scope = Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EmailSender>().SendDueAsync(CancellationToken.None);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Changes a case through its own methods, as staff would, and saves it.</summary>
    public async Task<Case> ChangeAsync(Guid caseId, Action<Case, CaseActor, DateTimeOffset> change)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        change(c, CaseActor.Staff(Staff.Id, Staff.DisplayName), Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return c;
    }

    public Task<Case> ReadCaseAsync(Guid id) => QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    public Task<List<CaseEventKind>> TimelineAsync(Guid caseId) =>
        QueryAsync(db => db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Kind).ToListAsync());

    public static Task<string> ErrorsAsync(HtmlPage page) =>
        Task.FromResult(string.Join(" | ", page.FindAll(".error-summary li, .field__error, [data-refusal]").Select(e => e.TextContent.Trim())));
}
