using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// Removes the applicant's personal data from an online consultation booking that never became a case (ADR 0103), in
/// place, as <see cref="CaseAnonymiser"/> does for a case: the name, kana, postal code, address, phone, email, what the
/// consultation is about, the cancellation's reason, the meeting link and staff's notes are replaced with
/// <see cref="CaseAnonymiser.Placeholder"/> or emptied; the private links are deleted; the booking's audit entries keep who
/// did what and when and which fields changed. The row stays with what the desk's counts read (slot, seat, status,
/// counselor, who filed it, the prefecture, language, when requested, confirmed, cancelled and by whom, the outcome).
/// The applicant's emails that belong to no case and are older than <c>mailBefore</c> lose their bodies, their
/// calendar files and the address; each known value (name, kana, email, phone, address) is replaced where it appears
/// whole in rows that belong to no case (a case's rows follow the case's period).
/// </summary>
/// <remarks>
/// Runs in the caller's transaction, on a booking the caller has locked, which must have no case; the caller writes the
/// one audit entry.
/// </remarks>
public sealed class BookingAnonymiser(AppDbContext db, CaseAnonymiser anonymiser)
{
    public sealed record Removed(int Notes, int Links, int SentEmails, int ReceivedEmails, int Files, int AuditEntries);

    /// <summary>Anonymises the booking <paramref name="bookingId"/> as of <paramref name="now"/>; returns what was removed.</summary>
    public async Task<Removed> AnonymiseAsync(Guid bookingId, DateTimeOffset now, DateTimeOffset mailBefore, CancellationToken ct)
    {
        await anonymiser.AllowAuditRewriteAsync(ct);
        var placeholder = CaseAnonymiser.Placeholder;
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT v AS "Value" FROM consultation_bookings b,
                LATERAL (VALUES (b.name), (b.name_kana), (b.email), (b.phone), (b.address)) AS x(v)
            WHERE b.id = {bookingId} AND b.case_id IS NULL
            """).ToListAsync(ct);
        var values = CaseAnonymiser.Searchable(rows);
        var emails = CaseAnonymiser.EmailsAmong(values);

        // The calendar files sent to the applicant name them (the attendee); found by the address, so before it goes.
        var files = await anonymiser.DeleteFilesOfMailToAsync(emails, mailBefore, ct);

        await db.Database.ExecuteSqlAsync($"""
            UPDATE consultation_bookings SET
                name = {placeholder}, name_kana = '', postal_code = '', address = '', phone = '', email = '',
                description = {placeholder}, cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE {placeholder} END,
                meeting_url = NULL, anonymised_at = {now}
            WHERE id = {bookingId} AND case_id IS NULL
            """, ct);
        var notes = await db.Database.ExecuteSqlAsync($"UPDATE consultation_notes SET text = {placeholder} WHERE booking_id = {bookingId}", ct);
        var links = await db.Database.ExecuteSqlAsync($"DELETE FROM consultation_links WHERE booking_id = {bookingId}", ct);

        var sent = await db.Database.ExecuteSqlAsync($"""
            UPDATE outbound_emails SET
                text_body = {placeholder}, html_body = {placeholder}, redact_after_sending = ARRAY[]::character varying[],
                to_addresses = ARRAY(SELECT CASE WHEN lower(a) = ANY({emails}) THEN {placeholder} ELSE a END FROM unnest(to_addresses) AS a),
                cc_addresses = ARRAY(SELECT CASE WHEN lower(a) = ANY({emails}) THEN {placeholder} ELSE a END FROM unnest(cc_addresses) AS a)
            WHERE case_id IS NULL AND created_at < {mailBefore}
              AND EXISTS (SELECT 1 FROM unnest(to_addresses || cc_addresses) AS a WHERE lower(a) = ANY({emails}))
            """, ct);
        var received = await db.Database.ExecuteSqlAsync($"""
            UPDATE inbound_emails SET raw = '\x'::bytea, raw_size = 0, from_address = NULL, subject = NULL, last_error = NULL
            WHERE case_id IS NULL AND received_at < {mailBefore} AND lower(from_address) = ANY({emails})
            """, ct);

        var audit = await anonymiser.RewriteAuditEntriesAsync(Guid.Empty, [bookingId.ToString()], ct);
        audit += await anonymiser.ReplaceKnownValuesAsync(values, outsideCasesOnly: true, ct);
        return new Removed(notes, links, sent, received, files, audit);
    }
}
