using System.Globalization;
using CrossBorderConsumerCenter.Testing.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.IntegrationTests.ConsultationDesk;

/// <summary>The day and week views: bookings per counselor (not confirmed yet first), the count awaiting confirmation, the periods.</summary>
public class DayAndWeekViewTests(ConsultationDeskFixture portal) : IClassFixture<ConsultationDeskFixture>
{
    private FormClient Client => portal.Client;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheDayViewListsTheDaysBookingsPerCounselorWithThoseNotConfirmedFirst()
    {
        var day = TestBookings.ConsultationDayFrom(portal.Today.AddDays(14));
        var requested = await portal.BookAsync(new(day, new(14, 0)), applicant: TestBookings.Applicant("北千住 一郎"));
        var confirmed = await portal.BookAsync(new(day, new(9, 0)), ConsultationStatus.Confirmed);
        var otherDay = await portal.BookAsync(new(TestBookings.ConsultationDayFrom(day.AddDays(1)), new(9, 0)));

        var page = await Client.GetOkAsync($"/staff/consultations?day={Iso(day)}");

        var groups = page.FindAll("[data-counselor]");
        Assert.Equal(["none", portal.Staff.Id.ToString()], groups.Select(g => g.GetAttribute("data-counselor")));
        var row = groups[0].QuerySelector($"[data-booking='{requested.Id}']")!;
        Assert.Equal(["14:00", "確定待ち", "北千住 一郎"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(ConsultationDeskFixture.PageOf(requested.Id), row.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(groups[1].QuerySelector($"[data-booking='{confirmed.Id}']"));
        Assert.Null(page.Find($"[data-booking='{otherDay.Id}']"));
        Assert.NotNull(page.Find(".table-wrap[role=region][tabindex='0'] table"));
        Assert.Contains(Iso(day), page.Title, StringComparison.Ordinal);

        var awaiting = await portal.Database.ScalarAsync<long>("SELECT count(*) FROM consultation_bookings WHERE status = 'Requested' AND slot_start > @now", ("now", portal.Now));
        Assert.Equal(awaiting.ToString(CultureInfo.InvariantCulture), page.Find("[data-awaiting]")!.GetAttribute("data-awaiting"));
        Assert.Equal($"/staff/consultations?view=day&day={Iso(day.AddDays(1))}", page.Find("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal($"/staff/consultations?view=day&day={Iso(day.AddDays(-1))}", page.Find("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheWeekViewRunsFromMondayToSundayAndShowsEachBookingsDay()
    {
        var day = TestBookings.ConsultationDayFrom(portal.Today.AddDays(21));
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var booking = await portal.BookAsync(new(day, new(11, 0)));
        var nextWeek = await portal.BookAsync(new(TestBookings.ConsultationDayFrom(monday.AddDays(7)), new(11, 0)));

        var page = await Client.GetOkAsync($"/staff/consultations?view=week&day={Iso(day)}");

        Assert.Contains(Iso(monday), page.Find("[data-period]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Iso(monday.AddDays(6)), page.Find("[data-period]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Iso(day), page.Find($"[data-booking='{booking.Id}'] td")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Find($"[data-booking='{nextWeek.Id}']"));
        Assert.Equal($"/staff/consultations?view=week&day={Iso(monday.AddDays(7))}", page.Find("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task WithoutADayTheViewIsTodayInJapanAndAnUnreadableDaySaysSo()
    {
        var page = await Client.GetOkAsync("/staff/consultations");
        Assert.Contains(Iso(portal.Today), page.Find("[data-period]")!.TextContent, StringComparison.Ordinal);

        var unreadable = await Client.GetOkAsync("/staff/consultations?day=2026-13-40");
        Assert.Contains(Iso(portal.Today), unreadable.Find("[data-period]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("日付を読み取れなかった", unreadable.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InEnglishTheViewAndTheBookingPageSpeakEnglish()
    {
        var day = TestBookings.ConsultationDayFrom(portal.Today.AddDays(28));
        var booking = await portal.BookAsync(new(day, new(15, 0)));
        var (english, _) = await StaffAccounts.SignedInAsync(portal.Factory, Web.Domain.Accounts.Roles.Staff);
        using var _ = english;
        // The language as a browser set to English asks for it (the culture cookie is sent over HTTPS only).
        english.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var list = await english.GetOkAsync($"/staff/consultations?day={Iso(day)}");
        Assert.Equal("Awaiting confirmation", list.Find($"[data-booking='{booking.Id}'] .badge")!.TextContent.Trim());
        var page = await english.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.StartsWith("Consultation booking: ", page.Title, StringComparison.Ordinal);
        Assert.Equal("Confirm the booking", page.Find("#action-Confirm summary")!.TextContent.Trim());
    }
}
