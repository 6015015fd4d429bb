using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Consultations;
using CrossBorderConsumerCenter.Testing.Counselors;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrossBorderConsumerCenter.IntegrationTests.Security.HostileCorpus;

/// <summary>
/// Every field of every form, public and staff, gets a few hundred hostile strings (<see cref="HostileStrings"/>), and no
/// answer may be 500 or more. The pages are listed below (each with what it needs to exist: a draft, a case, a link);
/// their forms and fields are read from the pages as they render, so a new field is covered without a change here, and a
/// new page fails <see cref="EveryPageIsInTheCorpusOrSaysWhyNot"/> until it is listed.
/// One request fills every field at once, each field with different text, so that a form costs a fixed number of
/// requests (<see cref="Rounds"/>), not strings times fields: in half of them each field gets one string whole (each of
/// those our own tests found, then a share of the list), in the other half several strings of the list one per line, so
/// that every field meets every string. Select, radio, checkbox and hidden fields keep their rendered value in half of
/// the rounds, so that the typed fields also reach what lies behind a valid choice. Then each field alone gets the strings
/// the portal refuses before any field sees them (a NUL, half a surrogate pair, a noncharacter), the others keeping the
/// values the page rendered. A form is opened afresh (a new case, draft or link) every few dozen requests. No refused form
/// may show a message MVC wrote by itself (in English, or naming a property) instead of the portal's own.
/// </summary>
public partial class HostileCorpusTests(HostileCorpusFixture portal, ITestOutputHelper output) : IClassFixture<HostileCorpusFixture>
{
    /// <summary>A page with forms; <see cref="Open"/> makes what it needs (a fresh one each time) and returns its address.</summary>
    public sealed record Page(string Route, string Visitor, Func<Visit, Task<string>> Open);

    /// <summary>A visitor's browser and, when signed in, their account.</summary>
    public sealed record Visit(HostileCorpusFixture Portal, FormClient Client, StaffAccounts.Account? Account) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    public const string Anonymous = "anonymous";
    public const string BackOffice = "back office";
    public const string Counselor = "counselor";

    private static Func<Visit, Task<string>> At(string url) => _ => Task.FromResult(url);

