using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.EmailDelivery;

/// <summary>
/// The outbox for admins: how many messages are in each state, and the ones that need a look (dead-lettered,
/// or failing and waiting for a retry) with their last error, newest first, a page at a time (keyset on the
/// id, which is time-ordered); and the messages the SMTP server accepted but that did not arrive (a delivery report
/// came back), newest report first (keyset on the report's time and the id), with the report's status and the case
/// they belong to. Bodies and subjects are not shown; the recipient is, for admins (docs/privacy.md).
/// </summary>
public static class ListEmails
{
    public const int PageSize = 50;

    public enum EmailList
    {
        DeadLettered,
        Retrying,

        /// <summary>Sent, but a delivery report said it did not arrive: sending it again would not help.</summary>
        Bounced,
    }

    /// <summary>Bound from the query string, so a view can be bookmarked.</summary>
    public sealed class Query
    {
        public EmailList List { get; set; }

        /// <summary>Show messages older than this one (the next page).</summary>
        public Guid? Before { get; set; }
    }

    public sealed record Counts(int Pending, int Retrying, int Sending, int Sent, int DeadLettered, int Bounced);

    public sealed record Row(
        Guid Id, DateTimeOffset CreatedAt, string Template, Guid? CaseId, IReadOnlyList<string> To, int Attempts,
        DateTimeOffset? LastAttemptAt, DateTimeOffset NextAttemptAt, string? LastError)
    {
        /// <summary>The case's number, for a link to its page (null when the message has no case).</summary>
        public string? CaseNumber { get; init; }

        public DateTimeOffset? BouncedAt { get; init; }

        public string? BounceStatus { get; init; }
    }

    public sealed record Page(Query Query, Counts Counts, IReadOnlyList<Row> Rows, Guid? NextBefore);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(Query query, CancellationToken ct)
        {
            var byState = await db.OutboundEmails.GroupBy(e => e.State).Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.State, g => g.Count, ct);
            var retrying = await db.OutboundEmails.CountAsync(e => e.State == OutboundEmailState.Pending && e.Attempts > 0, ct);
            var bounced = await db.OutboundEmails.CountAsync(e => e.BouncedAt != null, ct);
            var counts = new Counts(
                byState.GetValueOrDefault(OutboundEmailState.Pending), retrying, byState.GetValueOrDefault(OutboundEmailState.Sending),
                byState.GetValueOrDefault(OutboundEmailState.Sent), byState.GetValueOrDefault(OutboundEmailState.DeadLettered), bounced);

            var rows = query.List == EmailList.Bounced ? await BouncedAsync(query.Before, ct) : await FailingAsync(query, ct);
            var hasMore = rows.Count > PageSize;
            return new Page(query, counts, hasMore ? rows[..PageSize] : rows, hasMore ? rows[PageSize - 1].Id : null);
        }

        /// <summary>Dead-lettered or retrying messages, newest first (the id is time-ordered).</summary>
        private async Task<List<Row>> FailingAsync(Query query, CancellationToken ct)
        {
            var emails = query.List == EmailList.Retrying
                ? db.OutboundEmails.Where(e => e.State == OutboundEmailState.Pending && e.Attempts > 0)
                : db.OutboundEmails.Where(e => e.State == OutboundEmailState.DeadLettered);
            if (query.Before is { } before)
            {
                emails = emails.Where(e => e.Id.CompareTo(before) < 0);
            }

            return await emails.AsNoTracking().OrderByDescending(e => e.Id).Take(PageSize + 1)
                .Select(e => new Row(e.Id, e.CreatedAt, e.Template, e.CaseId, e.ToAddresses, e.Attempts, e.LastAttemptAt, e.NextAttemptAt, e.LastError)
                {
                    CaseNumber = db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.Number).FirstOrDefault(),
                })
                .ToListAsync(ct);
        }

        /// <summary>Messages a delivery report said did not arrive, the latest report first; the page after <paramref name="before"/>'s report.</summary>
        private async Task<List<Row>> BouncedAsync(Guid? before, CancellationToken ct)
        {
            var emails = db.OutboundEmails.Where(e => e.BouncedAt != null);
            if (before is { } id
                && await db.OutboundEmails.Where(e => e.Id == id).Select(e => e.BouncedAt).SingleOrDefaultAsync(ct) is { } at)
            {
                emails = emails.Where(e => e.BouncedAt < at || (e.BouncedAt == at && e.Id.CompareTo(id) < 0));
            }

            return await emails.AsNoTracking().OrderByDescending(e => e.BouncedAt).ThenByDescending(e => e.Id).Take(PageSize + 1)
                .Select(e => new Row(e.Id, e.CreatedAt, e.Template, e.CaseId, e.ToAddresses, e.Attempts, e.LastAttemptAt, e.NextAttemptAt, e.LastError)
                {
                    CaseNumber = db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.Number).FirstOrDefault(),
                    BouncedAt = e.BouncedAt,
                    BounceStatus = e.BounceStatus,
                })
                .ToListAsync(ct);
        }
    }
}
