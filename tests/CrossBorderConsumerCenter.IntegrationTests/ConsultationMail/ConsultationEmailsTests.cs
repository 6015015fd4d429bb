using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Testing.Counselors;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.IntegrationTests.ConsultationMail;

/// <summary>
/// The emails about a booked online consultation, as the SMTP server received them: in the booking's language, each
/// with a private link of its own to the booking that the stored copy no longer holds once sent, the counselor in copy
/// when they booked for a resident, and the calendar invitation (one UID, its sequence counting the changes).
/// </summary>
public sealed partial class ConsultationEmailsTests(ConsultationMailFixture portal) : IClassFixture<ConsultationMailFixture>
{
    private const string MeetingUrl = "https://meet.example.jp/room/8f3a";

    private static string JapaneseWhen(ConsultationSlot slot) =>
        $"{slot.Day.Year}年{slot.Day.Month}月{slot.Day.Day}日({"日月火水木金土"[(int)slot.Day.DayOfWeek]}) 14:00〜14:30";

    private static string EnglishWhen(ConsultationSlot slot) =>
        $"{slot.Day.DayOfWeek} {slot.Day.Day} {System.Globalization.CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetMonthName(slot.Day.Month)} {slot.Day.Year}, 14:00–14:30";

    private static ReceivedMessage WithSubject(IEnumerable<ReceivedMessage> messages, string part) =>
        Assert.Single(messages, m => m.Subject!.Contains(part, StringComparison.Ordinal));

    private static string TokenIn(string text) => Assert.Single(BookingLink().Matches(text)).Groups[1].Value;

    [Fact]
    public async Task TheAcknowledgementSaysReceivedNotConfirmedWithTheTimeInJapanTheSendersAddressAndThePhoneLinesForUrgentMatters()
    {
        var booking = await portal.ApplyAsync("ack-ja@example.jp");

        var message = Assert.Single(await portal.DeliveredToAsync("ack-ja@example.jp"));

        Assert.Contains("まだ確定していません", message.Subject, StringComparison.Ordinal);
        var text = message.Text!;
        Assert.Contains("山田 太郎 様", text, StringComparison.Ordinal);
        Assert.Contains($"ご希望の日時: {JapaneseWhen(booking.Slot)}(日本時間)", text, StringComparison.Ordinal);
        Assert.Contains("確定した日時とオンライン相談に参加するためのリンク(招待メール)", text, StringComparison.Ordinal);
        Assert.Contains("no-reply@ccj.test からのメールを受信できるように", text, StringComparison.Ordinal);
        Assert.Contains("消費者ホットライン 188", text, StringComparison.Ordinal);
        Assert.Contains("03-6229-0850", text, StringComparison.Ordinal); // the center's phone as the settings give it
        Assert.Empty(message.Attachments);
        Assert.Null(message.Header("Cc"));
        Assert.Equal(booking.Id, await portal.BookingOfLinkAsync(TokenIn(text)));
    }

