using System.Net;
using System.Text.Json;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>Each action of the case page through HTTP: the page, its form, the redirect, the page after, and the rows written.</summary>
public class CaseActionTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private FormClient Client => portal.Client;

    [Fact]
    public async Task AssigningTheCaseToMyselfStartsTheWorkAndIsRecordedOnTheTimelineAndInTheAuditTrail()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Equal("未割当", page.Find("[data-field=assignee]")!.TextContent.Trim());

        using var response = await Client.SubmitAsync(page, "form.case-assign-me");
        var after = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);

        Assert.Equal("担当者を設定しました。", after.Find("[role=status]")!.TextContent.Trim());
        Assert.Equal(portal.Staff.DisplayName, after.Find("[data-field=assignee]")!.TextContent.Trim());
        Assert.Equal("対応中", after.Find("[data-field=status]")!.TextContent.Trim());
        Assert.Null(after.Find("form.case-assign-me"));
        var line = after.Find("[data-kind=Assigned]")!;
        Assert.Contains($"担当者: {portal.Staff.DisplayName}", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("受付 → 対応中", line.TextContent, StringComparison.Ordinal);

        var assigned = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((portal.Staff.Id, CaseStatus.InProgress, CaseClocks.WorkDue(portal.Clock.GetUtcNow())), (assigned.AssignedToId!.Value, assigned.Status, assigned.DueAt!.Value));
        using var audit = JsonDocument.Parse(await portal.LastAuditDetailsAsync(c.Id, "CaseChanged"));
        var changes = audit.RootElement.GetProperty("changes");
        Assert.Equal("Assign", audit.RootElement.GetProperty("action").GetString());
        Assert.Equal(("Received", "InProgress"), (changes.GetProperty("status").GetProperty("before").GetString(), changes.GetProperty("status").GetProperty("after").GetString()));
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("assignedToId").GetProperty("before").ValueKind);
        Assert.Equal(portal.Staff.Id, changes.GetProperty("assignedToId").GetProperty("after").GetGuid());
        Assert.False(changes.TryGetProperty("category", out _));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'CaseChanged' AND case_id = @id AND subject_type = 'Case' AND subject_id = @sid AND actor_id = @actor",
            ("id", c.Id), ("sid", c.Id.ToString()), ("actor", portal.Staff.Id)));
    }

    [Fact]
    public async Task AssigningToAnotherStaffMemberThenToNobodyKeepsTheCaseInProgress()
    {
        var colleague = await StaffAccounts.CreateAsync(portal.Factory, Roles.Supervisor);
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Contains(page.FindAll("#Assign_AssigneeId option"), o => o.GetAttribute("value") == colleague.Id.ToString());
        Assert.Contains($"{portal.Staff.DisplayName}(自分)", page.Find("#Assign_AssigneeId")!.TextContent, StringComparison.Ordinal);

        using (var response = await Client.SubmitAsync(page, "#action-Assign form", [new("Assign.AssigneeId", colleague.Id.ToString())]))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        Assert.Equal(colleague.DisplayName, page.Find("[data-field=assignee]")!.TextContent.Trim());
        Assert.Equal(colleague.Id.ToString(), page.Find("#Assign_AssigneeId option[selected]")!.GetAttribute("value"));

        using (var response = await Client.SubmitAsync(page, "#action-Assign form", [new("Assign.AssigneeId", "")]))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        Assert.Equal("未割当", page.Find("[data-field=assignee]")!.TextContent.Trim());
        Assert.Contains("担当者なしにしました", page.Find("[data-kind=Assigned]")!.TextContent, StringComparison.Ordinal);
        var unassigned = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((null, CaseStatus.InProgress), (unassigned.AssignedToId, unassigned.Status));
    }

    [Fact]
    public async Task ACounselorOrADisabledAccountIsNeitherOfferedNorAcceptedAsAssignee()
    {
        var counselor = await StaffAccounts.CreateAsync(portal.Factory, Roles.Counselor);
        var disabled = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        await portal.Database.ScalarAsync<int>("UPDATE users SET is_disabled = true WHERE id = @id RETURNING 1", ("id", disabled.Id));
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var options = page.FindAll("#Assign_AssigneeId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain(counselor.Id.ToString(), options);
        Assert.DoesNotContain(disabled.Id.ToString(), options);

        foreach (var account in new[] { counselor, disabled })
        {
            var before = await portal.FootprintAsync(c.Id);
            using var response = await Client.SubmitAsync(page, "#action-Assign form", [new("Assign.AssigneeId", account.Id.ToString())]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refused = await HtmlPage.ReadAsync(response);
            Assert.Contains("担当者にできません", refused.Find("#Assign_AssigneeId-error")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(refused.Find("#action-Assign[open]"));
            Assert.Equal(before, await portal.FootprintAsync(c.Id));
        }
    }

    [Fact]
    public async Task CategoryAndPriorityChangeWithTheirValuesBeforeAndAfterAndTheSameValueChangesNothing()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using (var response = await Client.SubmitAsync(page, "#action-ChangeCategory form", [new("ChangeCategory.Category", "WrongItem")]))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        Assert.Equal("商品が届かない → 注文と違う商品が届いた", page.Find("[data-kind=CategoryChanged] .timeline__detail")!.TextContent.Trim());
        using (var response = await Client.SubmitAsync(page, "#action-ChangePriority form", [new("ChangePriority.Priority", "Urgent")]))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        Assert.Equal("緊急", page.Find("[data-field=priority]")!.TextContent.Trim());
        Assert.Contains("通常 → 緊急", page.Find("[data-kind=PriorityChanged]")!.TextContent, StringComparison.Ordinal);
        var changed = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseCategory.WrongItem, CasePriority.Urgent, CaseStatus.Received), (changed.Category, changed.Priority, changed.Status));
        using (var audit = JsonDocument.Parse(await portal.LastAuditDetailsAsync(c.Id, "CaseChanged")))
        {
            var priority = audit.RootElement.GetProperty("changes").GetProperty("priority");
            Assert.Equal(("Normal", "Urgent"), (priority.GetProperty("before").GetString(), priority.GetProperty("after").GetString()));
        }

        var before = await portal.FootprintAsync(c.Id);
        using (var response = await Client.SubmitAsync(page, "#action-ChangePriority form"))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        Assert.Equal("すでにその内容になっているため、変更はありません。", page.Find("[role=status]")!.TextContent.Trim());
        Assert.Equal(before, await portal.FootprintAsync(c.Id));
    }

    [Theory]
    [InlineData("ChangeCategory", "ChangeCategory.Category", "Nonsense", "相談の種類を一覧から選んでください。")]
    [InlineData("ChangeCategory", "ChangeCategory.Category", "3", "相談の種類を一覧から選んでください。")]
    [InlineData("ChangePriority", "ChangePriority.Priority", "", "優先度を一覧から選んでください。")]
    [InlineData("Close", "Close.Outcome", "Closed", "結果を選んでください。")]
    [InlineData("Decline", "Decline.Reason", "", "お断りの理由を選んでください。")]
    public async Task AValueThatIsNotAChoiceIsRefusedWithAMessage(string action, string field, string value, string message)
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var before = await portal.FootprintAsync(c.Id);
        using var response = await Client.SubmitAsync(page, $"#action-{action} form", [new(field, value)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await HtmlPage.ReadAsync(response);
        Assert.Equal(message, refused.FieldError(field.Replace('.', '_')));
        Assert.Equal(message, refused.Find(".error-summary li a")!.TextContent.Trim());
        Assert.Equal(before, await portal.FootprintAsync(c.Id));
    }

    [Fact]
    public async Task ANoteGoesOnTheTimelineAsTypedWithoutChangingTheCaseRow()
    {
        var c = await portal.ReceiveAsync();
        var before = await portal.FootprintAsync(c.Id);
        var activity = (await portal.ReadCaseAsync(c.Id)).LastActivityAt;
        const string note = "事業者のサイトは閉鎖済み。\r\n\r\n  二段落目 <b>太字ではない</b>";
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using var response = await Client.SubmitAsync(page, "#action-AddNote form", [new("AddNote.Text", note)]);
        var after = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);

        Assert.Equal("メモを追加しました。", after.Find("[role=status][data-confirmation]")!.TextContent.Trim());
        var line = after.Find("[data-kind=NoteAdded]")!;
        Assert.Equal(note, line.QuerySelector(".timeline__text")!.TextContent);
        Assert.Contains(portal.Staff.DisplayName, line.QuerySelector(".timeline__meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, after.Find("#AddNote_Text")!.TextContent);

        var footprint = await portal.FootprintAsync(c.Id);
        Assert.Equal((before.Version, before.Events + 1, before.Changes + 1), (footprint.Version, footprint.Events, footprint.Changes));
        Assert.Equal(activity, (await portal.ReadCaseAsync(c.Id)).LastActivityAt);
        var stored = await portal.QueryAsync(db => db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.NoteAdded).SingleAsync());
        Assert.Equal((note, false, portal.Staff.Id), (stored.Text, stored.VisibleToConsumer, stored.ActorId!.Value));
    }

    [Fact]
    public async Task AnEmptyNoteOrOneTooLongIsRefusedAndWhatWasTypedIsKept()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using (var empty = await Client.SubmitAsync(page, "#action-AddNote form", [new("AddNote.Text", "   ")]))
        {
            var refused = await HtmlPage.ReadAsync(empty);
            Assert.Equal("メモを入力してください。", refused.FieldError("AddNote_Text"));
            Assert.Equal("true", refused.Find("#AddNote_Text")!.GetAttribute("aria-invalid"));
        }

        var tooLong = "長" + new string('あ', 20_000);
        using (var response = await Client.SubmitAsync(page, "#action-AddNote form", [new("AddNote.Text", tooLong)]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refused = await HtmlPage.ReadAsync(response);
            Assert.Equal("メモは20,000文字以内で入力してください(現在20,001文字)。", refused.FieldError("AddNote_Text"));
            Assert.Equal(tooLong, refused.Find("#AddNote_Text")!.TextContent);
            Assert.NotNull(refused.Find("#action-AddNote[open]"));
        }

        // Word's manual line break (a vertical tab) pasted into the note.
        using (var control = await Client.SubmitAsync(page, "#action-AddNote form", [new("AddNote.Text", "一行目\v二行目")]))
        {
            Assert.Contains("制御文字", (await HtmlPage.ReadAsync(control)).Find("#AddNote_Text-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM case_events WHERE case_id = @id", ("id", c.Id)));
    }

    [Fact]
    public async Task RequestingInformationEmailsTheQuestionInTheConsumersLanguageAndTheCaseWaitsAWeek()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(name: "Jane Doe"), language: "en");
        const string question = "Please send the order confirmation email.\r\nAnd the tracking number, if you have one: {Name}";
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        Assert.Contains("英語", page.Find("#action-RequestInformation")!.TextContent, StringComparison.Ordinal);
        using var response = await Client.SubmitAsync(page, "#action-RequestInformation form", [new("RequestInformation.Message", question)]);
        var after = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);

        var now = portal.Clock.GetUtcNow();
        var waiting = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.WaitingForConsumer, now.AddDays(7)), (waiting.Status, waiting.DueAt!.Value));
        var email = await portal.QueryAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(m => m.CaseId == c.Id));
        Assert.Equal(("InformationRequest", "en", OutboundEmailState.Pending), (email.Template, email.Language, email.State));
        string[] consumer = ["taro@example.jp"];
        Assert.Equal(consumer, email.ToAddresses);
        Assert.Equal("consult@ccj.test", email.ReplyTo);
        Assert.Equal($"[Cross-Border Consumer Center] Please tell us more about your complaint ({c.Number})", email.Subject);
        Assert.StartsWith("Dear Jane Doe,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(question.Replace("\r\n", "\n", StringComparison.Ordinal), email.TextBody, StringComparison.Ordinal);
        var replyBy = TimeZoneInfo.ConvertTime(now.AddDays(7), LocalizationRegistration.JapanTime)
            .ToString("D", System.Globalization.CultureInfo.GetCultureInfo("en"));
        Assert.Contains($"Please answer by {replyBy} on your case's page", email.TextBody, StringComparison.Ordinal);
        // The email's own link opens the case; the outbox forgets it once the email is sent.
        var link = Support.EmailLinks.TrackingPathIn(email.TextBody);
        Assert.Equal(c.Number, (await portal.Factory.CreateFormClient().GetOkAsync(link)).Heading);
        Assert.Equal([link["/track/".Length..]], email.RedactAfterSending);
        Assert.False(Support.EmailLinks.PointsToLostLink(email.TextBody));
        Assert.Contains("Cross-Border Consumer Center Japan (CCJ)", email.TextBody, StringComparison.Ordinal);

        Assert.Equal("相談者の回答待ち", after.Find("[data-field=status]")!.TextContent.Trim());
        var emailLine = after.Find($"[data-email='{email.Id}']")!;
        Assert.Contains("追加情報のお願い", emailLine.TextContent, StringComparison.Ordinal);
        Assert.Contains(email.Subject, emailLine.TextContent, StringComparison.Ordinal);
        Assert.Equal("送信待ち", emailLine.QuerySelector("[data-field=email-state]")!.TextContent.Trim());
        Assert.Equal(question, after.Find("[data-kind=InformationRequested] .timeline__text")!.TextContent);
        using var audit = JsonDocument.Parse(await portal.LastAuditDetailsAsync(c.Id, "CaseChanged"));
        Assert.Equal(email.Id, audit.RootElement.GetProperty("details").GetProperty("emailId").GetGuid());
    }

    [Fact]
    public async Task AJapaneseConsumerIsAskedInJapaneseWithAJapaneseDate()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using var response = await Client.SubmitAsync(page, "#action-RequestInformation form", [new("RequestInformation.Message", "追跡番号を教えてください。")]);
        await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        var email = await portal.QueryAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(m => m.CaseId == c.Id));
        Assert.Equal($"【越境消費者センター】追加の情報をお願いします(受付番号 {c.Number})", email.Subject);
        Assert.StartsWith("山田 太郎 様", email.TextBody, StringComparison.Ordinal);
        var replyBy = TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow().AddDays(7), LocalizationRegistration.JapanTime);
        Assert.Contains($"{replyBy.Year}年{replyBy.Month}月{replyBy.Day}日", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{replyBy.ToString("D", System.Globalization.CultureInfo.GetCultureInfo("ja"))}までに、次のご相談ページからお答えください", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(c.Number, (await portal.Factory.CreateFormClient().GetOkAsync(Support.EmailLinks.TrackingPathIn(email.TextBody))).Heading);
    }

    [Fact]
    public async Task DecliningAsADuplicateNeedsTheNumberOfAnotherCaseThatExists()
    {
        var original = await portal.ReceiveAsync();
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var attempts = new (string Number, string Message)[]
        {
            ("", "重複元の受付番号を入力してください。"),
            ("2026-123", "受付番号は CCJ-2026-000123 の形で入力してください。"),
            (c.Number.ToLowerInvariant(), "この案件自身の受付番号は指定できません。"),
            ("CCJ-2001-999999", "受付番号 CCJ-2001-999999 の案件はありません。"),
        };
        foreach (var (number, message) in attempts)
        {
            using var response = await Client.SubmitAsync(page, "#action-Decline form",
                [new("Decline.Reason", "Duplicate"), new("Decline.DuplicateOf", number), new("Decline.Comment", "同じ注文の相談です。")]);
            var refused = await HtmlPage.ReadAsync(response);
            Assert.Equal(message, refused.FieldError("Decline_DuplicateOf"));
            Assert.Equal("同じ注文の相談です。", refused.Find("#Decline_Comment")!.TextContent);
            Assert.NotNull(refused.Find("#Decline_Reason_Duplicate[checked]"));
        }

        Assert.Equal(CaseStatus.Received, (await portal.ReadCaseAsync(c.Id)).Status);
        using (var response = (await DeclineSteps.DeclineAsync(Client, page,
                   [new("Decline.Reason", "Duplicate"), new("Decline.DuplicateOf", " " + original.Number.ToLowerInvariant() + " ")])).Declined)
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        var declined = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.Declined, DeclineReason.Duplicate, original.Number, null), (declined.Status, declined.DeclineReason, declined.DuplicateOfNumber, declined.DueAt));
        Assert.Equal(CasePageFixture.PageOf(original.Number), page.Find("[data-field=duplicate-of] a")!.GetAttribute("href"));
        Assert.Equal("重複した相談", page.Find("[data-field=decline-reason]")!.TextContent.Trim());
        string[] stillPossible = ["action-AddNote", "action-Reopen"];
        Assert.Equal(stillPossible, page.FindAll("details.case-action").Select(d => d.Id));
    }

    [Theory]
    [InlineData(DeclineReason.Counterfeit)]
    [InlineData(DeclineReason.BusinessPurchase)]
    [InlineData(DeclineReason.OutOfScope)]
    public async Task DecliningForAReasonRecordsItAndFinishesTheCase(DeclineReason reason)
    {
        var c = await portal.CaseInAsync(CaseStatus.WaitingForConsumer);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using var response = (await DeclineSteps.DeclineAsync(Client, page, [new("Decline.Reason", reason.ToString()), new("Decline.DuplicateOf", "ignored")])).Declined;
        page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        var declined = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.Declined, reason, null, portal.Clock.GetUtcNow()), (declined.Status, declined.DeclineReason, declined.DuplicateOfNumber, declined.ClosedAt!.Value));
        Assert.NotNull(page.Find("[data-kind=Declined]"));
        Assert.Null(page.Find("[data-overdue]"));
    }

    [Theory]
    [InlineData(CaseOutcome.Resolved, "解決")]
    [InlineData(CaseOutcome.PartlyResolved, "一部解決")]
    [InlineData(CaseOutcome.NotResolved, "未解決")]
    [InlineData(CaseOutcome.Withdrawn, "取下げ")]
    [InlineData(CaseOutcome.NoReply, "回答なし")]
    public async Task ClosingRecordsTheOutcomeAndTheCommentAndReopeningClearsThem(CaseOutcome outcome, string label)
    {
        var c = await portal.CaseInAsync(CaseStatus.InProgress);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        using (var response = await Client.SubmitAsync(page, "#action-Close form", [new("Close.Outcome", outcome.ToString()), new("Close.Comment", "返金の連絡あり")]))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        var closed = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.Closed, outcome, null), (closed.Status, closed.Outcome, closed.DueAt));
        Assert.Equal(label, page.Find("[data-field=outcome]")!.TextContent.Trim());
        var line = page.Find("[data-kind=Closed]")!;
        Assert.Contains($"結果: {label}", line.TextContent, StringComparison.Ordinal);
        Assert.Equal("返金の連絡あり", line.QuerySelector(".timeline__text")!.TextContent);

        using (var response = await Client.SubmitAsync(page, "#action-Reopen form", [new("Reopen.Reason", "返金が取り消された")]))
        {
            page = await CasePageFixture.FollowToCaseAsync(Client, response, c.Number);
        }

        var reopened = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.InProgress, null, null), (reopened.Status, reopened.Outcome, reopened.ClosedAt));
        Assert.Equal(CaseClocks.WorkDue(portal.Clock.GetUtcNow()), reopened.DueAt);
        Assert.Null(page.Find("[data-field=outcome]"));
        Assert.Equal("返金が取り消された", page.Find("[data-kind=Reopened] .timeline__text")!.TextContent);
    }

    [Fact]
    public async Task PostingToAnUnknownOrMalformedCaseIsNotFound()
    {
        var c = await portal.ReceiveAsync();
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        foreach (var url in new[] { "/staff/cases/CCJ-2001-000001/notes", "/staff/cases/not-a-number/notes" })
        {
            using var response = await Client.PostAsync(url, page, [new("AddNote.Text", "メモ")]);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("ページが見つかりません", (await HtmlPage.ReadAsync(response)).Heading, StringComparison.Ordinal);
        }
    }
}
