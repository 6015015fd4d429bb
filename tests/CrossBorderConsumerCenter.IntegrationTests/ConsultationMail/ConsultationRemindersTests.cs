using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.ConsultationMail;

/// <summary>
/// The reminder the day before (9:00 Japan time), sent by passes the tests run themselves on a clock they move: once per
/// booking and per time, only to confirmed bookings that have not started, never twice when two workers run at once, and
/// not at all when the invitation itself came once the reminder was due. Each test has its own database.
/// </summary>
public sealed class ConsultationRemindersTests : IAsyncLifetime
{
    private const string MeetingUrl = "https://meet.example.jp/room/r1";

    // Three days ahead at 14:00: its reminder is at 9:00 two days from today (Japan time).
    private static readonly ConsultationSlot Slot = new(TestTime.TodayInJapan.AddDays(3), new TimeOnly(14, 0));
    private static readonly DateTimeOffset ReminderAt = ConsultationSchedule.ReminderAt(Slot).ToUniversalTime();

    private readonly FakeTimeProvider _clock = new(TestTime.Today);
    private TestDatabase _database = null!;
    private PortalFactory _factory = null!;
    private Guid _staffId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = new PortalFactory(_database.ConnectionString).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
        _staffId = (await StaffAccounts.CreateAsync(_factory, Roles.Staff)).Id;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void TheReminderIsAtNineInJapanOnTheDayBefore() =>
        Assert.Equal(new DateTimeOffset(Slot.Day.AddDays(-1).ToDateTime(new TimeOnly(0, 0)), TimeSpan.Zero), ReminderAt);

    [Fact]
    public async Task AConfirmedBookingIsRemindedAtItsReminderTimeOnceAndNotBefore()
    {
        var id = await BookAsync(confirm: true);

        _clock.SetUtcNow(ReminderAt.AddMinutes(-1));
        Assert.Equal(0, await RunAsync());
        _clock.SetUtcNow(ReminderAt);
        Assert.Equal(1, await RunAsync());
        _clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await RunAsync());

        Assert.Equal(ReminderAt, (await ReadAsync(id)).ReminderSentAt);
        var reminder = Assert.Single(await RemindersAsync());
        Assert.Equal(["taro@example.jp"], reminder.ToAddresses);
        Assert.Contains(MeetingUrl, reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingsNotConfirmedCancelledOrAlreadyStartedAreNotReminded()
    {
        await BookAsync(confirm: false);
        var cancelled = await BookAsync(confirm: true, slot: Slot with { Start = new TimeOnly(10, 0) });
        await ActAsync(cancelled, (b, now) => b.Cancel(ConsultationCanceller.Applicant, null, now));
        await BookAsync(confirm: true, slot: new ConsultationSlot(TestTime.TodayInJapan.AddDays(1), new TimeOnly(9, 0)));

        _clock.SetUtcNow(new ConsultationSlot(TestTime.TodayInJapan.AddDays(1), new TimeOnly(9, 0)).StartsAt); // that one has started
        Assert.Equal(0, await RunAsync());
        _clock.SetUtcNow(ReminderAt);
        Assert.Equal(0, await RunAsync());

        Assert.Empty(await RemindersAsync());
    }

    [Fact]
    public async Task AnInvitationSentOnceTheReminderWasDueStandsForIt()
    {
        var id = await BookAsync(confirm: false);
        _clock.SetUtcNow(ReminderAt.AddHours(2));
        await ActAsync(id, async (b, mail, now) =>
        {
            b.Confirm(_staffId, MeetingUrl, now);
            await mail.InviteAsync(b, default);
        });

        Assert.Equal(0, await RunAsync());

        Assert.Empty(await RemindersAsync());
        Assert.Equal(ReminderAt.AddHours(2), (await ReadAsync(id)).ReminderSentAt);
    }

    [Fact]
    public async Task ABookingMovedAfterItsReminderIsRemindedAgainForItsNewTime()
    {
        var id = await BookAsync(confirm: true);
        _clock.SetUtcNow(ReminderAt);
        Assert.Equal(1, await RunAsync());

        var later = Slot with { Day = Slot.Day.AddDays(7) };
        await ActAsync(id, async (b, mail, now) =>
        {
            var previous = b.Slot;
            b.MoveTo(later, 1, now);
            await mail.MovedAsync(b, previous, default);
        });
        Assert.Equal(0, await RunAsync());
        _clock.SetUtcNow(ConsultationSchedule.ReminderAt(later).ToUniversalTime());
        Assert.Equal(1, await RunAsync());

        Assert.Equal(2, (await RemindersAsync()).Count);
    }

    [Fact]
    public async Task SeveralWorkersAtOnceRemindEachBookingOnce()
    {
        var ids = new List<Guid>();
        for (var seat = 1; seat <= 12; seat++)
        {
            ids.Add(await BookAsync(confirm: true, seat: seat, email: $"applicant{seat}@example.jp"));
        }

        _clock.SetUtcNow(ReminderAt);
        var one = _factory.Services.GetRequiredService<RunConsultationReminders>();
        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => one.RunAsync(default))));

        Assert.Equal(12, passes.Sum());
        var reminders = await RemindersAsync();
        Assert.Equal(12, reminders.Count);
        Assert.Equal(12, reminders.Select(r => r.ToAddresses.Single()).Distinct().Count());
    }

    private async Task<Guid> BookAsync(bool confirm, ConsultationSlot? slot = null, int seat = 1, string email = "taro@example.jp")
    {
        var applicant = new ConsultationApplicant("山田 太郎", "ヤマダ タロウ", "120-8510", "JP-13", "足立区中央本町1-17-1", "03-1234-5678", email, "定期購入の解約");
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var booking = new ConsultationBooking(applicant, slot ?? Slot, seat, "ja", "2026-12", null, _clock.GetUtcNow());
        db.ConsultationBookings.Add(booking);
        if (confirm)
        {
            booking.Confirm(_staffId, MeetingUrl, _clock.GetUtcNow());
        }

        await db.SaveChangesAsync();
        return booking.Id;
    }

    private Task ActAsync(Guid id, Action<ConsultationBooking, DateTimeOffset> act) => ActAsync(id, (b, _, now) =>
    {
        act(b, now);
        return Task.CompletedTask;
    });

    private async Task ActAsync(Guid id, Func<ConsultationBooking, ConsultationEmails, DateTimeOffset, Task> act)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var booking = await db.ConsultationBookings.SingleAsync(b => b.Id == id);
        await act(booking, scope.ServiceProvider.GetRequiredService<ConsultationEmails>(), _clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private Task<int> RunAsync() => _factory.Services.GetRequiredService<RunConsultationReminders>().RunAsync(default);

    private async Task<ConsultationBooking> ReadAsync(Guid id)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConsultationBookings.AsNoTracking().SingleAsync(b => b.Id == id);
    }

    private async Task<List<Web.Data.Email.OutboundEmail>> RemindersAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboundEmails.AsNoTracking()
            .Where(e => e.Template == ConsultationEmails.Reminder).ToListAsync();
    }
}
