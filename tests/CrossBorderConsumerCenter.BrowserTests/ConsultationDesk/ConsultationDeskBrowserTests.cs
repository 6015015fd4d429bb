using CrossBorderConsumerCenter.BrowserTests.Support;
using CrossBorderConsumerCenter.Testing.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.BrowserTests.ConsultationDesk;

/// <summary>
/// A staff member's consultation, on a phone and at a desk: today's bookings, the booking awaiting confirmation, the
/// counselor and meeting link confirmed, then (the portal's clock moved to 5 minutes before the start) the identity
/// checked, and a note. The pages fit the screen (the tables scroll in their own region) and pass axe.
/// </summary>
public class ConsultationDeskBrowserTests(ConsultationDeskBrowserTests.Fixture portal) : IClassFixture<ConsultationDeskBrowserTests.Fixture>
{
    public sealed class Fixture : BrowserFixture
    {
        /// <summary>Noon in Japan today, standing still until a test moves it.</summary>
        public FakeTimeProvider Clock { get; } = new(TestTime.Today);

        protected override PortalFactory CreateFactory(string connectionString) =>
            base.CreateFactory(connectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task AStaffMemberConfirmsABookingChecksTheApplicantsIdentityAtTheStartAndWritesANote(int width)
    {
        var staff = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        // An hour from the portal's clock, today in Japan (the day view's default).
        var slot = ConsultationSlot.At(portal.Clock.GetUtcNow().AddHours(1));
        var booking = await TestBookings.CreateAsync(portal.Factory, slot, applicant: TestBookings.Applicant($"綾瀬 {width}") with { Email = $"ayase{width}@example.jp" });

        await BrowserSession.RunAsync(portal, width == 360 ? BrowserSession.Phone : BrowserSession.Desktop, "ja", async page =>
        {
            await page.GotoAsync("/staff/consultations");
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", StaffAccounts.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/staff/consultations");
            await AssertFitsAndAccessibleAsync(page, width);

            await page.Locator($"[data-booking='{booking.Id}'] a").ClickAsync();
            await page.WaitForURLAsync($"**/staff/consultations/{booking.Id}");
            Assert.Equal($"綾瀬 {width}", (await page.Locator("h1").TextContentAsync())!.Trim());
            await AssertFitsAndAccessibleAsync(page, width);

            // Confirm: the counselor (themselves) and the meeting link.
            await page.SelectOptionAsync("#Confirm_CounselorId", staff.Id.ToString());
            await page.FillAsync("#Confirm_MeetingUrl", "https://meet.example.jp/room/" + width);
            await page.Locator("#action-Confirm button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/staff/consultations/{booking.Id}");
            Assert.Equal("確定済み", (await page.Locator("[data-field=status]").TextContentAsync())!.Trim());
            Assert.Equal(0, await page.Locator("#action-Identity").CountAsync());

            // Five minutes before the start the applicant joins: the identity check is offered.
            portal.Clock.SetUtcNow(slot.StartsAt - ConsultationSchedule.JoinEarly);
            await page.ReloadAsync();
            await AssertFitsAndAccessibleAsync(page, width);
            await page.Locator("#action-Identity button[value=true]").ClickAsync();
            await page.WaitForURLAsync($"**/staff/consultations/{booking.Id}");
            Assert.Equal("実施", (await page.Locator("[data-field=status]").TextContentAsync())!.Trim());

            await page.Locator("#action-Note summary").ClickAsync();
            await page.FillAsync("#Note_Text", "海外通販の未着。事案として受け付ける予定。");
            await page.Locator("#action-Note button[type=submit]").ClickAsync();
            await page.WaitForURLAsync($"**/staff/consultations/{booking.Id}");
            Assert.Contains("海外通販の未着", await page.Locator("[data-note]").TextContentAsync(), StringComparison.Ordinal);
            await AssertFitsAndAccessibleAsync(page, width);
        });
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth}px wide on a {width}px screen.");
        await Accessibility.AssertCleanAsync(page);
    }
}
