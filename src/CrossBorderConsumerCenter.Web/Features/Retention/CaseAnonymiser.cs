using CrossBorderConsumerCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// Removes a case's personal data in place (ADR 0100): the one code that both the retention job and a deletion on
/// request run. The case row stays, with what the statistics read (country, category, dates, status and outcome, amount
/// and currency, prefecture, age band, platform, payment method, channel); the consumer's name, kana, email, phone,
/// postal code, address, order number and every free text are replaced, in the case, its timeline, its emails (sent
/// and received), its consultation booking and the audit trail; its files are deleted from the store; its links are
/// deleted. The queue's search columns follow from the case's own columns (their trigger). Records of provision abroad
/// keep what was sent until their <c>retain_until</c>, and lose it in the first pass after.
/// </summary>
/// <remarks>
/// Runs in the caller's transaction, on a case the caller has locked; the audit trail accepts the rewrite of a line only
/// inside it (<c>ccc.erasing_personal_data</c>, set for the transaction). The caller writes the one audit entry.
/// </remarks>
public sealed class CaseAnonymiser(AppDbContext db)
{
    /// <summary>What replaces a removed text (shown on the case page in place of the name, the complaint, a note).</summary>
    public const string Placeholder = "（削除済み）";

    /// <summary>Values shorter than this are not searched for elsewhere (a two-letter name would match half the trail).</summary>
    private const int ShortestSearchedValue = 3;

