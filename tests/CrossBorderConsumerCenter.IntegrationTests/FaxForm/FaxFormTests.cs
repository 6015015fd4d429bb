using System.Globalization;
using System.Net;
using System.Text.Json;
using CrossBorderConsumerCenter.Testing.Pdf;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.IntegrationTests.FaxForm;

/// <summary>The portal with the center's fax number and name set as a deployment would set them (not the defaults).</summary>
public class FaxFormFixture : PortalFixture
{
    public const string Fax = "06-1234-5678";
    public const string CenterName = "テスト越境消費者センター";
    public const string CenterNameEnglish = "Test Cross-Border Center";

    protected override PortalFactory CreateFactory(string connectionString) => new(connectionString, new Dictionary<string, string?>
    {
        ["Center:Fax"] = Fax,
        ["Center:Name:Ja"] = CenterName,
        ["Center:Name:En"] = CenterNameEnglish,
    });

    /// <summary>A text of IntakeText (the online form's) in Japanese, the fax form's language.</summary>
    public string Intake(string key) => InJapanese(() => Factory.Services.GetRequiredService<IStringLocalizer<IntakeText>>()[key]);

    public IReadOnlyList<string> Options<T>() where T : struct, Enum =>
        InJapanese(() => Factory.Services.GetRequiredService<ChoiceLists>().Of<T>().Select(o => o.Text).ToList());

    private static TResult InJapanese<TResult>(Func<TResult> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja");
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}

/// <summary>
/// The fax form (for consumers without internet) has every field of the online complaint form and the consent gate,
/// in the words used online; the page and the PDF carry the same; the fax number is the one set for the center.
/// </summary>
public class FaxFormTests(FaxFormFixture portal) : IClassFixture<FaxFormFixture>
{
    /// <summary>Every field the online form posts (the complaint's and its evidence, then the consent gate's), found by reflection as the online form's own error summary finds them.</summary>
    public static TheoryData<string> OnlineFields() => [.. IntakeFieldOrder.Complaint, .. IntakeFieldOrder.Consent];

    /// <summary>The label the online form shows for a field ("Form.Consumer.Name" → Consumer_Name_Label).</summary>
    private string OnlineLabel(string field) =>
        portal.Intake((field.StartsWith(IntakeController.FormPrefix + ".", StringComparison.Ordinal) ? field[(IntakeController.FormPrefix.Length + 1)..] : field).Replace('.', '_') + "_Label");

    /// <summary>The choices the online form offers as radios or selects, which the paper prints as tick boxes.</summary>
    private IEnumerable<string> OnlineChoices() =>
    [
        .. portal.Options<AgeBand>(), .. portal.Options<PaymentMethod>(), .. portal.Options<PurchasePlatform>(),
        .. portal.Options<CaseCategory>(), .. portal.Options<BusinessContactMethod>(), .. portal.Options<DesiredResolution>(),
        .. Countries.CommonCodes.Select(c => Countries.Find(c)!.JapaneseName), .. Currencies.CommonCodes,
        portal.Intake("Consent_ProvisionAbroad_yes"), portal.Intake("Consent_ProvisionAbroad_no"),
    ];

    /// <summary>What the consent says online, word for word.</summary>
    private IEnumerable<string> ConsentWording() => [.. ConsentKeys.Select(portal.Intake), "CBBB", "SOSA", "台湾", "シンガポール"];

    private static readonly string[] ConsentKeys =
    [
        "Consent_Purpose1", "Consent_Purpose2", "Consent_Purpose3", "Consent_Abroad_Body", "Consent_Abroad_Measures", "Consent_Abroad_Other",
        "Consent_AgreesToHandling_Label", "Consent_HasContactedBusiness_Label", "Consent_IsConsumerPurchase_Label", "Consent_ProvisionAbroad_Label",
        "Consent_ProvisionAbroad_Hint", "Counterfeit_Body", "CoolingOff_Note",
    ];

