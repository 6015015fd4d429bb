using System.Net;
using System.Text.Json;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Forwarding;

/// <summary>Forwarding through the pages: routing, every refusal, the compose page and its preview, the email that reaches the SMTP server, the record of provision.</summary>
public class ForwardingTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private FormClient Client => portal.Client;

    [Theory]
    [InlineData("US", "USD", "CBBB(The Council of Better Business Bureaus)")]
    [InlineData("CA", "CAD", "CBBB(The Council of Better Business Bureaus)")]
    [InlineData("TW", "TWD", "SOSA(Secure Online Shopping Association)")]
    [InlineData("SG", "SGD", "シンガポール消費者協会(CASE)")]
    public async Task TheCasePageSuggestsTheAgencyOfTheMerchantsCountryAndOffersForwarding(string country, string currency, string agency)
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: country, currency: currency));
        var page = await Client.GetOkAsync(ForwardingFixture.PageOf(c.Number));

        Assert.Equal(agency, page.Find("[data-field=suggested-partner]")!.TextContent.Trim());
        Assert.NotNull(page.Find("[data-forward-link]"));
        Assert.Null(page.Find("[data-forward-refused]"));
        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        Assert.Equal(agency, compose.Find("[data-field=agency]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ACountryWithoutAnAgencyIsNotOfferedForwardingAndThePageSaysWhy()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: "DE", currency: "EUR"));
        var page = await Client.GetOkAsync(ForwardingFixture.PageOf(c.Number));

        Assert.Equal("なし(ドイツには提携機関がありません)", page.Find("[data-field=suggested-partner]")!.TextContent.Trim());
        Assert.Null(page.Find("[data-forward-link]"));
        Assert.Equal("ドイツには提携機関がありません。", page.Find("#action-Forward [data-refusal=NoAgency]")!.TextContent.Trim());
        await AssertRefusedAsync(c, ForwardingRefusal.NoAgency);
    }

    [Fact]
    public async Task WithoutConsentToProvisionAbroadForwardingIsRefusedWithTheReason()
    {
        var c = await portal.ReceiveAsync(consent: TestComplaints.Consent(abroad: false));
        var page = await Client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        Assert.Null(page.Find("[data-forward-link]"));
        Assert.Contains("同意していません", page.Find("#action-Forward [data-refusal=NoConsent]")!.TextContent, StringComparison.Ordinal);
        await AssertRefusedAsync(c, ForwardingRefusal.NoConsent);
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Declined)]
    public async Task AClosedOrDeclinedCaseIsNotForwarded(CaseStatus status)
    {
        var c = await portal.ReceiveAsync();
        await portal.ChangeAsync(c.Id, (x, actor, now) =>
        {
            if (status == CaseStatus.Closed)
            {
                x.Close(CaseOutcome.Resolved, null, actor, now);
            }
            else
            {
                x.Decline(DeclineReason.OutOfScope, null, null, actor, now);
            }
        });
        await AssertRefusedAsync(c, ForwardingRefusal.CaseFinished);
    }

    [Fact]
    public async Task AnInactiveAgencyOrOneWithoutAnAddressIsNotSentTo()
    {
        // Admins add an agency for Korea without an address yet.
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Web.Domain.Accounts.Roles.Admin);
        using (admin)
        {
            var create = await admin.GetOkAsync("/admin/partners/new");
            using var created = await admin.SubmitAsync(create, "form.partner-form", [
                new("Code", "KCA"), new("EnglishName", "Korea Consumer Agency (KCA)"), new("JapaneseName", "韓国消費者院(KCA)"),
                new("EmailAddresses", ""), new("Language", "en"), new("ResponseBusinessDays", "10"),
                new("Countries[0].CountryCode", "KR"), new("Countries[0].PrivacyLawJapanese", "個人情報保護法"), new("Countries[0].PrivacyLawEnglish", "Personal Information Protection Act"),
            ]);
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{(int)created.StatusCode}: {await ForwardingFixture.ErrorsAsync(await HtmlPage.ReadAsync(created))} {(await HtmlPage.ReadAsync(created)).MainText}");
        }

        var korean = await portal.ReceiveAsync(TestComplaints.Details(country: "KR", currency: "KRW"));
        await AssertRefusedAsync(korean, ForwardingRefusal.AgencyHasNoAddress);

        var singaporean = await portal.ReceiveAsync(TestComplaints.Details(country: "SG", currency: "SGD"));
        await portal.Database.ScalarAsync<int>("UPDATE partner_agencies SET is_active = false WHERE code = 'CASE' RETURNING 1");
        try
        {
            await AssertRefusedAsync(singaporean, ForwardingRefusal.AgencyInactive);
        }
        finally
        {
            await portal.Database.ScalarAsync<int>("UPDATE partner_agencies SET is_active = true WHERE code = 'CASE' RETURNING 1");
        }
    }

    [Fact]
    public async Task TheComposePageStartsFromWhatIsInLatinLettersShowsTheConsumersWordsAndSuggestsTheNameInLatinLetters()
    {
        var c = await portal.ReceiveAsync();
        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        string? Value(string name) => compose.Find($"[name='Forward.{name}']") is { } e ? (e.LocalName == "textarea" ? e.TextContent.Trim() : e.GetAttribute("value")) : "(absent)";

        Assert.Equal("Example Gadgets Inc.", Value("BusinessName"));
        Assert.Equal("https://gadgets.example.com/", Value("BusinessWebsite"));
        Assert.Equal("support@gadgets.example.com", Value("BusinessEmail"));
        Assert.Equal("A-1001", Value("OrderNumber"));
        Assert.Equal("YAMADA Taro", Value("ConsumerName"));
        // What the consumer wrote in Japanese is shown beside the field, not put into it.
        Assert.True(string.IsNullOrEmpty(Value("Item")));
        Assert.Contains("ワイヤレスイヤホン", compose.Find("#Forward_Item-hint")!.TextContent, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(Value("Summary")));
        Assert.True(string.IsNullOrEmpty(Value("BusinessResponse")));
        Assert.Equal("届きません。", compose.Find("[data-original]")!.TextContent.Trim());
        Assert.Equal("返事がありません。", compose.Find("[data-original-response]")!.TextContent.Trim());

        // The consumer's words in their language, what staff write for the agency in the agency's.
        Assert.Equal(("ja", "ja", "ja"), (compose.Lang, compose.Find("[data-original]")!.GetAttribute("lang"), compose.Find("[data-original-response]")!.GetAttribute("lang")));
        foreach (var written in (string[])["#Forward_Summary", "#Forward_BusinessResponse", "#Forward_Note"])
        {
            Assert.Equal("en", compose.Find(written)!.GetAttribute("lang"));
        }

        var english = await portal.ReceiveAsync(language: "en");
        Assert.Equal("en", (await Client.GetOkAsync(ForwardingFixture.ComposeOf(english.Number))).Find("[data-original]")!.GetAttribute("lang"));
        Assert.Equal("(absent)", Value("PlatformName"));

        Assert.True(compose.Find("#Forward_IncludeName")!.HasAttribute("checked"));
        Assert.False(compose.Find("#Forward_IncludeAddress")!.HasAttribute("checked"));
        Assert.False(compose.Find("#Forward_IncludeOriginal")!.HasAttribute("checked"));
        foreach (var contact in new[] { "taro@example.jp", "090-1234-5678" })
        {
            Assert.DoesNotContain(contact, compose.MainText, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Forward.Item", "ランニングシューズ", "商品・サービスに日本語の文字(「ラ」)が残っています。", "Forward_Item")]
    [InlineData("Forward.Summary", "The shoes never arrived。", "相談内容の要約に日本語の文字(「。」)が残っています。", "Forward_Summary")]
    [InlineData("Forward.BusinessName", "Ｅｘａｍｐｌｅ Inc.", "事業者の名称に日本語の文字(「Ｅ」)が残っています。", "Forward_BusinessName")]
    [InlineData("Forward.ConsumerName", "山田 Taro", "相談者の氏名(ローマ字)に日本語の文字(「山」)が残っています。", "Forward_ConsumerName")]
    [InlineData("Forward.BusinessResponse", "返事なし", "事業者の回答に日本語の文字(「返」)が残っています。", "Forward_BusinessResponse")]
    [InlineData("Forward.Note", "Thanks ㈱", "提携機関への補足に日本語の文字(「㈱」)が残っています。", "Forward_Note")]
    public async Task JapaneseScriptInAFieldForTheAgencyIsRefusedNamingTheFieldAndEverythingIsKept(string field, string typed, string message, string id)
    {
        var c = await portal.ReceiveAsync();
        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        using var response = await Client.SubmitAsync(compose, "form.forward-form", ForwardingFixture.InEnglish([new(field, typed)]));
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.Find("[data-preview-body]"));
        var link = Assert.Single(page.FindAll(".error-summary a"));
        Assert.StartsWith(message, link.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("#" + id, link.GetAttribute("href"));
        Assert.Contains(message, page.Find($"#{id}-error")!.TextContent, StringComparison.Ordinal);
        var kept = page.Find($"[name='{field}']")!;
        Assert.Equal(typed, kept.LocalName == "textarea" ? kept.TextContent.Trim() : kept.GetAttribute("value"));
        if (field != "Forward.Item")
        {
            Assert.Equal("Wireless earphones", page.Find("[name='Forward.Item']")!.GetAttribute("value"));
        }

        // Sending it anyway (a forged or stale preview) is refused the same way: nothing goes out.
        var current = await portal.ReadCaseAsync(c.Id);
        var posted = new Dictionary<string, string>
        {
            ["Forward.Version"] = current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forward.Agency"] = "CBBB",
            ["Forward.BusinessName"] = "Example Gadgets Inc.",
            ["Forward.IncludeName"] = "true",
            ["Forward.ConsumerName"] = "YAMADA Taro",
            ["intent"] = ForwardingController.Intents.Send,
        };
        foreach (var (name, value) in ForwardingFixture.English)
        {
            posted[name] = value!;
        }

        posted[field] = typed;
        using var forged = await Client.PostAsync(ForwardingFixture.ComposeOf(c.Number), compose, posted);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains(message, await ForwardingFixture.ErrorsAsync(await HtmlPage.ReadAsync(forged)), StringComparison.Ordinal);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM partner_provisions WHERE case_id = @id", ("id", c.Id)));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE case_id = @id AND template = @t", ("id", c.Id), ("t", ForwardEmail.TemplateName)));
    }

    [Fact]
    public async Task WithoutTheEnglishTheComposePageAsksForItByName()
    {
        var c = await portal.ReceiveAsync();
        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        using var response = await Client.SubmitAsync(compose, "form.forward-form", [new("Forward.IncludeAddress", "true")]);
        var refused = await HtmlPage.ReadAsync(response);
        RefusedForm.AssertShown(refused);
        var errors = refused.FindAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();

        Assert.Equal(
            [("#Forward_BusinessResponse", "事業者の回答を入力してください。"), ("#Forward_ConsumerAddress", "相談者の住所(ローマ字)を入力してください。"),
             ("#Forward_Item", "商品・サービスを入力してください。"), ("#Forward_Summary", "相談内容の要約を入力してください。")],
            errors.Order().ToList());
    }

    [Fact]
    public async Task TheConsumersOriginalGoesBelowTheSummaryOnlyWhenTickedAndIsTheOnlyJapaneseSent()
    {
        var c = await portal.ReceiveAsync();
        await portal.ForwardAsync(c, [new("Forward.IncludeOriginal", "true")]);

        var email = await portal.LatestForwardEmailAsync(c.Id);
        const string Appendix = "\n\nOriginal, in Japanese (the consumer's own words):\n届きません。";
        Assert.Contains("Summary:\nThe consumer paid for wireless earphones that never arrived." + Appendix + "\n\n", email.TextBody, StringComparison.Ordinal);
        Assert.Null(JapaneseScript.First(email.TextBody.Replace(Appendix, "", StringComparison.Ordinal)));
        var provision = await portal.QueryAsync(db => db.PartnerProvisions.AsNoTracking().SingleAsync(p => p.CaseId == c.Id));
        Assert.True(provision.OriginalIncluded);
    }

    [Fact]
    public async Task TheAgencyReceivesExactlyThePreviewedEmailWithTheChosenFilesAndOnlyTheConsentedDetails()
    {
        var now = portal.Clock.GetUtcNow();
        var receipt = Enumerable.Range(0, 5000).Select(i => (byte)(i % 251)).ToArray();
        var photo = Enumerable.Range(0, 3000).Select(i => (byte)(i % 13)).ToArray();
        var c = await portal.ReceiveAsync(evidence: [new StoredFile("receipt.pdf", "application/pdf", receipt, now), new StoredFile("private-photo.jpg", "image/jpeg", photo, now)]);
        var evidence = await portal.QueryAsync(db => db.CaseEvidence.AsNoTracking().Join(db.StoredFiles, e => e.StoredFileId, f => f.Id, (e, f) => new { e.Id, e.CaseId, f.FileName })
            .Where(x => x.CaseId == c.Id).ToListAsync());
        var receiptId = evidence.Single(e => e.FileName == "receipt.pdf").Id;

        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        using var previewResponse = await Client.SubmitAsync(compose, "form.forward-form", ForwardingFixture.InEnglish([new("Forward.Evidence", receiptId.ToString())]));
        var preview = await HtmlPage.ReadAsync(previewResponse);
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        Assert.Equal($"{ForwardingFixture.CbbbAddress}, {ForwardingFixture.CbbbSecondAddress}", preview.Find("[data-field=to]")!.TextContent.Trim());
        var subject = $"[{c.Number}] Consumer complaint about Example Gadgets Inc. (United States): request for assistance";
        Assert.Equal(subject, preview.Find("[data-field=subject]")!.TextContent.Trim());
        Assert.Equal(("en", "en"), (preview.Find("[data-field=subject]")!.GetAttribute("lang"), preview.Find("[data-preview-body]")!.GetAttribute("lang")));
        Assert.Equal("receipt.pdf", preview.Find("[data-field=attachments]")!.TextContent.Trim());
        Assert.Contains("相談者の氏名", preview.Find("[data-field=record]")!.TextContent, StringComparison.Ordinal);
        var previewed = preview.Find("[data-preview-body]")!.TextContent;

        using (var sent = await Client.SubmitAsync(preview, "form.forward-send", submitName: "intent", submitValue: ForwardingController.Intents.Send))
        {
            var casePage = await CasePageAfterAsync(sent, c.Number);
            Assert.Equal("提携機関へ伝達済み", casePage.Find("[data-field=status]")!.TextContent.Trim());
            Assert.NotNull(casePage.Find("[data-kind=Forwarded]"));
            Assert.Contains("相談者の氏名", casePage.Find("[data-provision] [data-field=items]")!.TextContent, StringComparison.Ordinal);
        }

        var email = await portal.LatestForwardEmailAsync(c.Id);
        var token = ForwardingFixture.TokenIn(email.TextBody);
        await portal.SendEmailsAsync();
        var message = Assert.Single(await portal.Smtp.ReadAllAsync(), m => m.MessageId == email.MessageId);

        Assert.Equal($"{ForwardingFixture.CbbbAddress}, {ForwardingFixture.CbbbSecondAddress}", message.To);
        Assert.Equal(subject, message.Subject!.Replace("\r\n", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)); // unfolded
        var body = message.Text!.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = previewed.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("(a link unique to this forward is made when it is sent)", $"http://localhost/partner/{token}", StringComparison.Ordinal);
        Assert.StartsWith(expected.Trim(), body, StringComparison.Ordinal);
        Assert.StartsWith("Dear colleagues at the Council of Better Business Bureaus,\n", body, StringComparison.Ordinal);
        Assert.Contains("Name: YAMADA Taro\n", body, StringComparison.Ordinal);
        Assert.Contains("Item or service: Wireless earphones\n", body, StringComparison.Ordinal);
        Assert.Contains("ATTACHED FILE (1)\n- receipt.pdf (4 KB)", body, StringComparison.Ordinal);
        // Nothing the agency cannot read, and nothing written for a consumer.
        Assert.Null(JapaneseScript.First(body));
        Assert.Null(JapaneseScript.First(message.Subject));
        Assert.DoesNotContain("did not expect this email", body, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", body, StringComparison.Ordinal);
        foreach (var withheld in new[] { "taro@example.jp", "090-1234-5678", "千代田区", "100-0001", "private-photo.jpg", "山田", "届きません" })
        {
            Assert.DoesNotContain(withheld, message.Raw, StringComparison.Ordinal);
        }

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("receipt.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(receipt, attachment.Content);

        // The record of provision: when, to whom, which items, the message; kept at least three years (APPI art. 29).
        var provision = await portal.QueryAsync(db => db.PartnerProvisions.AsNoTracking().SingleAsync(p => p.CaseId == c.Id));
        Assert.Equal(("CBBB", "US", email.Id, portal.Staff.Id), (provision.AgencyCode, provision.CountryCode, provision.OutboundEmailId, provision.ProvidedById!.Value));
        Assert.Equal([ForwardingFixture.CbbbAddress, ForwardingFixture.CbbbSecondAddress], provision.Recipients);
        Assert.Equal(["Name", "Purchase", "Complaint", "EvidenceFiles"], provision.Items);
        Assert.Equal(["receipt.pdf"], provision.EvidenceFileNames);
        Assert.Equal(now, provision.ProvidedAt);
        Assert.True(provision.RetainUntil >= now.AddYears(3));
        Assert.Equal(
            new ForwardedText("Example Gadgets Inc.", "Wireless earphones", "The consumer paid for wireless earphones that never arrived.", "The business has not replied.", "YAMADA Taro", false),
            provision.Text);

        var forwarded = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.Forwarded, CaseClocks.PartnerDue(now, 10)), (forwarded.Status, forwarded.DueAt!.Value));
        using var audit = JsonDocument.Parse(await portal.Database.ScalarAsync<string>(
            "SELECT details::text FROM audit_entries WHERE case_id = @id AND action = 'CaseChanged' ORDER BY id DESC LIMIT 1", ("id", c.Id)));
        Assert.Equal("Forward", audit.RootElement.GetProperty("action").GetString());
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM partner_links WHERE case_id = @id AND provision_id = @p", ("id", c.Id), ("p", provision.Id)));
    }

    [Fact]
    public async Task WithNeitherNameNorAddressChosenTheAgencyGetsTheReferenceOnly()
    {
        var c = await portal.ReceiveAsync();
        await portal.ForwardAsync(c, [new("Forward.IncludeName", null)]);

        var email = await portal.LatestForwardEmailAsync(c.Id);
        Assert.Contains($"THE CONSUMER: their name and contact details are withheld. Please quote our reference {c.Number} to the business.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("山田", email.TextBody + email.HtmlBody, StringComparison.Ordinal);
        var provision = await portal.QueryAsync(db => db.PartnerProvisions.AsNoTracking().SingleAsync(p => p.CaseId == c.Id));
        Assert.Equal(["Purchase", "Complaint"], provision.Items);
    }

    [Fact]
    public async Task TheConsumersEmailTypedIntoTheTextIsRefusedAndTheTextKept()
    {
        var c = await portal.ReceiveAsync();
        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        var typed = "Please write to the consumer at taro@example.jp directly.";
        using var response = await Client.SubmitAsync(compose, "form.forward-form", ForwardingFixture.InEnglish([new("Forward.Summary", typed)]));
        var page = await HtmlPage.ReadAsync(response);

        Assert.Contains("相談内容の要約に相談者のメールアドレスが含まれています", await ForwardingFixture.ErrorsAsync(page), StringComparison.Ordinal);
        Assert.Null(page.Find("[data-preview-body]"));
        Assert.Equal(typed, page.Find("textarea[name='Forward.Summary']")!.TextContent.Trim());
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM partner_provisions WHERE case_id = @id", ("id", c.Id)));
    }

    [Fact]
    public async Task AFollowUpForwardIsSentAndRecordedAgainWithItsOwnLink()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: "TW", currency: "TWD"));
        var first = await portal.ForwardAsync(c);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var page = await Client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        Assert.Equal("提携機関へ追加で転送する", page.Find("[data-forward-link]")!.TextContent.Trim());
        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        Assert.Contains("1回", compose.Find("[data-field=previous]")!.TextContent, StringComparison.Ordinal);

        var second = await portal.ForwardAsync(c);

        Assert.NotEqual(first, second);
        var provisions = await portal.QueryAsync(db => db.PartnerProvisions.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.ProvidedAt).ToListAsync());
        Assert.Equal(2, provisions.Count);
        Assert.All(provisions, p => Assert.Equal(("SOSA", "TW", ForwardingFixture.SosaAddress), (p.AgencyCode, p.CountryCode, Assert.Single(p.Recipients))));
        Assert.Equal(2, (await portal.EmailsAsync(c.Id, ForwardEmail.TemplateName)).Count);
        Assert.Equal(2, (await portal.TimelineAsync(c.Id)).Count(k => k == CaseEventKind.Forwarded));
        Assert.Equal(2, (await Client.GetOkAsync(ForwardingFixture.PageOf(c.Number))).FindAll("[data-provision]").Count);
    }

    [Fact]
    public async Task SendingTheSamePreviewTwiceForwardsOnce()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: "SG", currency: "SGD"));
        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        using var previewResponse = await Client.SubmitAsync(compose, "form.forward-form", ForwardingFixture.InEnglish());
        var preview = await HtmlPage.ReadAsync(previewResponse);
        using (var sent = await Client.SubmitAsync(preview, "form.forward-send", submitName: "intent", submitValue: ForwardingController.Intents.Send))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using var again = await Client.SubmitAsync(preview, "form.forward-send", submitName: "intent", submitValue: ForwardingController.Intents.Send);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        RefusedForm.AssertShown(await HtmlPage.ReadAsync(again));
        Assert.Single(await portal.EmailsAsync(c.Id, ForwardEmail.TemplateName));
    }

    /// <summary>The case page, the compose page and a forged send all refuse, and nothing is sent or recorded.</summary>
    private async Task AssertRefusedAsync(Case c, ForwardingRefusal refusal)
    {
        var compose = await Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        Assert.NotNull(compose.Find($"[data-forward-refused] [data-refusal={refusal}]"));
        Assert.Null(compose.Find("form.forward-form"));

        var current = await portal.ReadCaseAsync(c.Id);
        using var forged = await Client.PostAsync(ForwardingFixture.ComposeOf(c.Number), compose, [
            new("Forward.Version", current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Forward.Agency", "CBBB"), .. ForwardingFixture.English.Select(e => new KeyValuePair<string, string>(e.Key, e.Value!)), new("intent", ForwardingController.Intents.Send),
        ]);
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.NotNull((await HtmlPage.ReadAsync(forged)).Find($"[data-refusal={refusal}]"));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM partner_provisions WHERE case_id = @id", ("id", c.Id)));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE case_id = @id AND template = @t", ("id", c.Id), ("t", ForwardEmail.TemplateName)));
        Assert.Equal(current.Status, (await portal.ReadCaseAsync(c.Id)).Status);
    }

    private async Task<HtmlPage> CasePageAfterAsync(HttpResponseMessage response, string number)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}: {await ForwardingFixture.ErrorsAsync(await HtmlPage.ReadAsync(response))}");
        Assert.Equal(ForwardingFixture.PageOf(number), response.Headers.Location!.OriginalString);
        return await Client.GetOkAsync(ForwardingFixture.PageOf(number));
    }
}
