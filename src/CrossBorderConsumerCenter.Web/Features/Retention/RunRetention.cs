using System.Runtime.CompilerServices;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// One pass of the retention job (ADR 0100). Per case: a finished case past <see cref="RetentionOptions.PersonalDataDaysAfterClosing"/>
/// is anonymised (<see cref="CaseAnonymiser"/>); one past <see cref="RetentionOptions.EvidenceFileDaysAfterClosing"/>
/// loses its files; an anonymised case's records of provision lose what was sent once their three years are over. Each
/// is one audit entry, in the transaction that claimed the case with FOR UPDATE SKIP LOCKED, so two instances never
/// act on the same case and a case done no longer matches. A case on legal hold matches none of them. An online
/// consultation booking that never became a case is anonymised past <see cref="RetentionOptions.BookingWithoutCaseDays"/>
/// (<see cref="BookingAnonymiser"/>, ADR 0103), claimed and audited the same way. Then, in bulk and
/// by one instance at a time (a transaction-scoped advisory lock): sent emails' bodies, tracking links, partner links
/// and audit entries past their periods.
/// </summary>
public sealed class RunRetention(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RunRetention> logger)
{
    /// <summary>The advisory lock key of the bulk step (any constant the portal uses for nothing else).</summary>
    private const long BulkLockKey = 0x5245_5445_4E54;

    public sealed record Done(int Anonymised, int FilesDeletedFor, int ProvisionRecords, int EmailBodies, int TrackingLinks, int PartnerLinks, int AuditEntries, int Bookings)
    {
        public static Done None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

        public int Total => Anonymised + FilesDeletedFor + ProvisionRecords + EmailBodies + TrackingLinks + PartnerLinks + AuditEntries + Bookings;

        public static Done operator +(Done a, Done b) => new(
            a.Anonymised + b.Anonymised, a.FilesDeletedFor + b.FilesDeletedFor, a.ProvisionRecords + b.ProvisionRecords,
            a.EmailBodies + b.EmailBodies, a.TrackingLinks + b.TrackingLinks, a.PartnerLinks + b.PartnerLinks, a.AuditEntries + b.AuditEntries,
            a.Bookings + b.Bookings);
    }

    /// <summary>What a case is due for.</summary>
    public enum RetentionStep
    {
        Anonymise,
        DeleteFiles,
        RemoveProvisionText,
    }

    /// <summary>Acts on everything due now; returns what it did.</summary>
    public async Task<Done> RunAsync(CancellationToken ct)
    {
        var total = Done.None;
        foreach (var step in Enum.GetValues<RetentionStep>())
        {
            while (true)
            {
                var (done, claimed) = await RunBatchAsync(step, ct);
                total += done;
                if (claimed < options.Value.BatchSize)
                {
                    break;
                }
            }
        }

        while (true)
        {
            var (done, claimed) = await RunBookingBatchAsync(ct);
            total += done;
            if (claimed < options.Value.BatchSize)
            {
                break;
            }
        }

        return total + await RunBulkAsync(ct);
    }

    /// <summary>
    /// The bookings without a case due at <paramref name="now"/> (<see cref="ConsultationRetention"/>): one query for the
    /// job (which locks them) and the dry run (which does not).
    /// </summary>
    public static FormattableString DueBookings(RetentionOptions settings, DateTimeOffset now, int limit, bool lockThem)
    {
        var query = (FormattableString)$"""
            SELECT id AS "Value" FROM consultation_bookings
            WHERE case_id IS NULL AND anonymised_at IS NULL
              AND CASE WHEN status = 'Cancelled' AND cancelled_at IS NOT NULL THEN cancelled_at ELSE slot_start END
                  < {ConsultationRetention.DueBefore(now, settings.BookingWithoutCaseDays)}
            ORDER BY slot_start, id LIMIT {limit}
            """;
        return lockThem ? FormattableStringFactory.Create(query.Format + " FOR UPDATE SKIP LOCKED", query.GetArguments()) : query;
    }

    /// <summary>
    /// The cases due for <paramref name="step"/> at <paramref name="now"/>: one query for the job (which locks them) and
    /// the dry run (which does not).
    /// </summary>
    public static FormattableString DueCases(RetentionStep step, RetentionOptions settings, DateTimeOffset now, int limit, bool lockThem)
    {
        var query = DueCasesQuery(step, settings, now, limit);
        return lockThem ? FormattableStringFactory.Create(query.Format + " FOR UPDATE SKIP LOCKED", query.GetArguments()) : query;
    }

    private static FormattableString DueCasesQuery(RetentionStep step, RetentionOptions settings, DateTimeOffset now, int limit) => step switch
    {
        RetentionStep.Anonymise => $"""
            SELECT id AS "Value" FROM cases
            WHERE status IN ('Closed', 'Declined') AND closed_at < {now.AddDays(-settings.PersonalDataDaysAfterClosing)}
              AND anonymised_at IS NULL AND legal_hold_reason IS NULL
            ORDER BY closed_at LIMIT {limit}
            """,
        RetentionStep.DeleteFiles => $"""
            SELECT id AS "Value" FROM cases c
            WHERE status IN ('Closed', 'Declined') AND closed_at < {now.AddDays(-settings.EvidenceFileDaysAfterClosing)}
              AND anonymised_at IS NULL AND legal_hold_reason IS NULL
              AND (EXISTS (SELECT 1 FROM case_evidence e WHERE e.case_id = c.id)
                OR EXISTS (SELECT 1 FROM outbound_email_attachments a JOIN outbound_emails m ON m.id = a.outbound_email_id WHERE m.case_id = c.id))
            ORDER BY closed_at LIMIT {limit}
            """,
        _ => $"""
            SELECT id AS "Value" FROM cases c
            WHERE anonymised_at IS NOT NULL AND legal_hold_reason IS NULL
              AND EXISTS (SELECT 1 FROM partner_provisions p WHERE p.case_id = c.id AND p.retain_until <= {now} AND p.anonymised_at IS NULL)
            ORDER BY anonymised_at LIMIT {limit}
            """,
    };

