using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>
/// The portal on a clock that stands still (whole seconds), a staff member, cases with their private tracking links,
/// the case's own methods to move them as staff, partners or the clock would, and the outbox rows of a case.
/// </summary>
public class TrackingFixture : PortalFixture
{
    private StaffAccounts.Account? _staff;

    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    public StaffAccounts.Account Staff => _staff ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _staff = await StaffAccounts.CreateAsync(Factory, Roles.Staff);
    }

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    public static string TrackingPath(string token) => "/track/" + token;

    /// <summary>A consumer's own case, received now, with its tracking link.</summary>
    public Task<(Case Case, string Token)> ReceiveAsync(string language = "ja", string? email = "taro@example.jp")
    {
        var details = TestComplaints.Details();
        return TestCases.ReceiveTrackedAsync(Factory, details with { Consumer = details.Consumer with { Email = email } }, language: language);
    }

    /// <summary>Changes the case through its own methods (as staff, a partner or the clock would) and saves.</summary>
    public async Task ActAsync(Guid caseId, Action<Case, CaseActor, DateTimeOffset> act)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == caseId);
        act(c, CaseActor.Staff(Staff.Id, Staff.DisplayName), Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>Asks the consumer a question as the case page does (the question email included).</summary>
    public async Task RequestInformationAsync(Guid caseId, string question)
    {
        using var client = (await StaffAccounts.SignedInAsync(Factory, Roles.Staff)).Client;
        var number = (await ReadCaseAsync(caseId)).Number;
        var page = await client.GetOkAsync("/staff/cases/" + number);
        using var response = await client.SubmitAsync(page, "#action-RequestInformation form", [new("RequestInformation.Message", question)]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    public static void Forward(Case c, CaseActor actor, DateTimeOffset now) =>
        c.Apply(CaseAction.Forward, CaseEventKind.Forwarded, actor, now, "Forwarded to CBBB.",
            new CaseEventData.Forwarded("CBBB", AgencyName: null, Country: null, ProvisionId: null, EmailId: null, Items: null, Files: 0), visibleToConsumer: true, dueAt: now.AddDays(30));

    public static void PartnerResponds(Case c, DateTimeOffset now) =>
        c.Apply(CaseAction.RecordPartnerResponse, CaseEventKind.PartnerResponded, new CaseActor(CaseActorKind.Partner, null, "CBBB"), now, "Refunded.",
            new CaseEventData.PartnerResponded("CBBB", PartnerOutcome.Refunded, LinkId: Guid.NewGuid(), Files: 0), visibleToConsumer: true);

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Case> ReadCaseAsync(Guid id) => QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>The case's outbox messages, oldest first.</summary>
    public Task<List<OutboundEmail>> EmailsOfAsync(Guid caseId) =>
        QueryAsync(db => db.OutboundEmails.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.CreatedAt).ThenBy(e => e.Subject).ToListAsync());
}