    [Fact]
    public async Task TheStoredCopyOfASentEmailNoLongerHoldsTheLinksToken()
    {
        await portal.ApplyAsync("stored@example.jp");
        var token = TokenIn(Assert.Single(await portal.DeliveredToAsync("stored@example.jp")).Text!);

        var stored = Assert.Single(await portal.StoredEmailsToAsync("stored@example.jp"));

        Assert.Equal(OutboundEmailState.Sent, stored.State);
        Assert.DoesNotContain(token, stored.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stored.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/consultation/booking/" + OutboundEmail.RedactedMark, stored.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInvitationInEnglishGivesTheTimeTheLinkAndTheRulesAndAnIcsRequestInTokyoTime()
    {
        var booking = await portal.ApplyAsync("invite-en@example.jp", "en");
        booking = await portal.ConfirmAsync(booking.Id, MeetingUrl);

        var messages = await portal.DeliveredToAsync("invite-en@example.jp");

        Assert.Equal(2, messages.Count);
        var invitation = WithSubject(messages, "is confirmed");
        Assert.StartsWith("[Cross-Border Consumer Center] Your online consultation is confirmed", invitation.Subject, StringComparison.Ordinal);
        var text = invitation.Text!;
        Assert.Contains($"Time: {EnglishWhen(booking.Slot)} (Japan time, 30 minutes)", text, StringComparison.Ordinal);
        Assert.Contains("Link to join: " + MeetingUrl, text, StringComparison.Ordinal);
        Assert.Contains("5 minutes before the start", text, StringComparison.Ordinal);
        Assert.Contains("your name and address as you registered them", text, StringComparison.Ordinal);
        Assert.Contains("Once you have left, you cannot join again", text, StringComparison.Ordinal);
        Assert.Contains("15 minutes after the start, the booking ends", text, StringComparison.Ordinal);
        Assert.Contains("Recording the consultation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("様", text, StringComparison.Ordinal);
        Assert.Matches(@"(?i)content-type:\s*text/calendar;\s*method=REQUEST", invitation.Raw);

        var (calendar, e) = ConsultationMailFixture.Invitation(invitation);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal((booking.CalendarUid, 0), (e.Uid, e.Sequence));
        Assert.Equal("Asia/Tokyo", e.DtStart!.TzId);
        Assert.Equal(booking.Slot.Day.ToDateTime(booking.Slot.Start), e.DtStart.Value);
        Assert.Equal(booking.Slot.StartsAt.UtcDateTime, e.DtStart.AsUtc);
        Assert.Equal(booking.Slot.StartsAt.AddMinutes(30).UtcDateTime, e.DtEnd!.AsUtc);
        Assert.Equal(MeetingUrl, e.Location);
        Assert.Equal("mailto:no-reply@ccj.test", e.Organizer!.Value!.ToString());
        Assert.Equal(booking.Id, await portal.BookingOfLinkAsync(TokenIn(text)));
        Assert.NotEqual(TokenIn(WithSubject(messages, "We received").Text!), TokenIn(text)); // a link of its own
    }

    [Fact]
    public async Task ANewLinkFromStaffSendsTheInvitationAgainWithTheSameUidAndAHigherSequence()
    {
        var booking = await portal.ApplyAsync("relink@example.jp");
        await portal.ConfirmAsync(booking.Id, MeetingUrl);
        booking = await portal.ConfirmAsync(booking.Id, "https://meet.example.jp/room/new");

        var changed = WithSubject(await portal.DeliveredToAsync("relink@example.jp"), "予約内容が変わりました");

        Assert.Contains("予約内容が変わりました", changed.Subject, StringComparison.Ordinal);
        Assert.Contains("参加用のリンク: https://meet.example.jp/room/new", changed.Text, StringComparison.Ordinal);
        var (calendar, e) = ConsultationMailFixture.Invitation(changed);
        Assert.Equal(("REQUEST", booking.CalendarUid, 1), (calendar.Method, e.Uid, e.Sequence));
        Assert.Equal("https://meet.example.jp/room/new", e.Location);
    }

    [Fact]
    public async Task AMoveBeforeConfirmationSaysItAwaitsConfirmationWithoutACalendarEntry()
    {
        var booking = await portal.ApplyAsync("move-requested@example.jp");
        var previous = booking.Slot;
        var next = portal.NextSlot();
        booking = await portal.ActAsync(booking.Id, async (b, mail, now) =>
        {
            Assert.Equal(ConsultationRefusal.None, b.MoveTo(next, 1, now));
            await mail.MovedAsync(b, previous, default);
        });

        var moved = WithSubject(await portal.DeliveredToAsync("move-requested@example.jp"), "日時を変更しました");

        Assert.Contains($"新しいご希望の日時: {JapaneseWhen(next)}", moved.Text, StringComparison.Ordinal);
        Assert.Contains($"変更前の日時: {JapaneseWhen(previous)}", moved.Text, StringComparison.Ordinal);
        Assert.Contains("まだ確定していません", moved.Text, StringComparison.Ordinal);
        Assert.Empty(moved.Attachments);
        Assert.Equal(booking.Id, await portal.BookingOfLinkAsync(TokenIn(moved.Text!)));
    }

    [Fact]
    public async Task AMoveOfAConfirmedBookingUpdatesTheCalendarEntryToTheNewTime()
    {
        var booking = await portal.ApplyAsync("move-confirmed@example.jp");
        await portal.ConfirmAsync(booking.Id, MeetingUrl);
        var previous = booking.Slot;
        var next = portal.NextSlot();
        booking = await portal.ActAsync(booking.Id, async (b, mail, now) =>
        {
            Assert.Equal(ConsultationRefusal.None, b.MoveTo(next, 1, now));
            await mail.MovedAsync(b, previous, default);
        });

        var moved = WithSubject(await portal.DeliveredToAsync("move-confirmed@example.jp"), "日時を変更しました");

        Assert.Contains($"新しい日時: {JapaneseWhen(next)}", moved.Text, StringComparison.Ordinal);
        Assert.Contains("参加用のリンク: " + MeetingUrl, moved.Text, StringComparison.Ordinal);
        var (calendar, e) = ConsultationMailFixture.Invitation(moved);
        Assert.Equal(("REQUEST", booking.CalendarUid, 1), (calendar.Method, e.Uid, e.Sequence));
        Assert.Equal(next.StartsAt.UtcDateTime, e.DtStart!.AsUtc);
    }

    [Fact]
    public async Task TheCentersCancellationOfAnInvitedBookingGivesItsReasonHowToBookAgainAndCancelsTheCalendarEntry()
    {
        var booking = await portal.ApplyAsync("cancel-center@example.jp");
        await portal.ConfirmAsync(booking.Id, MeetingUrl);
        booking = await portal.ActAsync(booking.Id, async (b, mail, now) =>
        {
            Assert.Equal(ConsultationRefusal.None, b.Cancel(ConsultationCanceller.Center, "相談員の急病のため", now));
            await mail.CancelledAsync(b, default);
        });

        var cancelled = WithSubject(await portal.DeliveredToAsync("cancel-center@example.jp"), "予約を取り消しました");

        Assert.Contains("予約を取り消しました", cancelled.Subject, StringComparison.Ordinal);
        Assert.Contains("理由: 相談員の急病のため", cancelled.Text, StringComparison.Ordinal);
        Assert.Contains("http://localhost/consultation\n", cancelled.Text, StringComparison.Ordinal);
        var (calendar, e) = ConsultationMailFixture.Invitation(cancelled);
        Assert.Equal(("CANCEL", booking.CalendarUid, 1, "CANCELLED"), (calendar.Method, e.Uid, e.Sequence, e.Status));
        Assert.Matches(@"(?i)content-type:\s*text/calendar;\s*method=CANCEL", cancelled.Raw);
    }

    [Fact]
    public async Task TheApplicantsOwnCancellationBeforeConfirmationSaysSoAndCarriesNoCalendarEntry()
    {
        var booking = await portal.ApplyAsync("cancel-self@example.jp", "en");
        await portal.ActAsync(booking.Id, async (b, mail, now) =>
        {
            Assert.Equal(ConsultationRefusal.None, b.Cancel(ConsultationCanceller.Applicant, null, now));
            await mail.CancelledAsync(b, default);
        });

        var cancelled = WithSubject(await portal.DeliveredToAsync("cancel-self@example.jp"), "is cancelled");

        Assert.Contains("As you asked, we cancelled this online consultation.", cancelled.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reason", cancelled.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("calendar", cancelled.Text, StringComparison.Ordinal);
        Assert.Empty(cancelled.Attachments);
    }

    [Fact]
    public async Task TheReminderGivesTheTimeTheLinkToJoinAndTheLinkToCancelOrMove()
    {
        var booking = await portal.ApplyAsync("remind@example.jp");
        await portal.ConfirmAsync(booking.Id, MeetingUrl);
        await portal.ActAsync(booking.Id, (b, mail, _) => mail.RemindAsync(b, default));

        var reminder = WithSubject(await portal.DeliveredToAsync("remind@example.jp"), "予約日が近づきました");

        Assert.Contains("予約日が近づきました", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains($"日時: {JapaneseWhen(booking.Slot)}", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("参加用のリンク: " + MeetingUrl, reminder.Text, StringComparison.Ordinal);
        Assert.Contains("5分前", reminder.Text, StringComparison.Ordinal);
        Assert.Equal(booking.Id, await portal.BookingOfLinkAsync(TokenIn(reminder.Text!)));
    }

    [Fact]
    public async Task ACounselorWhoBookedForAResidentGetsEveryEmailInCopy()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var counselor = await StaffAccounts.CreateCounselorAsync(portal.Factory, center.Id);
        var booking = await portal.ApplyAsync("resident@example.jp", filedBy: new CounselorFiling(counselor.Id, center.Id, ResidentRelation.Self));
        await portal.ConfirmAsync(booking.Id, MeetingUrl);

        var messages = await portal.DeliveredToAsync("resident@example.jp");

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Contains("resident@example.jp", m.To, StringComparison.Ordinal);
            Assert.Contains(counselor.Email, m.Header("Cc"), StringComparison.Ordinal);
            Assert.Contains("消費生活相談員の方にも写しを", m.Text, StringComparison.Ordinal);
        });
    }

    [GeneratedRegex(@"(?m)^http://localhost/consultation/booking/([A-Za-z0-9_-]{43})$")]
    private static partial Regex BookingLink();
}