    [Theory]
    [MemberData(nameof(OnlineFields))]
    public async Task ThePageHasAPlaceForEveryFieldOfTheOnlineForm(string field)
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/fax-form");
        var place = page.Find($".fax-sheet [data-field='{field}']");
        Assert.True(place is not null, $"The fax form has no place for the online form's {field}.");
        if (field != IntakeController.EvidenceField)
        {
            Assert.Contains(OnlineLabel(field), place.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePageOffersEveryChoiceAsATickBoxAndSaysTheConsentAsOnline()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/fax-form");
        var sheet = page.Find(".fax-sheet")!;
        var ticks = page.FindAll(".fax-sheet .fax-choices li").Select(li => li.TextContent.Trim()).ToList();
        Assert.All(OnlineChoices(), choice => Assert.Contains(ticks, t => t.Contains(choice, StringComparison.Ordinal)));
        Assert.All(ConsentWording(), words => Assert.Contains(words, sheet.TextContent, StringComparison.Ordinal));

        // Required as the staff's form requires it (the email is optional on paper, as it is for a fax typed in).
        Assert.Equal("必須", page.Find("[data-field='Form.Consumer.Phone'] .fax-field__mark")!.TextContent);
        Assert.Equal("任意", page.Find("[data-field='Form.Consumer.Email'] .fax-field__mark")!.TextContent);
        Assert.Equal("必須", page.Find("[data-field='Consent.AgreesToHandling'] .fax-field__mark")!.TextContent);
        Assert.NotNull(page.Find("[data-field='Sheet.Date']"));
        Assert.NotNull(page.Find("[data-field='Sheet.Signature']"));
    }

    [Fact]
    public async Task EveryFieldStaffTypeFromAFaxHasAPlaceOnThePaper()
    {
        var (staff, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = staff;
        var start = await staff.GetOkAsync("/staff/cases/new");
        var today = TestTime.Today.ToOffset(CaseClocks.JapanOffset).AddHours(-1);
        using var started = await staff.SubmitAsync(start, "form.paper-start-form", new Dictionary<string, string?>
        {
            ["Start.Channel"] = "Fax",
            ["Start.ReceivedDate"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Start.ReceivedTime"] = "00:00",
            ["Start.Language"] = "ja",
            ["Start.AgreesToHandling"] = "true",
            ["Start.HandlingMethod"] = "Writing",
            ["Start.HasContactedBusiness"] = "true",
            ["Start.IsConsumerPurchase"] = "true",
            ["Start.ProvisionAbroad"] = "no",
            ["Start.ConsentDate"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Start.ConsentTime"] = "00:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var staffForm = await staff.FollowRedirectAsync(started);

        using var consumer = portal.Factory.CreateFormClient();
        var paper = await consumer.GetOkAsync("/fax-form");
        var onPaper = paper.FindAll(".fax-sheet [data-field]").Select(e => e.GetAttribute("data-field")).ToHashSet();

        // The complaint's fields, as the staff's form names them.
        var typed = staffForm.FindAll("#complaint-form [name]").Select(e => e.GetAttribute("name")!)
            .Where(n => n.StartsWith("Form.", StringComparison.Ordinal) || n == IntakeController.EvidenceField).Distinct().ToList();
        Assert.NotEmpty(typed);
        Assert.All(typed, name => Assert.True(onPaper.Contains(name), $"Staff type {name} from a fax, but the fax form has no place for it."));

        // The first step's: the consent and the language are on paper; how and when the fax came, and that the
        // consent was given in writing (on this very form) and at what time (the fax's), staff read from the fax itself.
        var fromTheFax = new HashSet<string> { "Start.Channel", "Start.ReceivedDate", "Start.ReceivedTime", "Start.HandlingMethod", "Start.AbroadMethod", "Start.ConsentTime" };
        var paperName = new Dictionary<string, string>
        {
            ["Start.AgreesToHandling"] = "Consent.AgreesToHandling",
            ["Start.HasContactedBusiness"] = "Consent.HasContactedBusiness",
            ["Start.IsConsumerPurchase"] = "Consent.IsConsumerPurchase",
            ["Start.ProvisionAbroad"] = "Consent.ProvisionAbroad",
            ["Start.Language"] = "Sheet.Language",
            ["Start.ConsentDate"] = "Sheet.Date",
        };
        var first = start.FindAll("form.paper-start-form [name^='Start.']").Select(e => e.GetAttribute("name")!).Distinct().ToList();
        Assert.All(first, name => Assert.True(fromTheFax.Contains(name) || (paperName.TryGetValue(name, out var p) && onPaper.Contains(p)),
            $"Staff record {name} for a fax, but the fax form has no place for it."));
    }

    [Fact]
    public async Task ThePageShowsTheFaxNumberAndNameSetForTheCenter()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/fax-form");
        Assert.Equal(FaxFormFixture.Fax, page.Find(".fax-sheet [data-fax-number]")!.TextContent);
        Assert.Contains(FaxFormFixture.CenterName, page.Find(".fax-sheet__title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(FaxFormFixture.Fax, page.Find(".fax-page__screen")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("03-6230-0362", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InEnglishThePageExplainsThatTheFormIsInJapanese()
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await client.GetOkAsync("/fax-form");
        Assert.Equal("en", page.Lang);
        Assert.Equal("Fax form", page.Heading);
        var around = page.Find(".fax-page__screen")!.TextContent;
        Assert.Contains("The form is in Japanese and must be filled in in Japanese", around, StringComparison.Ordinal);
        Assert.Contains(FaxFormFixture.CenterNameEnglish, around, StringComparison.Ordinal);
        Assert.Equal("ja", page.Find(".fax-sheet")!.GetAttribute("lang"));
        Assert.Contains(portal.Intake("Consumer_Name_Label"), page.Find("[data-field='Form.Consumer.Name']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageCarriesNoInlineScriptOrStyleAndLinksItsOwnFiles()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/fax-form");
        Assert.Equal(["/js/site.js", "/js/fax-form.js"], page.FindAll("script").Select(s => s.GetAttribute("src")?.Split('?')[0] ?? "inline script"));
        Assert.Contains(page.FindAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.StartsWith("/css/fax-form.css", StringComparison.Ordinal));
        Assert.Empty(page.FindAll("style, [style], [onclick], [onload]"));
        Assert.NotNull(page.Find("a[href='/fax-form.pdf']"));

        foreach (var file in new[] { "/js/fax-form.js", "/css/fax-form.css" })
        {
            using var response = await client.Http.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var css = await client.Http.GetAsync("/css/fax-form.css");
        Assert.Contains("size: A4", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePdfIsA4AndHasTheFaxNumberEveryFieldAndTheConsentWording()
    {
        using var client = portal.Factory.CreateFormClient();
        using var response = await client.Http.GetAsync("/fax-form.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("fax-form.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var sizes = await Poppler.PageSizesAsync(pdf);
        Assert.InRange(sizes.Count, 2, 8);
        Assert.All(sizes, size => Assert.True(Poppler.IsA4(size), $"A page is {size.Width} x {size.Height} pt, not A4."));

        var text = Poppler.WithoutSpaces(await Poppler.TextAsync(pdf));
        Assert.Contains(FaxFormFixture.Fax, text, StringComparison.Ordinal);
        Assert.Contains(Poppler.WithoutSpaces(FaxFormFixture.CenterName), text, StringComparison.Ordinal);
        var labels = IntakeFieldOrder.Complaint.Concat(IntakeFieldOrder.Consent).Where(f => f != IntakeController.EvidenceField).Select(OnlineLabel);
        Assert.All(labels, label => Assert.Contains(Poppler.WithoutSpaces(label), text, StringComparison.Ordinal));
        Assert.All(OnlineChoices(), choice => Assert.Contains(Poppler.WithoutSpaces(choice), text, StringComparison.Ordinal));
        Assert.All(ConsentWording(), words => Assert.Contains(Poppler.WithoutSpaces(words), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePageAndThePdfAreTheSameForm()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/fax-form");
        var pdfText = Poppler.WithoutSpaces(await Poppler.TextAsync(await client.Http.GetByteArrayAsync("/fax-form.pdf")));

        // Every label, hint, option and text of the page's sheet is in the PDF.
        var texts = page.FindAll(".fax-sheet h2, .fax-sheet h3, .fax-sheet h4, .fax-sheet p, .fax-sheet li, .fax-sheet dt, .fax-sheet dd")
            .Where(e => e.QuerySelector("p, li") is null)
            .SelectMany(e => e.ChildNodes.Where(n => n.NodeType == AngleSharp.Dom.NodeType.Text).Select(n => Poppler.WithoutSpaces(n.TextContent)))
            .Concat(page.FindAll(".fax-sheet .fax-field__mark").Select(e => e.TextContent))
            .Where(t => t.Length > 0 && t != ":")
            .ToList();
        Assert.True(texts.Count > 100, $"Only {texts.Count} texts found on the page.");
        Assert.All(texts, t => Assert.Contains(t.TrimEnd(':'), pdfText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePdfIsMadeOnceAndKept()
    {
        using var client = portal.Factory.CreateFormClient();
        var first = await client.Http.GetByteArrayAsync("/fax-form.pdf");
        var second = await client.Http.GetByteArrayAsync("/fax-form.pdf");

        // PDFsharp writes the time and a new document id into each PDF it makes: the same bytes are the same PDF, kept.
        Assert.Equal(first, second);
    }
}

/// <summary>A machine without the Japanese font (fonts-ipafont-gothic not installed): the font setting points nowhere.</summary>
public class NoFontFixture : PortalFixture
{
    private readonly JsonLogFile _log = new();

    protected override PortalFactory CreateFactory(string connectionString)
    {
        var settings = _log.Settings();
        settings["FaxForm:FontFile"] = "/nonexistent/fonts/ipag.ttf";
        return new(connectionString, settings);
    }

    public IReadOnlyList<JsonElement> LogLines() => _log.Lines();
}

public class FaxFormWithoutFontTests(NoFontFixture portal) : IClassFixture<NoFontFixture>
{
    [Theory]
    [InlineData("ja", "PDFを作成できませんでした", "ブラウザから印刷してください")]
    [InlineData("en", "The PDF could not be made", "print the form from its page in your browser")]
    public async Task ThePdfAnswersWithAClearPageInTheVisitorsLanguageAndThePageStillWorks(string language, string title, string advice)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var error = await client.GetAsync("/fax-form.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(language, error.Lang);
        Assert.Equal(title, error.Heading);
        Assert.Contains(advice, error.MainText, StringComparison.Ordinal);
        Assert.NotNull(error.Find("main a[href='/fax-form']"));
        Assert.DoesNotContain("Exception", error.Text, StringComparison.Ordinal);

        var page = await client.GetOkAsync("/fax-form");
        Assert.NotNull(page.Find(".fax-sheet [data-field='Form.Consumer.Name']"));

        var logged = portal.LogLines().Where(l => l.GetProperty("Level").GetString() == "Error").ToList();
        Assert.Contains(logged, l => l.GetProperty("MessageTemplate").GetString()!.Contains("fonts-ipafont-gothic", StringComparison.Ordinal)
            && l.GetProperty("Properties").GetProperty("FontFile").GetString() == "/nonexistent/fonts/ipag.ttf");
    }
}

/// <summary>The PDF kept in memory follows the sheet: an admin's change to the partner agencies (the consent lists them) makes a new one.</summary>
public class FaxFormPdfCacheTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task AChangeToThePartnerAgenciesMakesANewPdf()
    {
        using var client = portal.Factory.CreateFormClient();
        var before = await client.Http.GetByteArrayAsync("/fax-form.pdf");
        Assert.DoesNotContain("テスト提携機関", await Poppler.TextAsync(before), StringComparison.Ordinal);

        await using (var connection = await portal.Database.OpenAsync())
        await using (var rename = connection.CreateCommand())
        {
            rename.CommandText = "UPDATE partner_agencies SET japanese_name = 'テスト提携機関' WHERE code = 'CASE'";
            Assert.Equal(1, await rename.ExecuteNonQueryAsync());
        }

        // As the registry's pages do after an admin's change.
        portal.Factory.Services.GetRequiredService<Web.Features.Partners.PartnerDirectory>().Invalidate();
        var after = await client.Http.GetByteArrayAsync("/fax-form.pdf");
        Assert.Contains("テスト提携機関", await Poppler.TextAsync(after), StringComparison.Ordinal);
        Assert.Equal(after, await client.Http.GetByteArrayAsync("/fax-form.pdf"));
    }
}
