using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Testing.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.IntegrationTests.ConsultationDesk;

/// <summary>
/// The portal on a clock that stands still at noon in Japan today (TestTime), a staff member signed in, and bookings made
/// by the booking's own methods at slots placed relative to that clock: one starting in 3 minutes is in its identity
/// window, one that started 20 minutes ago may be ended for no contact.
/// </summary>
public sealed class ConsultationDeskFixture : SignedInStaffFixture
{
    public static string PageOf(Guid id) => $"/staff/consultations/{id}";

    public DateTimeOffset Now => Clock.GetUtcNow();

    public DateOnly Today => ConsultationSlot.At(Now).Day;

    /// <summary>A slot starting <paramref name="minutes"/> from now (negative: started that long ago); not a slot of the schedule.</summary>
    public ConsultationSlot SlotIn(int minutes) => ConsultationSlot.At(Now.AddMinutes(minutes));

    /// <summary>A slot of the ward's schedule on the first consultation day at least <paramref name="daysAhead"/> days from today.</summary>
    public ConsultationSlot FutureSlot(int daysAhead, int hour = 10) => new(TestBookings.ConsultationDayFrom(Today.AddDays(daysAhead)), new TimeOnly(hour, 0));

    private int _applicants;

    /// <summary>A booking whose applicant has an address of their own, so that the emails about it can be counted.</summary>
    public Task<ConsultationBooking> BookAsync(ConsultationSlot slot, ConsultationStatus status = ConsultationStatus.Requested, ConsultationApplicant? applicant = null) =>
        TestBookings.CreateAsync(Factory, slot, status, status is ConsultationStatus.Requested or ConsultationStatus.Cancelled ? null : Staff.Id,
            applicant ?? TestBookings.Applicant() with { Email = $"applicant{Interlocked.Increment(ref _applicants)}@example.jp" });

    /// <summary>The emails the outbox holds for the booking's applicant (the clock stands still: in no particular order), their template and text.</summary>
    public async Task<IReadOnlyList<(string Template, string Text)>> EmailsToAsync(ConsultationBooking booking)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT template, text_body FROM outbound_emails WHERE @a = ANY(to_addresses) ORDER BY created_at, id", connection);
        command.Parameters.AddWithValue("a", booking.Email);
        await using var reader = await command.ExecuteReaderAsync();
        var emails = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            emails.Add((reader.GetString(0), reader.GetString(1)));
        }

        return emails;
    }

    public async Task<IReadOnlyList<string>> TemplatesToAsync(ConsultationBooking booking) => (await EmailsToAsync(booking)).Select(e => e.Template).ToList();

    public Task<ConsultationBooking> ReadAsync(Guid id) => TestBookings.ReadAsync(Factory, id);

    public Task<long> AuditCountAsync(Guid id, string action) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE subject_type = 'ConsultationBooking' AND subject_id = @id AND action = @a AND actor_id = @actor",
            ("id", id.ToString()), ("a", action), ("actor", Staff.Id));

    public Task<string> LastAuditDetailsAsync(Guid id, string action) =>
        Database.ScalarAsync<string>("SELECT coalesce(details::text, '') FROM audit_entries WHERE subject_type = 'ConsultationBooking' AND subject_id = @id AND action = @a ORDER BY id DESC LIMIT 1",
            ("id", id.ToString()), ("a", action));

    /// <summary>Asserts a post/redirect/get back to the booking page and GETs it.</summary>
    public async Task<HtmlPage> FollowAsync(HttpResponseMessage response, Guid id)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}: {await ErrorsAsync(response)}");
        Assert.Equal(PageOf(id), response.Headers.Location!.OriginalString);
        return await Client.GetOkAsync(PageOf(id));
    }

    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var page = await HtmlPage.ReadAsync(response);
        return string.Join(" | ", page.FindAll(".error-summary li, .field__error").Select(e => e.TextContent.Trim()));
    }
}
