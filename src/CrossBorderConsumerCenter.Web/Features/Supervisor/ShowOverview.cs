using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Queue;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Supervisor;

/// <summary>
/// The supervisor's overview of the open cases: how many each staff member holds (and how many nobody does), which
/// are past their deadline, which have waited longest for the center, and which partner answers wait for staff to
/// read them and tell the consumer. "Needs action" and "overdue" are the queue's rule (<see cref="CaseQueueRules"/>).
/// Every statement reads only open cases through the partial indexes of migration 0007, so the page costs the
/// same whether a thousand or a million cases are closed.
/// </summary>
public static class ShowOverview
{
    /// <summary>How many cases each list names; the counts and the queue's links cover the rest.</summary>
    public const int ListLimit = 20;

    /// <summary>One staff member's open cases (or nobody's, when <see cref="AssigneeId"/> is null).</summary>
    public sealed record Workload(Guid? AssigneeId, string Name, bool IsDisabled, int Open, int NeedsAction, int Overdue);

    /// <summary>A case named in a list; <see cref="AnsweredAt"/> only in the partner answers' list.</summary>
    public sealed record CaseLine(
        string Number, DateTimeOffset ReceivedAt, CaseStatus Status, DateTimeOffset? DueAt, Guid? AssignedToId, string BusinessName,
        string BusinessCountryCode, DateTimeOffset? AnsweredAt = null);

    public sealed record Overview(
        DateTimeOffset Now,
        IReadOnlyList<Workload> Staff,
        Workload Unassigned,
        int Open,
        int NeedsAction,
        int Overdue,
        int PartnerAnswers,
        IReadOnlyList<CaseLine> OverdueCases,
        IReadOnlyList<CaseLine> OldestWaiting,
        IReadOnlyList<CaseLine> WaitingPartnerAnswers)
    {
        public string NameOf(Guid? id) => id is { } known ? Staff.FirstOrDefault(s => s.AssigneeId == known)?.Name ?? "" : Unassigned.Name;
    }

    /// <summary>The open statuses, and those in which the center acts next whatever the deadline, from the rule.</summary>
    private static readonly CaseStatus[] Open = [.. CaseQueueRules.OpenStatuses];

    private static readonly CaseStatus[] AlwaysNeedsAction = [.. Open.Where(s => CaseQueueRules.WhenActionIsNeeded(s) == ActionNeeded.Always)];

    private sealed record Counts(Guid? AssigneeId, int Open, int NeedsAction, int Overdue, int PartnerAnswers);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Overview> HandleAsync(string unassignedName, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var open = db.Cases.AsNoTracking().Where(c => EF.Constant(Open).Contains(c.Status));

                // One pass over the open cases (an index-only scan of ix_cases_open_status_due_at, which carries the assignee).
                var counts = await open
                    .GroupBy(c => c.AssignedToId)
                    .Select(g => new Counts(
                        g.Key,
                        g.Count(),
                        g.Count(c => EF.Constant(AlwaysNeedsAction).Contains(c.Status) || c.DueAt < now),
                        g.Count(c => c.DueAt < now),
                        g.Count(c => c.Status == CaseStatus.PartnerResponded)))
                    .ToListAsync(ct);

                // The back office's active members (also those holding nothing: they can take cases), and anyone else holding cases.
                var holders = counts.Where(c => c.AssigneeId is not null).Select(c => c.AssigneeId!.Value).ToList();
                var people = await db.Users.AsNoTracking()
                    .Where(u => holders.Contains(u.Id)
                        || (!u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && EF.Constant(Roles.BackOffice).Contains(r.Name!)))))
                    .OrderBy(u => u.DisplayName)
                    .Select(u => new { u.Id, u.DisplayName, u.IsDisabled })
                    .ToListAsync(ct);

                Workload Of(Guid? id, string name, bool disabled) =>
                    counts.FirstOrDefault(c => c.AssigneeId == id) is { } c ? new(id, name, disabled, c.Open, c.NeedsAction, c.Overdue) : new(id, name, disabled, 0, 0, 0);

                // The most overdue first: ix_cases_due_at holds only cases with a deadline, and closed cases have none.
                var overdue = await Lines(open.Where(c => c.DueAt < now).OrderBy(c => c.DueAt).ThenBy(c => c.Number)).ToListAsync(ct);

                // Waiting longest for the center: the queue's default view (needs action, oldest first) through ix_cases_open_received_at_id.
                var oldest = await Lines(NeedsActionView.Of(db.Cases.AsNoTracking(), now).OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)).ToListAsync(ct);

                // A partner's answer (through its link, by email, or recorded by staff) waits for staff to read it and tell the
                // consumer; its follow-up deadline is counted from the answer, so the earliest deadline is the oldest answer.
                var answers = await open.Where(c => c.Status == CaseStatus.PartnerResponded)
                    .OrderBy(c => c.DueAt).ThenBy(c => c.Number)
                    .Take(ListLimit)
                    .Select(c => new CaseLine(c.Number, c.ReceivedAt, c.Status, c.DueAt, c.AssignedToId, c.BusinessName, c.BusinessCountryCode,
                        db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.PartnerResponded).Max(e => (DateTimeOffset?)e.At)))
                    .ToListAsync(ct);

                return new Overview(
                    now,
                    [.. people.Select(p => Of(p.Id, p.DisplayName, p.IsDisabled))],
                    Of(null, unassignedName, disabled: false),
                    counts.Sum(c => c.Open),
                    counts.Sum(c => c.NeedsAction),
                    counts.Sum(c => c.Overdue),
                    counts.Sum(c => c.PartnerAnswers),
                    overdue,
                    oldest,
                    answers);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private static IQueryable<CaseLine> Lines(IQueryable<Case> cases) => cases
            .Take(ListLimit)
            .Select(c => new CaseLine(c.Number, c.ReceivedAt, c.Status, c.DueAt, c.AssignedToId, c.BusinessName, c.BusinessCountryCode, null));
    }
}