    /// <summary>Every page the corpus fills in, by its route.</summary>
    public static readonly IReadOnlyList<Page> Pages =
    [
        new("/", Anonymous, At("/")),
        new("/faq", Anonymous, At("/faq")),
        new("/privacy", Anonymous, At("/privacy")),
        new("/contact", Anonymous, At("/contact")),
        new("/fax-form", Anonymous, At("/fax-form")),
        new("/cooling-off", Anonymous, At("/cooling-off")),
        new("/cooling-off/notice", Anonymous, At("/cooling-off/notice")),
        new("/statistics", Anonymous, At("/statistics")),
        new("/complaint/consent", Anonymous, At("/complaint/consent")),
        new("/complaint/form", Anonymous, async v => { await new IntakeJourney(v.Client).ReachReviewAsync(); return "/complaint/form"; }),
        new("/complaint/review", Anonymous, async v => { await new IntakeJourney(v.Client).ReachReviewAsync(); return "/complaint/review"; }),
        new("/complaint/discard", Anonymous, async v => { await new IntakeJourney(v.Client).ConsentAsync(); return "/complaint/discard"; }),
        new("/complaint/received", Anonymous, async v =>
        {
            var journey = new IntakeJourney(v.Client);
            await journey.SubmitAsync(await journey.ReachReviewAsync());
            return "/complaint/received";
        }),
        new("/account/sign-in", Anonymous, At("/account/sign-in")),
        new("/account/sign-in/code", Anonymous, async v =>
        {
            // The code step, as an admin reaches it after the password (a fresh admin each time: wrong codes hold one back).
            var admin = await StaffAccounts.CreateAsync(v.Portal.Factory, Roles.Admin);
            using (await v.Client.SubmitAsync(await v.Client.GetOkAsync("/account/sign-in"), "form[action='/account/sign-in']", [new("Email", admin.Email), new("Password", StaffAccounts.Password)]))
            {
            }

            return "/account/sign-in/code";
        }),
        new("/track/lost", Anonymous, At("/track/lost")),
        new("/track/{token}", Anonymous, async v => "/track/" + await v.Portal.TrackedCaseAskingForInformationAsync()),
        new("/track/{token}/withdraw", Anonymous, async v => $"/track/{await v.Portal.TrackedCaseAskingForInformationAsync()}/withdraw"),
        new("/track/{token}/deletion", Anonymous, async v => $"/track/{await v.Portal.TrackedFinishedCaseAsync()}/deletion"),
        new("/consultation", Anonymous, At("/consultation")),
        new("/consultation/booking/{token}", Anonymous, async v => "/consultation/booking/" + await v.Portal.BookingLinkAsync()),
        new("/consultation/booking/{token}/cancel", Anonymous, async v => $"/consultation/booking/{await v.Portal.BookingLinkAsync()}/cancel"),
        new("/partner/{token}", Anonymous, async v => "/partner/" + await v.Portal.ForwardAsync(await v.Portal.ReceiveAsync())),

        new("/account", BackOffice, At("/account")),
        new("/account/password", BackOffice, At("/account/password")),
        new("/account/two-factor", BackOffice, At("/account/two-factor")),
        new("/account/two-factor/recovery-codes", BackOffice, At("/account/two-factor/recovery-codes")),
        new("/staff/cases", BackOffice, At("/staff/cases")),
        new("/staff/cases/{number}", BackOffice, async v => "/staff/cases/" + (await v.Portal.CaseWithEvidenceAsync()).Number),
        new("/staff/cases/{number} (forwarded)", BackOffice, async v =>
        {
            var c = await v.Portal.ReceiveAsync();
            await v.Portal.ForwardAsync(c);
            return "/staff/cases/" + c.Number;
        }),
        new("/staff/cases/{number} (information requested)", BackOffice, async v =>
        {
            var c = await v.Portal.ReceiveAsync();
            await v.Portal.ChangeAsync(c.Id, (x, staff, now) => x.RequestInformation("領収書はありますか。", staff, now));
            return "/staff/cases/" + c.Number;
        }),
        new("/staff/cases/{number}/forward", BackOffice, async v => $"/staff/cases/{(await v.Portal.ReceiveAsync()).Number}/forward"),
        new("/staff/cases/new", BackOffice, At("/staff/cases/new")),
        new("/staff/cases/new/form", BackOffice, async v => { await TestCases.PaperDraftAsync(v.Portal.Factory, v.Account!.Id); return "/staff/cases/new/form"; }),
        new("/staff/cases/new/review", BackOffice, async v => { await TestCases.PaperDraftAsync(v.Portal.Factory, v.Account!.Id); return "/staff/cases/new/review"; }),
        new("/staff/mail", BackOffice, At("/staff/mail")),
        new("/staff/mail/{id:guid}", BackOffice, async v => "/staff/mail/" + await v.Portal.UnplacedMailAsync()),
        new("/staff/consultations", BackOffice, At("/staff/consultations")),
        new("/staff/consultations/{id:guid}", BackOffice, async v => "/staff/consultations/" + (await v.Portal.BookingAsync()).Id),
        new("/staff/supervisor", BackOffice, At("/staff/supervisor")),
        new("/staff/supervisor/retention", BackOffice, At("/staff/supervisor/retention")),
        new("/staff/supervisor/privacy", BackOffice, At("/staff/supervisor/privacy")),
        new("/staff/supervisor/privacy/disclosures/{id:guid}", BackOffice, async v => "/staff/supervisor/privacy/disclosures/" + await v.Portal.DisclosureAsync(v.Account!.Id)),
        new("/staff/supervisor/privacy/deletions/{id:guid}", BackOffice, async v => "/staff/supervisor/privacy/deletions/" + await v.Portal.DeletionRequestAsync()),
        new("/staff/statistics", BackOffice, At("/staff/statistics")),
        new("/admin/users", BackOffice, At("/admin/users")),
        new("/admin/users/new", BackOffice, At("/admin/users/new")),
        new("/admin/users/{id:guid}", BackOffice, async v => "/admin/users/" + (await StaffAccounts.CreateAsync(v.Portal.Factory, Roles.Staff)).Id),
        new("/admin/audit", BackOffice, At("/admin/audit")),
        new("/admin/email", BackOffice, At("/admin/email")),
        new("/admin/partners", BackOffice, At("/admin/partners")),
        new("/admin/partners/new", BackOffice, At("/admin/partners/new")),
        // Not the agency the corpus forwards its cases to (US): its form can deactivate the agency.
        new("/admin/partners/{code}", BackOffice, At("/admin/partners/SOSA")),
        new("/admin/reply-templates", BackOffice, At("/admin/reply-templates")),
        new("/admin/reply-templates/new", BackOffice, At("/admin/reply-templates/new")),
        new("/admin/reply-templates/{id:guid}", BackOffice, async v => "/admin/reply-templates/" + await v.Portal.QueryAsync(db => db.ReplyTemplates.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync())),
        new("/admin/centers", BackOffice, At("/admin/centers")),
        new("/admin/centers/new", BackOffice, At("/admin/centers/new")),
        new("/admin/centers/{id:guid}", BackOffice, async v => "/admin/centers/" + (await TestCenters.CreateAsync(v.Portal.Factory)).Id),
        new("/admin/consultations", BackOffice, At("/admin/consultations")),

        new("/counselor", Counselor, At("/counselor")),
        new("/counselor/consultations", Counselor, At("/counselor/consultations")),
        new("/counselor/consultations/new", Counselor, At("/counselor/consultations/new")),
        new("/counselor/cases/new", Counselor, At("/counselor/cases/new")),
        new("/counselor/cases/new/form", Counselor, async v => { await v.Portal.CounselorDraftAsync(v.Account!); return "/counselor/cases/new/form"; }),
        new("/counselor/cases/new/review", Counselor, async v => { await v.Portal.CounselorDraftAsync(v.Account!); return "/counselor/cases/new/review"; }),
        new("/counselor/cases/{number}", Counselor, async v => "/counselor/cases/" + (await TestCases.FileForResidentAsync(v.Portal.Factory, v.Account!)).Case.Number),
        new("/counselor/cases/{number}/received", Counselor, async v => $"/counselor/cases/{(await TestCases.FileForResidentAsync(v.Portal.Factory, v.Account!)).Case.Number}/received"),
    ];

