using System.Net;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.InboundMail;

/// <summary>
/// The staff page of mail the portal could not place on a case: the list, a message read as text, its original, and
/// attaching or discarding it, through HTTP as a browser would, against the rows it writes.
/// </summary>
public class MailPagesTests(MailPagesFixture portal) : IClassFixture<MailPagesFixture>
{
    private static readonly byte[] Jpeg = Testing.Photos.ImageFiles.Jpeg(Testing.Photos.ImageFiles.MinLength);

    private FormClient Staff => portal.Client;

    [Fact]
    public async Task TheListShowsWaitingMailOldestFirstWithWhyItWaitsAndNotMailAlreadyAttached()
    {
        var c = await portal.ReceiveAsync();
        var noCase = await portal.StoreAsync(MailPagesFixture.Message("someone@example.com", "どの案件?", "本文"), ago: TimeSpan.FromHours(5));
        var unknownSender = await portal.StoreAsync(MailPagesFixture.Message("friend@example.com", $"Re: {c.Number}", "本文"), caseId: c.Id, ago: TimeSpan.FromHours(4));
        var malformed = await portal.StoreAsync(MailPagesFixture.Message("odd@example.com", "壊れた", "本文"), kind: InboundEmailKind.Malformed, ago: TimeSpan.FromHours(3));
        var failed = await portal.StoreAsync(MailPagesFixture.Message("late@example.com", "失敗", "本文"), kind: null, lastError: "TimeoutException: the database did not answer", ago: TimeSpan.FromHours(2));
        var attached = await portal.StoreAsync(MailPagesFixture.Message("taro@example.jp", "添付済み", "本文"), InboundEmailState.Attached, caseId: c.Id);

        var page = await Staff.GetOkAsync("/staff/mail");
        var waiting = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM inbound_emails WHERE state = 'Unmatched'");
        Assert.Equal($"案件に結びつかなかった受信メール({waiting} 件)", page.Heading);
        var ids = page.FindAll(".email-item").Select(r => r.Id).ToList();
        Assert.Equal([$"mail-{noCase}", $"mail-{unknownSender}", $"mail-{malformed}", $"mail-{failed}"], ids.Where(id => id is not null && new[] { noCase, unknownSender, malformed, failed }.Any(m => id == $"mail-{m}")));
        Assert.DoesNotContain($"mail-{attached}", ids);

        string Field(Guid id, string name) => page.Find($"#mail-{id} [data-field={name}]")?.TextContent.Trim() ?? "";
        Assert.Equal("someone@example.com", Field(noCase, "from"));
        Assert.Equal("返信", Field(noCase, "kind"));
        Assert.Equal("どの案件のメールか分かりませんでした。", Field(noCase, "why"));
        Assert.Equal("", Field(noCase, "case"));
        Assert.Equal(c.Number, Field(unknownSender, "case"));
        Assert.Equal("差出人のアドレスが、候補の案件に登録されていません。", Field(unknownSender, "why"));
        Assert.Equal("読み取れないメール", Field(malformed, "kind"));
        Assert.Equal("メールとして読み取れませんでした。", Field(malformed, "why"));
        Assert.Equal("処理に失敗しました: TimeoutException: the database did not answer", Field(failed, "why"));
        Assert.Equal(Web.Infrastructure.Localization.LocalizationRegistration.FormatJapanTime(portal.Clock.GetUtcNow() - TimeSpan.FromHours(5)), Field(noCase, "received"));

        var attachedList = await Staff.GetOkAsync("/staff/mail?state=Attached");
        Assert.NotNull(attachedList.Find($"#mail-{attached}"));
        Assert.Null(attachedList.Find($"#mail-{noCase}"));
        Assert.Equal("page", attachedList.Find("a[href='/staff/mail?state=Attached']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task WaitingMailIsPagedOldestFirstEvenWhenTheLastMessageShownIsAttachedMeanwhile()
    {
        var stored = new List<Guid>();
        for (var i = 0; i < Web.Features.InboundMail.ListMail.PageSize + 5; i++)
        {
            stored.Add(await portal.StoreAsync(MailPagesFixture.Message($"sender{i}@example.com", $"待機 {i}", "本文"), ago: TimeSpan.FromDays(30) - TimeSpan.FromMinutes(i)));
        }

        var page = await Staff.GetOkAsync("/staff/mail");
        var seen = page.FindAll(".email-item").Select(r => r.Id!).ToList();
        Assert.Equal(Web.Features.InboundMail.ListMail.PageSize, seen.Count);
        await portal.Database.ScalarAsync<int>("UPDATE inbound_emails SET state = 'Attached' WHERE id = @id RETURNING 1", ("id", Guid.Parse(seen[^1]["mail-".Length..])));
        page = await Staff.GetOkAsync(page.Find("a[data-next]")!.GetAttribute("href")!);
        seen.AddRange(page.FindAll(".email-item").Select(r => r.Id!));

        Assert.Equal(stored.Select(id => $"mail-{id}"), seen.Where(id => stored.Any(s => id == $"mail-{s}")));
        Assert.Equal(seen.Distinct().Count(), seen.Count);

        // The other tests of the class read the first page: these old messages leave it.
        await portal.Database.ScalarAsync<int>("UPDATE inbound_emails SET state = 'Discarded' WHERE id = ANY(@ids) RETURNING 1", ("ids", stored.ToArray()));
    }

    [Fact]
    public async Task AMalformedQueryShowsTheWaitingMailAndTheListSpeaksEnglish()
    {
        var page = await Staff.GetOkAsync("/staff/mail?state=Nonsense&after=abc&lang=en");
        Assert.Equal("en", page.Lang);
        Assert.StartsWith("Mail not matched to a case (", page.Heading, StringComparison.Ordinal);
        Assert.Equal("page", page.Find(".email-lists a[href='/staff/mail']")!.GetAttribute("aria-current"));
        await Staff.GetOkAsync("/staff/mail?state=Pending&after=" + Guid.NewGuid() + "&lang=ja");
    }

    [Fact]
    public async Task TheMessageIsShownAsTextWithTheQuoteFoldedItsFilesCheckedAndTheViewAudited()
    {
        var text = "注文番号は 12345 です。<script>alert('x')</script>\n\nOn Mon, 5 Jan 2026 at 10:00, Center <consult@ccj.test> wrote:\n> ご注文番号を教えてください。\n> よろしくお願いします。";
        var id = await portal.StoreAsync(MailPagesFixture.Message("taro@example.jp", "Re: ご質問", text,
            ("receipt.jpg", "image/jpeg", Jpeg), ("notes.txt", "text/plain", "メモ"u8.ToArray())));

        var page = await Staff.GetOkAsync($"/staff/mail/{id}");
        Assert.Equal("Re: ご質問", page.Heading);
        Assert.Equal("taro@example.jp", page.Find("[data-field=from]")!.TextContent.Trim());
        Assert.Equal("consult@ccj.test", page.Find("[data-field=to]")!.TextContent.Trim());
        var fresh = page.Find("[data-field=text]")!.TextContent;
        Assert.Contains("<script>alert('x')</script>", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("ご注文番号を教えてください", fresh, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("main script"));
        Assert.Contains("> ご注文番号を教えてください。", page.Find("details [data-field=quoted]")!.TextContent, StringComparison.Ordinal);
        var files = page.FindAll("[data-file]").Select(f => (f.QuerySelector("[data-field=name]")!.TextContent, f.QuerySelector("[data-field=check]")!.TextContent)).ToList();
        Assert.Equal([("receipt.jpg", "証拠として保存できます"), ("notes.txt", "保存できません: JPEG・PNG・HEIC・PDF ではありません")], files);
        Assert.Equal(portal.Staff.Id, await portal.Database.ScalarAsync<Guid>(
            "SELECT actor_id FROM audit_entries WHERE action = 'InboundMailViewed' AND subject_type = 'InboundEmail' AND subject_id = @id", ("id", id.ToString())));

        using var raw = await Staff.Http.GetAsync(page.Find("a[href$='/raw']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", raw.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".eml", raw.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.Equal((await portal.ReadMailAsync(id)).Raw, await raw.Content.ReadAsByteArrayAsync());

        using var unknown = await Staff.Http.GetAsync($"/staff/mail/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AttachedAsTheConsumersAnswerTheCaseGoesBackInProgressWithTheFileAsEvidence()
    {
        var c = await portal.WaitingForConsumerAsync();
        var id = await portal.StoreAsync(MailPagesFixture.Message("taro.personal@example.com", $"Re: {c.Number}", "注文確認メールを添付します。", ("order.jpg", "image/jpeg", Jpeg)), caseId: c.Id);

        var page = await Staff.GetOkAsync($"/staff/mail/{id}");
        Assert.Equal(c.Number, page.Find("#Attach_CaseNumber")!.GetAttribute("value"));
        using var response = await Staff.SubmitAsync(page, "form[action$='/attach']", [new("Attach.Sender", "Consumer")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/cases/{c.Number}", response.Headers.Location!.OriginalString);
        var casePage = await Staff.FollowRedirectAsync(response);
        Assert.Contains($"メールを案件 {c.Number} に追加しました。質問への回答として記録し", casePage.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("注文確認メールを添付します。", casePage.Find("#case-timeline")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(CaseStatus.InProgress, (await portal.ReadCaseAsync(c.Id)).Status);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM case_events WHERE case_id = @id AND kind = 'ConsumerReplied'", ("id", c.Id)));
        Assert.Equal(["order.jpg"], await portal.QueryAsync(db => db.StoredFiles.Where(f => db.Set<CaseEvidence>().Any(e => e.CaseId == c.Id && e.StoredFileId == f.Id)).Select(f => f.FileName).ToListAsync()));
        var mail = await portal.ReadMailAsync(id);
        Assert.Equal((InboundEmailState.Attached, c.Id, InboundEmailSender.Consumer), (mail.State, mail.CaseId, mail.Sender));
        Assert.Equal("Consumer", await portal.Database.ScalarAsync<string>(
            "SELECT details ->> 'party' FROM audit_entries WHERE action = 'InboundMailAttached' AND case_id = @case AND subject_id = @id AND actor_id = @actor",
            ("case", c.Id), ("id", id.ToString()), ("actor", portal.Staff.Id)));
    }

    [Fact]
    public async Task MailFromSomeoneElseGoesOnTheTimelineAndLeavesTheStatus()
    {
        var c = await portal.WaitingForConsumerAsync();
        var id = await portal.StoreAsync(MailPagesFixture.Message("neighbour@example.com", "相談者の件で", "同じ店で被害に遭いました。"));

        var page = await Staff.GetOkAsync($"/staff/mail/{id}");
        Assert.Equal("", page.Find("#Attach_CaseNumber")!.GetAttribute("value"));
        using var response = await Staff.SubmitAsync(page, "form[action$='/attach']", [new("Attach.CaseNumber", c.Number.ToLowerInvariant()), new("Attach.Sender", "Other")]);
        Assert.Equal($"/staff/cases/{c.Number}", response.Headers.Location!.OriginalString);

        Assert.Equal(CaseStatus.WaitingForConsumer, (await portal.ReadCaseAsync(c.Id)).Status);
        Assert.Equal("同じ店で被害に遭いました。", await portal.Database.ScalarAsync<string>(
            "SELECT text FROM case_events WHERE case_id = @id AND kind = 'EmailReceived'", ("id", c.Id)));
        Assert.Equal((InboundEmailState.Attached, InboundEmailSender.Unknown), ((await portal.ReadMailAsync(id)).State, (await portal.ReadMailAsync(id)).Sender));
    }

    [Fact]
    public async Task AMessageSomeoneElseHandledMeanwhileIsAConflictWithAMessage()
    {
        var c = await portal.ReceiveAsync();
        var id = await portal.StoreAsync(MailPagesFixture.Message("taro@example.jp", "二人で同時に", "本文"), caseId: c.Id);
        var page = await Staff.GetOkAsync($"/staff/mail/{id}");
        await portal.Database.ScalarAsync<int>("UPDATE inbound_emails SET state = 'Attached' WHERE id = @id RETURNING 1", ("id", id));

        using var attach = await Staff.SubmitAsync(page, "form[action$='/attach']", [new("Attach.Sender", "Consumer")]);
        Assert.Equal(HttpStatusCode.Conflict, attach.StatusCode);
        var refused = await HtmlPage.ReadAsync(attach);
        Assert.Contains("このメールは、ほかの担当者がすでに処理しました(現在: 案件に追加済み)。", refused.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.Find("form[action$='/attach']"));

        using var discard = await Staff.SubmitAsync(page, "form[action$='/discard']", [new("Discard.Reason", "重複")]);
        Assert.Equal(HttpStatusCode.Conflict, discard.StatusCode);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM case_events WHERE case_id = @id AND kind IN ('EmailReceived', 'ConsumerReplied')", ("id", c.Id)));
        Assert.Equal(InboundEmailState.Attached, (await portal.ReadMailAsync(id)).State);
    }

    [Fact]
    public async Task ABadCaseNumberIsExplainedInJapaneseAndWhatWasTypedIsKept()
    {
        var id = await portal.StoreAsync(MailPagesFixture.Message("desk@bbb.example", "Case update", "We contacted the merchant."));
        var page = await Staff.GetOkAsync($"/staff/mail/{id}");

        using var malformed = await Staff.SubmitAsync(page, "form[action$='/attach']", [new("Attach.CaseNumber", "12345"), new("Attach.Sender", "Partner")]);
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        var refused = await HtmlPage.ReadAsync(malformed);
        Assert.Equal("案件番号は「CCJ-2026-000123」の形で入力してください。", refused.FieldError("Attach_CaseNumber"));
        Assert.Equal("12345", refused.Find("#Attach_CaseNumber")!.GetAttribute("value"));
        Assert.True(refused.Find("input[name='Attach.Sender'][value='Partner']")!.HasAttribute("checked"));
        Assert.NotNull(refused.Find(".error-summary a[href='#Attach_CaseNumber']"));

        using var unknown = await Staff.SubmitAsync(refused, "form[action$='/attach']", [new("Attach.CaseNumber", "CCJ-2001-999999"), new("Attach.Sender", null)]);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var again = await HtmlPage.ReadAsync(unknown);
        Assert.Equal("誰からのメールかを選んでください。", again.FieldError("Attach_Sender"));

        using var notFound = await Staff.SubmitAsync(again, "form[action$='/attach']", [new("Attach.CaseNumber", "CCJ-2001-999999"), new("Attach.Sender", "Partner")]);
        var missing = await HtmlPage.ReadAsync(notFound);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal("案件番号 CCJ-2001-999999 の案件は見つかりません。番号を確かめてください。", missing.FieldError("Attach_CaseNumber"));
        Assert.Equal("CCJ-2001-999999", missing.Find("#Attach_CaseNumber")!.GetAttribute("value"));
        Assert.Equal(InboundEmailState.Unmatched, (await portal.ReadMailAsync(id)).State);
    }

    [Fact]
    public async Task DiscardingNeedsAReasonThenIsAuditedAndTheMessageLeavesTheList()
    {
        var id = await portal.StoreAsync(MailPagesFixture.Message("ads@spam.example", "格安セール", "今だけ!"));
        var page = await Staff.GetOkAsync($"/staff/mail/{id}");

        using var empty = await Staff.SubmitAsync(page, "form[action$='/discard']", [new("Discard.Reason", "  ")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var refused = await HtmlPage.ReadAsync(empty);
        Assert.Equal("破棄する理由を入力してください。", refused.FieldError("Discard_Reason"));

        var tooLong = new string('長', 501);
        using var longReason = await Staff.SubmitAsync(refused, "form[action$='/discard']", [new("Discard.Reason", tooLong)]);
        var kept = await HtmlPage.ReadAsync(longReason);
        Assert.Equal("破棄する理由は 500 文字以内で入力してください(現在 501 文字)。", kept.FieldError("Discard_Reason"));
        Assert.Equal(tooLong, kept.Find("#Discard_Reason")!.TextContent.Trim());
        Assert.Equal(InboundEmailState.Unmatched, (await portal.ReadMailAsync(id)).State);

        using var response = await Staff.SubmitAsync(kept, "form[action$='/discard']", [new("Discard.Reason", "広告メール")]);
        Assert.Equal("/staff/mail", response.Headers.Location!.OriginalString);
        var list = await Staff.FollowRedirectAsync(response);
        Assert.Equal("受信メールを破棄しました。", list.Find("[role=status]")!.TextContent.Trim());
        Assert.Null(list.Find($"#mail-{id}"));
        Assert.NotNull((await Staff.GetOkAsync("/staff/mail?state=Discarded")).Find($"#mail-{id}"));
        Assert.Equal(InboundEmailState.Discarded, (await portal.ReadMailAsync(id)).State);
        Assert.Equal("広告メール", await portal.Database.ScalarAsync<string>(
            "SELECT details ->> 'reason' FROM audit_entries WHERE action = 'InboundMailDiscarded' AND subject_id = @id AND actor_id = @actor",
            ("id", id.ToString()), ("actor", portal.Staff.Id)));
    }

    [Fact]
    public async Task CounselorsAreRefusedAndSignedOutVisitorsSentToSignIn()
    {
        var id = await portal.StoreAsync(MailPagesFixture.Message("taro@example.jp", "個人情報", "本文"));
        var (counselor, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Counselor);
        using (counselor)
        {
            using var list = await counselor.Http.GetAsync("/staff/mail");
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            using var raw = await counselor.Http.GetAsync($"/staff/mail/{id}/raw");
            Assert.Equal(HttpStatusCode.Forbidden, raw.StatusCode);
        }

        using var anonymous = portal.Factory.CreateFormClient();
        using var response = await anonymous.Http.GetAsync($"/staff/mail/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'InboundMailViewed' AND subject_id = @id", ("id", id.ToString())));
    }

    [Fact]
    public async Task BackOfficeNavigationLinksToTheMailPage()
    {
        var page = await Staff.GetOkAsync("/staff/cases");
        Assert.Equal("未処理の受信メール", page.Find("a[href='/staff/mail']")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheAdminsEmailPageListsBouncedMessagesWithTheirCaseAndNoSendAgain()
    {
        var email = await Email.TestEmails.EnqueueAsync(portal.Factory, "不達になるお知らせ");
        var reportedAt = portal.Clock.GetUtcNow();
        await portal.Database.ScalarAsync<int>(
            "UPDATE outbound_emails SET state = 'Sent', attempts = 1, sent_at = @at, bounced_at = @at, bounce_status = '5.1.1 smtp; 550 5.1.1 user unknown' WHERE id = @id RETURNING 1",
            ("id", email.Id), ("at", reportedAt));
        var number = (await portal.ReadCaseAsync(email.CaseId!.Value)).Number;
        var bounced = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE bounced_at IS NOT NULL");

        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync("/admin/email");
            Assert.Equal(bounced.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-count=bounced] dd")!.TextContent);
            Assert.Null(page.Find($"#email-{email.Id}"));

            var list = await admin.GetOkAsync(page.Find("a[href='/admin/email?list=Bounced']")!.GetAttribute("href")!);
            Assert.Equal("page", list.Find("a[href='/admin/email?list=Bounced']")!.GetAttribute("aria-current"));
            var row = list.Find($"#email-{email.Id}") ?? throw new InvalidOperationException("The bounced message is not listed.");
            Assert.Equal("5.1.1 smtp; 550 5.1.1 user unknown", row.QuerySelector("[data-field=bounce-status]")!.TextContent.Trim());
            Assert.Equal(Web.Infrastructure.Localization.LocalizationRegistration.FormatJapanTime(reportedAt), row.QuerySelector("[data-field=bounced-at]")!.TextContent.Trim());
            var caseLink = row.QuerySelector("[data-field=case] a")!;
            Assert.Equal((number, $"/staff/cases/{number}"), (caseLink.TextContent, caseLink.GetAttribute("href")));
            Assert.Null(row.QuerySelector("form"));
            Assert.Contains("送信し直しても届きません", list.MainText, StringComparison.Ordinal);
        }
    }
}
