using System.Text;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.ConsultationMail;

/// <summary>
/// The portal on a clock the tests move, pointed at a real SMTP server; the outbox is sent by the tests themselves
/// (EmailSender.SendDueAsync), so that each email is read as the server received it. Bookings are made and changed
/// through their own methods, as the booking pages and the desk do, and their emails enqueued with ConsultationEmails.
/// </summary>
public sealed class ConsultationMailFixture : PortalFixture
{
    private SmtpServer? _smtp;
    private int _bookings;
    private StaffAccounts.Account? _staff;

    public FakeTimeProvider Clock { get; } = new(TestTime.Today);

    public SmtpServer Smtp => _smtp ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The staff member who holds the consultations.</summary>
    public StaffAccounts.Account Staff => _staff ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        await base.InitializeAsync();
        _staff = await StaffAccounts.CreateAsync(Factory, Roles.Staff);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = SmtpServer.Host,
            ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:FromDisplayName"] = "越境消費者センター",
        }).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    /// <summary>A slot of its own for each booking (a day a week or more ahead, at 14:00 Japan time), so that bookings never share a seat.</summary>
    public ConsultationSlot NextSlot() => new(TestTime.TodayInJapan.AddDays(7 + Interlocked.Increment(ref _bookings)), new TimeOnly(14, 0));

    /// <summary>A booking applied for now (by a counselor for a resident when <paramref name="filedBy"/> is given), saved with its acknowledgement.</summary>
    public async Task<ConsultationBooking> ApplyAsync(string email, string language = "ja", CounselorFiling? filedBy = null, ConsultationSlot? slot = null)
    {
        var applicant = new ConsultationApplicant("山田 太郎", "ヤマダ タロウ", "120-8510", "JP-13", "足立区中央本町1-17-1", "03-1234-5678", email, "海外の通販サイトの定期購入を解約したい");
        var booking = new ConsultationBooking(applicant, slot ?? NextSlot(), 1, language, "2026-12", filedBy, Clock.GetUtcNow());
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ConsultationBookings.Add(booking);
        await scope.ServiceProvider.GetRequiredService<ConsultationEmails>().AcknowledgeAsync(booking, default);
        await db.SaveChangesAsync();
        return booking;
    }

    /// <summary>Changes the booking through its own methods, enqueues its email and saves, as one request would.</summary>
    public async Task<ConsultationBooking> ActAsync(Guid bookingId, Func<ConsultationBooking, ConsultationEmails, DateTimeOffset, Task> act)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var booking = await db.ConsultationBookings.SingleAsync(b => b.Id == bookingId);
        await act(booking, scope.ServiceProvider.GetRequiredService<ConsultationEmails>(), Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return booking;
    }

    public Task<ConsultationBooking> ConfirmAsync(Guid bookingId, string meetingUrl) =>
        ActAsync(bookingId, async (b, mail, now) =>
        {
            Assert.Equal(ConsultationRefusal.None, b.Confirm(Staff.Id, meetingUrl, now));
            await mail.InviteAsync(b, default);
        });

    /// <summary>Sends every due email, then the messages the server received for <paramref name="address"/> (To or Cc), oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> DeliveredToAsync(string address)
    {
        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailSender>().SendDueAsync(default);
        }

        var all = await Smtp.ReadAllAsync();
        return all.Where(m => (m.To ?? "").Contains(address, StringComparison.OrdinalIgnoreCase) || (m.Header("Cc") ?? "").Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public async Task<IReadOnlyList<OutboundEmail>> StoredEmailsToAsync(string address)
    {
        using var scope = Factory.Services.CreateScope();
        var emails = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboundEmails.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync();
        return emails.Where(e => e.ToAddresses.Contains(address)).ToList();
    }

    public async Task<Guid?> BookingOfLinkAsync(string token)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ConsultationLinks>().FindBookingIdAsync(token, default);
    }

    /// <summary>The one .ics attached to a message, parsed back with Ical.Net.</summary>
    public static (Calendar Calendar, CalendarEvent Event) Invitation(ReceivedMessage message)
    {
        var file = Assert.Single(message.Attachments);
        Assert.Equal(("consultation.ics", "text/calendar"), (file.FileName, file.ContentType));
        var calendar = Calendar.Load(Encoding.UTF8.GetString(file.Content))!;
        return (calendar, Assert.Single(calendar.Events));
    }
}