    /// <summary>Pages the corpus does not open, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotPages = new Dictionary<string, string>
    {
        ["/error/{statusCode:int}"] = "the error page, shown by every failure above; it has no form",
        ["/health/live"] = "plain text for the load balancer",
        ["/health/ready"] = "plain text for the load balancer",
        ["/staff"] = "a redirect to the queue",
        ["/complaint"] = "a redirect to the first step",
        ["/track"] = "a tracking link without its token: not found",
        ["/fax-form.pdf"] = "a PDF",
        ["/consultation/received"] = "a thank-you page with no form",
        ["/staff/cases/{number}/evidence/{id:guid}"] = "a file",
        ["/staff/cases/{number}/evidence/{id:guid}/preview"] = "a picture",
        ["/staff/statistics/tables/{table}.csv"] = "CSV",
        ["/staff/statistics/records.csv"] = "CSV",
        ["/staff/mail/{id:guid}/raw"] = "the message as received, as a file",
        ["/staff/supervisor/privacy/disclosures/{id:guid}/package"] = "a ZIP file",
    };

    /// <summary>Forms whose only effect is to end the visitor's session: nothing to fill in, and the rest would run signed out.</summary>
    private static readonly string[] SessionEnders = ["/account/sign-out", "/account/sign-out-everywhere"];

    [Fact]
    public void EveryPageIsInTheCorpusOrSaysWhyNot()
    {
        var pages = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet();
        var listed = Pages.Select(p => p.Route.Split(' ')[0]).Concat(NotPages.Keys).ToHashSet();
        Assert.Empty(pages.Except(listed).Order().Select(p => "not in the corpus: " + p));
        Assert.Empty(listed.Except(pages).Order().Select(p => "no such page: " + p));
    }

