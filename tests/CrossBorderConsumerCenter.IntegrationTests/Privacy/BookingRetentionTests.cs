using System.Text;
using CrossBorderConsumerCenter.IntegrationTests.ConsultationDesk;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.ConsultationDesk;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using CrossBorderConsumerCenter.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Privacy;

/// <summary>
/// The retention job on online consultation bookings that never became a case, on a fake clock from today: a held
/// booking and a cancelled one, with a canary value in every personal field, their emails (the calendar file included),
/// a staff note, the applicant's mail and the audit trail, leave no trace after their period; a booking linked to a case,
/// one whose period ends a day later and one still to come are untouched (the linked one goes with its case, later); the
/// dry run lists exactly the bookings due; two passes at once act once.
/// </summary>
public class BookingRetentionTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    /// <summary>What the held booking's applicant gave (and staff wrote about it); each must be gone after the pass.</summary>
    private static readonly string[] HeldCanaries = ["QZBOOK", "qzbook@example.jp", "090-8765-4321", "カナリアヨヤク", "987-6543", "QZMEET", "QZNOTE"];

    /// <summary>What the cancelled booking's applicant gave, and the center's reason for cancelling.</summary>
    private static readonly string[] CancelledCanaries = ["QZCANC", "qzcanc@example.jp", "080-1357-2468", "カナリアトリケシ", "QZREASON"];

    private const string LinkedName = "QZLINKED 三郎";
    private const string LaterName = "QZLATER 四郎";
    private const string UpcomingName = "QZSOON 五郎";

    private static ConsultationApplicant Applicant(string name, string email, string phone, string kana, string postalCode) =>
        new(name, kana, postalCode, "JP-13", name + "の住所 9-9-9", phone, email, name + " が海外の通販サイトについて相談したい。");

    /// <summary>15:00 in Japan, <paramref name="days"/> days after the clock's day.</summary>
    private ConsultationSlot SlotIn(int days) => new(ConsultationSlot.At(portal.Clock.GetUtcNow()).Day.AddDays(days), new TimeOnly(15, 0));

    [Fact]
    public async Task BookingsWithoutACaseLoseEveryTraceAfterTheirPeriodAndOthersAreUntouched()
    {
        var days = new RetentionOptions().BookingWithoutCaseDays;
        var held = await ApplyAsync(Applicant("QZBOOK 花子", HeldCanaries[1], HeldCanaries[2], HeldCanaries[3], HeldCanaries[4]), SlotIn(10));
        await ConfirmAsync(held.Id, "https://meet.example.jp/room/QZMEET");
        await ChangeAsync(held.Id, AuditAction.ConsultationNoteAdded, (b, services, now) =>
        {
            services.GetRequiredService<AppDbContext>().ConsultationNotes.Add(new ConsultationNote(b.Id, portal.Staff.Id, "職員", "QZNOTE 電話で事情を聞いた。", now));
            return Task.FromResult(ConsultationRefusal.None);
        });
        await ReceiveMailFromAsync(HeldCanaries[1], "QZBOOK です。予約の件で。");

        var cancelled = await ApplyAsync(Applicant("QZCANC 次郎", CancelledCanaries[1], CancelledCanaries[2], CancelledCanaries[3], "135-7913"), SlotIn(12));
        await ConfirmAsync(cancelled.Id, "https://meet.example.jp/room/ward-2");
        await ChangeAsync(cancelled.Id, AuditAction.ConsultationCancelled, async (b, services, now) =>
        {
            var refusal = b.Cancel(ConsultationCanceller.Center, "QZREASON 担当者の都合", now);
            await services.GetRequiredService<ConsultationEmails>().CancelledAsync(b, default);
            return refusal;
        });

        // Confirmed for a day later than the held one, and no outcome ever recorded: still kept when the others go.
        var later = await ApplyAsync(Applicant(LaterName, "qzlater@example.jp", "070-1111-0000", "カナリアアト", "111-0000"), SlotIn(11));
        await ConfirmAsync(later.Id, "https://meet.example.jp/room/ward-3");

        // Held, and a case opened from it: the case's rules apply.
        var linked = await ApplyAsync(Applicant(LinkedName, "qzlinked@example.jp", "070-2222-0000", "カナリアケース", "222-0000"), SlotIn(9));
        await ConfirmAsync(linked.Id, "https://meet.example.jp/room/QZLINKMEET");
        var theCase = await portal.ReceiveAsync(RetentionTests.Details(LinkedName, "qzlinked@example.jp", "070-2222-0000", "カナリアケース", "JP-13"));

        // Staff searched the queue for the held booking's applicant and opened the bookings: all in the audit trail.
        await portal.Client.GetOkAsync("/staff/cases?view=all&q=" + Uri.EscapeDataString(HeldCanaries[1]));
        await portal.Client.GetOkAsync(ConsultationDeskFixture.PageOf(held.Id));
        await portal.SendEmailsAsync();

        // Each held at its start, a day apart; a case opened from the first.
        foreach (var booking in new[] { linked, held })
        {
            portal.Clock.Advance(booking.SlotStart - portal.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
            await RecordIdentityAsync(booking.Id);
        }

        await ChangeAsync(linked.Id, AuditAction.ConsultationCaseOpened, (b, _, _) => Task.FromResult(b.LinkCase(theCase.Id)));

        Assert.True((await RetentionTests.FindAsync(portal.Database, "QZBOOK")).Count >= 4, "the canary was not planted");
        var calendarFiles = await portal.QueryAsync(db => db.Database.SqlQuery<Guid>($"""
            SELECT a.stored_file_id AS "Value" FROM outbound_email_attachments a JOIN outbound_emails m ON m.id = a.outbound_email_id
            WHERE {HeldCanaries[1]} = ANY(m.to_addresses)
            """).ToListAsync());
        Assert.NotEmpty(calendarFiles);

        // The day the held booking's period ends, at midnight in Japan; one to come is booked that day.
        var dueFrom = ConsultationRetention.DueFrom(ConsultationStatus.Held, held.SlotStart, null, days);
        portal.Clock.Advance(dueFrom.AddHours(-1) - portal.Clock.GetUtcNow());
        Assert.Equal([cancelled.Id], await PlannedAsync());
        portal.Clock.Advance(TimeSpan.FromHours(1));
        var upcoming = await ApplyAsync(Applicant(UpcomingName, "qzsoon@example.jp", "070-3333-0000", "カナリアミライ", "333-0000"), SlotIn(10));
        Assert.Equal([held.Id, cancelled.Id], await PlannedAsync());
        await AssertTheDryRunPageListsAsync(held.Id, cancelled.Id);

        var retention = portal.Factory.Services.GetRequiredService<RunRetention>();
        var passes = await Task.WhenAll(retention.RunAsync(CancellationToken.None), retention.RunAsync(CancellationToken.None));
        Assert.Equal(2, passes.Sum(p => p.Bookings));
        Assert.Equal(0, (await retention.RunAsync(CancellationToken.None)).Bookings);

        foreach (var value in HeldCanaries.Concat(CancelledCanaries))
        {
            Assert.Equal([], await RetentionTests.FindAsync(portal.Database, value));
        }

        foreach (var id in new[] { held.Id, cancelled.Id })
        {
            Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
                "SELECT count(*) FROM audit_entries WHERE subject_type = 'ConsultationBooking' AND subject_id = @id AND action = 'ConsultationAnonymised' AND actor_name = 'retention'",
                ("id", id.ToString())));
        }

        // What the desk counts stays: the slot, the status, who held it and when it was cancelled.
        var anonymised = await TestBookingsRead(held.Id);
        Assert.Equal((ConsultationStatus.Held, held.SlotStart, portal.Staff.Id), (anonymised.Status, anonymised.SlotStart, anonymised.CounselorId!.Value));
        Assert.Equal(CaseAnonymiser.Placeholder, anonymised.Name);
        Assert.NotNull(anonymised.AnonymisedAt);
        Assert.Equal(ConsultationStatus.Cancelled, (await TestBookingsRead(cancelled.Id)).Status);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM consultation_links WHERE booking_id = @a OR booking_id = @b", ("a", held.Id), ("b", cancelled.Id)));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM stored_files WHERE id = ANY(@ids)", ("ids", calendarFiles.ToArray())));

        // The linked, the later and the upcoming bookings are whole, their links and emails with them.
        foreach (var whole in new[] { linked, later, upcoming })
        {
            var booking = await TestBookingsRead(whole.Id);
            Assert.Equal((whole.Name, whole.Email, whole.Description, (DateTimeOffset?)null), (booking.Name, booking.Email, booking.Description, booking.AnonymisedAt));
            Assert.NotEqual(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM consultation_links WHERE booking_id = @id", ("id", whole.Id)));
            Assert.NotEqual(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE @a = ANY(to_addresses)", ("a", whole.Email)));
        }

        Assert.Equal(theCase.Id, (await TestBookingsRead(linked.Id)).CaseId);
        Assert.Equal(LinkedName, await portal.Database.ScalarAsync<string>("SELECT consumer_name FROM cases WHERE id = @id", ("id", theCase.Id)));

        // The booking page still opens for staff (signed in a year on), with nothing of the person and no case to open from it.
        var (staff, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (staff)
        {
            var page = await staff.GetOkAsync(ConsultationDeskFixture.PageOf(held.Id));
            Assert.Contains(CaseAnonymiser.Placeholder, page.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain("QZBOOK", page.MainText, StringComparison.OrdinalIgnoreCase);
            Assert.Null(page.Find("#action-OpenCase"));
        }

        // A day later, the later booking's period is over too.
        portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([later.Id], await PlannedAsync());

        // The linked booking goes with its case, past the case's period: its calendar files and its entries from before
        // the case (the meeting link) included.
        await portal.ChangeAsync(theCase.Id, (c, actor, now) => c.Decline(Web.Domain.Cases.DeclineReason.OutOfScope, null, null, actor, now));
        portal.Clock.Advance(TimeSpan.FromDays(new RetentionOptions().PersonalDataDaysAfterClosing + 1));
        await retention.RunAsync(CancellationToken.None);
        foreach (var value in new[] { "QZLINKED", "qzlinked@example.jp", "070-2222-0000", "カナリアケース", "QZLINKMEET" })
        {
            Assert.Equal([], await RetentionTests.FindAsync(portal.Database, value));
        }

        Assert.Null((await TestBookingsRead(linked.Id)).AnonymisedAt);

        // The confirmed booking whose outcome was never recorded is anonymised by now, and no step applies to it any more.
        Assert.NotNull((await TestBookingsRead(later.Id)).AnonymisedAt);
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var changes = scope.ServiceProvider.GetRequiredService<BookingChanges>();
            Assert.Equal(BookingChanges.Outcome.WrongStatus, (await changes.RunAsync(later.Id, null, AuditAction.ConsultationCancelled,
                (b, now) => Task.FromResult(BookingChanges.Change.From(b.Cancel(ConsultationCanceller.Center, "後から", now))), CancellationToken.None)).Outcome);
            Assert.Equal(BookingChanges.Outcome.WrongStatus, (await changes.RunAsync(later.Id, null, AuditAction.ConsultationNoContactRecorded,
                (b, now) => Task.FromResult(BookingChanges.Change.From(b.RecordNoContact(portal.Staff.Id, now))), CancellationToken.None)).Outcome);
        }
    }

    private async Task<ConsultationBooking> ApplyAsync(ConsultationApplicant applicant, ConsultationSlot slot)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var booking = new ConsultationBooking(applicant, slot, 1 + await db.ConsultationBookings.CountAsync(b => b.SlotStart == slot.StartsAt), "ja", "2026-12", null, portal.Clock.GetUtcNow());
        db.ConsultationBookings.Add(booking);
        await scope.ServiceProvider.GetRequiredService<ConsultationEmails>().AcknowledgeAsync(booking, default);
        await db.SaveChangesAsync();
        return booking;
    }

    /// <summary>A step on the booking as the desk takes it: through BookingChanges, with its audit entry (values before and after).</summary>
    private async Task ChangeAsync(Guid id, AuditAction action, Func<ConsultationBooking, IServiceProvider, DateTimeOffset, Task<ConsultationRefusal>> step)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<BookingChanges>().RunAsync(id, null, action,
            async (b, now) => BookingChanges.Change.From(await step(b, scope.ServiceProvider, now)), CancellationToken.None);
        Assert.Equal(BookingChanges.Outcome.Done, result.Outcome);
    }

    private Task ConfirmAsync(Guid id, string meetingUrl) =>
        ChangeAsync(id, AuditAction.ConsultationConfirmed, async (b, services, now) =>
        {
            var refusal = b.Confirm(portal.Staff.Id, meetingUrl, now);
            await services.GetRequiredService<ConsultationEmails>().InviteAsync(b, default);
            return refusal;
        });

    private Task RecordIdentityAsync(Guid id) =>
        ChangeAsync(id, AuditAction.ConsultationIdentityRecorded, (b, _, now) => Task.FromResult(b.RecordIdentity(true, portal.Staff.Id, TimeSpan.FromMinutes(30), now)));

    /// <summary>A message from the applicant in the center's mailbox that belongs to no case (waiting for staff).</summary>
    private Task<int> ReceiveMailFromAsync(string from, string text)
    {
        var raw = Encoding.UTF8.GetBytes($"From: {from}\r\nSubject: {text}\r\n\r\n{text}");
        var id = Guid.NewGuid();
        return portal.QueryAsync(db =>
        {
            db.InboundEmails.Add(new InboundEmail(id, "key-" + id, InboundEmailSource.Imap, "INBOX", 1, 2, raw, raw.Length, false, from, text, portal.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        });
    }

    private async Task<Guid[]> PlannedAsync()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var plan = await scope.ServiceProvider.GetRequiredService<RetentionPlan>().ReadAsync(CancellationToken.None);
        return [.. plan.Bookings.Select(b => b.Id)];
    }

    private async Task AssertTheDryRunPageListsAsync(params Guid[] ids)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using (client)
        {
            var page = await client.GetOkAsync("/staff/supervisor/retention");
            Assert.Equal(ids.Select(i => i.ToString()), page.FindAll("[data-plan-booking]").Select(r => r.GetAttribute("data-plan-booking")));
        }
    }

    private Task<ConsultationBooking> TestBookingsRead(Guid id) => Testing.Consultations.TestBookings.ReadAsync(portal.Factory, id);
}
