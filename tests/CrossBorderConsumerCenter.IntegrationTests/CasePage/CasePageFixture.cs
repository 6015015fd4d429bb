using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>
/// The portal on a clock that stands still (whole seconds, as PostgreSQL keeps microseconds), cases put into any
/// status through the case's own methods, a signed-in staff member, and the rows the tests look at.
/// </summary>
public sealed class CasePageFixture : SignedInStaffFixture
{
    public static string PageOf(string number) => $"/staff/cases/{number}";

    /// <summary>A received case (a valid Japanese complaint about a US shop unless told otherwise).</summary>
    public Task<Case> ReceiveAsync(ComplaintDetails? details = null, ConsentChoices? consent = null, string language = "ja", IReadOnlyList<StoredFile>? evidence = null) =>
        TestCases.ReceiveAsync(Factory, details, consent, language, evidence);

    /// <summary>A case brought into <paramref name="status"/> by the case's own actions, as staff, a partner or the clock would.</summary>
    public async Task<Case> CaseInAsync(CaseStatus status, string language = "ja")
    {
        var received = await ReceiveAsync(language: language);
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = await db.Cases.SingleAsync(x => x.Id == received.Id);
        var actor = CaseActor.Staff(Staff.Id, Staff.DisplayName);
        var now = Clock.GetUtcNow();
        switch (status)
        {
            case CaseStatus.Received:
                break;
            case CaseStatus.InProgress:
                c.Assign(null, null, actor, now);
                break;
            case CaseStatus.WaitingForConsumer:
                c.RequestInformation("注文確認メールを送ってください。", actor, now);
                break;
            case CaseStatus.Forwarded:
                Forward(c, actor, now);
                break;
            case CaseStatus.PartnerResponded:
                Forward(c, actor, now);
                c.Apply(CaseAction.RecordPartnerResponse, CaseEventKind.PartnerResponded, new CaseActor(CaseActorKind.Partner, null, "CBBB"), now, "Refunded.", null, visibleToConsumer: false);
                break;
            case CaseStatus.Closed:
                c.Close(CaseOutcome.Resolved, null, actor, now);
                break;
            case CaseStatus.Declined:
                c.Decline(DeclineReason.OutOfScope, null, null, actor, now);
                break;
        }

        await db.SaveChangesAsync();
        Assert.Equal(status, c.Status);
        return c;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Case> ReadCaseAsync(Guid id) => QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>What an action may write: the case row's version, its timeline, its emails, and its audit entries of changes.</summary>
    public async Task<(uint Version, long Events, long Emails, long Changes)> FootprintAsync(Guid caseId) => (
        (await ReadCaseAsync(caseId)).Version,
        await Database.ScalarAsync<long>("SELECT count(*) FROM case_events WHERE case_id = @id", ("id", caseId)),
        await Database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE case_id = @id", ("id", caseId)),
        await Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'CaseChanged'", ("id", caseId)));

    /// <summary>The details of the latest audit entry of <paramref name="action"/> for the case, as JSON text.</summary>
    public Task<string> LastAuditDetailsAsync(Guid caseId, string action) =>
        Database.ScalarAsync<string>("SELECT coalesce(details::text, '') FROM audit_entries WHERE case_id = @id AND action = @a ORDER BY id DESC LIMIT 1", ("id", caseId), ("a", action));

    /// <summary>Asserts a post/redirect/get back to the case page and GETs it.</summary>
    public static async Task<HtmlPage> FollowToCaseAsync(FormClient client, HttpResponseMessage response, string number)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}: {await ErrorsAsync(response)}");
        Assert.Equal(PageOf(number), response.Headers.Location!.OriginalString);
        return await client.GetOkAsync(PageOf(number));
    }

    /// <summary>The messages of a page's error summary (for assertion messages).</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var page = await HtmlPage.ReadAsync(response);
        return string.Join(" | ", page.FindAll(".error-summary li, .field__error").Select(e => e.TextContent.Trim()));
    }

    private static void Forward(Case c, CaseActor actor, DateTimeOffset now) =>
        c.Apply(CaseAction.Forward, CaseEventKind.Forwarded, actor, now, "Forwarded to CBBB.", new CaseEventData.Forwarded("CBBB", null, null, null, null, null, 0),
            visibleToConsumer: true, dueAt: now.AddDays(30));
}
