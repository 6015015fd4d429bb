using System.Net;

namespace CrossBorderConsumerCenter.IntegrationTests.Contact;

/// <summary>
/// The contact page, the footer, the FAQ, the privacy notice and the error pages name who runs the service and how to
/// reach it from the settings (section "Center"), in Japanese and English.
/// </summary>
public class ContactPageTests(CenterSettingsFixture portal) : IClassFixture<CenterSettingsFixture>
{
    [Theory]
    [InlineData("ja", "お問い合わせ・連絡先")]
    [InlineData("en", "Contact details")]
    public async Task TheContactPageShowsEachSettingInTheVisitorsLanguage(string language, string title)
    {
        var page = await GetAsync("/contact", language);

        Assert.Equal(language, page.Lang);
        Assert.Equal(title, page.Heading);
        var main = page.MainText;
        foreach (var key in CenterSettingsFixture.Texts.Keys)
        {
            Assert.Contains(CenterSettingsFixture.Text(key, language), main, StringComparison.Ordinal);
        }

        Assert.Equal(CenterSettingsFixture.Email, page.Find($"main a[href='mailto:{CenterSettingsFixture.Email}']")?.TextContent);
        Assert.Equal(CenterSettingsFixture.Phone, page.Find($"main a[href='{CenterSettingsFixture.PhoneUri}']")?.TextContent);
        Assert.Equal(CenterSettingsFixture.Fax, page.Find(".contact-fax")?.TextContent);
        Assert.Contains(CenterSettingsFixture.PostalCode, page.Find(".contact-address")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Text("Address", language), page.Find(".contact-address")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("main a[href='/fax-form']"));
        Assert.NotNull(page.Find("main a[href='/complaint/consent']"));
        Assert.NotNull(page.Find("main a[href='tel:188']"));
        Assert.DoesNotContain("{center", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ccj.localhost", page.Text, StringComparison.Ordinal);
        Assert.Equal("page", page.Find("nav.main-nav a[href='/contact']")!.GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("ja", "電話でのご相談はお受けしていません", "新しいご相談は、メールではお受けしていません", "担当者が営業日に確認し")]
    [InlineData("en", "We take no complaints by phone", "New complaints are not taken by email", "Staff read it and answer on business days")]
    public async Task TheContactPageSaysTheCenterTakesNoCasesByPhoneOrEmailAndPromisesNoMailboxItDoesNotRead(string language, string noPhone, string noEmail, string notRead)
    {
        var main = (await GetAsync("/contact", language)).MainText;
        Assert.Contains(noPhone, main, StringComparison.Ordinal);
        Assert.Contains(noEmail, main, StringComparison.Ordinal);
        Assert.Contains(notRead, main, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "en" ? "case system" : "相談管理システム", main, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "/")]
    [InlineData("en", "/")]
    [InlineData("ja", "/faq")]
    [InlineData("en", "/no/such/page")]
    public async Task TheFooterNamesWhoRunsTheServiceForWhomAndLinksToTheContactPage(string language, string url)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var footer = (await client.GetAsync(url)).Find("footer")!;
        var text = footer.TextContent;

        Assert.Contains(CenterSettingsFixture.Text("Operator", language), text, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Text("CommissionedBy", language), text, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Text("OfficeHours", language), text, StringComparison.Ordinal);
        Assert.NotNull(footer.QuerySelector("a[href='/contact']"));
        Assert.NotNull(footer.QuerySelector("a[href='tel:188']"));
    }

    [Theory]
    [InlineData("ja", "相談フォームとFAXは24時間受け付けています。お返事は営業日にいたします。", "メール・FAXからのご相談は24時間")]
    [InlineData("en", "The complaint form and the fax are received at any time; we answer on business days.", "email and fax are accepted 24 hours")]
    public async Task TheFooterClaimsAroundTheClockOnlyForTheFormAndTheFax(string language, string claim, string formerClaim)
    {
        var footer = (await GetAsync("/", language)).Find("footer")!.TextContent;
        Assert.Contains(claim, footer, StringComparison.Ordinal);
        Assert.DoesNotContain(formerClaim, footer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task TheFaqGivesTheFaxTheFaxFormThePhoneAndTheEmailFromTheSettings(string language)
    {
        var page = await GetAsync("/faq", language);
        var phone = page.Find("#phone")!.ParentElement!.TextContent;

        Assert.DoesNotContain("{center", page.Text, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Fax, phone, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Phone, phone, StringComparison.Ordinal);
        Assert.NotNull(page.Find("main a[href='/fax-form']"));
        Assert.NotNull(page.Find($"main a[href='{CenterSettingsFixture.PhoneUri}']"));
        Assert.NotNull(page.Find($"main a[href='mailto:{CenterSettingsFixture.Email}']"));
        Assert.NotNull(page.Find("main a[href='/contact']"));
        Assert.Contains(CenterSettingsFixture.Text("OfficeHours", language), page.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "版: 2026-12", "第33条")]
    [InlineData("en", "Version: 2026-12", "article 33")]
    public async Task ThePrivacyNoticeNamesTheOperatorTheCommissioningBodyAndWhereToSendRequests(string language, string version, string article)
    {
        var page = await GetAsync("/privacy", language);
        var main = page.MainText;

        Assert.DoesNotContain("{center", page.Text, StringComparison.Ordinal);
        Assert.Contains(version, main, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Text("Operator", language), main, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Text("CommissionedBy", language), main, StringComparison.Ordinal);

        // Section 7, the requests under the Act: where to send them, by email and by post.
        var requests = page.Find("#requests")!;
        var section = string.Concat(Enumerable.Range(0, 4).Select(i => Following(requests, i)?.TextContent));
        Assert.Contains(article, section, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Email, section, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.PostalCode, section, StringComparison.Ordinal);
        Assert.Contains(CenterSettingsFixture.Text("Address", language), section, StringComparison.Ordinal);
        Assert.NotNull(page.Find($"main a[href='mailto:{CenterSettingsFixture.Email}']"));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task TheErrorPageGivesTheAddressToWriteTo(string language)
    {
        var page = await GetAsync("/no/such/page", language);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(CenterSettingsFixture.Email, page.Find($"main a[href='mailto:{CenterSettingsFixture.Email}']")?.TextContent);
    }

    [Fact]
    public async Task TheHomePageGivesTheOfficeHoursFromTheSettingsAndLinksToTheContactPage()
    {
        var page = await GetAsync("/", "ja");
        Assert.Contains(CenterSettingsFixture.Text("OfficeHours", "ja"), page.Find("#hours")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("main a[href='/contact']"));
    }

    private async Task<HtmlPage> GetAsync(string url, string language)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await client.GetAsync(url);
    }

    private static AngleSharp.Dom.IElement? Following(AngleSharp.Dom.IElement element, int steps)
    {
        var current = element;
        for (var i = 0; i < steps && current is not null; i++)
        {
            current = current.NextElementSibling;
        }

        return current;
    }
}

/// <summary>When the portal reads the center's mailbox, the contact page says what becomes of a message written to it.</summary>
public class ContactPageWithTheMailboxReadTests(CenterSettingsReadingMailFixture portal) : IClassFixture<CenterSettingsReadingMailFixture>
{
    [Theory]
    [InlineData("ja", "このアドレスに届いたメールは、センターの相談管理システムに取り込まれます。")]
    [InlineData("en", "Mail to this address goes into the center's case system.")]
    public async Task TheContactPageSaysMailReachesTheCaseOrStaff(string language, string statement)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var page = await client.GetOkAsync("/contact");
        Assert.Contains(statement, page.MainText, StringComparison.Ordinal);
    }
}