    [Fact]
    public async Task NoFieldOfAnyFormAnswersAHostileStringWithAServerError()
    {
        var watch = Stopwatch.StartNew();
        var failures = new ConcurrentBag<string>();
        var forms = new ConcurrentDictionary<string, (Page Page, string Signature)>();

        // The pages as they render: which forms each has. A form on every page (the language switch) is filled in once.
        await Parallel.ForEachAsync(Pages, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (page, _) =>
        {
            using var visit = await VisitAsync(page.Visitor);
            var url = await page.Open(visit);
            var html = await visit.Client.GetAsync(url);
            if (html.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {url} ({page.Route}) answered {(int)html.StatusCode}");
                return;
            }

            foreach (var form in html.Document.Forms.Where(f => !SessionEnders.Contains(ActionPath(f, url))))
            {
                var signature = Signature(form, url);
                forms.TryAdd(signature, (page, signature));
            }
        });
        var opened = watch.Elapsed;

        var counts = new ConcurrentDictionary<int, int>();
        var times = new ConcurrentDictionary<string, TimeSpan>();
        await Parallel.ForEachAsync(forms.Values, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (form, _) =>
        {
            var started = watch.Elapsed;
            try
            {
                await FillAsync(form.Page, form.Signature, failures, counts);
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or Xunit.Sdk.XunitException)
            {
                failures.Add($"{form.Signature} on {form.Page.Route}: {e.GetType().Name} {e.Message}");
            }
            finally
            {
                times[form.Signature] = watch.Elapsed - started;
            }
        });

        output.WriteLine($"{forms.Count} forms on {Pages.Count} pages, {HostileStrings.WellFormed.Count} strings turned round and {HostileStrings.Refused.Count} refused ones; " +
            $"pages opened in {opened.TotalSeconds:0.0} s, everything in {watch.Elapsed.TotalSeconds:0.0} s; answers: " +
            string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")));
        foreach (var (form, time) in times.OrderByDescending(t => t.Value))
        {
            output.WriteLine($"{time.TotalSeconds,5:0.0} s  {form}");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} answers of 500 or more, or pages that did not open:\n" + string.Join("\n", failures.Order().Take(40)));
    }

    /// <summary>Requests per form that turn the strings round its fields.</summary>
    private const int Rounds = 48;

    private static readonly List<string> FoundWellFormed = [.. HostileStrings.Found.Where(s => HostileStrings.Refused.All(r => r != s))];

    /// <summary>Strings put together in one value in the rounds that give a field several at once.</summary>
    private static readonly int PerValue = (int)Math.Ceiling(HostileStrings.WellFormed.Count / (Rounds / 2.0));

    /// <summary>
    /// What field <paramref name="field"/> gets in round <paramref name="round"/>: in even rounds one string whole (first
    /// each of those our tests found, then the list's at a stride), in odd rounds the next <see cref="PerValue"/> strings of
    /// the list one per line, so that every field meets every string. A field's place shifts where it starts.
    /// </summary>
    private static string HostileValue(int round, int field, FieldKind kind)
    {
        var strings = HostileStrings.WellFormed;
        var found = FoundWellFormed;
        var start = (field * 37) + (kind == FieldKind.Chosen ? 11 : 0);
        var step = round / 2;
        if (round % 2 == 1)
        {
            return string.Join("\n", Enumerable.Range(0, PerValue).Select(j => strings[((step * PerValue) + start + j) % strings.Count]));
        }

        return step < found.Count ? found[(step + field) % found.Count] : strings[((step * 17) + start) % strings.Count];
    }

    /// <summary>The requests for one form: the strings turned round all its fields, then each field alone with the strings refused before any field sees them.</summary>
    private async Task FillAsync(Page page, string signature, ConcurrentBag<string> failures, ConcurrentDictionary<int, int> counts)
    {
        var visit = await VisitAsync(page.Visitor);
        try
        {
            var requests = new List<Func<Field[], Dictionary<string, string>>>();
            for (var round = 0; round < Rounds; round++)
            {
                var r = round;
                requests.Add(fields => fields
                    .Select((f, i) => (f, i))
                    .Where(x => x.f.Kind != FieldKind.Chosen || r % 4 is 1 or 2)
                    .ToDictionary(x => x.f.Key, x => HostileValue(r, x.i, x.f.Kind)));
            }

            var fieldCount = -1;
            var next = 0;
            var reopenEvery = 40;
            while (next < requests.Count || fieldCount < 0)
            {
                if (visit.Account is null && fieldCount >= 0)
                {
                    // A visitor's draft or link cookie would lead back to what the last requests left.
                    visit.Dispose();
                    visit = await VisitAsync(page.Visitor);
                }

                var url = await page.Open(visit);
                var html = await visit.Client.GetAsync(url);
                if (html.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"GET {url} ({page.Route}) answered {(int)html.StatusCode} when opened again for {signature}");
                    return;
                }

                var form = html.Document.Forms.FirstOrDefault(f => Signature(f, url) == signature);
                if (form is null)
                {
                    // Done with what the page offers (deactivating gives way to activating, say).
                    return;
                }

                var fields = Fields(form);
                if (fieldCount < 0)
                {
                    fieldCount = fields.Length;
                    if (fieldCount == 0)
                    {
                        // A button alone (discard, deactivate): nothing to fill in, one press says enough.
                        requests.RemoveRange(1, requests.Count - 1);
                    }

                    foreach (var field in fields)
                    {
                        requests.Add(_ => new() { [field.Key] = string.Concat(HostileStrings.Refused) });
                    }

                    // Evidence counts towards a draft's limit: a fresh draft before that is met.
                    reopenEvery = fields.Any(f => f.Kind == FieldKind.File) ? 8 : 40;
                }

                var buttons = form.Elements.Where(e => e is IHtmlButtonElement { Type: "submit" } or IHtmlInputElement { Type: "submit" })
                    .Select(e => (Name: e.GetAttribute("name"), Value: e.GetAttribute("value") ?? ""))
                    .Where(b => !string.IsNullOrEmpty(b.Name)).Distinct().ToList();
                var end = Math.Min(requests.Count, next + reopenEvery);
                for (; next < end; next++)
                {
                    var hostile = requests[next](fields);
                    var button = buttons.Count == 0 ? default : buttons[next % buttons.Count];
                    HttpResponseMessage response;
                    try
                    {
                        response = await SendAsync(visit.Client, form, url, fields, hostile, button.Name, button.Value);
                    }
                    catch (HttpRequestException e)
                    {
                        // The test server hands on what broke the answer midway (an error while the error page was written).
                        failures.Add($"{signature} on {page.Route}: {e.InnerException?.InnerException?.Message ?? e.Message} for {Describe(hostile, button.Name, button.Value)}");
                        continue;
                    }

                    using var _ = response;
                    var status = (int)response.StatusCode;
                    counts.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (status >= 500)
                    {
                        failures.Add($"{signature} on {page.Route}: {status} for {Describe(hostile, button.Name, button.Value)}");
                    }
                    else if (status is >= 200 and < 300 or >= 400 && FrameworkMessageIn(await response.Content.ReadAsStringAsync()) is { } message)
                    {
                        failures.Add($"{signature} on {page.Route}: the framework's message \"{message}\" for {Describe(hostile, button.Name, button.Value)}");
                    }
                    else if (status is >= 300 and < 400 && response.Headers.Location?.OriginalString is { } location && location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal))
                    {
                        // Where the form leads shows what was saved.
                        using var after = await visit.Client.Http.GetAsync(location);
                        counts.AddOrUpdate((int)after.StatusCode, 1, (_, n) => n + 1);
                        if ((int)after.StatusCode >= 500)
                        {
                            failures.Add($"{signature} on {page.Route}: GET {location} answered {(int)after.StatusCode} after {Describe(hostile, button.Name, button.Value)}");
                        }
                    }
                }

                if (SignedOut(visit, html))
                {
                    visit.Dispose();
                    visit = await VisitAsync(page.Visitor);
                }
            }
        }
        finally
        {
            visit.Dispose();
        }
    }

    // What MVC writes by itself when a value does not bind or a field is missing ("The value 'x' is not valid for
    // ConsumerCenterId.", "The Email field is required."), or one naming a property ("「ConsumerCenterId」に入力された値…").
    [GeneratedRegex(@"The value (?:'|&#x27;).*?(?:'|&#x27;) is (?:not valid for|invalid)|The \w+ field is required|The field \w+ must|parameter or property was not provided|The supplied value is invalid|Null value is invalid|A non-empty request body is required|「[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)*」に", RegexOptions.CultureInvariant)]
    private static partial Regex FrameworkMessage();

    /// <summary>The first message a refused form shows (in its summary or beside a field) that MVC wrote rather than the portal, if any.</summary>
    private static string? FrameworkMessageIn(string html)
    {
        foreach (var marker in new[] { "data-error-summary", "class=\"field__error\"" })
        {
            for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
            {
                var end = html.IndexOf(marker == "data-error-summary" ? "</ul>" : "</span>\n", at, StringComparison.Ordinal);
                var messages = html[at..(end < 0 ? Math.Min(html.Length, at + 2000) : end)];
                if (FrameworkMessage().Match(messages) is { Success: true } match)
                {
                    return match.Value;
                }
            }
        }

        return null;
    }

    private static bool SignedOut(Visit visit, HtmlPage page) => visit.Account is not null && page.Find("form[action='/account/sign-out']") is null;

    private static async Task<HttpResponseMessage> SendAsync(FormClient client, IHtmlFormElement form, string pageUrl, Field[] fields, Dictionary<string, string> hostile, string? button, string buttonValue)
    {
        var values = new List<KeyValuePair<string, string>>();
        var uploads = new List<HostileRequests.Upload>();
        foreach (var field in fields)
        {
            if (field.Kind == FieldKind.File)
            {
                if (hostile.TryGetValue(field.Key, out var name))
                {
                    uploads.Add(new(field.Name, name, "image/jpeg", Testing.Photos.ImageFiles.Jpeg(600)));
                }

                continue;
            }

            if (hostile.TryGetValue(field.Key, out var text))
            {
                values.Add(new(field.Name, text));
            }
            else
            {
                values.AddRange(field.Rendered.Select(v => new KeyValuePair<string, string>(field.Name, v)));
            }
        }

        values.AddRange(form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == "__RequestVerificationToken").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)));
        if (button is not null)
        {
            values.Add(new(button, buttonValue));
        }

        var action = ActionOf(form, pageUrl);
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            return await client.Http.GetAsync(action.Split('?')[0] + "?" + HostileRequests.UrlEncoded(values));
        }

        using var content = string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HostileRequests.Multipart(values, uploads)
            : HostileRequests.FormContent(values);
        return await client.Http.PostAsync(action, content);
    }

    private enum FieldKind
    {
        /// <summary>Typed: text, email, number, date, textarea and the like.</summary>
        Typed,

        /// <summary>Chosen from what the page offers: select, radio, checkbox, hidden.</summary>
        Chosen,

        File,
    }

    private sealed record Field(string Name, FieldKind Kind, string[] Rendered)
    {
        public string Key => Name + "/" + Kind;
    }

    /// <summary>A form's fields by name (a radio group or a set of checkboxes is one field), with the values the page rendered.</summary>
    private static Field[] Fields(IHtmlFormElement form)
    {
        var rendered = HtmlForms.CurrentValues(form).ToLookup(v => v.Key, v => v.Value);
        var fields = new List<Field>();
        foreach (var element in form.Elements)
        {
            var (name, kind) = element switch
            {
                IHtmlInputElement input => (input.Name, input.Type.ToLowerInvariant() switch
                {
                    "submit" or "button" or "image" or "reset" => (FieldKind?)null,
                    "file" => FieldKind.File,
                    "hidden" or "checkbox" or "radio" => FieldKind.Chosen,
                    _ => FieldKind.Typed,
                }),
                IHtmlSelectElement select => (select.Name, FieldKind.Chosen),
                IHtmlTextAreaElement textArea => (textArea.Name, FieldKind.Typed),
                _ => (null, (FieldKind?)null),
            };
            if (string.IsNullOrEmpty(name) || kind is null || name == "__RequestVerificationToken" || fields.Any(f => f.Name == name))
            {
                continue;
            }

            fields.Add(new(name, kind.Value, [.. rendered[name]]));
        }

        return [.. fields];
    }

    private static string ActionOf(IHtmlFormElement form, string pageUrl) =>
        string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;

    private static string ActionPath(IHtmlFormElement form, string pageUrl) => ActionOf(form, pageUrl).Split('?')[0];

    private static readonly Regex Variable = new("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[A-Za-z0-9_-]{20,}|[0-9]+", RegexOptions.CultureInvariant);

    /// <summary>A form told apart from others by method, action (its case number, id or token aside) and field names.</summary>
    private static string Signature(IHtmlFormElement form, string pageUrl) =>
        $"{(string.IsNullOrEmpty(form.Method) ? "get" : form.Method.ToLowerInvariant())} {Variable.Replace(ActionPath(form, pageUrl), "*")} " +
        $"[{string.Join(", ", Fields(form).Select(f => f.Name).Order(StringComparer.Ordinal))}]";

    private static string Describe(Dictionary<string, string> hostile, string? button, string buttonValue) =>
        (button is null ? "" : $"{button}={buttonValue}; ") +
        string.Join("; ", hostile.Select(h => $"{h.Key}={System.Text.Json.JsonSerializer.Serialize(h.Value.Length > 60 ? h.Value[..60] + "…" : h.Value)}"));

    private async Task<Visit> VisitAsync(string visitor)
    {
        switch (visitor)
        {
            case Anonymous:
                return new(portal, portal.Factory.CreateFormClient(), null);
            case Counselor:
                var (counselorClient, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, (await TestCenters.CreateAsync(portal.Factory)).Id);
                return new(portal, counselorClient, counselor);
            default:
                var (client, account) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff, Roles.Supervisor, Roles.Admin);
                return new(portal, client, account);
        }
    }
}

