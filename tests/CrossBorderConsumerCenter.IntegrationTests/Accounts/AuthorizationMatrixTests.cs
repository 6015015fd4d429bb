using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Accounts;

/// <summary>
/// Who may use which endpoint. The rules below list every endpoint of the portal; the first test fails
/// when an endpoint is added without a rule (or a rule outlives its endpoint), the second tries every
/// protected endpoint as each kind of visitor.
/// </summary>
public class AuthorizationMatrixTests(AccountsFixture portal) : IClassFixture<AccountsFixture>
{
    public enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in account (staff or counselor).</summary>
        SignedIn,

        /// <summary>Staff, Supervisor, Admin.</summary>
        BackOffice,

        Supervisor,
        Admin,
        Counselor,
    }

    /// <summary>"METHOD route-pattern" (method * = any) → who may use it.</summary>
    public static readonly Dictionary<string, Access> Rules = new()
    {
        ["GET /"] = Access.Public,
        ["POST /language"] = Access.Public,
        ["* /error/{statusCode:int}"] = Access.Public,
        ["* /health/live"] = Access.Public,
        ["* /health/ready"] = Access.Public,
        ["GET /faq"] = Access.Public,
        ["GET /privacy"] = Access.Public,
        ["GET /contact"] = Access.Public,
        ["GET /fax-form"] = Access.Public,
        ["GET /fax-form.pdf"] = Access.Public,
        ["GET /cooling-off"] = Access.Public,
        ["GET /cooling-off/notice"] = Access.Public,
        ["POST /cooling-off/notice"] = Access.Public,
        ["POST /cooling-off/notice.pdf"] = Access.Public,
        ["GET /complaint"] = Access.Public,
        ["GET /complaint/consent"] = Access.Public,
        ["POST /complaint/consent"] = Access.Public,
        ["GET /complaint/form"] = Access.Public,
        ["POST /complaint/form"] = Access.Public,
        ["GET /complaint/review"] = Access.Public,
        ["POST /complaint/submit"] = Access.Public,
        ["GET /complaint/received"] = Access.Public,
        ["GET /complaint/discard"] = Access.Public,
        ["POST /complaint/discard"] = Access.Public,
        ["POST /complaint/restart"] = Access.Public,
        ["GET /account/sign-in"] = Access.Public,
        ["POST /account/sign-in"] = Access.Public,
        ["POST /account/sign-out"] = Access.SignedIn,
        ["POST /account/sign-out-everywhere"] = Access.SignedIn,
        ["GET /account"] = Access.SignedIn,
        ["GET /account/password"] = Access.SignedIn,
        ["POST /account/password"] = Access.SignedIn,
        ["GET /account/sign-in/code"] = Access.Public,
        ["POST /account/sign-in/code"] = Access.Public,
        ["GET /account/two-factor"] = Access.SignedIn,
        ["POST /account/two-factor"] = Access.SignedIn,
        ["GET /account/two-factor/recovery-codes"] = Access.SignedIn,
        ["POST /account/two-factor/recovery-codes"] = Access.SignedIn,
        ["POST /account/two-factor/disable"] = Access.SignedIn,
        ["GET /admin/users"] = Access.Admin,
        ["GET /admin/users/new"] = Access.Admin,
        ["POST /admin/users/new"] = Access.Admin,
        ["GET /admin/users/{id:guid}"] = Access.Admin,
        ["POST /admin/users/{id:guid}"] = Access.Admin,
        ["POST /admin/users/{id:guid}/disable"] = Access.Admin,
        ["POST /admin/users/{id:guid}/enable"] = Access.Admin,
        ["POST /admin/users/{id:guid}/reset-password"] = Access.Admin,
        ["POST /admin/users/{id:guid}/reset-two-factor"] = Access.Admin,
        ["GET /admin/audit"] = Access.Admin,
        ["GET /admin/email"] = Access.Admin,
        ["POST /admin/email/{id:guid}/send-again"] = Access.Admin,
        ["GET /staff/cases/{number}"] = Access.BackOffice,
        ["GET /staff/cases/{number}/evidence/{id:guid}"] = Access.BackOffice,
        ["GET /staff/cases/{number}/evidence/{id:guid}/preview"] = Access.BackOffice,
        ["POST /staff/cases/{number}/assign"] = Access.BackOffice,
        ["POST /staff/cases/{number}/category"] = Access.BackOffice,
        ["POST /staff/cases/{number}/priority"] = Access.BackOffice,
        ["POST /staff/cases/{number}/notes"] = Access.BackOffice,
        ["POST /staff/cases/{number}/request-information"] = Access.BackOffice,
        ["POST /staff/cases/{number}/decline"] = Access.BackOffice,
        ["POST /staff/cases/{number}/close"] = Access.BackOffice,
        ["POST /staff/cases/{number}/reopen"] = Access.BackOffice,
        ["POST /staff/cases/{number}/correct"] = Access.BackOffice,
        ["GET /staff/cases/new"] = Access.BackOffice,
        ["POST /staff/cases/new"] = Access.BackOffice,
        ["GET /staff/cases/new/form"] = Access.BackOffice,
        ["POST /staff/cases/new/form"] = Access.BackOffice,
        ["GET /staff/cases/new/review"] = Access.BackOffice,
        ["POST /staff/cases/new/submit"] = Access.BackOffice,
        ["POST /staff/cases/new/discard"] = Access.BackOffice,

        // Tracking and counselors: the consumer's link needs no account; centers are the admins'; counselors' pages theirs alone.
        ["GET /track"] = Access.Public,
        ["GET /track/{token}"] = Access.Public,
        ["POST /track/{token}/answer"] = Access.Public,
        ["GET /track/{token}/withdraw"] = Access.Public,
        ["POST /track/{token}/withdraw"] = Access.Public,
        ["GET /track/{token}/deletion"] = Access.Public,
        ["POST /track/{token}/deletion"] = Access.Public,
        ["GET /track/lost"] = Access.Public,
        ["POST /track/lost"] = Access.Public,
        // Online consultations: the page, the application and the applicant's link need no account; counselors book for residents.
        ["GET /consultation"] = Access.Public,
        ["POST /consultation"] = Access.Public,
        ["GET /consultation/received"] = Access.Public,
        ["GET /consultation/booking/{token}"] = Access.Public,
        ["GET /consultation/booking/{token}/cancel"] = Access.Public,
        ["POST /consultation/booking/{token}/cancel"] = Access.Public,
        ["POST /consultation/booking/{token}/move"] = Access.Public,
        ["GET /counselor/consultations"] = Access.Counselor,
        ["GET /counselor/consultations/new"] = Access.Counselor,
        ["POST /counselor/consultations/new"] = Access.Counselor,
        ["GET /admin/centers"] = Access.Admin,
        ["GET /admin/centers/new"] = Access.Admin,
        ["POST /admin/centers/new"] = Access.Admin,
        ["GET /admin/centers/{id:guid}"] = Access.Admin,
        ["POST /admin/centers/{id:guid}"] = Access.Admin,
        // Online consultations: the admin's schedule and closed days.
        ["GET /admin/consultations"] = Access.Admin,
        ["POST /admin/consultations"] = Access.Admin,
        ["POST /admin/consultations/closed-days"] = Access.Admin,
        ["POST /admin/consultations/closed-days/{day}/remove"] = Access.Admin,
        ["GET /counselor"] = Access.Counselor,
        ["GET /counselor/cases/new"] = Access.Counselor,
        ["POST /counselor/cases/new"] = Access.Counselor,
        ["GET /counselor/cases/new/form"] = Access.Counselor,
        ["POST /counselor/cases/new/form"] = Access.Counselor,
        ["GET /counselor/cases/new/review"] = Access.Counselor,
        ["POST /counselor/cases/new/submit"] = Access.Counselor,
        ["POST /counselor/cases/new/discard"] = Access.Counselor,
        ["GET /counselor/cases/{number}"] = Access.Counselor,
        ["GET /counselor/cases/{number}/received"] = Access.Counselor,
        ["POST /counselor/cases/{number}/information"] = Access.Counselor,
        // Queue: /staff only redirects to the queue, which asks who the visitor is.
        ["GET /staff"] = Access.Public,
        ["GET /staff/cases"] = Access.BackOffice,
        // The queue's bulk actions and each staff member's saved views; the supervisor's overview.
        ["POST /staff/cases/bulk"] = Access.BackOffice,
        ["POST /staff/cases/views"] = Access.BackOffice,
        ["POST /staff/cases/views/{id:guid}/delete"] = Access.BackOffice,
        ["GET /staff/supervisor"] = Access.Supervisor,
        // Retention's dry run and the legal holds.
        ["GET /staff/supervisor/retention"] = Access.Supervisor,
        ["POST /staff/supervisor/retention/holds"] = Access.Supervisor,
        ["POST /staff/supervisor/retention/holds/{number}/release"] = Access.Supervisor,
        ["POST /staff/supervisor/retention/deletions"] = Access.Supervisor,
        ["GET /staff/supervisor/privacy"] = Access.Supervisor,
        ["POST /staff/supervisor/privacy/disclosures"] = Access.Supervisor,
        ["GET /staff/supervisor/privacy/disclosures/{id:guid}"] = Access.Supervisor,
        ["GET /staff/supervisor/privacy/disclosures/{id:guid}/package"] = Access.Supervisor,
        ["POST /staff/supervisor/privacy/corrections"] = Access.Supervisor,
        ["GET /staff/supervisor/privacy/deletions/{id:guid}"] = Access.Supervisor,
        ["POST /staff/supervisor/privacy/deletions/{id:guid}/confirm"] = Access.Supervisor,
        ["POST /staff/supervisor/privacy/deletions/{id:guid}/refuse"] = Access.Supervisor,
        // Statistics: the page and its tables for the back office; the de-identified records for supervisors and admins.
        ["GET /staff/statistics"] = Access.BackOffice,
        ["GET /statistics"] = Access.Public,
        ["GET /staff/statistics/tables/{table}.csv"] = Access.BackOffice,
        ["GET /staff/statistics/records.csv"] = Access.Supervisor,
        // Forwarding: the registry, forwarding, telling the consumer, keeping waiting, the agencies' answer page.
        ["GET /admin/partners"] = Access.Admin,
        ["GET /admin/partners/new"] = Access.Admin,
        ["POST /admin/partners/new"] = Access.Admin,
        ["GET /admin/partners/{code}"] = Access.Admin,
        ["POST /admin/partners/{code}"] = Access.Admin,
        ["POST /admin/partners/{code}/deactivate"] = Access.Admin,
        ["POST /admin/partners/{code}/activate"] = Access.Admin,
        // Reply templates: admins keep them; staff use them on the case page, and preview a decline's email.
        ["GET /admin/reply-templates"] = Access.Admin,
        ["GET /admin/reply-templates/new"] = Access.Admin,
        ["POST /admin/reply-templates/new"] = Access.Admin,
        ["GET /admin/reply-templates/{id:guid}"] = Access.Admin,
        ["POST /admin/reply-templates/{id:guid}"] = Access.Admin,
        ["POST /admin/reply-templates/{id:guid}/deactivate"] = Access.Admin,
        ["POST /admin/reply-templates/{id:guid}/activate"] = Access.Admin,
        ["POST /staff/cases/{number}/request-information/template"] = Access.BackOffice,
        ["POST /staff/cases/{number}/notify-consumer/template"] = Access.BackOffice,
        ["POST /staff/cases/{number}/decline/template"] = Access.BackOffice,
        ["POST /staff/cases/{number}/close/template"] = Access.BackOffice,
        ["POST /staff/cases/{number}/decline/preview"] = Access.BackOffice,
        ["GET /staff/cases/{number}/forward"] = Access.BackOffice,
        ["POST /staff/cases/{number}/forward/preview"] = Access.BackOffice,
        ["POST /staff/cases/{number}/forward"] = Access.BackOffice,
        ["POST /staff/cases/{number}/notify-consumer"] = Access.BackOffice,
        ["POST /staff/cases/{number}/keep-waiting"] = Access.BackOffice,
        ["POST /staff/cases/{number}/record-reply"] = Access.BackOffice,
        ["GET /partner/{token}"] = Access.Public,
        ["POST /partner/{token}"] = Access.Public,
        // Mail the portal could not place on a case: the back office reads it, attaches it to a case or discards it.
        ["GET /staff/mail"] = Access.BackOffice,
        ["GET /staff/mail/{id:guid}"] = Access.BackOffice,
        ["GET /staff/mail/{id:guid}/raw"] = Access.BackOffice,
        ["POST /staff/mail/{id:guid}/attach"] = Access.BackOffice,
        ["POST /staff/mail/{id:guid}/discard"] = Access.BackOffice,
        ["GET /staff/consultations"] = Access.BackOffice,
        ["GET /staff/consultations/{id:guid}"] = Access.BackOffice,
        ["POST /staff/consultations/{id:guid}/confirm"] = Access.BackOffice,
        ["POST /staff/consultations/{id:guid}/move"] = Access.BackOffice,
        ["POST /staff/consultations/{id:guid}/cancel"] = Access.BackOffice,
        ["POST /staff/consultations/{id:guid}/identity"] = Access.BackOffice,
        ["POST /staff/consultations/{id:guid}/no-contact"] = Access.BackOffice,
        ["POST /staff/consultations/{id:guid}/notes"] = Access.BackOffice,
    };

    public static readonly string[] Visitors = ["anonymous", Roles.Counselor, Roles.Staff, Roles.Supervisor, Roles.Admin, "disabled"];

    [Fact]
    public void EveryEndpointHasARuleAndEveryRuleAnEndpoint()
    {
        var endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();
        Assert.Empty(endpoints.Except(Rules.Keys).Order().Select(e => "no rule for: " + e));
        Assert.Empty(Rules.Keys.Except(endpoints).Order().Select(e => "rule without endpoint: " + e));
    }

    /// <summary>A reply template of the fixture's database (one of those the migration adds).</summary>
    private async Task<Guid> ReplyTemplateIdAsync()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        return await db.ReplyTemplates.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
    }

    public static TheoryData<string, string> ProtectedEndpointsByVisitor()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Rules.Where(r => r.Value != Access.Public).Select(r => r.Key).Order())
        {
            foreach (var visitor in Visitors)
            {
                data.Add(endpoint, visitor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpointsByVisitor))]
    public async Task EachVisitorGetsWhatTheRuleSays(string endpoint, string visitor)
    {
        var subject = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var (client, account) = await ClientForAsync(visitor);
        using var _ = client;
        var token = (await client.GetOkAsync("/account/sign-in")).AntiforgeryToken;
        var (method, pattern) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        if (pattern.StartsWith("/staff/cases/new/", StringComparison.Ordinal) && account is not null)
        {
            await Testing.Cases.TestCases.PaperDraftAsync(portal.Factory, account.Id);
        }

        var url = pattern.StartsWith("/counselor", StringComparison.Ordinal)
            ? await CounselorUrlAsync(pattern, account)
            : pattern.Contains("{number}", StringComparison.Ordinal)
            ? await CaseUrlAsync(pattern)
            : pattern.StartsWith("/staff/mail/", StringComparison.Ordinal)
            ? pattern.Replace("{id:guid}", (await InboundMail.MailPagesFixture.StoreAsync(portal.Factory, InboundMail.MailPagesFixture.Message("taro@example.jp", "Re: ご相談", "本文"))).ToString(), StringComparison.Ordinal)
            : pattern.StartsWith("/admin/reply-templates/", StringComparison.Ordinal)
            ? pattern.Replace("{id:guid}", (await ReplyTemplateIdAsync()).ToString(), StringComparison.Ordinal)
            : pattern.StartsWith("/staff/consultations/", StringComparison.Ordinal)
            ? pattern.Replace("{id:guid}", (await Testing.Consultations.TestBookings.CreateAsync(portal.Factory, new(Testing.Consultations.TestBookings.ConsultationDayFrom(TestTime.TodayInJapan.AddDays(7)), new(9, 0)))).Id.ToString(), StringComparison.Ordinal)
            : pattern.StartsWith("/staff/supervisor/privacy/", StringComparison.Ordinal)
            ? pattern.Replace("{id:guid}", (await PrivacyRequestIdAsync(pattern, subject.Id)).ToString(), StringComparison.Ordinal)
            : pattern.StartsWith("/admin/centers/", StringComparison.Ordinal)
            ? pattern.Replace("{id:guid}", (await Testing.Counselors.TestCenters.CreateAsync(portal.Factory)).Id.ToString(), StringComparison.Ordinal)
            : pattern.Replace("{id:guid}", subject.Id.ToString(), StringComparison.Ordinal).Replace("{code}", "CBBB", StringComparison.Ordinal).Replace("{day}", "2027-01-06", StringComparison.Ordinal).Replace("{table}", "countries", StringComparison.Ordinal);

        using var response = method == "GET"
            ? await client.Http.GetAsync(url)
            : await client.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        var allowed = Allowed(Rules[endpoint], visitor);
        var status = response.StatusCode;
        // The challenge sends the visitor to sign in and back (returnUrl); signing out also ends on that page, without it.
        var toSignIn = status == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/sign-in?returnUrl=", StringComparison.Ordinal);
        if (allowed)
        {
            Assert.False(toSignIn || status == HttpStatusCode.Forbidden, $"{visitor} should reach {endpoint} but got {(int)status}");
            if (method == "GET")
            {
                Assert.Equal(HttpStatusCode.OK, status);
            }
        }
        else if (visitor is "anonymous" or "disabled")
        {
            Assert.True(toSignIn, $"{visitor} on {endpoint}: expected a redirect to sign-in, got {(int)status}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }
    }

    private static bool Allowed(Access access, string visitor) => visitor switch
    {
        "anonymous" or "disabled" => false,
        _ => access switch
        {
            Access.SignedIn => true,
            Access.BackOffice => visitor is Roles.Staff or Roles.Supervisor or Roles.Admin,
            Access.Supervisor => visitor is Roles.Supervisor or Roles.Admin,
            Access.Admin => visitor is Roles.Admin,
            Access.Counselor => visitor is Roles.Counselor,
            _ => true,
        },
    };

    /// <summary>A request about personal data for the supervisors' routes: a disclosure answered, or a deletion waiting.</summary>
    private async Task<Guid> PrivacyRequestIdAsync(string pattern, Guid staffId)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var now = portal.Clock.GetUtcNow();
        Web.Domain.Privacy.PrivacyRequest request;
        if (pattern.Contains("/disclosures/", StringComparison.Ordinal))
        {
            request = new(Web.Domain.Privacy.PrivacyRequestKind.Disclosure, null, "email=nobody@example.jp", "本人", "窓口で確認", now);
            request.Disclose([], "なし", staffId, now);
        }
        else
        {
            var c = await Testing.Cases.TestCases.ReceiveAsync(portal.Factory);
            request = new(Web.Domain.Privacy.PrivacyRequestKind.Deletion, c.Id, null, "本人", "", now);
        }

        db.PrivacyRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>A case route filled in with a real case and its evidence (a PNG, so that its preview exists too).</summary>
    private async Task<string> CaseUrlAsync(string pattern)
    {
        var png = new Web.Data.Files.StoredFile("label.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], portal.Clock.GetUtcNow());
        var c = await Testing.Cases.TestCases.ReceiveAsync(portal.Factory, evidence: [png]);
        var evidenceId = await portal.Database.ScalarAsync<Guid>("SELECT id FROM case_evidence WHERE case_id = @id", ("id", c.Id));
        return pattern.Replace("{number}", c.Number, StringComparison.Ordinal).Replace("{id:guid}", evidenceId.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A counselor route for the visitor: a case filed by the visitor's own center (a counselor's), and for the pages
    /// of a case being filed, a complete draft of theirs, so that an allowed visitor reaches the page itself.
    /// </summary>
    private async Task<string> CounselorUrlAsync(string pattern, StaffAccounts.Account? visitor)
    {
        var counselor = visitor?.CenterId is not null ? visitor : await StaffAccounts.CreateAsync(portal.Factory, Roles.Counselor);
        if (pattern.StartsWith("/counselor/cases/new/", StringComparison.Ordinal))
        {
            using var scope = portal.Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            var draft = Web.Domain.Intake.IntakeDraft.ForCounselor(counselor.Id, Web.Domain.Cases.ResidentRelation.Self, Testing.Cases.TestComplaints.AttestedConsent() with { GivenAt = portal.Clock.GetUtcNow() }, portal.Clock.GetUtcNow());
            draft.SaveForm(Web.Features.Intake.SaveComplaint.Serialize(Testing.Cases.TestComplaints.Form()), portal.Clock.GetUtcNow());
            db.IntakeDrafts.Add(draft);
            await db.SaveChangesAsync();
        }

        var (c, _) = await Testing.Cases.TestCases.FileForResidentAsync(portal.Factory, counselor);
        return pattern.Replace("{number}", c.Number, StringComparison.Ordinal);
    }

    private async Task<(FormClient Client, StaffAccounts.Account? Account)> ClientForAsync(string visitor)
    {
        switch (visitor)
        {
            case "anonymous":
                return (portal.Factory.CreateFormClient(), null);
            case "disabled":
                // Signed in while active, then disabled by the database and a minute passes.
                var (client, account) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
                await portal.Database.ScalarAsync<int>("UPDATE users SET is_disabled = true, security_stamp = 'changed' WHERE id = @id RETURNING 1", ("id", account.Id));
                portal.Clock.Advance(TimeSpan.FromSeconds(61));
                return (client, account);
            default:
                return await StaffAccounts.SignedInAsync(portal.Factory, visitor);
        }
    }
}
