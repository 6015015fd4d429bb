using System.Net;
using System.Security.Cryptography;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>The consumer's tracking page through HTTP: what it shows, what it never shows, answering and withdrawing.</summary>
public class TrackingPageTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task AWrongMalformedReplacedOrMissingTokenShowsOnePlainPageThatRevealsNothing()
    {
        var (c, _) = await portal.ReceiveAsync();
        var unknown = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var client = portal.Factory.CreateFormClient();
        var pages = new List<HtmlPage>();
        foreach (var url in new[] { "/track", "/track/", "/track/" + unknown, "/track/abc", "/track/" + new string('a', 200), $"/track/{unknown}/withdraw", "/track/" + c.Number })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            pages.Add(page);
        }

        // Posting an answer or a withdrawal with a token that opens nothing changes nothing and says the same.
        var before = await portal.ReadCaseAsync(c.Id);
        var tokenSource = await client.GetAsync("/track/lost");
        foreach (var action in new[] { "answer", "withdraw" })
        {
            using var response = await client.PostAsync($"/track/{unknown}/{action}", tokenSource, [new("Answer.Text", "回答です"), new("Withdraw.Reason", "")]);
            pages.Add(await HtmlPage.ReadAsync(response));
        }

        Assert.All(pages, p =>
        {
            Assert.Equal("このリンクではご相談を表示できません", p.Heading);
            Assert.Equal(HttpStatusCode.NotFound, p.StatusCode);
            Assert.DoesNotContain(c.Number, p.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain(c.BusinessName, p.Text, StringComparison.Ordinal);
            Assert.Equal(pages[0].MainText, p.MainText);
        });
        var after = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task ThePageShowsTheNumberTheStatusInPlainWordsAndTheConsumerTimelineButNeverInternalNotesOrStaffNames()
    {
        var (c, token) = await portal.ReceiveAsync();
        await portal.ActAsync(c.Id, (x, staff, now) =>
        {
            x.Assign(portal.Staff.Id, portal.Staff.DisplayName, staff, now);
            x.AddNote("内部メモ: 事業者は過去にも同様の苦情あり。", staff, now);
            x.ChangePriority(CasePriority.Urgent, staff, now);
        });

        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));

        Assert.Equal(c.Number, page.Heading);
        Assert.Equal("担当者が対応しています。", page.Find(".tracking-status__now")!.TextContent.Trim());
        Assert.Equal(["Received"], page.FindAll(".consumer-timeline [data-kind]").Select(e => e.GetAttribute("data-kind")));
        Assert.DoesNotContain("内部メモ", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Staff.DisplayName, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.Staff.Email, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("緊急", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Find("form[action$='/answer']"));
        Assert.Contains("noindex", page.Find("meta[name=robots]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageIsInTheCasesLanguageUnlessTheConsumerSwitches()
    {
        var (c, token) = await portal.ReceiveAsync(language: "en");
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));
        Assert.Equal("en", page.Lang);
        Assert.Equal("We have received your case. A member of staff is reviewing it.", page.Find(".tracking-status__now")!.TextContent.Trim());

        var japanese = await client.GetOkAsync(TrackingFixture.TrackingPath(token) + "?lang=ja");
        Assert.Equal("ja", japanese.Lang);
        Assert.Equal(c.Number, japanese.Heading);

        // What the center wrote to the consumer stays in the case's language, and says so on a page in another.
        await portal.RequestInformationAsync(c.Id, "Please send the order confirmation.");
        var asked = await client.GetOkAsync(TrackingFixture.TrackingPath(token) + "?lang=ja");
        Assert.Equal("en", asked.Find("[data-question]")!.GetAttribute("lang"));
        Assert.Equal("en", asked.Find("[data-kind=InformationRequested] .timeline__text")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task TheConsumerAnswersTheQuestionWithTextAndAPhotoAndTheCaseGoesBackToTheStaff()
    {
        var (c, token) = await portal.ReceiveAsync();
        await portal.RequestInformationAsync(c.Id, "注文確認メールの画面を送ってください。");
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));
        Assert.Equal("センターからの質問にご回答ください。", page.Find(".tracking-status__now")!.TextContent.Trim());
        Assert.Equal("注文確認メールの画面を送ってください。", page.Find("[data-question]")!.TextContent.Trim());

        using var response = await client.SubmitAsync(page, "form[action$='/answer']", [new("Answer.Text", "注文確認メールの画面です。")],
            [new FormFile(AnswerRequest.FilesField, "order.jpg", "image/jpeg", TestFiles.Jpeg())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TrackingFixture.TrackingPath(token), response.Headers.Location!.OriginalString);
        var after = await client.FollowRedirectAsync(response);

        Assert.Equal("回答を受け付けました。担当者が確認します。", after.Find("[role=status][data-confirmation]")!.TextContent.Trim());
        Assert.Equal("担当者が対応しています。", after.Find(".tracking-status__now")!.TextContent.Trim());
        Assert.Null(after.Find("form[action$='/answer']"));
        var reply = after.Find("[data-kind=ConsumerReplied]")!;
        Assert.Contains("注文確認メールの画面です。", reply.TextContent, StringComparison.Ordinal);
        Assert.Contains("1", reply.QuerySelector(".timeline__detail")!.TextContent, StringComparison.Ordinal);

        var answered = await portal.ReadCaseAsync(c.Id);
        Assert.Equal(CaseStatus.InProgress, answered.Status);
        var evidence = await portal.QueryAsync(db => db.Cases.Where(x => x.Id == c.Id).SelectMany(x => x.Evidence)
            .Join(db.StoredFiles, e => e.StoredFileId, f => f.Id, (e, f) => f.FileName).ToListAsync());
        Assert.Equal(["order.jpg"], evidence);
        var line = await portal.QueryAsync(db => db.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.ConsumerReplied));
        Assert.Equal((CaseActorKind.Consumer, CaseStatus.WaitingForConsumer, CaseStatus.InProgress), (line.ActorKind, line.FromStatus, line.ToStatus));

        // The staff see the answer on their case page.
        using var staff = (await StaffAccounts.SignedInAsync(portal.Factory, Web.Domain.Accounts.Roles.Staff)).Client;
        var casePage = await staff.GetOkAsync("/staff/cases/" + c.Number);
        Assert.Contains("注文確認メールの画面です。", casePage.Find("[data-kind=ConsumerReplied]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyAnswerOrAFileThatIsNotWhatItClaimsIsRefusedAndTheTextIsKept()
    {
        var (c, token) = await portal.ReceiveAsync();
        await portal.RequestInformationAsync(c.Id, "領収書を送ってください。");
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));

        using (var empty = await client.SubmitAsync(page, "form[action$='/answer']", [new("Answer.Text", "  ")]))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            var refused = await HtmlPage.ReadAsync(empty);
            Assert.NotNull(refused.Find("#Answer_Text-error"));
            RefusedForm.AssertShown(refused);
        }

        using (var fake = await client.SubmitAsync(page, "form[action$='/answer']", [new("Answer.Text", "領収書です。")],
            [new FormFile(AnswerRequest.FilesField, "receipt.jpg", "image/jpeg", "MZ not a picture"u8.ToArray())]))
        {
            Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
            var refused = await HtmlPage.ReadAsync(fake);
            Assert.Contains("receipt.jpg", refused.Find("#Files-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("領収書です。", refused.Find("#Answer_Text")!.TextContent.Trim());
            Assert.Contains("receipt.jpg", refused.Find("#Files-again")!.TextContent, StringComparison.Ordinal);
        }

        var unchanged = await portal.ReadCaseAsync(c.Id);
        Assert.Equal(CaseStatus.WaitingForConsumer, unchanged.Status);
        Assert.Equal(0, await portal.QueryAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.ConsumerReplied)));
        Assert.Equal(0, await portal.QueryAsync(db => db.Cases.Where(x => x.Id == c.Id).SelectMany(x => x.Evidence).CountAsync()));
    }

    [Fact]
    public async Task AnAnswerWhenNoQuestionIsWaitingIsRefusedWithoutChangingTheCase()
    {
        var (c, token) = await portal.ReceiveAsync();
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));
        using var response = await client.PostAsync($"/track/{token}/answer", page, [new("Answer.Text", "質問はありませんが回答します。")]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(CaseStatus.Received, (await portal.ReadCaseAsync(c.Id)).Status);
    }

    [Fact]
    public async Task WithdrawingAsksForConfirmationThenClosesTheCaseAndSaysSoOnThePage()
    {
        var (c, token) = await portal.ReceiveAsync();
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));
        var confirm = await client.GetOkAsync(page.Find(".tracking-withdraw a")!.GetAttribute("href")!);
        Assert.Equal(CaseStatus.Received, (await portal.ReadCaseAsync(c.Id)).Status);
        Assert.NotNull(confirm.Find("form[action$='/withdraw'] button.button--danger"));

        using var response = await client.SubmitAsync(confirm, "form[action$='/withdraw']", [new("Withdraw.Reason", "事業者から返金がありました。")]);
        var after = await client.FollowRedirectAsync(response);

        Assert.Equal("ご相談を取り下げました。確認のメールをお送りします。", after.Find("[role=status]")!.TextContent.Trim());
        Assert.Equal("対応を終了しました。", after.Find(".tracking-status__now")!.TextContent.Trim());
        Assert.Contains("事業者から返金がありました。", after.Find("[data-kind=Withdrawn]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Find(".tracking-withdraw"));
        var withdrawn = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.Closed, CaseOutcome.Withdrawn), (withdrawn.Status, withdrawn.Outcome));

        // Withdrawing again changes nothing.
        using var again = await client.PostAsync($"/track/{token}/withdraw", page, [new("Withdraw.Reason", "")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(withdrawn.Version, (await portal.ReadCaseAsync(c.Id)).Version);
    }

    [Fact]
    public async Task OnlyTheHashOfTheTokenIsStored()
    {
        var (c, token) = await portal.ReceiveAsync();
        var stored = await portal.Database.ScalarAsync<string>("SELECT token_hash FROM case_tracking_links WHERE case_id = @id", ("id", c.Id));
        Assert.Equal(TrackingLinks.Hash(token), stored);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM case_tracking_links WHERE token_hash LIKE '%' || @t || '%'", ("t", token)));
        Assert.Equal(43, token.Length);
    }
}
