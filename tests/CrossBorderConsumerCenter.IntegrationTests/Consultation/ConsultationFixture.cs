using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.Consultation;

/// <summary>
/// The portal on a clock that stands still at noon in Japan today (the ward's schedule: no settings row), with helpers
/// that book, fill and close slots through the entities themselves, and issue an applicant's private link.
/// </summary>
public class ConsultationFixture : PortalFixture
{
    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    public static DateOnly Today => TestTime.TodayInJapan;

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    public FormClient Client(string language = "ja")
    {
        var client = Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>The slots the ward's schedule lets an application made today ask for, seats aside.</summary>
    public static List<ConsultationSlot> Bookable(IEnumerable<DateOnly>? closedDays = null) =>
        [.. new ConsultationSchedule(ConsultationSchedule.Ward.SlotTimes, 1, ConsultationSchedule.Ward.HorizonDays, closedDays ?? []).BookableSlots(Today)];

    /// <summary>A form's fields for a valid application for <paramref name="slot"/>.</summary>
    public static List<KeyValuePair<string, string?>> Application(ConsultationSlot slot, string name = "山田 太郎", string email = "taro@example.jp") =>
    [
        new("Slot", slot.Value),
        new("Name", name),
        new("NameKana", "やまだ たろう"),
        new("PostalCode", "１２０００１１"),
        new("Prefecture", "JP-13"),
        new("Address", "足立区中央本町1-17-1"),
        new("Phone", "090-1234-5678"),
        new("Email", email),
        new("EmailConfirmation", email),
        new("Description", "海外の通販サイトで買った靴が届きません。"),
        new("AgreesToNotices", "true"),
        new("AgreesToPrivacy", "true"),
    ];

    /// <summary>A booking saved straight through the entity (seat 1 of its slot), as another applicant's would be.</summary>
    public async Task<ConsultationBooking> BookAsync(ConsultationSlot slot, string name = "佐藤 花子", string language = "ja", int seat = 1, string email = "hanako@example.jp")
    {
        var booking = new ConsultationBooking(
            new ConsultationApplicant(name, "サトウ ハナコ", "120-0011", "JP-13", "足立区中央本町1-17-1", "09012345678", email, "相談です。"),
            slot, seat, language, "2026-12", filedBy: null, Clock.GetUtcNow());
        await WithDbAsync(async db =>
        {
            db.ConsultationBookings.Add(booking);
            await db.SaveChangesAsync();
        });
        return booking;
    }

    /// <summary>A private link to the booking, as an email carries it.</summary>
    public async Task<string> LinkAsync(Guid bookingId)
    {
        using var scope = Factory.Services.CreateScope();
        var token = scope.ServiceProvider.GetRequiredService<ConsultationLinks>().Issue(bookingId);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return token;
    }

    /// <summary>An admin's schedule: the ward's times and horizon with <paramref name="seatsPerSlot"/> seats.</summary>
    public Task SetSeatsAsync(int seatsPerSlot) => WithDbAsync(async db =>
    {
        db.ConsultationSettings.Add(new Web.Domain.Consultations.ConsultationSettings(ConsultationSchedule.Ward.SlotTimes, seatsPerSlot, ConsultationSchedule.Ward.HorizonDays, Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    });

    public Task CloseDayAsync(DateOnly day) => WithDbAsync(async db =>
    {
        db.ConsultationClosedDays.Add(new ConsultationClosedDay(day, "研修", Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    });

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<List<ConsultationBooking>> LiveBookingsAtAsync(ConsultationSlot slot) =>
        QueryAsync(db => db.ConsultationBookings.AsNoTracking().Where(b => b.SlotStart == slot.StartsAt && b.Status != ConsultationStatus.Cancelled).ToListAsync());

    /// <summary>The outbox's emails to an address (the templates' names), oldest first.</summary>
    public async Task<List<string>> EmailsToAsync(string address)
    {
        var emails = await QueryAsync(db => db.OutboundEmails.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync());
        return [.. emails.Where(e => e.ToAddresses.Contains(address)).Select(e => e.Template)];
    }

    /// <summary>The slots the page offers, in page order.</summary>
    public static List<string> OfferedSlots(HtmlPage page) =>
        [.. page.FindAll("fieldset.consultation-day input[type='radio'][name='Slot']").Select(i => i.GetAttribute("value")!)];

    private async Task WithDbAsync(Func<AppDbContext, Task> act)
    {
        using var scope = Factory.Services.CreateScope();
        await act(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
