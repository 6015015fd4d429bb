using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>
/// Processes the stored messages one at a time, each exactly once: a message is claimed by locking its row
/// (FOR UPDATE SKIP LOCKED, so several instances share the work and never take the same one), and everything it does
/// (the case's timeline line, evidence and status, the staff notice, the message's new state) is committed in that one
/// transaction. A crash or a failure mid-message commits nothing; the message is tried again with a growing delay and,
/// after <see cref="MaxAttempts"/>, left for staff with the error. Nothing is ever dropped.
/// </summary>
public sealed class ProcessInboundMail(AppDbContext db, ReplyAddresses replies, MailEffects effects, TimeProvider clock, ILogger<ProcessInboundMail> logger)
{
    public const int MaxAttempts = 8;

    public enum Result
    {
        /// <summary>No message was due.</summary>
        NoneDue,
        Processed,

        /// <summary>Processing failed; the message will be tried again (or waits for staff after the last attempt).</summary>
        Failed,
    }

    public async Task<Result> ProcessNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Guid? id = null;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var due = await db.Database.SqlQuery<Guid>(
                $"SELECT id AS \"Value\" FROM inbound_emails WHERE state = 'Pending' AND next_attempt_at <= {now} ORDER BY received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return Result.NoneDue;
            }

            id = due[0];
            var mail = await db.InboundEmails.SingleAsync(m => m.Id == due[0], ct);
            mail.Attempts++;
            await ApplyAsync(mail, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Inbound mail {MailId}: {Kind}, {State}, case {CaseId}, {Latency} ms after it was stored",
                mail.Id, mail.Kind, mail.State, mail.CaseId, (long)(now - mail.ReceivedAt).TotalMilliseconds);
            return Result.Processed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            if (id is not { } failed)
            {
                // Nothing was claimed: the database is down. Every message stays Pending for the next pass.
                logger.LogWarning(ex, "Inbound mail: the stored messages could not be read; tried again on the next pass");
                return Result.Failed;
            }

            await RecordFailureAsync(failed, ex, ct);
            return Result.Failed;
        }
    }

    /// <summary>Reads the message and does what its kind asks; sets its state.</summary>
    private async Task ApplyAsync(InboundEmail mail, DateTimeOffset now, CancellationToken ct)
    {
        var read = MailReading.Read(mail.Raw, mail.RawTruncated, mail.FromAddress, mail.Subject);
        var kind = MailClassifier.Classify(read.Summary);
        mail.Kind = kind switch
        {
            MailKind.Reply => InboundEmailKind.Reply,
            MailKind.AutoReply => InboundEmailKind.AutoReply,
            MailKind.Bounce => InboundEmailKind.Bounce,
            MailKind.Malformed => InboundEmailKind.Malformed,
            _ => InboundEmailKind.TooLarge,
        };
        mail.ProcessedAt = now;
        switch (kind)
        {
            case MailKind.Bounce:
                await ApplyBounceAsync(mail, read, now, ct);
                return;
            case MailKind.AutoReply:
                // Kept with its case for the record, never an answer and never answered (no loop can start).
                mail.State = InboundEmailState.Ignored;
                mail.CaseId = (await FindCaseAsync(read.Summary, ct)).Case?.Id;
                return;
            case MailKind.Malformed or MailKind.TooLarge:
                mail.State = InboundEmailState.Unmatched;
                mail.CaseId = (await FindCaseAsync(read.Summary, ct)).Case?.Id;
                return;
        }

        var (c, match) = await FindCaseAsync(read.Summary, ct);
        if (c is null)
        {
            mail.State = InboundEmailState.Unmatched;
            mail.Sender = InboundEmailSender.Unknown;
            return;
        }

        var (known, _) = await effects.AddressesOfAsync(c, ct);
        if (SenderCheck.PartyOf(read.Summary.From, known, match!.WrittenTo) is not { } party)
        {
            // Never attached silently: staff decide (the case is kept as the suggestion).
            mail.State = InboundEmailState.Unmatched;
            mail.Sender = InboundEmailSender.Unknown;
            mail.CaseId = c.Id;
            return;
        }

        await effects.ApplyAsync(mail, read, c, party, attachedBy: null, now, ct);
    }

    private async Task ApplyBounceAsync(InboundEmail mail, ReadMail read, DateTimeOffset now, CancellationToken ct)
    {
        if (!read.Summary.ReportedFailure)
        {
            // A delay or a success report: nothing failed yet.
            mail.State = InboundEmailState.Ignored;
            return;
        }

        var ids = read.Summary.ReportedMessageIds.Select(i => "<" + i + ">").ToList();
        var bounced = ids.Count == 0 ? null : await db.OutboundEmails.Where(e => ids.Contains(e.MessageId)).OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(ct);
        if (bounced is null)
        {
            // Not one of ours as far as the report tells: staff look at it.
            mail.State = InboundEmailState.Unmatched;
            return;
        }

        await effects.ApplyBounceAsync(mail, bounced, MailReading.FailedRecipient(read.Message), read.Summary.ReportedStatus, now, ct);
    }

    /// <summary>The case a message names by reply address, thread or case number, and how; the case is null when none is found.</summary>
    private async Task<(Case? Case, MailMatch? Match)> FindCaseAsync(MailSummary summary, CancellationToken ct)
    {
        var match = ReplyMatching.Match(
            summary,
            address => replies.Read(address) is { } m ? (m.CaseId, m.Party) : null,
            replies.CaseOfMessageId);
        var c = match switch
        {
            { CaseId: { } caseId } => await db.Cases.SingleOrDefaultAsync(x => x.Id == caseId, ct),
            { CaseNumber: { } number } => await db.Cases.SingleOrDefaultAsync(x => x.Number == number, ct),
            _ => null,
        };
        return (c, c is null ? null : match);
    }

    private async Task RecordFailureAsync(Guid id, Exception ex, CancellationToken ct)
    {
        try
        {
            // The failed transaction committed nothing; the attempt is counted on the row now (unless another
            // instance has already claimed it again, which then counts its own attempt).
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var due = await db.Database.SqlQuery<Guid>(
                $"SELECT id AS \"Value\" FROM inbound_emails WHERE id = {id} AND state = 'Pending' FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return;
            }

            var mail = await db.InboundEmails.SingleAsync(m => m.Id == due[0], ct);
            mail.Attempts++;
            mail.LastError = Clip($"{ex.GetType().Name}: {ex.Message}", InboundEmail.MaxErrorLength);
            if (mail.Attempts >= MaxAttempts)
            {
                mail.State = InboundEmailState.Unmatched;
                logger.LogError(ex, "Inbound mail {MailId} could not be processed after {Attempts} attempts; it waits for staff on /staff/mail", mail.Id, mail.Attempts);
            }
            else
            {
                mail.NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, mail.Attempts - 1)));
                logger.LogWarning(ex, "Inbound mail {MailId}: attempt {Attempt} failed; tried again at {NextAttemptAt}", mail.Id, mail.Attempts, mail.NextAttemptAt);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception inner) when (inner is not OperationCanceledException)
        {
            // The database itself is down: the message stays Pending and is tried when it is back.
            logger.LogWarning(inner, "Inbound mail: a failure could not be recorded; the message stays due");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string Clip(string value, int length) => TextInput.Clip(value, length);
}
