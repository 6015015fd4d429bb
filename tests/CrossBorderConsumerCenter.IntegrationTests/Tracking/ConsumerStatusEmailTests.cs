using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Counselors;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Tracking;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>
/// The automatic emails to the consumer when their case's status changes in a way that matters to them: each once,
/// in the case's language, to the consumer, or to the counselor when the resident has no email address.
/// </summary>
public class ConsumerStatusEmailTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    private static string Template(CaseEventKind kind) => ConsumerStatusEmails.TemplateNameOf(kind);

    [Fact]
    public async Task ACaseThroughItsWholeLifeEmailsTheConsumerOnceForEachStatusThatMattersToThem()
    {
        var (c, _) = await portal.ReceiveAsync();
        await portal.ActAsync(c.Id, (x, staff, now) =>
        {
            x.Assign(portal.Staff.Id, portal.Staff.DisplayName, staff, now);
            x.AddNote("内部メモ", staff, now);
            x.ChangePriority(CasePriority.High, staff, now);
        });
        await portal.ActAsync(c.Id, (x, staff, now) => TrackingFixture.Forward(x, staff, now));
        await portal.ActAsync(c.Id, (x, _, now) => TrackingFixture.PartnerResponds(x, now));
        await portal.ActAsync(c.Id, (x, staff, now) => x.Close(CaseOutcome.Resolved, "返金を確認しました。", staff, now));
        await portal.ActAsync(c.Id, (x, staff, now) => x.Reopen("追加の相談", staff, now));
        await portal.ActAsync(c.Id, (x, staff, now) => x.Decline(DeclineReason.OutOfScope, null, null, staff, now));

        var emails = (await portal.EmailsOfAsync(c.Id)).Where(e => e.Template.StartsWith("CaseStatus", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { CaseEventKind.Forwarded, CaseEventKind.PartnerResponded, CaseEventKind.Closed, CaseEventKind.Reopened, CaseEventKind.Declined }.Select(Template).Order(),
            emails.Select(e => e.Template).Order());
        Assert.All(emails, e =>
        {
            Assert.Equal(["taro@example.jp"], e.ToAddresses);
            Assert.Equal("ja", e.Language);
            Assert.Contains(c.Number, e.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain("内部メモ", e.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(portal.Staff.DisplayName, e.TextBody, StringComparison.Ordinal);
        });
        // The agency named by the line, in the consumer's language; the case's outcome; the reason for declining.
        Assert.Contains("CBBB(The Council of Better Business Bureaus)を通じて", emails.Single(e => e.Template == Template(CaseEventKind.Forwarded)).TextBody, StringComparison.Ordinal);
        Assert.Contains("結果: 解決", emails.Single(e => e.Template == Template(CaseEventKind.Closed)).TextBody, StringComparison.Ordinal);
        // What staff wrote when closing reaches the consumer, as a paragraph of its own.
        Assert.Contains("\n\n返金を確認しました。\n\n", emails.Single(e => e.Template == Template(CaseEventKind.Closed)).TextBody, StringComparison.Ordinal);
        // The reason in words and what the consumer can still do (DeclineNotice), never a bare label.
        var declined = emails.Single(e => e.Template == Template(CaseEventKind.Declined)).TextBody;
        Assert.Contains("海外の事業者から購入したもののトラブル", declined, StringComparison.Ordinal);
        Assert.Contains("消費者ホットライン 188", declined, StringComparison.Ordinal);
        Assert.DoesNotContain("理由:", declined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachEmailCarriesALinkOfItsOwnToTheCaseAndNoneSendsTheConsumerToTheLostLinkPage()
    {
        var (c, receiptToken) = await portal.ReceiveAsync();
        await portal.RequestInformationAsync(c.Id, "注文番号を教えてください。");
        await portal.ActAsync(c.Id, (x, _, now) => x.ReceiveConsumerReply("A-1001 です。", CaseActor.Consumer, now));
        await portal.ActAsync(c.Id, (x, staff, now) => TrackingFixture.Forward(x, staff, now));
        await portal.ActAsync(c.Id, (x, _, now) => TrackingFixture.PartnerResponds(x, now));
        await portal.ActAsync(c.Id, (x, staff, now) => x.Close(CaseOutcome.Resolved, "返金を確認しました。", staff, now));
        await portal.ActAsync(c.Id, (x, staff, now) => x.Reopen("追加の相談", staff, now));
        await portal.ActAsync(c.Id, (x, staff, now) => x.Decline(DeclineReason.OutOfScope, null, null, staff, now));

        var emails = await portal.EmailsOfAsync(c.Id);
        Assert.Equal(6, emails.Count);
        using var consumer = portal.Factory.CreateFormClient();
        var tokens = new List<string>();
        foreach (var email in emails)
        {
            Assert.False(EmailLinks.PointsToLostLink(email.TextBody), email.Template);
            var path = EmailLinks.TrackingPathIn(email.TextBody);
            Assert.Equal(c.Number, (await consumer.GetOkAsync(path)).Heading);
            tokens.Add(path["/track/".Length..]);

            // The outbox forgets the token once the email is sent (ADR 0020).
            Assert.Equal([tokens[^1]], email.RedactAfterSending);
        }

        // Each its own, and the receipt's still opens the case.
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(receiptToken, tokens);
        Assert.Equal(c.Number, (await consumer.GetOkAsync(TrackingFixture.TrackingPath(receiptToken))).Heading);
    }

    [Fact]
    public async Task AnEnglishCaseIsToldInEnglishAndTheCloseForNoReplyIsToldToo()
    {
        var (c, _) = await portal.ReceiveAsync(language: "en");
        await portal.ActAsync(c.Id, (x, staff, now) => x.RequestInformation("Please send the order confirmation.", staff, now));
        await portal.ActAsync(c.Id, (x, _, now) =>
        {
            // The clock's way: a reminder once the week has passed, the close once the second week has.
            x.RemindConsumer(now.AddDays(15));
            x.CloseForNoReply(now.AddDays(30));
        });

        var closed = Assert.Single(await portal.EmailsOfAsync(c.Id), e => e.Template == Template(CaseEventKind.Closed));
        Assert.Equal("en", closed.Language);
        Assert.StartsWith("[Cross-Border Consumer Center] Your case is closed", closed.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestForInformationSendsOnlyItsOwnEmailWithTheQuestion()
    {
        var (c, _) = await portal.ReceiveAsync();
        await portal.RequestInformationAsync(c.Id, "注文番号を教えてください。");

        var email = Assert.Single(await portal.EmailsOfAsync(c.Id));
        Assert.Contains("注文番号を教えてください。", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(email.Template, ConsumerStatusEmails.NotifiedKinds.Select(Template));
    }

    [Fact]
    public async Task TheConsumersOwnWithdrawalIsConfirmedByOneEmail()
    {
        var (c, token) = await portal.ReceiveAsync();
        using var client = portal.Factory.CreateFormClient();
        var confirm = await client.GetOkAsync($"/track/{token}/withdraw");
        using var response = await client.SubmitAsync(confirm, "form[action$='/withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var email = Assert.Single(await portal.EmailsOfAsync(c.Id));
        Assert.Equal((Template(CaseEventKind.Withdrawn), "taro@example.jp"), (email.Template, email.ToAddresses.Single()));
    }

    [Fact]
    public async Task ForAResidentWithoutEmailTheMessagesGoToTheirCounselorAndToTheCentersCounselorsIfTheyLeft()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var counselor = await StaffAccounts.CreateCounselorAsync(portal.Factory, center.Id);
        var colleague = await StaffAccounts.CreateCounselorAsync(portal.Factory, center.Id);
        var (c, _) = await TestCases.FileForResidentAsync(portal.Factory, counselor, residentEmail: null);

        await portal.RequestInformationAsync(c.Id, "領収書はありますか。");
        var question = Assert.Single(await portal.EmailsOfAsync(c.Id));
        Assert.Equal([counselor.Email], question.ToAddresses);

        await portal.ActAsync(c.Id, (x, _, now) => x.ReceiveConsumerReply("あります。", CaseActor.Counselor(counselor.Id, counselor.DisplayName), now));
        await portal.ActAsync(c.Id, (x, staff, now) => TrackingFixture.Forward(x, staff, now));
        var forwarded = Assert.Single(await portal.EmailsOfAsync(c.Id), e => e.Template == Template(CaseEventKind.Forwarded));
        Assert.Equal([counselor.Email], forwarded.ToAddresses);
        Assert.Contains(c.ConsumerName, forwarded.TextBody, StringComparison.Ordinal);

        // The counselor's account is disabled: the center's other counselors are told.
        await portal.Database.ScalarAsync<int>("UPDATE users SET is_disabled = true WHERE id = @id RETURNING 1", ("id", counselor.Id));
        await portal.ActAsync(c.Id, (x, staff, now) => x.Close(CaseOutcome.NotResolved, null, staff, now));
        var closed = Assert.Single(await portal.EmailsOfAsync(c.Id), e => e.Template == Template(CaseEventKind.Closed));
        Assert.Equal([colleague.Email], closed.ToAddresses);
    }

    [Fact]
    public async Task StaffTellingAResidentWithoutEmailWriteToTheCounselorAndAreStoppedWhenTheCenterHasNobodyLeft()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var counselor = await StaffAccounts.CreateCounselorAsync(portal.Factory, center.Id);
        var (c, _) = await TestCases.FileForResidentAsync(portal.Factory, counselor, residentEmail: null);
        await portal.ActAsync(c.Id, (x, staff, now) => x.Assign(staff.UserId, staff.Name, staff, now));
        using var client = (await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff)).Client;

        var page = await client.GetOkAsync("/staff/cases/" + c.Number);
        using (var sent = await client.SubmitAsync(page, "#action-NotifyConsumer form", [new("NotifyConsumer.Message", "事業者から返金の連絡がありました。")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var notice = Assert.Single(await portal.EmailsOfAsync(c.Id));
        Assert.Equal([counselor.Email], notice.ToAddresses);
        Assert.Contains("事業者から返金の連絡がありました。", notice.TextBody, StringComparison.Ordinal);

        await portal.Database.ScalarAsync<int>("UPDATE users SET is_disabled = true WHERE id = @id RETURNING 1", ("id", counselor.Id));
        page = await client.GetOkAsync("/staff/cases/" + c.Number);
        using var refused = await client.SubmitAsync(page, "#action-NotifyConsumer form", [new("NotifyConsumer.Message", "もう一度お知らせします。")]);
        var again = await HtmlPage.ReadAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("メッセージを送れません", again.Text, StringComparison.Ordinal);
        Assert.Equal("もう一度お知らせします。", again.Find("textarea[name='NotifyConsumer.Message']")!.TextContent);
        Assert.Single(await portal.EmailsOfAsync(c.Id));
    }

    [Fact]
    public async Task AResidentWithAnEmailIsWrittenToDirectly()
    {
        var counselor = await StaffAccounts.CreateAsync(portal.Factory, Roles.Counselor);
        var (c, _) = await TestCases.FileForResidentAsync(portal.Factory, counselor, residentEmail: "resident@example.jp", language: "en");
        await portal.ActAsync(c.Id, (x, staff, now) => x.Close(CaseOutcome.Resolved, null, staff, now));

        var closed = Assert.Single(await portal.EmailsOfAsync(c.Id));
        Assert.Equal(["resident@example.jp"], closed.ToAddresses);
        Assert.Equal("en", closed.Language);
    }
}
