using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>
/// What every action on the case page shares: find the case by its number, refuse a form loaded from an older
/// version of the case (optimistic concurrency on xmin) or an action the workflow does not allow now, apply the
/// change through the case's own method, and save it with its timeline line and its audit entry (the action and
/// the values before and after) in one SaveChanges. A save that loses the race to another one fails the same way
/// as a stale form: nothing is overwritten.
/// </summary>
public sealed class CaseChanges(AppDbContext db, AuditTrail audit, TimeProvider clock, ILogger<CaseChanges> logger)
{
    public enum Outcome
    {
        Done,

        /// <summary>The case already had that value: nothing was written.</summary>
        Unchanged,
        NotFound,

        /// <summary>The form was loaded from an older version of the case, or another save won the race.</summary>
        ChangedBySomeoneElse,

        /// <summary>The workflow does not allow the action in the case's status.</summary>
        NotAllowed,

        /// <summary>A value that only the database can check was refused (see <see cref="Refusal"/>).</summary>
        Refused,
    }

    /// <summary>A field's value refused by a use case: the message's resource key in CasePageText and its arguments.</summary>
    public sealed record Refusal(string Field, string MessageKey, object[] Arguments);

    public sealed record Result(Outcome Outcome, Refusal? Refusal = null);

    /// <summary>What a use case did to the case it was given.</summary>
    public sealed record Change(Outcome Outcome, Refusal? Refusal = null, object? AuditDetails = null)
    {
        public static Change Unchanged { get; } = new(Outcome.Unchanged);

        public static Change Made(object? auditDetails = null) => new(Outcome.Done, AuditDetails: auditDetails);

        public static Change Refuse(string field, string messageKey, params object[] arguments) => new(Outcome.Refused, new Refusal(field, messageKey, arguments));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the case numbered <paramref name="number"/> as the signed-in
    /// <paramref name="user"/>. <paramref name="version"/> is the case's version the form was loaded with; null for
    /// notes, which never change the case row and so never conflict.
    /// </summary>
    public async Task<Result> RunAsync(
        string number, uint? version, CaseAction action, ClaimsPrincipal user, Func<Case, CaseActor, DateTimeOffset, Task<Change>> change, CancellationToken ct)
    {
        var saved = false;
        try
        {
            var @case = await db.Cases.SingleOrDefaultAsync(c => c.Number == number, ct);
            if (@case is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (version is not null && @case.Version != version)
            {
                return new Result(Outcome.ChangedBySomeoneElse);
            }

            if (!CaseWorkflow.Can(@case.Status, action))
            {
                return new Result(Outcome.NotAllowed);
            }

            var actor = StaffActor(user);
            var before = Snapshot(@case);
            var made = await change(@case, actor, clock.GetUtcNow());
            if (made.Outcome != Outcome.Done)
            {
                return new Result(made.Outcome, made.Refusal);
            }

            audit.Record(AuditAction.CaseChanged, "Case", @case.Id.ToString(), @case.Id,
                new { action = action.ToString(), changes = AuditTrail.Changes(before, Snapshot(@case)), details = made.AuditDetails });
            await db.SaveChangesAsync(ct);
            saved = true;
            logger.LogInformation("Case {CaseId}: {CaseAction} by user {UserId}", @case.Id, action, actor.UserId);
            return new Result(Outcome.Done);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(Outcome.ChangedBySomeoneElse);
        }
        finally
        {
            // The page is shown again from this DbContext (and records the view): nothing unsaved may linger in it.
            if (!saved)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The signed-in staff member as the timeline names them.</summary>
    public static CaseActor StaffActor(ClaimsPrincipal user) =>
        CaseActor.Staff(CurrentUserId(user), user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "");

    public static Guid CurrentUserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>The values of a case the back office changes, as the audit trail keeps them before and after.</summary>
    private static Dictionary<string, object?> Snapshot(Case c) => new()
    {
        ["status"] = c.Status.ToString(),
        ["assignedToId"] = c.AssignedToId,
        ["category"] = c.Category.ToString(),
        ["priority"] = c.Priority.ToString(),
        ["dueAt"] = c.DueAt,
        ["closedAt"] = c.ClosedAt,
        ["outcome"] = c.Outcome?.ToString(),
        ["declineReason"] = c.DeclineReason?.ToString(),
        ["duplicateOfNumber"] = c.DuplicateOfNumber,
    };
}
