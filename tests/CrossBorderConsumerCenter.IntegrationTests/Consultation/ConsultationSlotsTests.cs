using CrossBorderConsumerCenter.Web.Domain.Calendars;
using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.IntegrationTests.Consultation;

/// <summary>
/// The page offers exactly the slots an application made today may take: the schedule's bookable slots for the fake
/// clock's today, without the full ones and the center's closed days, and never one within two business days.
/// </summary>
public class ConsultationSlotsTests(ConsultationFixture portal) : IClassFixture<ConsultationFixture>
{
    [Fact]
    public async Task ThePageOffersOnlyBookableSlotsWithASeatFree()
    {
        var bookable = ConsultationFixture.Bookable();
        var full = bookable[1];
        var closed = bookable.Select(s => s.Day).Distinct().Skip(2).First();
        await portal.BookAsync(full);
        await portal.CloseDayAsync(closed);
        // A booking before the earliest day (staff may place one there) changes nothing on the page.
        var tooSoon = new ConsultationSlot(ConsultationFixture.Today, new TimeOnly(15, 0));
        await portal.BookAsync(tooSoon);

        using var client = portal.Client();
        var offered = ConsultationFixture.OfferedSlots(await client.GetOkAsync("/consultation"));

        var expected = ConsultationFixture.Bookable([closed]).Where(s => s != full).Select(s => s.Value).ToList();
        Assert.Equal(expected, offered);
        Assert.DoesNotContain(full.Value, offered);
        Assert.DoesNotContain(offered, v => v.StartsWith(closed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // Never a slot within two business days of today.
        Assert.All(offered, v => Assert.True(
            ConsultationSlot.TryParse(v, out var s) && BusinessCalendar.Japan.BusinessDaysBetween(ConsultationFixture.Today, s.Day) >= 2, v));
        Assert.All(offered, v => Assert.True(ConsultationSlot.TryParse(v, out var s) && BusinessCalendar.Japan.IsBusinessDay(s.Day), v));
    }

    [Fact]
    public async Task ASlotThatIsNoLongerBookableIsRefusedWithTheFormKept()
    {
        using var client = portal.Client();
        var page = await client.GetOkAsync("/consultation");
        var tomorrow = new ConsultationSlot(ConsultationFixture.Today.AddDays(1), new TimeOnly(10, 0));

        using var response = await client.SubmitAsync(page, "form.consultation-form", ConsultationFixture.Application(tomorrow, name: "早すぎ 太郎"));
        var again = await HtmlPage.ReadAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("2営業日前", again.FieldError("Slot"), StringComparison.Ordinal);
        Assert.Equal("早すぎ 太郎", again.Find("#Name")!.GetAttribute("value"));
        Assert.Empty(await portal.LiveBookingsAtAsync(tomorrow));
    }
}