/// <summary>The forwarding fixture (agencies with addresses, an SMTP server, a clock that stands still) and what the corpus's pages need.</summary>
public sealed class HostileCorpusFixture : ForwardingFixture
{
    /// <summary>A tracked case on which staff asked the consumer a question: its tracking page has the answer form.</summary>
    public async Task<string> TrackedCaseAskingForInformationAsync()
    {
        var (c, token) = await TestCases.ReceiveTrackedAsync(Factory);
        await ChangeAsync(c.Id, (x, staff, now) => x.RequestInformation("注文確認のメールはありますか。", staff, now));
        return token;
    }

    /// <summary>A tracked case its consumer withdrew: its tracking page offers to ask for deletion.</summary>
    public async Task<string> TrackedFinishedCaseAsync()
    {
        var (c, token) = await TestCases.ReceiveTrackedAsync(Factory);
        await ChangeAsync(c.Id, (x, _, now) => x.Withdraw(null, Web.Domain.Cases.CaseActor.Consumer, now));
        return token;
    }

    /// <summary>An answered disclosure request (of a new case), as staff record one.</summary>
    public async Task<Guid> DisclosureAsync(Guid staffId)
    {
        var c = await ReceiveAsync();
        var now = Clock.GetUtcNow();
        var disclosure = new Web.Domain.Privacy.PrivacyRequest(Web.Domain.Privacy.PrivacyRequestKind.Disclosure, null, "email=taro@example.jp", "本人", "窓口で確認", now);
        disclosure.Disclose([c.Id], c.Number, staffId, now);
        return await AddAsync(disclosure);
    }

