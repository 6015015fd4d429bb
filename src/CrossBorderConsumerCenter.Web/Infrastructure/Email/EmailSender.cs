using System.Collections.Concurrent;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Infrastructure.Email;

/// <summary>
/// Delivers due outbox messages (ADR 0020). One pass claims a batch with FOR UPDATE SKIP LOCKED and marks it
/// Sending under a lease and a claim token (committed at once, so no transaction stays open while mail is sent),
/// sends the messages over up to MaxParallelSends connections at once (each connection reused for message after
/// message), and records each outcome only if the claim is still ours. Several
/// senders, in one process or many, never claim the same message; a sender that dies leaves its claim to
/// expire, and the message is claimed again (at-least-once delivery).
/// </summary>
public sealed class EmailSender(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    IOptions<EmailOutboxOptions> outboxOptions,
    IOptions<SmtpOptions> smtpOptions,
    TimeProvider clock,
    ILogger<EmailSender> logger)
{
    /// <summary>Claims and sends one batch of due messages; returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var options = outboxOptions.Value;
        var schedule = options.RetrySchedule;
        var claim = Guid.NewGuid();
        var batch = await ClaimAsync(claim, options, ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            // Each lane opens one connection and takes message after message from the batch until none is left.
            var waiting = new ConcurrentQueue<OutboundEmail>(batch);
            var lanes = Math.Min(options.MaxParallelSends, batch.Count);
            await Parallel.ForEachAsync(Enumerable.Range(0, lanes), new ParallelOptions { MaxDegreeOfParallelism = lanes, CancellationToken = ct },
                async (_, token) =>
                {
                    await using var connection = transport.Open();
                    while (waiting.TryDequeue(out var email))
                    {
                        await SendOneAsync(connection, email, claim, schedule, token);
                    }
                });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand back what this batch has not finished, so another sender need not wait for the lease.
            await ReleaseAsync(claim);
            throw;
        }

        return batch.Count;
    }

    private async Task<List<OutboundEmail>> ClaimAsync(Guid claim, EmailOutboxOptions options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var leaseEnd = now + options.LeaseFor(smtpOptions.Value);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // One statement, so the claim commits on its own: rows another sender has locked are skipped, and a
        // row it claimed a moment ago no longer matches (PostgreSQL re-checks the WHERE on the new version).
        // A Sending row whose lease has run out was left by a sender that stopped: it is claimed again.
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE outbound_emails SET state = 'Sending', locked_until = {leaseEnd}, claim_token = {claim}
            WHERE id IN (
                SELECT id FROM outbound_emails
                WHERE (state = 'Pending' AND next_attempt_at <= {now}) OR (state = 'Sending' AND locked_until <= {now})
                ORDER BY next_attempt_at
                LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.OutboundEmails.AsNoTracking().Include(e => e.Attachments.OrderBy(a => a.Position))
            .Where(e => ids.Contains(e.Id))
            .OrderBy(e => e.NextAttemptAt)
            .ToListAsync(ct);
    }

    private async Task SendOneAsync(IEmailConnection connection, OutboundEmail email, Guid claim, RetrySchedule schedule, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        SendResult result;
        try
        {
            var attachments = await ReadAttachmentsAsync(db, email, ct);
            result = await connection.SendAsync(email, attachments, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Reading the attachments failed (the database is unreachable, say): a temporary failure like any other.
            result = SmtpFailures.Classify(ex);
        }

        await RecordAsync(db, email, claim, result, schedule);
    }

    private static async Task<List<EmailAttachment>> ReadAttachmentsAsync(AppDbContext db, OutboundEmail email, CancellationToken ct)
    {
        if (email.Attachments.Count == 0)
        {
            return [];
        }

        var fileIds = email.Attachments.Select(a => a.StoredFileId).ToList();
        var files = await db.StoredFiles.AsNoTracking()
            .Where(f => fileIds.Contains(f.Id))
            .Select(f => new { f.Id, f.ContentType, f.Content!.Bytes })
            .ToDictionaryAsync(f => f.Id, ct);
        return email.Attachments.Select(a => new EmailAttachment(a.FileName, files[a.StoredFileId].ContentType, files[a.StoredFileId].Bytes)).ToList();
    }

    /// <summary>
    /// Records the outcome under our claim. Not cancellable: a message that went out must be marked Sent even
    /// while the host stops, or it would be sent again.
    /// </summary>
    private async Task RecordAsync(AppDbContext db, OutboundEmail email, Guid claim, SendResult result, RetrySchedule schedule)
    {
        var now = clock.GetUtcNow();
        var attempt = email.Attempts + 1;
        var nextAttempt = result.Outcome == SendOutcome.TemporaryFailure
            ? schedule.NextAttempt(attempt, email.RetryingSince, now, Random.Shared.NextDouble())
            : null;
        var state = result.Outcome switch
        {
            SendOutcome.Delivered => OutboundEmailState.Sent,
            SendOutcome.TemporaryFailure when nextAttempt is not null => OutboundEmailState.Pending,
            _ => OutboundEmailState.DeadLettered,
        };
        DateTimeOffset? sentAt = state == OutboundEmailState.Sent ? now : null;
        var error = result.Detail is { } detail ? Truncate(detail, OutboundEmail.MaxErrorLength) : email.LastError;

        // Once sent, the stored copy loses the secrets it carried (ADR 0020): links whose tokens the database otherwise
        // keeps only as hashes. In the same statement as the outcome, so a sent message never keeps them.
        var redact = state == OutboundEmailState.Sent && email.RedactAfterSending.Count > 0;
        var textBody = redact ? OutboundEmail.Redacted(email.TextBody, email.RedactAfterSending) : null;
        var htmlBody = redact ? OutboundEmail.Redacted(email.HtmlBody, email.RedactAfterSending) : null;
        List<string>? secrets = redact ? [] : null;

        var recorded = await db.OutboundEmails
            .Where(e => e.Id == email.Id && e.ClaimToken == claim && e.State == OutboundEmailState.Sending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.State, state)
                .SetProperty(e => e.Attempts, attempt)
                .SetProperty(e => e.LastAttemptAt, now)
                .SetProperty(e => e.NextAttemptAt, nextAttempt ?? email.NextAttemptAt)
                .SetProperty(e => e.SentAt, sentAt)
                .SetProperty(e => e.LastError, error)
                .SetProperty(e => e.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(e => e.ClaimToken, (Guid?)null)
                .SetProperty(e => e.TextBody, e => textBody ?? e.TextBody)
                .SetProperty(e => e.HtmlBody, e => htmlBody ?? e.HtmlBody)
                .SetProperty(e => e.RedactAfterSending, e => secrets ?? e.RedactAfterSending),
                CancellationToken.None);

        // Ids and SMTP status codes only: the reply text can name a recipient (ADR 0007).
        if (recorded == 0)
        {
            logger.LogWarning("Email {EmailId}: its claim expired before attempt {Attempt} ended ({Outcome}); the sender that claimed it again records the outcome", email.Id, attempt, result.Outcome);
        }
        else if (state == OutboundEmailState.Sent)
        {
            logger.LogInformation("Email {EmailId} ({Template}) sent on attempt {Attempt}", email.Id, email.Template, attempt);
        }
        else if (state == OutboundEmailState.Pending)
        {
            logger.LogWarning("Email {EmailId} ({Template}) attempt {Attempt} failed temporarily (SMTP {SmtpStatus}); next attempt at {NextAttemptAt:O}", email.Id, email.Template, attempt, result.SmtpStatus, nextAttempt);
        }
        else
        {
            logger.LogError("Email {EmailId} ({Template}) dead-lettered after attempt {Attempt} ({Outcome}, SMTP {SmtpStatus}); staff can send it again from /admin/email", email.Id, email.Template, attempt, result.Outcome, result.SmtpStatus);
        }
    }

    private async Task ReleaseAsync(Guid claim)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.OutboundEmails
            .Where(e => e.ClaimToken == claim && e.State == OutboundEmailState.Sending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.State, OutboundEmailState.Pending)
                .SetProperty(e => e.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(e => e.ClaimToken, (Guid?)null),
                CancellationToken.None);
    }

    private static string Truncate(string value, int length) => TextInput.Clip(value, length);
}
