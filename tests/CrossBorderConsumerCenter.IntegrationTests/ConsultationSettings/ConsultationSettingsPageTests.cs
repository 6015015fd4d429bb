using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Calendars;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.ConsultationSettings;

/// <summary>
/// The admin's page of the consultation schedule, through HTTP as a browser: what the schedule means today, saving slot
/// times, seats and horizon (each refusal a message in the admin's language, nothing typed lost, a stale form refused),
/// closed days added and removed, every change audited with its values, and the public schedule following. Each test has
/// its own database (the schedule is one row).
/// </summary>
public sealed class ConsultationSettingsPageTests : IAsyncLifetime
{
    private const string Page = "/admin/consultations";
    private const string ScheduleForm = "form[action='/admin/consultations']";
    private const string ClosedDayForm = "form[action='/admin/consultations/closed-days']";

    private readonly FakeTimeProvider _clock = new(TestTime.Today);
    private TestDatabase _database = null!;
    private PortalFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new PortalFactory(_database.ConnectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    // The next business day at least a week ahead: a day that can be closed whatever day the tests run.
    private static DateOnly BusinessDayAhead()
    {
        var day = TestTime.TodayInJapan.AddDays(7);
        while (!BusinessCalendar.Japan.IsBusinessDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private async Task<ConsultationSchedule> PublicScheduleAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ConsultationScheduleStore>().LoadAsync(default);
    }

    private async Task<FormClient> AdminAsync() => (await StaffAccounts.SignedInAsync(_factory, Roles.Admin)).Client;

    [Fact]
    public async Task ThePageShowsTheWardsScheduleAndTheFirstDayAnApplicationMadeTodayCanAskFor()
    {
        using var admin = await AdminAsync();

        var page = await admin.GetOkAsync(Page);

        Assert.Equal("オンライン相談の設定", page.Heading);
        Assert.NotNull(page.Find("[data-field=ward-default]"));
        Assert.Contains("9:00–09:30", page.Find("[data-field=slots]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("15:00–15:30", page.Find("[data-field=slots]")!.TextContent, StringComparison.Ordinal);
        var first = ConsultationSchedule.EarliestDay(TestTime.TodayInJapan);
        Assert.Contains($"{first.Year}年{first.Month}月{first.Day}日", page.Find("[data-field=first-day]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("09:00\n10:00\n11:00\n14:00\n15:00", page.Find("textarea[name=SlotTimes]")!.TextContent.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SavingTheScheduleChangesThePublicScheduleAndIsAuditedWithBeforeAndAfter()
    {
        using var admin = await AdminAsync();
        var page = await admin.GetOkAsync(Page);

        using var saved = await admin.SubmitAsync(page, ScheduleForm, [new("SlotTimes", "9:30\n１３:００\n10:30"), new("SeatsPerSlot", "3"), new("HorizonDays", "42")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.FollowRedirectAsync(saved);
        Assert.Equal("予約枠を保存しました。", after.Find("[role=status]")!.TextContent.Trim());
        Assert.Null(after.Find("[data-field=ward-default]"));
        var schedule = await PublicScheduleAsync();
        Assert.Equal([new TimeOnly(9, 30), new TimeOnly(10, 30), new TimeOnly(13, 0)], schedule.SlotTimes);
        Assert.Equal((3, 42), (schedule.SeatsPerSlot, schedule.HorizonDays));
        Assert.Equal("09:00, 10:00, 11:00, 14:00, 15:00", await _database.ScalarAsync<string>(
            "SELECT details -> 'slotTimes' ->> 'before' FROM audit_entries WHERE action = 'ConsultationScheduleChanged'"));
        Assert.Equal("09:30, 10:30, 13:00", await _database.ScalarAsync<string>(
            "SELECT details -> 'slotTimes' ->> 'after' FROM audit_entries WHERE action = 'ConsultationScheduleChanged'"));
        Assert.Equal("3", await _database.ScalarAsync<string>(
            "SELECT details -> 'seatsPerSlot' ->> 'after' FROM audit_entries WHERE action = 'ConsultationScheduleChanged'"));
    }

    [Theory]
    [InlineData("ja", "9:00\nあさ", "2", "28", "SlotTimes", "「あさ」は時刻として読み取れません。")]
    [InlineData("en", "9:00\nmorning", "2", "28", "SlotTimes", "\"morning\" cannot be read as a time.")]
    [InlineData("ja", "9:00\n9:15", "2", "28", "SlotTimes", "1回の相談は30分です。")]
    [InlineData("en", "9:00\n9:15", "2", "28", "SlotTimes", "Each consultation lasts 30 minutes")]
    [InlineData("ja", "7:00", "2", "28", "SlotTimes", "開始時刻は5分単位で、08:00から、20:00までに終わる時刻にしてください。")]
    [InlineData("en", "", "2", "28", "SlotTimes", "Enter at least one start time.")]
    [InlineData("ja", "9:00", "21", "28", "SeatsPerSlot", "同時に受けられる数は、1から20までの数字で入力してください。")]
    [InlineData("en", "9:00", "two", "28", "SeatsPerSlot", "Enter a number from 1 to 20 for the consultations at once.")]
    [InlineData("ja", "9:00", "1", "6", "HorizonDays", "何日先まで受け付けるかは、7から90までの数字で入力してください。")]
    [InlineData("en", "9:00", "1", "91", "HorizonDays", "Enter a number from 7 to 90 for the days ahead.")]
    public async Task AScheduleThatCannotBeUsedIsRefusedWithAMessageInTheAdminsLanguageAndWhatWasTypedStays(
        string language, string times, string seats, string horizon, string field, string message)
    {
        using var admin = await AdminAsync();
        var page = await admin.GetOkAsync(Page + "?lang=" + language);

        using var refused = await admin.PostAsync(Page + "?lang=" + language, page,
            [new("SlotTimes", times), new("SeatsPerSlot", seats), new("HorizonDays", horizon), new("Version", "0")]);

        var shown = await HtmlPage.ReadAsync(refused);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(message, shown.FieldError(field), StringComparison.Ordinal);
        Assert.Equal(times, shown.Find("textarea[name=SlotTimes]")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n'));
        Assert.Equal(seats, shown.Find("input[name=SeatsPerSlot]")!.GetAttribute("value"));
        Assert.Equal(horizon, shown.Find("input[name=HorizonDays]")!.GetAttribute("value"));
        Assert.Equal(ConsultationSchedule.Ward.SlotTimes, (await PublicScheduleAsync()).SlotTimes);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'ConsultationScheduleChanged'"));
    }

    [Fact]
    public async Task AFormShownBeforeAnotherAdminSavedIsRefusedAndKeepsWhatWasTyped()
    {
        using var first = await AdminAsync();
        using var second = await AdminAsync();
        var firstPage = await first.GetOkAsync(Page);
        var secondPage = await second.GetOkAsync(Page);
        using (var saved = await first.SubmitAsync(firstPage, ScheduleForm, [new("SlotTimes", "9:00\n10:00"), new("SeatsPerSlot", "2")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var stale = await second.SubmitAsync(secondPage, ScheduleForm, [new("SlotTimes", "13:00"), new("SeatsPerSlot", "5")]);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var shown = await HtmlPage.ReadAsync(stale);
        Assert.Contains("ほかの管理者がこの間に予約枠を変更しました", shown.FieldError("SlotTimes"), StringComparison.Ordinal);
        Assert.Equal("13:00", shown.Find("textarea[name=SlotTimes]")!.TextContent.Trim());
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(10, 0)], (await PublicScheduleAsync()).SlotTimes);

        // Saving again on purpose, with the version the page now carries, goes through.
        using var again = await second.SubmitAsync(shown, ScheduleForm);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal([new TimeOnly(13, 0)], (await PublicScheduleAsync()).SlotTimes);
        Assert.Equal(5, (await PublicScheduleAsync()).SeatsPerSlot);
    }

    [Fact]
    public async Task AClosedDayLeavesThePublicScheduleAndComesBackWhenRemovedEachChangeAudited()
    {
        using var admin = await AdminAsync();
        var day = BusinessDayAhead();
        var iso = TestTime.Iso(day);
        var page = await admin.GetOkAsync(Page);

        using var added = await admin.SubmitAsync(page, ClosedDayForm, [new("Day", iso), new("Reason", "相談員研修")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await admin.FollowRedirectAsync(added);
        Assert.Contains("相談員研修", after.Find($"[data-closed-day='{iso}']")!.TextContent, StringComparison.Ordinal);
        Assert.False((await PublicScheduleAsync()).IsConsultationDay(day));
        Assert.Equal("相談員研修", await _database.ScalarAsync<string>(
            "SELECT details ->> 'reason' FROM audit_entries WHERE action = 'ConsultationClosedDayAdded' AND subject_id = @day", ("day", iso)));

        using var removed = await admin.SubmitAsync(after, $"form[action='/admin/consultations/closed-days/{iso}/remove']");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await admin.FollowRedirectAsync(removed)).Find($"[data-closed-day='{iso}']"));
        Assert.True((await PublicScheduleAsync()).IsConsultationDay(day));
        Assert.Equal("相談員研修", await _database.ScalarAsync<string>(
            "SELECT details ->> 'reason' FROM audit_entries WHERE action = 'ConsultationClosedDayRemoved' AND subject_id = @day", ("day", iso)));
    }

    [Theory]
    [InlineData("ja", -1, "相談員研修", "Day", "過ぎた日は追加できません。")]
    [InlineData("en", -1, "Training", "Day", "A day that has passed cannot be added.")]
    [InlineData("en", 0, "", "Reason", "Enter a reason.")]
    [InlineData("ja", 0, "", "Reason", "理由を入力してください。")]
    public async Task AClosedDayInThePastOrWithoutAReasonIsRefusedWithAMessage(string language, int daysFromToday, string reason, string field, string message)
    {
        using var admin = await AdminAsync();
        var day = daysFromToday < 0 ? TestTime.DaysAgo(-daysFromToday) : BusinessDayAhead();
        var page = await admin.GetOkAsync(Page + "?lang=" + language);

        using var refused = await admin.PostAsync("/admin/consultations/closed-days?lang=" + language, page, [new("Day", TestTime.Iso(day)), new("Reason", reason)]);

        var shown = await HtmlPage.ReadAsync(refused);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(message, shown.FieldError(field), StringComparison.Ordinal);
        Assert.Equal(TestTime.Iso(day), shown.Find("input[name=Day]")!.GetAttribute("value"));
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM consultation_closed_days"));
    }

    [Fact]
    public async Task ClosingADayWithBookingsTellsTheAdminHowManyRemain()
    {
        var day = BusinessDayAhead();
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            var applicant = new ConsultationApplicant("山田 太郎", "ヤマダ タロウ", "120-8510", "JP-13", "足立区中央本町1-17-1", "03-1234-5678", "taro@example.jp", "相談");
            db.ConsultationBookings.Add(new ConsultationBooking(applicant, new ConsultationSlot(day, new TimeOnly(10, 0)), 1, "ja", "2026-12", null, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        using var admin = await AdminAsync();
        var page = await admin.GetOkAsync(Page);
        using var added = await admin.SubmitAsync(page, ClosedDayForm, [new("Day", TestTime.Iso(day)), new("Reason", "相談員研修")]);

        var after = await admin.FollowRedirectAsync(added);
        Assert.Contains("この日にはまだ1件の予約があります", after.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}
