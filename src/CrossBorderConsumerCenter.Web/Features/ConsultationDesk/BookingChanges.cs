using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationDesk;

/// <summary>
/// What every action on the booking page shares (as the case page's CaseChanges): find the booking, refuse a form
/// loaded from an older version of it (optimistic concurrency on xmin), apply the change through the booking's own
/// method, and save it with its emails and its audit entry (the values before and after) in one SaveChanges. A save
/// that loses the race to another one fails the same way as a stale form: nothing is overwritten.
/// </summary>
public sealed class BookingChanges(AppDbContext db, AuditTrail audit, TimeProvider clock, ILogger<BookingChanges> logger)
{
    public const string SubjectType = "ConsultationBooking";

    public enum Outcome
    {
        Done,
        NotFound,

        /// <summary>The form was loaded from an older version of the booking, or another save won the race.</summary>
        ChangedBySomeoneElse,

        /// <summary>The step does not apply in the booking's status.</summary>
        WrongStatus,

        /// <summary>The step does not apply at this time (too early, or the consultation has started).</summary>
        WrongTime,

        /// <summary>A value was refused (see <see cref="Result.MessageKey"/>, a key of ConsultationDeskText, on <see cref="Result.Field"/>).</summary>
        Refused,
    }

    public sealed record Result(Outcome Outcome, string? Field = null, string? MessageKey = null);

    /// <summary>What a use case did: the booking's refusal, or the change with its audit details and, for a move, how to save it.</summary>
    public sealed record Change(Outcome Outcome, string? Field = null, string? MessageKey = null, object? AuditDetails = null, Func<CancellationToken, Task<bool>>? Save = null)
    {
        public static Change Made(object? auditDetails = null, Func<CancellationToken, Task<bool>>? save = null) => new(Outcome.Done, AuditDetails: auditDetails, Save: save);

        public static Change Refuse(string field, string messageKey) => new(Outcome.Refused, field, messageKey);

        public static Change From(ConsultationRefusal refusal) => refusal switch
        {
            ConsultationRefusal.WrongStatus => new(Outcome.WrongStatus),
            ConsultationRefusal.WrongTime => new(Outcome.WrongTime),
            _ => new(Outcome.Done),
        };
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the booking as the signed-in staff member. <paramref name="version"/> is the
    /// booking's version the form was loaded with; null for notes, which never change the booking row.
    /// <paramref name="refusedSave"/> names the refusal when the change's own save (a move's seat) returns false.
    /// </summary>
    public async Task<Result> RunAsync(
        Guid id, uint? version, AuditAction action, Func<ConsultationBooking, DateTimeOffset, Task<Change>> change, CancellationToken ct,
        (string Field, string MessageKey)? refusedSave = null)
    {
        var saved = false;
        try
        {
            var booking = await db.ConsultationBookings.SingleOrDefaultAsync(b => b.Id == id, ct);
            if (booking is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (version is not null && booking.Version != version)
            {
                return new Result(Outcome.ChangedBySomeoneElse);
            }

            var before = Snapshot(booking);
            var made = await change(booking, clock.GetUtcNow());
            if (made.Outcome != Outcome.Done)
            {
                return new Result(made.Outcome, made.Field, made.MessageKey);
            }

            audit.Record(action, SubjectType, booking.Id.ToString(), booking.CaseId,
                new { changes = AuditTrail.Changes(before, Snapshot(booking)), details = made.AuditDetails });
            if (made.Save is { } save)
            {
                if (!await save(ct))
                {
                    return new Result(Outcome.Refused, refusedSave?.Field, refusedSave?.MessageKey);
                }
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }

            saved = true;
            logger.LogInformation("Consultation booking {BookingId}: {AuditAction}", booking.Id, action);
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

    public static Guid CurrentUserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public static string CurrentUserName(ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>The values of a booking staff change, as the audit trail keeps them before and after.</summary>
    private static Dictionary<string, object?> Snapshot(ConsultationBooking b) => new()
    {
        ["status"] = b.Status.ToString(),
        ["slotStart"] = b.SlotStart,
        ["counselorId"] = b.CounselorId,
        ["meetingUrl"] = b.MeetingUrl,
        ["cancelReason"] = b.CancelReason,
        ["outcomeById"] = b.OutcomeById,
        ["caseId"] = b.CaseId,
    };
}
