using System.Globalization;
using System.Net;
using System.Text.Json;
using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.IntegrationTests.ConsultationDesk;

/// <summary>Each step of the booking page through HTTP: the page, its form, the redirect, the page after, the rows and the audit.</summary>
public class BookingActionTests(ConsultationDeskFixture portal) : IClassFixture<ConsultationDeskFixture>
{
    private FormClient Client => portal.Client;

    [Fact]
    public async Task TheBookingPageShowsTheApplicantAsRegisteredAndRecordsTheView()
    {
        var booking = await portal.BookAsync(portal.FutureSlot(3));
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));

        Assert.Equal("足立 花子", page.Find("[data-field=name]")!.TextContent.Trim());
        Assert.Equal("アダチ ハナコ", page.Find("[data-field=kana]")!.TextContent.Trim());
        Assert.Equal("〒120-8510 東京都 足立区中央本町1-17-1", page.Find("[data-field=address]")!.TextContent.Trim());
        Assert.Equal(booking.Email, page.Find("[data-field=email]")!.TextContent.Trim());
        Assert.Equal("本人がウェブで申込み", page.Find("[data-field=filed-by]")!.TextContent.Trim());
        Assert.Equal("確定待ち", page.Find("[data-field=status]")!.TextContent.Trim());
        Assert.StartsWith("オンライン相談の予約: 足立 花子(", page.Title, StringComparison.Ordinal);
        Assert.Contains(booking.Slot.Start.ToString("HH:mm", CultureInfo.InvariantCulture), page.Title, StringComparison.Ordinal);
        Assert.Equal(1L, await portal.AuditCountAsync(booking.Id, "ConsultationViewed"));
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmingSetsTheCounselorAndTheMeetingLinkAndChangingThemLaterCountsAnotherInvitation()
    {
        var booking = await portal.BookAsync(portal.FutureSlot(4));
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.Contains(page.FindAll("#Confirm_CounselorId option"), o => o.GetAttribute("value") == portal.Staff.Id.ToString());

        using (var response = await Client.SubmitAsync(page, "#action-Confirm form",
            [new("Confirm.CounselorId", portal.Staff.Id.ToString()), new("Confirm.MeetingUrl", "https://meet.example.jp/r/1")]))
        {
            page = await portal.FollowAsync(response, booking.Id);
        }

        Assert.Equal("確定済み", page.Find("[data-field=status]")!.TextContent.Trim());
        Assert.Equal(portal.Staff.DisplayName, page.Find("[data-field=counselor]")!.TextContent.Trim());
        Assert.Equal("https://meet.example.jp/r/1", page.Find("[data-field=meeting-url] a")!.GetAttribute("href"));
        Assert.NotNull(page.Find("[data-audit=ConsultationConfirmed]"));
        var confirmed = await portal.ReadAsync(booking.Id);
        Assert.Equal((ConsultationStatus.Confirmed, portal.Staff.Id, 0), (confirmed.Status, confirmed.CounselorId!.Value, confirmed.CalendarSequence));
        using (var audit = JsonDocument.Parse(await portal.LastAuditDetailsAsync(booking.Id, "ConsultationConfirmed")))
        {
            var status = audit.RootElement.GetProperty("changes").GetProperty("status");
            Assert.Equal(("Requested", "Confirmed"), (status.GetProperty("before").GetString(), status.GetProperty("after").GetString()));
        }

        // The invitation, saved with the confirmation; the meeting link in it.
        var invitation = Assert.Single(await portal.EmailsToAsync(booking));
        Assert.Equal("ConsultationInvitation", invitation.Template);
        Assert.Contains("https://meet.example.jp/r/1", invitation.Text, StringComparison.Ordinal);

        using (var response = await Client.SubmitAsync(page, "#action-Confirm form", [new("Confirm.MeetingUrl", "https://meet.example.jp/r/2")]))
        {
            page = await portal.FollowAsync(response, booking.Id);
        }

        var changed = await portal.ReadAsync(booking.Id);
        Assert.Equal(("https://meet.example.jp/r/2", 1), (changed.MeetingUrl, changed.CalendarSequence));
        Assert.Equal(2L, await portal.AuditCountAsync(booking.Id, "ConsultationConfirmed"));
        Assert.Equal(["ConsultationInvitation", "ConsultationInvitationChanged"], (await portal.TemplatesToAsync(booking)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("http://meet.example.jp/r/1", "https:// で始まる")]
    [InlineData("meet.example.jp/r/1", "https:// で始まる")]
    [InlineData("", "会議のURLを入力してください")]
    public async Task AMeetingLinkThatIsNotHttpsIsRefusedWithItsMessageAndWhatWasTypedIsKept(string url, string message)
    {
        var booking = await portal.BookAsync(portal.FutureSlot(4, hour: 11));
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        using var response = await Client.SubmitAsync(page, "#action-Confirm form", [new("Confirm.CounselorId", portal.Staff.Id.ToString()), new("Confirm.MeetingUrl", url)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await HtmlPage.ReadAsync(response);
        Assert.Contains(message, refused.FieldError("Confirm_MeetingUrl"), StringComparison.Ordinal);
        Assert.Equal(url, refused.Find("#Confirm_MeetingUrl")!.GetAttribute("value") ?? "");
        Assert.Equal(ConsultationStatus.Requested, (await portal.ReadAsync(booking.Id)).Status);
        Assert.Empty(await portal.TemplatesToAsync(booking));
    }

    [Fact]
    public async Task AMeetingLinkLongerThanTheLimitOrACounselorWhoCannotHoldConsultationsIsRefused()
    {
        var counselor = await StaffAccounts.CreateCounselorAsync(portal.Factory, (await Testing.Counselors.TestCenters.CreateAsync(portal.Factory)).Id);
        var booking = await portal.BookAsync(portal.FutureSlot(5));
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.DoesNotContain(page.FindAll("#Confirm_CounselorId option"), o => o.GetAttribute("value") == counselor.Id.ToString());

        var tooLong = "https://meet.example.jp/" + new string('a', ConsultationBooking.MaxMeetingUrlLength);
        using (var response = await Client.SubmitAsync(page, "#action-Confirm form", [new("Confirm.CounselorId", portal.Staff.Id.ToString()), new("Confirm.MeetingUrl", tooLong)]))
        {
            Assert.Contains("500文字以内", (await HtmlPage.ReadAsync(response)).FieldError("Confirm_MeetingUrl"), StringComparison.Ordinal);
        }

        using (var response = await Client.SubmitAsync(page, "#action-Confirm form", [new("Confirm.CounselorId", counselor.Id.ToString()), new("Confirm.MeetingUrl", "https://meet.example.jp/r")]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("相談員にできません", (await HtmlPage.ReadAsync(response)).FieldError("Confirm_CounselorId"), StringComparison.Ordinal);
        }

        Assert.Equal(ConsultationStatus.Requested, (await portal.ReadAsync(booking.Id)).Status);
        Assert.Equal(0L, await portal.AuditCountAsync(booking.Id, "ConsultationConfirmed"));
        Assert.Empty(await portal.TemplatesToAsync(booking));
    }

    [Fact]
    public async Task AFormLoadedBeforeSomeoneElseChangedTheBookingIsRefusedWithAClearMessageNotOverwritten()
    {
        var booking = await portal.BookAsync(portal.FutureSlot(6));
        var stale = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        using (var response = await Client.SubmitAsync(stale, "#action-Confirm form", [new("Confirm.CounselorId", portal.Staff.Id.ToString()), new("Confirm.MeetingUrl", "https://meet.example.jp/r/1")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        using (var response = await Client.SubmitAsync(stale, "#action-Cancel form", [new("Cancel.Reason", "担当者の都合")]))
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var page = await HtmlPage.ReadAsync(response);
            Assert.Contains("他の職員が変更しました", page.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("担当者の都合", page.Find("#Cancel_Reason")!.TextContent);
            Assert.NotNull(page.Find("#action-Cancel[open]"));
        }

        var after = await portal.ReadAsync(booking.Id);
        Assert.Equal(ConsultationStatus.Confirmed, after.Status);
        Assert.Equal(0L, await portal.AuditCountAsync(booking.Id, "ConsultationCancelled"));
        Assert.Equal(["ConsultationInvitation"], await portal.TemplatesToAsync(booking));
    }

    [Fact]
    public async Task MovingTakesAFreeSlotAndRefusesAFullOneOrATimeOutsideTheSchedule()
    {
        var booking = await portal.BookAsync(portal.FutureSlot(7, hour: 9));
        var full = portal.FutureSlot(7, hour: 14);
        await portal.BookAsync(full);
        var free = portal.FutureSlot(7, hour: 15);
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        var offered = page.FindAll("#Move_Slot option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(free.Value, offered);
        Assert.DoesNotContain(full.Value, offered);

        using (var response = await Client.SubmitAsync(page, "#action-Move form", [new("Move.Slot", full.Value)]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("満席", (await HtmlPage.ReadAsync(response)).FieldError("Move_Slot"), StringComparison.Ordinal);
        }

        var saturday = new ConsultationSlot(portal.Today.AddDays(8 + ((int)DayOfWeek.Saturday - (int)portal.Today.DayOfWeek + 7) % 7), new TimeOnly(10, 0));
        using (var response = await Client.SubmitAsync(page, "#action-Move form", [new("Move.Slot", saturday.Value)]))
        {
            Assert.Contains("予約を入れられません", (await HtmlPage.ReadAsync(response)).FieldError("Move_Slot"), StringComparison.Ordinal);
        }

        Assert.Equal(booking.SlotStart, (await portal.ReadAsync(booking.Id)).SlotStart);
        Assert.Empty(await portal.TemplatesToAsync(booking));
        using (var response = await Client.SubmitAsync(page, "#action-Move form", [new("Move.Slot", free.Value)]))
        {
            page = await portal.FollowAsync(response, booking.Id);
        }

        Assert.Equal(free.StartsAt, (await portal.ReadAsync(booking.Id)).SlotStart);
        Assert.Equal(["ConsultationMoved"], await portal.TemplatesToAsync(booking));
        using var audit = JsonDocument.Parse(await portal.LastAuditDetailsAsync(booking.Id, "ConsultationMoved"));
        Assert.Equal((booking.Slot.Value, free.Value), (audit.RootElement.GetProperty("details").GetProperty("from").GetString(), audit.RootElement.GetProperty("details").GetProperty("to").GetString()));
    }

    [Fact]
    public async Task CancellingNeedsAReasonAndKeepsIt()
    {
        var booking = await portal.BookAsync(portal.FutureSlot(8));
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        using (var response = await Client.SubmitAsync(page, "#action-Cancel form", [new("Cancel.Reason", "  ")]))
        {
            Assert.Contains("取消しの理由を入力してください", (await HtmlPage.ReadAsync(response)).FieldError("Cancel_Reason"), StringComparison.Ordinal);
        }

        using (var response = await Client.SubmitAsync(page, "#action-Cancel form", [new("Cancel.Reason", "相談員の急病のため")]))
        {
            page = await portal.FollowAsync(response, booking.Id);
        }

        Assert.Equal("取消し", page.Find("[data-field=status]")!.TextContent.Trim());
        Assert.Contains("相談員の急病のため", page.Find("[data-field=cancel-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Find("#action-Confirm"));
        var cancelled = await portal.ReadAsync(booking.Id);
        Assert.Equal((ConsultationStatus.Cancelled, ConsultationCanceller.Center, "相談員の急病のため"), (cancelled.Status, cancelled.CancelledBy!.Value, cancelled.CancelReason));
        Assert.Equal(1L, await portal.AuditCountAsync(booking.Id, "ConsultationCancelled"));
        // The consumer is told, with the reason.
        var email = Assert.Single(await portal.EmailsToAsync(booking));
        Assert.Equal("ConsultationCancelled", email.Template);
        Assert.Contains("相談員の急病のため", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledBookingCannotBeConfirmed()
    {
        var booking = await portal.BookAsync(portal.FutureSlot(9), ConsultationStatus.Cancelled);
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.Null(page.Find("#action-Confirm"));

        using var response = await Client.PostAsync(ConsultationDeskFixture.PageOf(booking.Id) + "/confirm", page,
            [new("Confirm.Version", booking.Version.ToString(CultureInfo.InvariantCulture)), new("Confirm.CounselorId", portal.Staff.Id.ToString()), new("Confirm.MeetingUrl", "https://meet.example.jp/r")]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("予約の今の状態ではできません", (await HtmlPage.ReadAsync(response)).Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ConsultationStatus.Cancelled, (await portal.ReadAsync(booking.Id)).Status);
    }

    [Fact]
    public async Task AtTheStartIdentityCheckedHoldsTheConsultation()
    {
        var booking = await portal.BookAsync(portal.SlotIn(3), ConsultationStatus.Confirmed);
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.NotNull(page.Find("#action-Identity"));
        Assert.Null(page.Find("#action-OpenCase"));

        using (var response = await Client.SubmitAsync(page, "#action-Identity form", submitName: "Identity.Identified", submitValue: "true"))
        {
            page = await portal.FollowAsync(response, booking.Id);
        }

        Assert.Equal("実施", page.Find("[data-field=status]")!.TextContent.Trim());
        Assert.Null(page.Find("#action-Identity"));
        Assert.NotNull(page.Find("#action-OpenCase a[href='/staff/cases/new?consultation=" + booking.Id + "']"));
        var held = await portal.ReadAsync(booking.Id);
        Assert.Equal((ConsultationStatus.Held, portal.Staff.Id, portal.Now), (held.Status, held.OutcomeById!.Value, held.OutcomeAt!.Value));
        Assert.Equal(1L, await portal.AuditCountAsync(booking.Id, "ConsultationIdentityRecorded"));
        Assert.Empty(await portal.TemplatesToAsync(booking));
    }

    [Fact]
    public async Task NotIdentifiedEndsTheConsultation()
    {
        var booking = await portal.BookAsync(portal.SlotIn(-2), ConsultationStatus.Confirmed);
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        using (var response = await Client.SubmitAsync(page, "#action-Identity form", submitName: "Identity.Identified", submitValue: "false"))
        {
            page = await portal.FollowAsync(response, booking.Id);
        }

        Assert.Equal("本人確認できず終了", page.Find("[data-field=status]")!.TextContent.Trim());
        Assert.Null(page.Find("#action-OpenCase"));
        Assert.Equal(ConsultationStatus.NotIdentified, (await portal.ReadAsync(booking.Id)).Status);
    }

    [Fact]
    public async Task TheIdentityCheckIsNeitherOfferedNorAcceptedBeforeFiveMinutesBeforeTheStart()
    {
        var booking = await portal.BookAsync(portal.SlotIn(10), ConsultationStatus.Confirmed);
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.Null(page.Find("#action-Identity"));
        Assert.Contains(Testing.TestTime.JapanMinute(booking.SlotStart.AddMinutes(-5)), page.Find("[data-identity-later]")!.TextContent, StringComparison.Ordinal);

        using var response = await Client.PostAsync(ConsultationDeskFixture.PageOf(booking.Id) + "/identity", page,
            [new("Identity.Version", booking.Version.ToString(CultureInfo.InvariantCulture)), new("Identity.Identified", "true")]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("今の時刻にはできません", (await HtmlPage.ReadAsync(response)).Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ConsultationStatus.Confirmed, (await portal.ReadAsync(booking.Id)).Status);
        Assert.Equal(0L, await portal.AuditCountAsync(booking.Id, "ConsultationIdentityRecorded"));
    }

    [Fact]
    public async Task NoContactIsDisabledWithItsTimeBeforeFifteenMinutesAndRefusedIfPostedAnyway()
    {
        var booking = await portal.BookAsync(portal.SlotIn(-10), ConsultationStatus.Confirmed);
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.NotNull(page.Find("#action-NoContact button[disabled]"));
        Assert.Contains(Testing.TestTime.JapanMinute(booking.SlotStart.AddMinutes(15)), page.Find("[data-no-contact-from]")!.TextContent, StringComparison.Ordinal);

        using var response = await Client.PostAsync(ConsultationDeskFixture.PageOf(booking.Id) + "/no-contact", page,
            [new("NoContact.Version", booking.Version.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("今の時刻にはできません", (await HtmlPage.ReadAsync(response)).Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ConsultationStatus.Confirmed, (await portal.ReadAsync(booking.Id)).Status);
    }

    [Fact]
    public async Task FifteenMinutesAfterTheStartNoContactEndsTheBooking()
    {
        var booking = await portal.BookAsync(portal.SlotIn(-15), ConsultationStatus.Confirmed);
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.Null(page.Find("#action-NoContact button[disabled]"));
        using (var response = await Client.SubmitAsync(page, "#action-NoContact form"))
        {
            page = await portal.FollowAsync(response, booking.Id);
        }

        Assert.Equal("連絡なしで終了", page.Find("[data-field=status]")!.TextContent.Trim());
        Assert.Equal(ConsultationStatus.NoContact, (await portal.ReadAsync(booking.Id)).Status);
        Assert.Equal(1L, await portal.AuditCountAsync(booking.Id, "ConsultationNoContactRecorded"));
    }

    [Fact]
    public async Task NotesAreAddedAndListedAndAnEmptyOrTooLongNoteIsRefusedWithWhatWasTypedKept()
    {
        var booking = await portal.BookAsync(portal.SlotIn(-40), ConsultationStatus.Held);
        var page = await Client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.NotNull(page.Find("#action-Note form[data-keep-text]")); // what is typed survives the session's end
        using (var response = await Client.SubmitAsync(page, "#action-Note form", [new("Note.Text", "")]))
        {
            Assert.Contains("メモを入力してください", (await HtmlPage.ReadAsync(response)).FieldError("Note_Text"), StringComparison.Ordinal);
        }

        var tooLong = new string('あ', ConsultationNote.MaxTextLength + 1);
        using (var response = await Client.SubmitAsync(page, "#action-Note form", [new("Note.Text", tooLong)]))
        {
            var refused = await HtmlPage.ReadAsync(response);
            Assert.Contains("4,000文字以内", refused.FieldError("Note_Text"), StringComparison.Ordinal);
            Assert.Equal(tooLong, refused.Find("#Note_Text")!.TextContent);
        }

        using (var response = await Client.SubmitAsync(page, "#action-Note form", [new("Note.Text", "返金を求める越境取引。事案として受け付ける。")]))
        {
            page = await portal.FollowAsync(response, booking.Id);
        }

        var note = Assert.Single(page.FindAll("[data-note]"));
        Assert.Contains("返金を求める越境取引", note.TextContent, StringComparison.Ordinal);
        Assert.Contains(portal.Staff.DisplayName, note.TextContent, StringComparison.Ordinal);
        Assert.Equal(1L, await portal.AuditCountAsync(booking.Id, "ConsultationNoteAdded"));
        Assert.Empty(await portal.TemplatesToAsync(booking));
    }

    [Fact]
    public async Task ACounselorOfALocalCenterCannotOpenTheDeskOrABooking()
    {
        var booking = await portal.BookAsync(portal.FutureSlot(3, hour: 15));
        var center = await Testing.Counselors.TestCenters.CreateAsync(portal.Factory);
        var (client, _) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;
        foreach (var url in new[] { "/staff/consultations", ConsultationDeskFixture.PageOf(booking.Id) })
        {
            using var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE subject_id = @id AND action = 'ConsultationViewed'", ("id", booking.Id.ToString())));
    }
}
