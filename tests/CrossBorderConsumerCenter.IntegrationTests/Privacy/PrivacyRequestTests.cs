using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Retention;

namespace CrossBorderConsumerCenter.IntegrationTests.Privacy;

/// <summary>
/// The consumer's deletion request from the tracking page (a request staff confirm, never an instant wipe), its refusal,
/// and correction requests: carried out through the case page's correction, or refused with a reason, and recorded.
/// </summary>
public class PrivacyRequestTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private const string Page = "/staff/supervisor/privacy";

    [Fact]
    public async Task TheConsumerAsksForDeletionOfAFinishedCaseAndItWaitsUntilASupervisorConfirms()
    {
        var (c, token) = await TestCases.ReceiveTrackedAsync(portal.Factory);
        using var consumer = portal.Factory.CreateFormClient();
        var track = "/track/" + token;

        // While the case is handled, no request can be made; a forged post changes nothing.
        var open = await consumer.GetOkAsync(track);
        Assert.Null(open.Find("[data-deletion]"));
        using (var forged = await consumer.PostAsync(track + "/deletion", open, [new("Deletion.Reason", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        }

        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM privacy_requests WHERE case_id = @id", ("id", c.Id)));

        // Withdrawn by the consumer: the case is finished.
        using (var early = await consumer.SubmitAsync(await consumer.GetOkAsync(track + "/withdraw"), "form[action$='/withdraw']", [new("Withdraw.Reason", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        }

        var page = await consumer.GetOkAsync(track);
        Assert.NotNull(page.Find("[data-deletion] a[href$='/deletion']"));

        // Bad input: the form comes back with the message, nothing recorded.
        var confirm = await consumer.GetOkAsync(track + "/deletion");
        using (var bad = await consumer.SubmitAsync(confirm, "form[action$='/deletion']", [new("Deletion.Reason", "理由\u0001")]))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.NotNull((await HtmlPage.ReadAsync(bad)).Find(".error-summary"));
        }

        Assert.Equal(0L, await CountAsync(c.Id, "Pending"));
        using (var sent = await consumer.SubmitAsync(confirm, "form[action$='/deletion']", [new("Deletion.Reason", "もう必要ありません。")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            var after = await consumer.FollowRedirectAsync(sent);
            Assert.Equal("Pending", after.Find("[data-deletion-state]")!.GetAttribute("data-deletion-state"));
            Assert.Null(after.Find("[data-deletion] a[href$='/deletion']"));
        }

        // The same post again: still one request, no error.
        using (var again = await consumer.SubmitAsync(confirm, "form[action$='/deletion']", [new("Deletion.Reason", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(1L, await CountAsync(c.Id, "Pending"));
        Assert.Equal("山田 太郎", (await portal.ReadCaseAsync(c.Id)).ConsumerName);

        var (supervisor, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using var __ = supervisor;
        var list = await supervisor.GetOkAsync(Page);
        var row = list.Find($"[data-pending-case='{c.Number}']")!;
        var answer = await supervisor.GetOkAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains("もう必要ありません。", answer.MainText, StringComparison.Ordinal);

        // A refusal needs its reason.
        using (var noReason = await supervisor.SubmitAsync(answer, "form[action$='/refuse']", [new("Refusal.Reason", " ")]))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        }

        using (var confirmed = await supervisor.SubmitAsync(answer, "form[action$='/confirm']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        Assert.Equal(CaseAnonymiser.Placeholder, (await portal.ReadCaseAsync(c.Id)).ConsumerName);
        Assert.Equal(1L, await CountAsync(c.Id, "Done"));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'CaseAnonymised' AND details ->> 'reason' = 'Request'", ("id", c.Id)));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'PrivacyRequestRecorded'", ("id", c.Id)));

        // Confirming twice (a second click) says it was answered already; the link is gone with the data.
        using (var twice = await supervisor.SubmitAsync(answer, "form[action$='/confirm']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await consumer.GetAsync(track)).StatusCode);
    }

    [Fact]
    public async Task ARefusedDeletionRequestShowsItsReasonToTheConsumerAndMayBeMadeAgain()
    {
        var (c, token) = await TestCases.ReceiveTrackedAsync(portal.Factory);
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.Close(CaseOutcome.Resolved, null, actor, now));
        using var consumer = portal.Factory.CreateFormClient();
        var track = "/track/" + token;
        using (await consumer.SubmitAsync(await consumer.GetOkAsync(track + "/deletion"), "form[action$='/deletion']", []))
        {
        }

        var (supervisor, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using var __ = supervisor;
        var answer = await supervisor.GetOkAsync((await supervisor.GetOkAsync(Page)).Find($"[data-pending-case='{c.Number}'] a")!.GetAttribute("href")!);
        using (var refused = await supervisor.SubmitAsync(answer, "form[action$='/refuse']", [new("Refusal.Reason", "事業者との交渉記録として保存が必要なため。")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        var page = await consumer.GetOkAsync(track);
        Assert.Equal("Refused", page.Find("[data-deletion-state]")!.GetAttribute("data-deletion-state"));
        Assert.Contains("事業者との交渉記録として保存が必要なため。", page.Find("[data-deletion]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-deletion] a[href$='/deletion']"));
        Assert.Equal("山田 太郎", (await portal.ReadCaseAsync(c.Id)).ConsumerName);
        Assert.Equal(1L, await CountAsync(c.Id, "Refused"));
    }

    [Fact]
    public async Task ACorrectionOnRequestIsRecordedWithItsAnswerAndARefusalWithItsReason()
    {
        var c = await portal.ReceiveAsync();
        var (supervisor, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using var __ = supervisor;
        var casePage = await supervisor.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        using (var corrected = await supervisor.SubmitAsync(casePage, "#action-Correct form",
            [new("Correct.Consumer.Phone", "03-1234-5678"), new("Correct.Reason", "電話番号の訂正を求められた。登録メールから依頼、受付番号で確認。"), new("Correct.RequestedBy", "相談者本人（メール）")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        }

        Assert.Equal("03-1234-5678", (await portal.ReadCaseAsync(c.Id)).ConsumerPhone);
        Assert.Equal("相談者本人（メール）", await portal.Database.ScalarAsync<string>(
            "SELECT requested_by FROM privacy_requests WHERE case_id = @id AND kind = 'Correction' AND state = 'Done' AND answer LIKE '%ConsumerPhone%'", ("id", c.Id)));

        // A correction staff make on their own records no request.
        casePage = await supervisor.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        using (await supervisor.SubmitAsync(casePage, "#action-Correct form", [new("Correct.Consumer.Phone", "03-1234-0000"), new("Correct.Reason", "FAXの原本と照合")]))
        {
        }

        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM privacy_requests WHERE case_id = @id", ("id", c.Id)));

        var page = await supervisor.GetOkAsync(Page);
        using (var missing = await supervisor.SubmitAsync(page, "form[action$='/corrections']",
            [new("Correction.Number", "CCJ-1999-999999"), new("Correction.RequestedBy", "本人"), new("Correction.Reason", "提供記録の氏名の訂正"), new("Correction.Answer", "提供記録は送った内容の記録のため")]))
        {
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Equal("本人", (await HtmlPage.ReadAsync(missing)).Find("#Correction_RequestedBy")!.GetAttribute("value"));
        }

        using (var refused = await supervisor.SubmitAsync(page, "form[action$='/corrections']",
            [new("Correction.Number", c.Number), new("Correction.RequestedBy", "本人"), new("Correction.Reason", "提供記録の氏名の訂正"), new("Correction.Answer", "提供記録は送った内容の記録のため3年間そのまま保存します。")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        var listed = (await supervisor.GetOkAsync(Page)).Find("[data-answered] [data-kind='Correction'][data-state='Refused']");
        Assert.NotNull(listed);
        Assert.Contains(c.Number, listed.TextContent, StringComparison.Ordinal);
    }

    private Task<long> CountAsync(Guid caseId, string state) => portal.Database.ScalarAsync<long>(
        "SELECT count(*) FROM privacy_requests WHERE case_id = @id AND kind = 'Deletion' AND state = @state", ("id", caseId), ("state", state));
}
