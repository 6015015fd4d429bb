using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.CasePage;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.ReplyTemplates;

/// <summary>Admins keep the reply templates on /admin/reply-templates: validated, audited, and followed by the case page.</summary>
public class ReplyTemplateAdminTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private static readonly string[] FourActions = ["お断り", "消費者へのお知らせ", "終了", "追加情報の依頼"];

    [Fact]
    public async Task TheDefaultTemplatesAreListedForTheFourActionsWithThePlaceholdersExplained()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        var list = await admin.GetOkAsync("/admin/reply-templates");

        Assert.True(list.FindAll("[data-template]").Count >= 8);
        var actions = list.FindAll("[data-template] td:nth-child(2)").Select(td => td.TextContent.Trim()).Distinct().Order();
        Assert.Equal(FourActions.Order(), actions);
        Assert.Equal(
            ["{case_number}", "{consumer_name}", "{merchant}", "{item}", "{partner}", "{deadline}"],
            list.FindAll("[data-placeholders] code").Select(c => c.TextContent));

        var (en, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var __ = en;
        var englishList = await en.GetOkAsync("/admin/reply-templates?lang=en");
        Assert.Contains("The case number", englishList.Find("[data-placeholders]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPlaceholderIsRefusedByNameAndEverythingTypedIsKept()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        var create = await admin.GetOkAsync("/admin/reply-templates/new");
        const string japanese = "{consumer_name} 様、{期限}までに {case_nunber} をお知らせください。";

        using var response = await admin.SubmitAsync(create, "form.form-narrow",
            [new("Name", "誤りのある差し込み"), new("Action", "RequestInformation"), new("JapaneseText", japanese), new("EnglishText", "Please tell us by {deadline}.")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal("日本語の文面に、使えない差し込み項目があります: {期限}, {case_nunber}。使えるのは {case_number}, {consumer_name}, {merchant}, {item}, {partner}, {deadline} です。", page.FieldError("JapaneseText"));
        Assert.Null(page.FieldError("EnglishText"));
        Assert.Equal(japanese, page.Find("#JapaneseText")!.TextContent.TrimStart('\n'));
        Assert.Equal("誤りのある差し込み", page.Find("#Name")!.GetAttribute("value"));
        Assert.NotNull(page.Find("input[name=Action][value=RequestInformation][checked]"));
        Assert.Equal(0, await portal.QueryAsync(db => db.ReplyTemplates.CountAsync(t => t.Name == "誤りのある差し込み")));
    }

    [Fact]
    public async Task EveryMissingFieldIsNamed()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        var create = await admin.GetOkAsync("/admin/reply-templates/new");

        using var response = await admin.SubmitAsync(create, "form.form-narrow", [new("Name", " "), new("EnglishText", "\u0007")]);

        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal("名前を入力してください。", page.FieldError("Name"));
        Assert.Equal("使う操作を選んでください。", page.FieldError("Action"));
        Assert.Equal("日本語の文面を入力してください。", page.FieldError("JapaneseText"));
        Assert.Equal("英語の文面に保存できない文字(制御文字)が含まれています。", page.FieldError("EnglishText"));
    }

    [Fact]
    public async Task AnAdminAddsChangesAndDeactivatesATemplateAndTheCasePageFollowsEverythingAudited()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        var create = await admin.GetOkAsync("/admin/reply-templates/new");
        using (var created = await admin.SubmitAsync(create, "form.form-narrow",
                   [new("Name", "返金の確認"), new("Action", "Close"), new("JapaneseText", "{merchant} からの返金を確認しました。"), new("EnglishText", "We have seen the refund from {merchant}.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/admin/reply-templates", created.Headers.Location!.OriginalString);
        }

        var id = await portal.QueryAsync(db => db.ReplyTemplates.Where(t => t.Name == "返金の確認").Select(t => t.Id).SingleAsync());
        var c = await portal.CaseInAsync(Web.Domain.Cases.CaseStatus.InProgress);
        Assert.NotNull((await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number))).Find($"#action-Close option[value='{id}']"));

        var edit = await admin.GetOkAsync($"/admin/reply-templates/{id}");
        using (var saved = await admin.SubmitAsync(edit, "form.form-narrow", [new("EnglishText", "We have seen the refund from {merchant}. Thank you.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        edit = await admin.GetOkAsync($"/admin/reply-templates/{id}");
        using (var deactivated = await admin.SubmitAsync(edit, "form[action$='/deactivate']"))
        {
            Assert.Equal("無効", (await admin.FollowRedirectAsync(deactivated)).Find("[data-field=state]")!.TextContent.Trim());
        }

        Assert.Null((await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number))).Find($"#action-Close option[value='{id}']"));
        var audit = await portal.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == id.ToString()).OrderBy(a => a.Id).Select(a => new { Action = a.Action.ToString(), a.Details }).ToListAsync());
        Assert.Equal(["ReplyTemplateCreated", "ReplyTemplateUpdated", "ReplyTemplateDeactivated"], audit.Select(a => a.Action));
        Assert.Contains("\"before\": \"We have seen the refund from {merchant}.\"", audit[1].Details, StringComparison.Ordinal);
        Assert.Contains("\"after\": \"We have seen the refund from {merchant}. Thank you.\"", audit[1].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("japaneseText", audit[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondTemplateOfTheSameNameForTheSameActionIsRefused()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        KeyValuePair<string, string?>[] fields = [new("Name", "同じ名前"), new("Action", "NotifyConsumer"), new("JapaneseText", "お知らせします。"), new("EnglishText", "For your information.")];
        using (var first = await admin.SubmitAsync(await admin.GetOkAsync("/admin/reply-templates/new"), "form.form-narrow", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await admin.SubmitAsync(await admin.GetOkAsync("/admin/reply-templates/new"), "form.form-narrow", fields);

        Assert.Equal("この操作には、同じ名前のテンプレートがすでにあります。", (await HtmlPage.ReadAsync(second)).FieldError("Name"));
        Assert.Equal(1, await portal.QueryAsync(db => db.ReplyTemplates.CountAsync(t => t.Name == "同じ名前")));
    }

    [Fact]
    public async Task TwoAdminsAtOnceTheSecondIsToldAndKeepsWhatTheyTyped()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var _ = admin;
        var id = await portal.QueryAsync(db => db.ReplyTemplates.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var mine = await admin.GetOkAsync($"/admin/reply-templates/{id}");
        var theirs = await admin.GetOkAsync($"/admin/reply-templates/{id}");
        using (var first = await admin.SubmitAsync(theirs, "form.form-narrow", [new("Name", "先に保存した名前")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await admin.SubmitAsync(mine, "form.form-narrow", [new("Name", "後から保存した名前")]);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await HtmlPage.ReadAsync(second);
        Assert.Contains("ほかの人が変更しました", page.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("後から保存した名前", page.Find("#Name")!.GetAttribute("value"));
        Assert.Equal("先に保存した名前", await portal.QueryAsync(db => db.ReplyTemplates.Where(t => t.Id == id).Select(t => t.Name).SingleAsync()));
    }
}
