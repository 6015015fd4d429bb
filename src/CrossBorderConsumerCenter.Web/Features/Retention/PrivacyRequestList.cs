using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// The requests about personal data for the supervisors' page: the deletion requests that wait for staff (oldest first),
/// and the latest answered requests of every kind with who answered them.
/// </summary>
public sealed class PrivacyRequestList(AppDbContext db)
{
    /// <summary>At most this many answered requests are listed.</summary>
    public const int Shown = 100;

    public sealed record Line(
        Guid Id, PrivacyRequestKind Kind, string? CaseNumber, string RequestedBy, string Reason, DateTimeOffset ReceivedAt,
        PrivacyRequestState State, string? Answer, DateTimeOffset? AnsweredAt, string? AnsweredBy, bool CaseOnHold, bool CaseOpen);

    public sealed record Lists(IReadOnlyList<Line> Pending, IReadOnlyList<Line> Answered);

    public async Task<Lists> ReadAsync(CancellationToken ct)
    {
        var pending = await ReadAsync(db.PrivacyRequests.Where(r => r.State == PrivacyRequestState.Pending).OrderBy(r => r.ReceivedAt), ct);
        var answered = await ReadAsync(db.PrivacyRequests.Where(r => r.State != PrivacyRequestState.Pending).OrderByDescending(r => r.AnsweredAt).Take(Shown), ct);
        return new Lists([.. pending.OrderBy(l => l.ReceivedAt)], [.. answered.OrderByDescending(l => l.AnsweredAt)]);
    }

    public async Task<Line?> FindAsync(Guid id, CancellationToken ct) => (await ReadAsync(db.PrivacyRequests.Where(r => r.Id == id), ct)).SingleOrDefault();

    private async Task<List<Line>> ReadAsync(IQueryable<PrivacyRequest> requests, CancellationToken ct)
    {
        var rows = await (
            from r in requests.AsNoTracking()
            join c in db.Cases on r.CaseId equals c.Id into cs
            from c in cs.DefaultIfEmpty()
            join u in db.Users on r.AnsweredById equals u.Id into us
            from u in us.DefaultIfEmpty()
            select new
            {
                r.Id, r.Kind, Number = c == null ? null : c.Number, r.RequestedBy, r.Reason, r.ReceivedAt, r.State, r.Answer, r.AnsweredAt,
                AnsweredBy = u == null ? null : u.DisplayName, OnHold = c != null && c.LegalHoldReason != null, Status = c == null ? (CaseStatus?)null : c.Status,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new Line(r.Id, r.Kind, r.Number, r.RequestedBy, r.Reason, r.ReceivedAt, r.State, r.Answer, r.AnsweredAt, r.AnsweredBy,
            r.OnHold, r.Status is { } status && CaseWorkflow.IsOpen(status)))];
    }
}
