using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Clocks;

/// <summary>
/// One pass of the case clocks (ADR 0013): every open case past its deadline that the clock has not acted on yet
/// gets what <see cref="Case.ClockActionDue"/> says, once: a forwarded (or any other) case is marked overdue and the
/// staff member responsible emailed; a consumer who has not answered for a week is reminded, and a week after the
/// reminder the case is closed for no reply (unless staff chose to keep waiting). Each action is a timeline line, an
/// audit entry and, where said, an outbox email, in the transaction that claimed the case with FOR UPDATE SKIP LOCKED:
/// two workers (or two instances) never act on the same case, and a case acted on no longer matches.
/// </summary>
public sealed class RunCaseClocks(IServiceScopeFactory scopes, IOptions<ClocksOptions> options, TimeProvider clock, ILogger<RunCaseClocks> logger)
{
    public sealed record Done(int MarkedOverdue, int Reminded, int Closed)
    {
        public static Done None { get; } = new(0, 0, 0);

        public int Total => MarkedOverdue + Reminded + Closed;

        public static Done operator +(Done a, Done b) => new(a.MarkedOverdue + b.MarkedOverdue, a.Reminded + b.Reminded, a.Closed + b.Closed);
    }

    /// <summary>
    /// The consumer's reminder (ConsumerReminder_Subject and _Body_RepliesRead or _Body_RepliesNotRead in ClocksText), in
    /// their language: it asks for an answer by reply only when replies are read, and on the case's page otherwise.
    /// </summary>
    public sealed record ReminderEmail(IReadOnlyDictionary<string, string> Values, bool RepliesAreRead) : IEmailTemplate
    {
        public const string TemplateName = "ConsumerReminder";

        public string Name => TemplateName;

        public string BodyKey => ReplyAddresses.TextKey(TemplateName + "_Body", RepliesAreRead);

        public Type ResourceType => typeof(ClocksText);
    }

    /// <summary>For the staff member responsible (CaseOverdue_Subject/_Body in ClocksText, Japanese).</summary>
    public sealed record OverdueEmail(IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public const string TemplateName = "CaseOverdue";

        public string Name => TemplateName;

        public Type ResourceType => typeof(ClocksText);
    }

    /// <summary>Acts on every case due now, batch after batch; returns what it did.</summary>
    public async Task<Done> RunAsync(CancellationToken ct)
    {
        var total = Done.None;
        while (true)
        {
            var (done, claimed) = await RunBatchAsync(ct);
            total += done;
            if (claimed < options.Value.BatchSize || done.Total == 0)
            {
                return total;
            }
        }
    }

    private async Task<(Done Done, int Claimed)> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();

        // Locked until commit: another worker skips these rows, and after the commit they no longer match.
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM cases
            WHERE due_at < {now} AND overdue_marked_at IS NULL
            ORDER BY due_at
            LIMIT {options.Value.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return (Done.None, 0);
        }

        var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var done = Done.None;
        foreach (var c in cases)
        {
            var before = Snapshot(c);
            var action = c.ClockActionDue(now);
            Guid? emailId = null;
            switch (action)
            {
                case ClockAction.MarkOverdue:
                    c.MarkOverdue(now);
                    emailId = await TellStaffAsync(services, db, c, before.Due, ct);
                    done += new Done(1, 0, 0);
                    break;
                case ClockAction.RemindConsumer:
                    c.RemindConsumer(now);
                    emailId = await RemindAsync(services, db, c, ct);
                    done += new Done(0, 1, 0);
                    break;
                case ClockAction.CloseForNoReply:
                    c.CloseForNoReply(now);
                    done += new Done(0, 0, 1);
                    break;
                default:
                    continue;
            }

            services.GetRequiredService<AuditTrail>().Record(AuditAction.CaseChanged, "Case", c.Id.ToString(), c.Id,
                new { action = action.ToString(), changes = AuditTrail.Changes(before.Values, Snapshot(c).Values), details = new { emailId } }, actorNameOverride: "clock");
            logger.LogInformation("Case {CaseId}: {ClockAction} by the clock", c.Id, action);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (done, ids.Count);
    }

    /// <summary>The assignee (or whoever forwarded the case) learns the deadline passed; nobody to tell: the queue's overdue filter shows it.</summary>
    private static async Task<Guid?> TellStaffAsync(IServiceProvider services, AppDbContext db, Case c, DateTimeOffset? due, CancellationToken ct)
    {
        if (await ResponsibleStaff.OfAsync(db, c.Id, c.AssignedToId, ct) is not { } staff)
        {
            return null;
        }

        var labels = services.GetRequiredService<IStringLocalizer<CaseLabels>>();
        var portal = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        return services.GetRequiredService<EmailOutbox>().Enqueue(new OverdueEmail(new Dictionary<string, string>
        {
            ["CaseNumber"] = c.Number,
            ["Status"] = InLanguage.Read(ResponsibleStaff.Language, () => labels["CaseStatus_" + c.Status].Value),
            ["DueAt"] = due is { } at ? LocalizationRegistration.FormatJapanTime(at) : "-",
            ["CaseUrl"] = new Uri(portal.BaseUri, "staff/cases/" + c.Number).ToString(),
        }), staff, ResponsibleStaff.Language, c.Id).Id;
    }

    /// <summary>The consumer is reminded of the question they were asked, with the day the case closes without an answer.</summary>
    /// <remarks>Null when nobody can be written to (a resident without email whose center has no active counselor).</remarks>
    private static async Task<Guid?> RemindAsync(IServiceProvider services, AppDbContext db, Case c, CancellationToken ct)
    {
        if (await CaseRecipients.ForConsumerAsync(db, c, ct) is not { } contact)
        {
            return null;
        }

        var question = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.InformationRequested)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => e.Text)
            .FirstOrDefaultAsync(ct);
        var language = contact.Language;
        var replyBy = TimeZoneInfo.ConvertTime(c.DueAt!.Value, LocalizationRegistration.JapanTime).ToString("D", CultureInfo.GetCultureInfo(language));
        var repliesAreRead = services.GetRequiredService<ReplyAddresses>().RepliesAreRead;
        var values = new Dictionary<string, string>
        {
            ["Name"] = contact.Name,
            ["CaseNumber"] = c.Number,
            ["Question"] = question ?? "",
            ["ReplyBy"] = replyBy,
        };

        // Where replies are not read, the consumer answers on their case's page: this email carries a link of its own (ADR 0073).
        string[] secrets = [];
        if (!repliesAreRead)
        {
            var token = TrackingLinks.Issue(db, c.Id, services.GetRequiredService<TimeProvider>().GetUtcNow());
            values["TrackingUrl"] = TrackingLinks.UrlOf(services.GetRequiredService<IOptions<PortalOptions>>().Value.BaseUri, token).ToString();
            secrets = [token];
        }

        return services.GetRequiredService<EmailOutbox>().Enqueue(new ReminderEmail(values, repliesAreRead), contact.Recipients, language, c.Id, redactAfterSending: secrets).Id;
    }

    private static (DateTimeOffset? Due, Dictionary<string, object?> Values) Snapshot(Case c) => (c.DueAt, new()
    {
        ["status"] = c.Status.ToString(),
        ["dueAt"] = c.DueAt,
        ["closedAt"] = c.ClosedAt,
        ["outcome"] = c.Outcome?.ToString(),
    });
}
