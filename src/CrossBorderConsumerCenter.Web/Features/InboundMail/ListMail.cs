using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.InboundMail;

/// <summary>Why a message waits for staff, as the processor left it.</summary>
public enum WaitReason
{
    /// <summary>No reply address, thread or case number led to a case.</summary>
    NoCase,

    /// <summary>A case was found (it is the suggestion) but the sender's address is not one the case knows.</summary>
    SenderUnknown,

    /// <summary>The bytes could not be read as a message.</summary>
    Unreadable,

    /// <summary>Larger than the portal keeps: only the headers were stored.</summary>
    TooLarge,

    /// <summary>A delivery report about a message the center did not send (as far as the report tells).</summary>
    BounceNotOurs,

    /// <summary>Processing failed every time it was tried; the last error is kept.</summary>
    Failed,
}

/// <summary>
/// The mail staff look at: by default the messages that wait for them (Unmatched), oldest first because they have
/// waited longest; on request the ones already attached, kept for the record (auto-replies, delivery reports) or
/// discarded, newest first. A page at a time, keyset on (received time, id). The message itself is not read here:
/// the list shows what the store knows (sender address, subject, kind, the suggested case, why it waits).
/// </summary>
public static class ListMail
{
    public const int PageSize = 50;

    /// <summary>The states the page lists; any other value (or none, or one the binder cannot read) shows the waiting mail.</summary>
    public static readonly IReadOnlyList<InboundEmailState> Views =
        [InboundEmailState.Unmatched, InboundEmailState.Attached, InboundEmailState.Ignored, InboundEmailState.Discarded];

    /// <summary>Bound from the query string, so a view can be bookmarked.</summary>
    public sealed class Query
    {
        public InboundEmailState? State { get; set; }

        /// <summary>Show the messages that come after this one in the list's order (the next page).</summary>
        public Guid? After { get; set; }

        public InboundEmailState View => State is { } state && Views.Contains(state) ? state : InboundEmailState.Unmatched;
    }

    public sealed record Row(
        Guid Id, DateTimeOffset ReceivedAt, string? FromAddress, string? Subject, InboundEmailKind? Kind, string? CaseNumber,
        WaitReason? Reason, string? LastError);

    public sealed record Page(InboundEmailState View, IReadOnlyDictionary<InboundEmailState, int> Counts, IReadOnlyList<Row> Rows, Guid? NextAfter)
    {
        public int Count(InboundEmailState state) => Counts.GetValueOrDefault(state);
    }

    /// <summary>
    /// Why an Unmatched message waits, told from what processing recorded: no kind means processing never completed
    /// (it failed every attempt); a case without a known sender is a suggestion; otherwise the kind says it.
    /// </summary>
    public static WaitReason ReasonOf(InboundEmailKind? kind, Guid? caseId) => kind switch
    {
        null => WaitReason.Failed,
        InboundEmailKind.Malformed => WaitReason.Unreadable,
        InboundEmailKind.TooLarge => WaitReason.TooLarge,
        InboundEmailKind.Bounce => WaitReason.BounceNotOurs,
        _ => caseId is null ? WaitReason.NoCase : WaitReason.SenderUnknown,
    };

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(Query query, CancellationToken ct)
        {
            var view = query.View;
            var counts = await db.InboundEmails.GroupBy(m => m.State).Select(g => new { State = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.State, g => g.Count, ct);

            var oldestFirst = view == InboundEmailState.Unmatched;
            var mail = db.InboundEmails.AsNoTracking().Where(m => m.State == view);
            // The cursor's place is its received time, whatever its state now: staff attach mail while they page through.
            if (query.After is { } after
                && await db.InboundEmails.Where(m => m.Id == after).Select(m => (DateTimeOffset?)m.ReceivedAt).SingleOrDefaultAsync(ct) is { } at)
            {
                mail = oldestFirst
                    ? mail.Where(m => m.ReceivedAt > at || (m.ReceivedAt == at && m.Id.CompareTo(after) > 0))
                    : mail.Where(m => m.ReceivedAt < at || (m.ReceivedAt == at && m.Id.CompareTo(after) < 0));
            }

            mail = oldestFirst ? mail.OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id) : mail.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id);
            var found = await mail.Take(PageSize + 1)
                .Select(m => new
                {
                    m.Id,
                    m.ReceivedAt,
                    m.FromAddress,
                    m.Subject,
                    m.Kind,
                    m.CaseId,
                    CaseNumber = db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Number).FirstOrDefault(),
                    m.LastError,
                })
                .ToListAsync(ct);
            var rows = found.Select(m => new Row(
                m.Id, m.ReceivedAt, m.FromAddress, m.Subject, m.Kind, m.CaseNumber,
                view == InboundEmailState.Unmatched ? ReasonOf(m.Kind, m.CaseId) : null, m.LastError)).ToList();
            var hasMore = rows.Count > PageSize;
            return new Page(view, counts, hasMore ? rows[..PageSize] : rows, hasMore ? rows[PageSize - 1].Id : null);
        }
    }
}
