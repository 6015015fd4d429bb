using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>
/// Every public page names itself in its <c>&lt;title&gt;</c> ("what this page is — the site's name"), in both languages,
/// no two pages alike, and starts with "エラー: " / "Error: " when it shows the visitor what to correct: the title is
/// the first thing a screen reader says and what a tab or a bookmark shows. The pages are found from the routes
/// themselves, so a new public page without a sample path here fails the test.
/// </summary>
public class PublicPageTitleTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    private static readonly Dictionary<string, string> SiteName = new() { ["ja"] = "越境消費者センター", ["en"] = "Cross-Border Consumer Center Japan" };
    private static readonly Dictionary<string, string> ErrorPrefix = new() { ["ja"] = "エラー: ", ["en"] = "Error: " };

    /// <summary>Public GET routes that are not pages of the public site, each with its reason.</summary>
    private static readonly Dictionary<string, string> NotPublicPages = new()
    {
        ["/health/live"] = "a probe for the load balancer",
        ["/health/ready"] = "a probe for the load balancer",
        ["/complaint"] = "redirects to the consent page",
        ["/staff"] = "redirects to the queue, which asks who the visitor is",
        ["/partner/{token}"] = "the partner agency's answer page: in the agency's language whatever the visitor's, its titles tested by PartnerAnswerTests",
        ["/fax-form.pdf"] = "a PDF download of the fax form (its title is the form's, tested by FaxFormTests)",
    };

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task EveryPublicPageHasATitleOfItsOwnEndingWithTheSiteName(string language)
    {
        var pages = await VisitEveryPublicPageAsync(language);
        var routes = PublicPageRoutes();
        var missing = routes.Where(r => !NotPublicPages.ContainsKey(r) && !pages.Any(p => p.Route == r)).ToList();
        Assert.True(missing.Count == 0, "No visit for these public pages (add one to VisitEveryPublicPageAsync):\n" + string.Join('\n', missing));

        var problems = new List<string>();
        var seen = new Dictionary<string, string>();
        foreach (var (route, label, page) in pages)
        {
            var title = page.Title?.Trim() ?? "";
            if (page.FindAll("title").Count != 1)
            {
                problems.Add($"{label}: {page.FindAll("title").Count} <title> elements");
            }

            if (title == SiteName[language] || !title.EndsWith(" — " + SiteName[language], StringComparison.Ordinal) || title.Length <= SiteName[language].Length + 3)
            {
                problems.Add($"{label}: the title \"{title}\" does not name the page before the site's name");
            }

            if (title.StartsWith(ErrorPrefix[language], StringComparison.Ordinal))
            {
                problems.Add($"{label}: \"{title}\" says there are errors on a page without any");
            }

            if (seen.TryGetValue(title, out var other))
            {
                problems.Add($"{label}: the title \"{title}\" is also {other}'s");
            }

            seen[title] = label;
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task APageShowingErrorsSaysSoFirstInItsTitle(string language)
    {
        using var client = Client(language);
        var withErrors = new List<(string Label, HtmlPage Page, HtmlPage Clean)>();

        var consent = await client.GetOkAsync("/complaint/consent");
        using (var posted = await client.SubmitAsync(consent, "form[action='/complaint/consent']"))
        {
            withErrors.Add(("consent", await HtmlPage.ReadAsync(posted), consent));
        }

        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        withErrors.Add(("form", await client.GetOkAsync("/complaint/form?check=true"), form));

        var lost = await client.GetOkAsync("/track/lost");
        using (var posted = await client.SubmitAsync(lost, "form[action='/track/lost']"))
        {
            withErrors.Add(("lost link", await HtmlPage.ReadAsync(posted), lost));
        }

        withErrors.Add(("cooling-off", await client.GetOkAsync("/cooling-off?kind=unknown"), await client.GetOkAsync("/cooling-off")));

        var notice = await client.GetOkAsync("/cooling-off/notice");
        using (var posted = await client.SubmitAsync(notice, "form[data-notice-form]"))
        {
            withErrors.Add(("cooling-off notice", await HtmlPage.ReadAsync(posted), notice));
        }

        var consultation = await client.GetOkAsync("/consultation");
        using (var posted = await client.SubmitAsync(consultation, "form.consultation-form"))
        {
            withErrors.Add(("consultation", await HtmlPage.ReadAsync(posted), consultation));
        }

        using var visitor = Client(language);
        var signIn = await visitor.GetOkAsync("/account/sign-in");
        using (var posted = await visitor.SubmitAsync(signIn, "form[action='/account/sign-in']"))
        {
            withErrors.Add(("sign-in", await HtmlPage.ReadAsync(posted), signIn));
        }

        var (codeClient, code) = await CodeStepAsync(language);
        using (codeClient)
        using (var posted = await codeClient.SubmitAsync(code, "form[action='/account/sign-in/code']"))
        {
            withErrors.Add(("sign-in code", await HtmlPage.ReadAsync(posted), code));
        }

        Assert.All(withErrors, p =>
        {
            Assert.NotEmpty(p.Page.FindAll(".error-summary"));
            Assert.Equal(ErrorPrefix[language] + p.Clean.Title, p.Page.Title);
        });
    }

    /// <summary>The code page, as an admin reaches it after the password.</summary>
    private async Task<(FormClient Client, HtmlPage Page)> CodeStepAsync(string language)
    {
        var admin = await StaffAccounts.CreateAsync(portal.Factory, Web.Domain.Accounts.Roles.Admin);
        var client = Client(language);
        using (await client.SubmitAsync(await client.GetOkAsync("/account/sign-in"), "form[action='/account/sign-in']", [new("Email", admin.Email), new("Password", StaffAccounts.Password)]))
        {
        }

        return (client, await client.GetOkAsync("/account/sign-in/code"));
    }

    /// <summary>Each public page once, as a visitor reaches it: the intake from consent to receipt, the tracking pages of a case, the error pages.</summary>
    private async Task<List<(string Route, string Label, HtmlPage Page)>> VisitEveryPublicPageAsync(string language)
    {
        var pages = new List<(string, string, HtmlPage)>();
        using var client = Client(language);
        async Task VisitAsync(string route, string path, HttpStatusCode status = HttpStatusCode.OK)
        {
            var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == status, $"GET {path} answered {(int)page.StatusCode}, expected {(int)status}");
            pages.Add((route, path, page));
        }

        await VisitAsync("/", "/");
        await VisitAsync("/faq", "/faq");
        await VisitAsync("/privacy", "/privacy");
        await VisitAsync("/contact", "/contact");
        await VisitAsync("/fax-form", "/fax-form");
        await VisitAsync("/cooling-off", "/cooling-off");
        await VisitAsync("/statistics", "/statistics");
        await VisitAsync("/cooling-off/notice", "/cooling-off/notice");
        await VisitAsync("/account/sign-in", "/account/sign-in");
        var (codeClient, codePage) = await CodeStepAsync(language);
        codeClient.Dispose();
        pages.Add(("/account/sign-in/code", "/account/sign-in/code", codePage));
        await VisitAsync("/complaint/consent", "/complaint/consent");
        await VisitAsync("/consultation", "/consultation");
        await VisitAsync("/consultation/received", "/consultation/received");
        var booking = await BookConsultationAsync(language);
        await VisitAsync("/consultation/booking/{token}", "/consultation/booking/" + booking);
        await VisitAsync("/consultation/booking/{token}/cancel", $"/consultation/booking/{booking}/cancel");
        pages.Add(("/consultation/booking/{token}", "a consultation link that opens nothing", await client.GetAsync("/consultation/booking/" + new string('A', 43))));

        var journey = new IntakeJourney(client);
        pages.Add(("/complaint/form", "/complaint/form", await journey.ConsentAsync()));
        var review = await journey.ReachReviewAsync();
        pages.Add(("/complaint/review", "/complaint/review", review));
        await VisitAsync("/complaint/discard", "/complaint/discard");
        pages.Add(("/complaint/received", "/complaint/received", await journey.SubmitAsync(review)));

        var (_, token) = await TestCases.ReceiveTrackedAsync(portal.Factory, language: language);
        await VisitAsync("/track/{token}", $"/track/{token}");
        await VisitAsync("/track/{token}/withdraw", $"/track/{token}/withdraw");
        var (_, finishedToken) = await TestCases.ReceiveTrackedAsync(portal.Factory, language: language);
        using (var withdrawn = await client.SubmitAsync(await client.GetOkAsync($"/track/{finishedToken}/withdraw"), "form[action$='/withdraw']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        await VisitAsync("/track/{token}/deletion", $"/track/{finishedToken}/deletion");
        await VisitAsync("/track/lost", "/track/lost");
        await VisitAsync("/track", "/track", HttpStatusCode.NotFound);

        // "Not found" as a visitor meets it: an address that leads nowhere, re-executed to /error/404.
        await VisitAsync("/error/{statusCode:int}", "/no-such-page", HttpStatusCode.NotFound);
        foreach (var status in new[] { 400, 403, 405, 413, 429, 500, 503 })
        {
            await VisitAsync("/error/{statusCode:int}", $"/error/{status}", (HttpStatusCode)status);
        }
        return pages;
    }

    private FormClient Client(string language)
    {
        var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>An online consultation booked in the first free slot, and the token of the applicant's link to it.</summary>
    private async Task<string> BookConsultationAsync(string language)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ConsultationSlot.JapanOffset).DateTime);
        var schedule = await services.GetRequiredService<ConsultationScheduleStore>().LoadAsync(CancellationToken.None);
        var slot = (await services.GetRequiredService<ConsultationSeats>().FreeSlotsAsync(schedule, today, CancellationToken.None))[0];
        var booking = new ConsultationBooking(
            new ConsultationApplicant("題名 確認", "ダイメイ カクニン", "100-0001", "JP-13", "千代田区千代田1-1", "0312345678", "title@example.jp", "確認"),
            slot, seat: 1, language, PrivacyNotice.CurrentVersion, filedBy: null, clock.GetUtcNow());
        services.GetRequiredService<AppDbContext>().ConsultationBookings.Add(booking);
        var token = services.GetRequiredService<ConsultationLinks>().Issue(booking.Id);
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return token;
    }

    /// <summary>GET routes anyone may open: no [Authorize], or [AllowAnonymous].</summary>
    private List<string> PublicPageRoutes() =>
        [.. portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0 || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()];
}