    public sealed record Removed(int Files, int TimelineTexts, int SentEmails, int ReceivedEmails, int Bookings, int AuditEntries, int ProvisionRecords)
    {
        public static Removed None { get; } = new(0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>Anonymises the case <paramref name="caseId"/> as of <paramref name="now"/>; returns what was removed.</summary>
    public async Task<Removed> AnonymiseAsync(Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        await AllowAuditRewriteAsync(ct);
        var values = await KnownValuesAsync(caseId, ct);
        var emails = values.Emails;
        var files = await DeleteFilesAsync(caseId, ct);

        await db.Database.ExecuteSqlAsync($"""
            UPDATE cases SET
                consumer_name = {Placeholder}, consumer_name_kana = NULL, consumer_email = NULL, consumer_phone = '',
                consumer_postal_code = '', consumer_address = '', purchase_item = {Placeholder}, purchase_order_number = NULL,
                what_happened = {Placeholder}, business_response = {Placeholder}, arrived_on = NULL, anonymised_at = {now}
            WHERE id = {caseId}
            """, ct);

        var texts = await db.Database.ExecuteSqlAsync($"""
            UPDATE case_events SET
                text = CASE WHEN text IS NULL THEN NULL ELSE {Placeholder} END,
                data = CASE WHEN kind IN ('EmailReceived', 'DeliveryFailed') AND data IS NOT NULL
                    THEN (SELECT jsonb_object_agg(k, CASE WHEN k IN ('from', 'recipient', 'status') THEN to_jsonb(''::text) ELSE v END) FROM jsonb_each(data) AS x(k, v))
                    ELSE data END
            WHERE case_id = {caseId} AND (text IS NOT NULL OR kind IN ('EmailReceived', 'DeliveryFailed'))
            """, ct);

        // A booking's emails belong to no case; their calendar files name the consumer (found by the address, so before it goes).
        files += await DeleteFilesOfMailToAsync(emails, now, ct);

        var sent = await db.Database.ExecuteSqlAsync($"""
            UPDATE outbound_emails SET
                text_body = {Placeholder}, html_body = {Placeholder}, redact_after_sending = ARRAY[]::character varying[],
                to_addresses = ARRAY(SELECT CASE WHEN lower(a) = ANY({emails}) THEN {Placeholder} ELSE a END FROM unnest(to_addresses) AS a),
                cc_addresses = ARRAY(SELECT CASE WHEN lower(a) = ANY({emails}) THEN {Placeholder} ELSE a END FROM unnest(cc_addresses) AS a)
            WHERE case_id = {caseId} OR EXISTS (SELECT 1 FROM unnest(to_addresses || cc_addresses) AS a WHERE lower(a) = ANY({emails}))
            """, ct);

        var received = await db.Database.ExecuteSqlAsync($"""
            UPDATE inbound_emails SET raw = '\x'::bytea, raw_size = 0, from_address = NULL, subject = NULL, last_error = NULL
            WHERE case_id = {caseId} OR lower(from_address) = ANY({emails})
            """, ct);

        var bookings = await db.Database.ExecuteSqlAsync($"""
            UPDATE consultation_bookings SET
                name = {Placeholder}, name_kana = '', postal_code = '', address = '', phone = '', email = '',
                description = {Placeholder}, cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE {Placeholder} END, meeting_url = NULL
            WHERE case_id = {caseId}
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE consultation_notes SET text = {Placeholder}
            WHERE booking_id IN (SELECT id FROM consultation_bookings WHERE case_id = {caseId})
            """, ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM consultation_links WHERE booking_id IN (SELECT id FROM consultation_bookings WHERE case_id = {caseId})", ct);

        await db.Database.ExecuteSqlAsync($"DELETE FROM case_tracking_links WHERE case_id = {caseId}", ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM partner_links WHERE case_id = {caseId}", ct);
        var provisions = await AnonymiseProvisionsAsync(caseId, now, ct);

        // The trail keeps who did what to the case (and to its booking) and when, and which fields changed; the values go.
        var bookingIds = await db.Database.SqlQuery<string>($"SELECT id::text AS \"Value\" FROM consultation_bookings WHERE case_id = {caseId}").ToListAsync(ct);
        var audit = await RewriteAuditEntriesAsync(caseId, [.. bookingIds], ct);

        // Elsewhere (a search term typed into the queue, a request naming the person), each known value is replaced.
        audit += await ReplaceKnownValuesAsync(values.Searched, outsideCasesOnly: false, ct);

        return new Removed(files, texts, sent, received, bookings, audit, provisions);
    }

    /// <summary>
    /// Deletes the case's files from the store: the evidence (the consumer's and the partner's) and the attachments of
    /// its emails. Returns how many files were deleted.
    /// </summary>
    public async Task<int> DeleteFilesAsync(Guid caseId, CancellationToken ct)
    {
        var fileIds = await db.Database.SqlQuery<Guid>($"""
            SELECT stored_file_id AS "Value" FROM case_evidence WHERE case_id = {caseId}
            UNION
            SELECT a.stored_file_id FROM outbound_email_attachments a JOIN outbound_emails e ON e.id = a.outbound_email_id WHERE e.case_id = {caseId}
            """).ToListAsync(ct);
        if (fileIds.Count == 0)
        {
            return 0;
        }

        var ids = fileIds.ToArray();
        await db.Database.ExecuteSqlAsync($"DELETE FROM case_evidence WHERE case_id = {caseId}", ct);
        return await DeleteStoredFilesAsync(ids, ct);
    }

    /// <summary>
    /// Deletes the files attached to emails to any of <paramref name="emails"/> that belong to no case and were written
    /// before <paramref name="before"/>: the calendar files of a consultation booking's emails, which name the applicant.
    /// </summary>
    public async Task<int> DeleteFilesOfMailToAsync(string[] emails, DateTimeOffset before, CancellationToken ct)
    {
        var fileIds = await db.Database.SqlQuery<Guid>($"""
            SELECT a.stored_file_id AS "Value" FROM outbound_email_attachments a JOIN outbound_emails m ON m.id = a.outbound_email_id
            WHERE m.case_id IS NULL AND m.created_at < {before}
              AND EXISTS (SELECT 1 FROM unnest(m.to_addresses || m.cc_addresses) AS x WHERE lower(x) = ANY({emails}))
            """).ToListAsync(ct);
        return fileIds.Count == 0 ? 0 : await DeleteStoredFilesAsync([.. fileIds], ct);
    }

    /// <summary>
    /// Deletes the files <paramref name="ids"/> from the store, and from the emails they are attached to; a file a case's
    /// evidence still holds (the same photo sent twice is stored once per case, but be sure) stays.
    /// </summary>
    public async Task<int> DeleteStoredFilesAsync(Guid[] ids, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM outbound_email_attachments WHERE stored_file_id = ANY({ids})", ct);
        return await db.Database.ExecuteSqlAsync($"""
            DELETE FROM stored_files s WHERE s.id = ANY({ids})
            AND NOT EXISTS (SELECT 1 FROM case_evidence e WHERE e.stored_file_id = s.id)
            """, ct);
    }

    /// <summary>
    /// The audit entries of the case <paramref name="caseId"/> and of the bookings <paramref name="bookingIds"/> keep who
    /// did what and when, and which fields changed; their values go. Returns how many were rewritten.
    /// </summary>
    public async Task<int> RewriteAuditEntriesAsync(Guid caseId, string[] bookingIds, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE audit_entries SET details = jsonb_strip_nulls(jsonb_build_object(
                'action', details -> 'action',
                'fields', CASE WHEN jsonb_typeof(details -> 'changes') = 'object' THEN (SELECT jsonb_agg(k) FROM jsonb_object_keys(details -> 'changes') AS k) END,
                'anonymised', true))
            WHERE (case_id = {caseId} OR (subject_type = {BookingSubjectType} AND subject_id = ANY({bookingIds})))
              AND details IS NOT NULL AND NOT details ? 'anonymised'
            """, ct);

    /// <summary>
    /// Replaces each of <paramref name="values"/> where it appears whole in the audit trail, the request records and the
    /// outbox's subjects and errors; with <paramref name="outsideCasesOnly"/>, only in rows that belong to no case (a
    /// case's rows follow the case's own period). Returns how many audit entries changed.
    /// </summary>
    public async Task<int> ReplaceKnownValuesAsync(IEnumerable<string> values, bool outsideCasesOnly, CancellationToken ct)
    {
        var audit = 0;
        foreach (var value in values)
        {
            audit += await db.Database.ExecuteSqlAsync($"""
                UPDATE audit_entries SET details = replace(details::text, {value}, {Placeholder})::jsonb
                WHERE strpos(details::text, {value}) > 0 AND (NOT {outsideCasesOnly} OR case_id IS NULL)
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE privacy_requests SET subject = replace(subject, {value}, {Placeholder}), reason = replace(reason, {value}, {Placeholder})
                WHERE (strpos(subject, {value}) > 0 OR strpos(reason, {value}) > 0) AND (NOT {outsideCasesOnly} OR case_id IS NULL)
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE outbound_emails SET subject = replace(subject, {value}, {Placeholder}),
                    last_error = replace(last_error, {value}, {Placeholder}), bounce_status = replace(bounce_status, {value}, {Placeholder})
                WHERE (strpos(subject, {value}) > 0 OR strpos(last_error, {value}) > 0 OR strpos(bounce_status, {value}) > 0)
                  AND (NOT {outsideCasesOnly} OR case_id IS NULL)
                """, ct);
        }

        return audit;
    }

    /// <summary>The records of provision of an anonymised case whose three years are over lose what was sent.</summary>
    public async Task<int> AnonymiseProvisionsAsync(Guid caseId, DateTimeOffset now, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE partner_provisions SET sent_item = NULL, sent_summary = NULL, sent_business_response = NULL, sent_consumer_name = NULL,
                evidence_file_names = ARRAY[]::character varying[], anonymised_at = {now}
            WHERE case_id = {caseId} AND retain_until <= {now} AND anonymised_at IS NULL
            """, ct);

    /// <summary>Lets this transaction rewrite or remove audit entries (the trigger refuses it otherwise).</summary>
    public async Task AllowAuditRewriteAsync(CancellationToken ct) =>
        await db.Database.SqlQuery<string>($"SELECT set_config('ccc.erasing_personal_data', 'on', true) AS \"Value\"").ToListAsync(ct);

    /// <summary>The subject type of a booking's audit entries.</summary>
    public const string BookingSubjectType = "ConsultationBooking";

    /// <summary>The values worth searching for elsewhere: trimmed, long enough, not already removed, each once.</summary>
    public static string[] Searchable(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length >= ShortestSearchedValue && v != Placeholder).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The email addresses among <paramref name="values"/>, in lower case as the queries compare them.</summary>
    public static string[] EmailsAmong(IEnumerable<string> values) =>
        values.Where(v => v.Contains('@', StringComparison.Ordinal)).Select(v => v.ToLowerInvariant()).ToArray();

    private sealed record Known(string[] Emails, string[] Searched);

    private async Task<Known> KnownValuesAsync(Guid caseId, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT v AS "Value" FROM cases c,
                LATERAL (VALUES (c.consumer_name), (c.consumer_name_kana), (c.consumer_email), (c.consumer_phone), (c.consumer_address), (c.purchase_order_number)) AS x(v)
            WHERE c.id = {caseId} AND v IS NOT NULL
            UNION
            SELECT v FROM consultation_bookings b,
                LATERAL (VALUES (b.name), (b.name_kana), (b.email), (b.phone), (b.address)) AS x(v)
            WHERE b.case_id = {caseId}
            """).ToListAsync(ct);
        var values = Searchable(rows);
        var emails = EmailsAmong(values);
        return new Known(emails, values);
    }
}
