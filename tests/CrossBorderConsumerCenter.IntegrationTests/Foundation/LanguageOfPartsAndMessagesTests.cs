using System.Net;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>
/// What a screen reader reads aloud is in the right language: no framework message in English (or with a property's
/// name) ever reaches a page, the errors come in the order of the fields, and text in another language than the page's
/// (the consumer's own words, a message written to an English-reading consumer, an email's subject) says which it is.
/// A refused form, public or back office, shows the one error summary (which the site's script focuses) and says so first
/// in its title. A form sent after the session ended leads back, after signing in again, to the page it was on.
/// </summary>
public partial class LanguageOfPartsAndMessagesTests(LanguageOfPartsAndMessagesTests.Fixture portal) : IClassFixture<LanguageOfPartsAndMessagesTests.Fixture>
{
    public sealed class Fixture : SignedInStaffFixture;

    // What MVC writes by itself: "The Email field is required.", "The value '' is invalid.", "The field X must be…".
    [GeneratedRegex(@"The \w+ field|field is required|is invalid\.|must be a number|The field \w+|\b(DisplayName|NewPassword|ConfirmPassword|CurrentPassword|ConsumerCenterId)\b")]
    private static partial Regex FrameworkMessage();

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task SignInSentEmptyNamesEachFieldOnceInTheUsersLanguageInTheirOrder(string language)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var page = await client.GetOkAsync("/account/sign-in");

        using var response = await client.SubmitAsync(page, "main form", [new("Email", ""), new("Password", "")]);