    /// <summary>A deletion the consumer of a new case asked for, waiting for a supervisor.</summary>
    public async Task<Guid> DeletionRequestAsync() =>
        await AddAsync(new Web.Domain.Privacy.PrivacyRequest(Web.Domain.Privacy.PrivacyRequestKind.Deletion, (await ReceiveAsync()).Id, null, "本人", "", Clock.GetUtcNow()));

    private async Task<Guid> AddAsync(Web.Domain.Privacy.PrivacyRequest request)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.PrivacyRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>A case with a picture as evidence.</summary>
    public Task<Web.Domain.Cases.Case> CaseWithEvidenceAsync() =>
        ReceiveAsync(evidence: [new Web.Data.Files.StoredFile("label.png", "image/png", Testing.Photos.ImageFiles.Png(), Clock.GetUtcNow())]);

    private readonly SemaphoreSlim _booking = new(1, 1);

    /// <summary>A booking a week ahead, one at a time (the helper takes the next free seat of the slot, which two at once would both take).</summary>
    public async Task<Web.Domain.Consultations.ConsultationBooking> BookingAsync()
    {
        await _booking.WaitAsync();
        try
        {
            return await TestBookings.CreateAsync(Factory, new(TestBookings.ConsultationDayFrom(TestTime.TodayInJapan.AddDays(7)), new(9, 0)));
        }
        finally
        {
            _booking.Release();
        }
    }

    /// <summary>The applicant's private link to a new booking.</summary>
    public async Task<string> BookingLinkAsync()
    {
        var booking = await BookingAsync();
        using var scope = Factory.Services.CreateScope();
        var token = scope.ServiceProvider.GetRequiredService<ConsultationLinks>().Issue(booking.Id);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return token;
    }

    public Task<Guid> UnplacedMailAsync() =>
        InboundMail.MailPagesFixture.StoreAsync(Factory, InboundMail.MailPagesFixture.Message("taro@example.jp", "Re: ご相談", "本文"));

    /// <summary>A complete draft of a case the counselor is filing for a resident.</summary>
    public async Task CounselorDraftAsync(StaffAccounts.Account counselor)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow();
        var draft = Web.Domain.Intake.IntakeDraft.ForCounselor(counselor.Id, Web.Domain.Cases.ResidentRelation.Self, TestComplaints.AttestedConsent() with { GivenAt = now }, now);
        draft.SaveForm(Web.Features.Intake.SaveComplaint.Serialize(TestComplaints.Form()), now);
        db.IntakeDrafts.Add(draft);
        await db.SaveChangesAsync();
    }
}
