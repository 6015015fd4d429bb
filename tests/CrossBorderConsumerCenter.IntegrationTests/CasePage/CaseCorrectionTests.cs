using System.Net;
using System.Text.Json;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>Correcting a case's merchant and contact details on the case page: the intake's rules, the audit before and after, the timeline, the search.</summary>
public class CaseCorrectionTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private FormClient Client => portal.Client;

    [Fact]
    public async Task CorrectedDetailsAreAuditedBeforeAndAfterLineUpOnTheTimelineAndAreFoundByTheSearch()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Equal("Example Gadgets Inc.", page.Find("#Correct_Business_Name")!.GetAttribute("value"));
        Assert.Equal("taro@example.jp", page.Find("#Correct_Consumer_EmailConfirmation")!.GetAttribute("value"));

        using var response = await Client.SubmitAsync(page, "#action-Correct form",
        [
            new("Correct.Business.Name", "Zebrafish Outfitters"),
            new("Correct.Business.Website", "zebrafish.example.com"),
            new("Correct.Consumer.Phone", "０３−１２３４−５６７８"),
            new("Correct.Consumer.Email", "hanako@example.jp"),
            new("Correct.Consumer.EmailConfirmation", "hanako@example.jp"),
            new("Correct.Reason", "FAXの原本と照合しました"),
        ]);
        var after = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        Assert.Equal("訂正しました。", after.Find("[role=status]")!.TextContent.Trim());
        var line = after.Find("[data-kind=Corrected]")!;
        Assert.Equal("訂正した項目：事業者名, 事業者のウェブサイト, 相談者のメールアドレス, 相談者の電話番号", line.QuerySelector("[data-field=corrected]")!.TextContent.Trim());
        Assert.Contains("FAXの原本と照合しました", line.TextContent, StringComparison.Ordinal);
        Assert.Null(line.QuerySelector("[data-field=country-corrected]"));

        var corrected = await portal.ReadCaseAsync(c.Id);
        Assert.Equal(("Zebrafish Outfitters", "https://zebrafish.example.com", "03-1234-5678", "hanako@example.jp", CaseStatus.Received),
            (corrected.BusinessName, corrected.BusinessWebsite, corrected.ConsumerPhone, corrected.ConsumerEmail, corrected.Status));
        using var audit = JsonDocument.Parse(await portal.LastAuditDetailsAsync(c.Id, "CaseChanged"));
        Assert.Equal("Correct", audit.RootElement.GetProperty("action").GetString());
        var details = audit.RootElement.GetProperty("details");
        Assert.Equal("FAXの原本と照合しました", details.GetProperty("reason").GetString());
        var values = details.GetProperty("corrected");
        Assert.Equal(["BusinessName", "BusinessWebsite", "ConsumerEmail", "ConsumerPhone"], values.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("Example Gadgets Inc.", "Zebrafish Outfitters"), (values.GetProperty("BusinessName").GetProperty("before").GetString(), values.GetProperty("BusinessName").GetProperty("after").GetString()));
        Assert.Equal(("taro@example.jp", "hanako@example.jp"), (values.GetProperty("ConsumerEmail").GetProperty("before").GetString(), values.GetProperty("ConsumerEmail").GetProperty("after").GetString()));

        // The queue's search columns follow the corrected values (the trigger of the search columns): the new name is found, the old one no more.
        var found = await Client.GetOkAsync("/staff/cases?q=Zebrafish&status=Received");
        Assert.Contains(found.FindAll("tr.queue-row"), r => r.TextContent.Contains(c.Number, StringComparison.Ordinal));
        var old = await Client.GetOkAsync("/staff/cases?q=" + Uri.EscapeDataString("hanako@example.jp") + "&status=Received");
        Assert.Contains(old.FindAll("tr.queue-row"), r => r.TextContent.Contains(c.Number, StringComparison.Ordinal));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM cases WHERE id = @id AND search_text LIKE '%taro@example.jp%'", ("id", c.Id)));
    }

    [Fact]
    public async Task TheIntakesRulesNameEachProblemAndEverythingTypedIsKept()
    {
        var c = await portal.ReceiveAsync();
        var before = await portal.FootprintAsync(c.Id);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using var response = await Client.SubmitAsync(page, "#action-Correct form",
        [
            new("Correct.Business.Country", "JP"),
            new("Correct.Business.Name", "Typed Name"),
            new("Correct.Consumer.Email", "hanako@example"),
            new("Correct.Consumer.PostalCode", "abc"),
            new("Correct.Reason", ""),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await HtmlPage.ReadAsync(response);
        var errors = refused.FindAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(4, errors.Count);
        Assert.Contains("訂正の理由を入力してください。", errors);
        Assert.NotNull(refused.Find("#action-Correct[open]"));
        Assert.Equal("Typed Name", refused.Find("#Correct_Business_Name")!.GetAttribute("value"));
        Assert.Equal("hanako@example", refused.Find("#Correct_Consumer_Email")!.GetAttribute("value"));
        Assert.Equal("true", refused.Find("#Correct_Consumer_PostalCode")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await portal.FootprintAsync(c.Id));
    }

    [Fact]
    public async Task AConsumerWhoFiledOnlineKeepsAnEmailAddressAndAFinishedCaseIsNotCorrected()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using (var response = await Client.SubmitAsync(page, "#action-Correct form",
            [new("Correct.Consumer.Email", ""), new("Correct.Consumer.EmailConfirmation", ""), new("Correct.Reason", "メールは不要とのこと")]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refused = await HtmlPage.ReadAsync(response);
            Assert.Equal(["ウェブで受け付けた事案では、相談者のメールアドレスは空にできません"], refused.FindAll(".error-summary li").Select(li => li.TextContent.Trim()));
            Assert.Equal("メールは不要とのこと", refused.Find("#Correct_Reason")!.TextContent);
        }

        using (var unchanged = await Client.SubmitAsync(page, "#action-Correct form", [new("Correct.Reason", "確認のみ")]))
        {
            Assert.Equal("すでにその内容になっているため、変更はありません。", (await CasePageFixture.FollowToCaseAsync(Client, unchanged, c.Number)).Find("[role=status]")!.TextContent.Trim());
        }

        var closed = await portal.CaseInAsync(CaseStatus.Closed);
        var closedPage = await Client.GetOkAsync(CasePageFixture.PageOf(closed.Number));
        Assert.Null(closedPage.Find("#action-Correct"));
        using var late = await Client.PostAsync($"/staff/cases/{closed.Number}/correct", closedPage,
            [new("Correct.Version", closed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Correct.Business.Country", "US"), new("Correct.Business.Name", "X"),
             new("Correct.Consumer.Name", "山田 太郎"), new("Correct.Consumer.Email", "taro@example.jp"), new("Correct.Consumer.EmailConfirmation", "taro@example.jp"),
             new("Correct.Consumer.Phone", "090-1234-5678"), new("Correct.Consumer.PostalCode", "100-0001"), new("Correct.Consumer.Prefecture", "JP-13"),
             new("Correct.Consumer.Address", "千代田区千代田1-1"), new("Correct.Reason", "遅すぎる訂正")]);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Example Gadgets Inc.", (await portal.ReadCaseAsync(closed.Id)).BusinessName);
    }
}