        var again = await HtmlPage.ReadAsync(response);
        var lines = again.FindAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(language == "ja" ? ["メールアドレスを入力してください。", "パスワードを入力してください。"] : ["Enter your email address.", "Enter your password."], lines);
        Assert.Equal(["#Email", "#Password"], again.FindAll(".error-summary a").Select(a => a.GetAttribute("href")));
        AssertNoFrameworkMessage(again);
        RefusedForm.AssertShown(again, language);
    }

    [Fact]
    public async Task ThePasswordPageSentEmptyHasOnlyItsOwnMessages()
    {
        var page = await portal.Client.GetOkAsync("/account/password");

        using var response = await portal.Client.SubmitAsync(page, "main form", [new("CurrentPassword", ""), new("NewPassword", ""), new("ConfirmPassword", "")]);

        var again = await HtmlPage.ReadAsync(response);
        Assert.Equal(["#CurrentPassword", "#NewPassword"], again.FindAll(".error-summary a").Select(a => a.GetAttribute("href")));
        AssertNoFrameworkMessage(again);
        RefusedForm.AssertShown(again);
    }

    [Fact]
    public async Task TheAccountFormsSentEmptyHaveOnlyTheirOwnMessagesAndOneForNoRole()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var form = await admin.GetOkAsync("/admin/users/new");
            using var created = await admin.SubmitAsync(form, "main form", [new("Email", ""), new("DisplayName", ""), new("Roles", null)]);
            var page = await HtmlPage.ReadAsync(created);
            Assert.Equal(["#Email", "#DisplayName", "#Roles"], page.FindAll(".error-summary a").Select(a => a.GetAttribute("href")));
            Assert.Equal("役割を一つ以上選んでください。", page.FindAll(".error-summary li")[^1].TextContent.Trim());
            Assert.DoesNotContain(page.FindAll(".error-summary li, .field__error"), e => e.TextContent.Contains("同時に選べません", StringComparison.Ordinal));
            Assert.Single(page.FindAll("#Roles-group .field__error, [id='Roles-error']"));
            AssertNoFrameworkMessage(page);
            RefusedForm.AssertShown(page);

            // A choice that is none of those offered (a form altered on its way) is refused in the user's words, never
            // with the name of a property.
            using var altered = await admin.SubmitAsync(form, "main form",
                [new("Email", "altered@example.jp"), new("DisplayName", ""), new("Roles", Roles.Staff), new("ConsumerCenterId", "not-a-center")]);
            var alteredPage = await HtmlPage.ReadAsync(altered);
            AssertNoFrameworkMessage(alteredPage);
            RefusedForm.AssertShown(alteredPage);

            var other = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
            var edit = await admin.GetOkAsync($"/admin/users/{other.Id}");
            using var edited = await admin.SubmitAsync(edit, "main form.form-narrow", [new("DisplayName", ""), new("Roles", null)]);
            var editPage = await HtmlPage.ReadAsync(edited);
            Assert.Equal(HttpStatusCode.OK, editPage.StatusCode);
            Assert.NotEmpty(editPage.FindAll(".error-summary li"));
            AssertNoFrameworkMessage(editPage);
            RefusedForm.AssertShown(editPage);
        }
    }

    [Fact]
    public async Task ACaseActionAndACounselorsFormRefusedShowTheOneSummaryAndSaySoInTheirTitles()
    {
        var c = await TestCases.ReceiveAsync(portal.Factory);
        var casePage = await portal.Client.GetOkAsync($"/staff/cases/{c.Number}");
        using (var note = await portal.Client.SubmitAsync(casePage, "#action-AddNote form", [new("AddNote.Text", "")]))
        {
            var page = await HtmlPage.ReadAsync(note);
            RefusedForm.AssertShown(page);
            Assert.Equal(["#AddNote_Text"], page.FindAll(".error-summary a").Select(a => a.GetAttribute("href")));
            Assert.NotNull(page.Find("details#action-AddNote[open] #AddNote_Text")); // where the summary's link leads is open
        }

        var (counselor, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Counselor);
        using (counselor)
        {
            var form = await counselor.GetOkAsync("/counselor/consultations/new");
            using var refused = await counselor.SubmitAsync(form, "form.consultation-form", [new("Name", "")]);
            var page = await HtmlPage.ReadAsync(refused);
            RefusedForm.AssertShown(page);
            AssertNoFrameworkMessage(page);
        }
    }

    [Fact]
    public async Task TheConsumersOwnWordsAndWhatIsWrittenToThemCarryTheirLanguage()
    {
        var english = await TestCases.ReceiveAsync(portal.Factory, language: "en");

        var before = await portal.Client.GetOkAsync($"/staff/cases/{english.Number}");
        Assert.Equal("ja", before.Find("html")!.GetAttribute("lang"));
        foreach (var field in new[] { "what-happened", "business-response" })
        {
            Assert.Equal("en", before.Find($"[data-field={field}]")!.GetAttribute("lang"));
        }

        Assert.Equal("en", before.Find("#RequestInformation_Message")!.GetAttribute("lang"));
        Assert.Null(before.Find("#AddNote_Text")!.GetAttribute("lang")); // a note is the staff member's own, in the page's language

        using var asked = await portal.Client.SubmitAsync(before, "#action-RequestInformation form", [new("RequestInformation.Message", "Please send the order confirmation.")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var after = await portal.Client.GetOkAsync($"/staff/cases/{english.Number}");
        var subject = after.Find("[data-kind=Email] dd[lang]");
        Assert.NotNull(subject);
        Assert.Equal("en", subject.GetAttribute("lang"));

        // And the other way round: a Japanese case read in the English interface.
        var japanese = await TestCases.ReceiveAsync(portal.Factory);
        var page = await portal.Client.GetOkAsync($"/staff/cases/{japanese.Number}");
        using (await portal.Client.SubmitAsync(page, "#action-RequestInformation form", [new("RequestInformation.Message", "注文確認メールを送ってください。")]))
        {
        }

        var inEnglish = await portal.Client.GetOkAsync($"/staff/cases/{japanese.Number}?lang=en");
        Assert.Equal("en", inEnglish.Lang);
        Assert.Equal("ja", inEnglish.Find("[data-field=what-happened]")!.GetAttribute("lang"));
        Assert.Equal("ja", inEnglish.Find("[data-kind=Email] dd[lang]")!.GetAttribute("lang"));
        Assert.Equal("ja", inEnglish.Find("#RequestInformation_Message")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task AFormSentAfterTheSessionEndedLeadsBackToItsPageAfterSigningIn()
    {
        var c = await TestCases.ReceiveAsync(portal.Factory);
        var page = await portal.Client.GetOkAsync($"/staff/cases/{c.Number}");
        using var signedOut = portal.Factory.CreateFormClient();
        var token = page.Find("#action-AddNote form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/staff/cases/{c.Number}/notes")
        {
            Content = new FormUrlEncodedContent([new("AddNote.Text", "長いメモ"), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Referrer = new Uri(signedOut.Http.BaseAddress!, $"/staff/cases/{c.Number}?tab=1");

        using var response = await signedOut.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/account/sign-in?returnUrl=", location, StringComparison.Ordinal);
        Assert.Equal($"/staff/cases/{c.Number}?tab=1", Uri.UnescapeDataString(location["/account/sign-in?returnUrl=".Length..]));

        // A form refused is shown again at the address it was sent to, which only takes a POST: signing in leads to the
        // nearest page above it that a GET reaches (the case page, the compose page).
        foreach (var (shownAt, expected) in new[]
        {
            ($"/staff/cases/{c.Number}/notes", $"/staff/cases/{c.Number}"),
            ($"/staff/cases/{c.Number}/decline/preview", $"/staff/cases/{c.Number}"),
            ($"/staff/cases/{c.Number}/forward/preview?lang=en", $"/staff/cases/{c.Number}/forward"),
        })
        {
            using var again = new HttpRequestMessage(HttpMethod.Post, $"/staff/cases/{c.Number}/notes")
            {
                Content = new FormUrlEncodedContent([new("AddNote.Text", "長いメモ"), new("__RequestVerificationToken", token)]),
            };
            again.Headers.Referrer = new Uri(signedOut.Http.BaseAddress!, shownAt);
            using var redirected = await signedOut.Http.SendAsync(again);
            Assert.Equal(expected, Uri.UnescapeDataString(redirected.Headers.Location!.ToString()["/account/sign-in?returnUrl=".Length..]));
        }

        // Another site's page is never where signing in leads.
        using var foreign = new HttpRequestMessage(HttpMethod.Post, $"/staff/cases/{c.Number}/notes") { Content = new FormUrlEncodedContent([new("AddNote.Text", "x")]) };
        foreign.Headers.Referrer = new Uri("https://evil.example/staff/cases");
        using var elsewhere = await signedOut.Http.SendAsync(foreign);
        Assert.Equal("/account/sign-in?returnUrl=%2F", elsewhere.Headers.Location!.ToString());

        // A page asked for by GET keeps the address itself, as before.
        using var get = await signedOut.Http.GetAsync($"/staff/cases/{c.Number}");
        Assert.Contains(Uri.EscapeDataString($"/staff/cases/{c.Number}"), get.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static void AssertNoFrameworkMessage(HtmlPage page)
    {
        var texts = page.FindAll(".error-summary li, .field__error").Select(e => e.TextContent.Trim()).ToList();
        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, t => FrameworkMessage().IsMatch(t));
        // Each field's message once in the summary, never two run together in one line.
        var summary = page.FindAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(summary.Distinct().Count(), summary.Count);
    }
}
