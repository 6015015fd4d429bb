using System.Net;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>What the case page shows, how it shows free text, and that every view of it is audited.</summary>
public class CasePageTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    // Emoji (a joiner sequence, a surrogate pair), right-to-left Arabic and Hebrew, HTML and SQL.
    private const string Tricky = "😀👨‍👩‍👧𠮷 مرحبا עברית <script>alert('x')</script><b>&amp;</b> '; DROP TABLE cases; -- \"";

    private FormClient Client => portal.Client;

    [Fact]
    public async Task ThePageShowsEverythingTheConsumerGaveAndEachViewIsAudited()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: "TW", currency: "TWD", amount: 12345.5m));
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        Assert.Equal(c.Number, page.Heading);
        Assert.Equal($"{c.Number} — 案件 — 越境消費者センター", page.Title);
        string Field(string name) => page.Find($"[data-field={name}]")!.TextContent.Trim();
        Assert.Equal("受付", Field("status"));
        Assert.Equal("通常", Field("priority"));
        Assert.Equal("商品が届かない", Field("category"));
        Assert.Equal(LocalizationRegistration.FormatJapanTime(c.DueAt!.Value), Field("due"));
        Assert.Equal(LocalizationRegistration.FormatJapanTime(c.ReceivedAt), Field("received"));
        Assert.Equal("SOSA(Secure Online Shopping Association)", Field("partner"));
        Assert.Equal("日本語", Field("language"));
        Assert.Equal("12,345.5 TWD (新台湾ドル)", Field("amount"));
        var text = page.MainText;
        foreach (var expected in new[]
                 {
                     "山田 太郎", "ヤマダ タロウ", "taro@example.jp", "090-1234-5678", "〒100-0001 東京都 千代田区千代田1-1", "40代",
                     "Example Gadgets Inc.", "https://gadgets.example.com/", "台湾 (TW)", "support@gadgets.example.com",
                     TestTime.Iso(TestComplaints.PurchaseDate), "ワイヤレスイヤホン", "クレジットカード", "A-1001", "届きません。", TestTime.Iso(TestComplaints.ContactedOn), "返事がありません。", "返金",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Null(page.Find("a[href='https://gadgets.example.com/']"));
        Assert.Equal("agreed", page.Find("[data-abroad]")!.GetAttribute("data-abroad"));
        Assert.Contains("SOSA", page.Find("[data-abroad]")!.TextContent, StringComparison.Ordinal);
        var consent = page.Find("[data-consent]")!.TextContent;
        Assert.Contains(PrivacyNotice.CurrentVersion, consent, StringComparison.Ordinal);
        Assert.Contains(LocalizationRegistration.FormatJapanTime(TestComplaints.Consent().GivenAt), consent, StringComparison.Ordinal);
        Assert.Equal("はい", page.Find("[data-field=provision-abroad]")!.TextContent.Trim());
        Assert.Equal("Received", Assert.Single(page.FindAll("[data-kind]")).GetAttribute("data-kind"));
        Assert.Equal("証拠資料はありません。", page.Find("#case-evidence p")!.TextContent.Trim());

        const string views = "SELECT count(*) FROM audit_entries WHERE action = 'CaseViewed' AND case_id = @id AND subject_type = 'Case' AND subject_id = @sid AND actor_id = @actor";
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(views, ("id", c.Id), ("sid", c.Id.ToString()), ("actor", portal.Staff.Id)));
        await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Equal(2L, await portal.Database.ScalarAsync<long>(views, ("id", c.Id), ("sid", c.Id.ToString()), ("actor", portal.Staff.Id)));
    }

    /// <summary>The former "under 20" straddles the age of majority: the migration keeps it on old cases, shown as it was.</summary>
    [Fact]
    public async Task ACaseFiledUnderTheFormerUnderTwentyKeepsItAfterTheMigration()
    {
        var c = await portal.ReceiveAsync();
        await using (var connection = await portal.Database.OpenAsync())
        {
            await using var before = new Npgsql.NpgsqlCommand("UPDATE cases SET consumer_age_band = 'Under20' WHERE id = @id", connection);
            before.Parameters.AddWithValue("id", c.Id);
            Assert.Equal(1, await before.ExecuteNonQueryAsync());
            var migration = Web.Infrastructure.Database.MigrationRunner.Embedded.Single(m => m.Name.Contains("age_band", StringComparison.Ordinal));
            await using var migrate = new Npgsql.NpgsqlCommand(migration.Sql, connection);
            await migrate.ExecuteNonQueryAsync();
        }

        Assert.Equal("Under20Legacy", await portal.Database.ScalarAsync<string>("SELECT consumer_age_band FROM cases WHERE id = @id", ("id", c.Id)));
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Contains("20歳未満(旧区分)", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaseFiledInACurrencySinceWithdrawnStillShowsTheCurrencysName()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: "CU", currency: "CUP", amount: 1500m));
        await using (var connection = await portal.Database.OpenAsync())
        {
            // Filed when the Cuban convertible peso was still offered.
            await using var update = new Npgsql.NpgsqlCommand("UPDATE cases SET purchase_currency_code = 'CUC' WHERE id = @id", connection);
            update.Parameters.AddWithValue("id", c.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Equal("1,500 CUC (キューバ 兌換ペソ)", page.Find("[data-field=amount]")!.TextContent.Trim());
    }

    [Fact]
    public async Task WithoutConsentToProvisionAbroadThePageSaysSoAtTheTop()
    {
        var c = await portal.ReceiveAsync(consent: TestComplaints.Consent(abroad: false));
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var warning = page.Find("header [data-abroad]")!;
        Assert.Equal("not-agreed", warning.GetAttribute("data-abroad"));
        Assert.Contains("notice--warning", warning.ClassName, StringComparison.Ordinal);
        Assert.Contains("同意していません", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal("海外提供の同意なし", page.Find(".case-badge--no-abroad")!.TextContent.Trim());
        Assert.Equal("いいえ", page.Find("[data-field=provision-abroad]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ACountryWithoutAPartnerAgencyIsNamedAsSuch()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: "FR", currency: "EUR"));
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Equal("なし(提携機関のない国・地域)", page.Find("[data-field=partner]")!.TextContent.Trim());
        Assert.Contains("フランスを担当する提携機関はありません", page.Find("[data-abroad]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CCJ-2001-000001")]
    [InlineData("not-a-case")]
    [InlineData("CCJ-2026-1")]
    public async Task AnUnknownOrMalformedNumberShowsTheFriendlyNotFoundPageAndRecordsNothing(string number)
    {
        var views = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'CaseViewed'");
        var page = await Client.GetAsync("/staff/cases/" + number);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("ページが見つかりません", page.Heading);
        Assert.Equal(views, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'CaseViewed'"));
    }

    [Fact]
    public async Task ANumberTypedInLowerCaseFindsTheCase()
    {
        var c = await portal.ReceiveAsync();
        Assert.Equal(c.Number, (await Client.GetOkAsync(CasePageFixture.PageOf(c.Number.ToLowerInvariant()))).Heading);
    }

    [Fact]
    public async Task TheTimelineMergesEventsAndEmailsNewestFirstWithTheirDeliveryState()
    {
        var c = await portal.ReceiveAsync();
        await EnqueueEmailAsync(c.Id, "IntakeAcknowledgement", OutboundEmailState.Sent);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using (var response = await Client.SubmitAsync(page, "#action-AddNote form", [new("AddNote.Text", "先にメモ")]))
        {
            await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using (var response = await Client.SubmitAsync(page, "#action-RequestInformation form", [new("RequestInformation.Message", "注文番号を教えてください。")]))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        string[] newestFirst = ["Email", "InformationRequested", "NoteAdded", "Email", "Received"];
        Assert.Equal(newestFirst, page.FindAll(".timeline > li").Select(li => li.GetAttribute("data-kind")!));
        var acknowledgement = page.FindAll("[data-kind=Email]")[1];
        Assert.Contains("受付のお知らせ", acknowledgement.TextContent, StringComparison.Ordinal);
        Assert.Equal("送信済み", acknowledgement.QuerySelector("[data-field=email-state]")!.TextContent.Trim());
        Assert.Contains("送信日時", acknowledgement.TextContent, StringComparison.Ordinal);

        await portal.Database.ScalarAsync<int>("UPDATE outbound_emails SET state = 'DeadLettered', attempts = 3 WHERE case_id = @id AND template = 'InformationRequest' RETURNING 1", ("id", c.Id));
        page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var failed = page.FindAll("[data-kind=Email]")[0];
        Assert.Equal("送信できなかった", failed.QuerySelector("[data-field=email-state]")!.TextContent.Trim());
        Assert.Contains("届けられませんでした", failed.TextContent, StringComparison.Ordinal);
        Assert.Contains("3", failed.QuerySelector(".timeline__facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOpenCasePastItsDeadlineIsMarkedOverdueAndAFinishedOneNever()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Null(page.Find("[data-overdue]"));

        await portal.Database.ScalarAsync<int>("UPDATE cases SET due_at = @due WHERE id = @id RETURNING 1", ("due", portal.Clock.GetUtcNow().AddMinutes(-1)), ("id", c.Id));
        page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Equal("期限超過", page.Find("[data-overdue]")!.TextContent.Trim());
        Assert.Contains("期限超過", page.Find("[data-field=due]")!.TextContent, StringComparison.Ordinal);

        var closed = await portal.CaseInAsync(CaseStatus.Closed);
        page = await Client.GetOkAsync(CasePageFixture.PageOf(closed.Number));
        Assert.Null(page.Find("[data-overdue]"));
        Assert.Equal("なし", page.Find("[data-field=due]")!.TextContent.Trim());
    }

    [Fact]
    public async Task LongTextInAnyScriptWithMarkupIsShownExactlyAsTypedAndNeverAsMarkup()
    {
        var whatHappened = string.Concat(Enumerable.Repeat(Tricky + "\n", 20_000 / (Tricky.Length + 1)));
        var details = TestComplaints.Details(name: Tricky[..40]);
        details = details with { Trouble = details.Trouble with { WhatHappened = whatHappened, BusinessResponse = Tricky } };
        var c = await portal.ReceiveAsync(details);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using (var response = await Client.SubmitAsync(page, "#action-AddNote form", [new("AddNote.Text", Tricky)]))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        Assert.Equal(whatHappened, page.Find("[data-field=what-happened]")!.TextContent);
        Assert.Equal(Tricky, page.Find("[data-field=business-response]")!.TextContent);
        Assert.Equal(Tricky, page.Find("[data-kind=NoteAdded] .timeline__text")!.TextContent);
        Assert.Equal(Tricky[..40], page.Find("[data-field=consumer]")!.TextContent);
        // The page's only script is the portal's own (reply templates); nothing the consumer typed became markup.
        Assert.Empty(page.FindAll("main script:not([src^='/js/reply-templates.js']), main b"));
        Assert.Equal("auto", page.Find("[data-field=what-happened]")!.GetAttribute("dir"));
    }

    [Fact]
    public async Task ThePageSpeaksEnglishAndIsNeverCached()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number) + "?lang=en");
        Assert.Equal("en", page.Lang);
        Assert.Equal("Received", page.Find("[data-field=status]")!.TextContent.Trim());
        Assert.Equal("The goods never arrived", page.Find("[data-field=category]")!.TextContent.Trim());
        Assert.Equal("Assign to me", page.Find("form.case-assign-me button")!.TextContent.Trim());
        Assert.Equal("Timeline", page.Find("#case-timeline-heading")!.TextContent.Trim());
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
    }

    private async Task EnqueueEmailAsync(Guid caseId, string template, OutboundEmailState state)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var email = scope.ServiceProvider.GetRequiredService<EmailOutbox>()
            .Enqueue(composer.FromText("ご相談を受け付けました", "本文", "ja"), template, EmailRecipients.ForAddress("taro@example.jp"), "ja", caseId);
        email.State = state;
        email.Attempts = 1;
        email.SentAt = portal.Clock.GetUtcNow();
        await db.SaveChangesAsync();
        Assert.True(await db.OutboundEmails.AnyAsync(m => m.Id == email.Id));
    }
}