    private async Task<(Done Done, int Claimed)> RunBatchAsync(RetentionStep step, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var anonymiser = services.GetRequiredService<CaseAnonymiser>();
        var audit = services.GetRequiredService<AuditTrail>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();

        // Locked until commit: another instance skips these rows, and after the commit they no longer match.
        var ids = await db.Database.SqlQuery<Guid>(DueCases(step, options.Value, now, options.Value.BatchSize, lockThem: true)).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (Done.None, 0);
        }

        var done = Done.None;
        foreach (var id in ids)
        {
            switch (step)
            {
                case RetentionStep.Anonymise:
                    var removed = await anonymiser.AnonymiseAsync(id, now, ct);
                    audit.Record(AuditAction.CaseAnonymised, "Case", id.ToString(), id, new { reason = "Retention", removed }, actorNameOverride: "retention");
                    done += Done.None with { Anonymised = 1 };
                    break;
                case RetentionStep.DeleteFiles:
                    var files = await anonymiser.DeleteFilesAsync(id, ct);
                    audit.Record(AuditAction.CaseFilesDeleted, "Case", id.ToString(), id, new { reason = "Retention", files }, actorNameOverride: "retention");
                    done += Done.None with { FilesDeletedFor = 1 };
                    break;
                default:
                    var records = await anonymiser.AnonymiseProvisionsAsync(id, now, ct);
                    audit.Record(AuditAction.CaseAnonymised, "Case", id.ToString(), id, new { reason = "ProvisionRecordsExpired", provisionRecords = records }, actorNameOverride: "retention");
                    done += Done.None with { ProvisionRecords = records };
                    break;
            }

            logger.LogInformation("Case {CaseId}: {RetentionStep} by the retention job", id, step);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (done, ids.Count);
    }

    private async Task<(Done Done, int Claimed)> RunBookingBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var anonymiser = services.GetRequiredService<BookingAnonymiser>();
        var audit = services.GetRequiredService<AuditTrail>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var settings = options.Value;

        // As for cases: locked until commit, and after it they no longer match (anonymised_at is set).
        var ids = await db.Database.SqlQuery<Guid>(DueBookings(settings, now, settings.BatchSize, lockThem: true)).ToListAsync(ct);
        var mailBefore = ConsultationRetention.DueBefore(now, settings.BookingWithoutCaseDays);
        foreach (var id in ids)
        {
            var removed = await anonymiser.AnonymiseAsync(id, now, mailBefore, ct);
            audit.Record(AuditAction.ConsultationAnonymised, CaseAnonymiser.BookingSubjectType, id.ToString(), details: new { reason = "Retention", removed },
                actorNameOverride: "retention");
            logger.LogInformation("Consultation booking {BookingId}: anonymised by the retention job", id);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (Done.None with { Bookings = ids.Count }, ids.Count);
    }

    private async Task<Done> RunBulkAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var got = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({BulkLockKey}) AS \"Value\"").SingleAsync(ct);
        if (!got)
        {
            return Done.None;
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var placeholder = CaseAnonymiser.Placeholder;

        // Sent emails keep who, when, the subject and the delivery state; the body goes (not of a case on legal hold).
        var bodies = await db.Database.ExecuteSqlAsync($"""
            UPDATE outbound_emails m SET text_body = {placeholder}, html_body = {placeholder}
            WHERE m.state = 'Sent' AND m.sent_at < {now.AddDays(-settings.SentEmailBodyDays)} AND m.text_body <> {placeholder}
              AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = m.case_id AND c.legal_hold_reason IS NOT NULL)
            """, ct);
        var trackingLinks = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM case_tracking_links l USING cases c
            WHERE c.id = l.case_id AND c.status IN ('Closed', 'Declined') AND c.closed_at < {now.AddDays(-settings.TrackingLinkDaysAfterClosing)}
              AND c.legal_hold_reason IS NULL
            """, ct);
        var partnerLinks = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM partner_links WHERE COALESCE(answered_at, expires_at) < {now.AddDays(-settings.PartnerLinkDaysAfterExpiry)}
            """, ct);
        await scope.ServiceProvider.GetRequiredService<CaseAnonymiser>().AllowAuditRewriteAsync(ct);
        var auditEntries = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM audit_entries a WHERE a.at < {now.AddDays(-settings.AuditEntryDays)}
              AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = a.case_id AND c.legal_hold_reason IS NOT NULL)
            """, ct);
        await transaction.CommitAsync(ct);
        return Done.None with { EmailBodies = bodies, TrackingLinks = trackingLinks, PartnerLinks = partnerLinks, AuditEntries = auditEntries };
    }
}
