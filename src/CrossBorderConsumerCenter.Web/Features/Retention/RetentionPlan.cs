using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Retention;

/// <summary>
/// The dry run: what the retention job's next pass would remove, case by case, without changing anything (the same
/// conditions as the job, <see cref="RunRetention.DueCases"/>), the consultation bookings without a case it would
/// anonymise (<see cref="RunRetention.DueBookings"/>), and the cases it skips because they are on legal hold.
/// </summary>
public sealed class RetentionPlan(AppDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    /// <summary>At most this many cases per step are listed.</summary>
    public const int Shown = 200;

    public sealed record Item(RunRetention.RetentionStep RetentionStep, string Number, DateTimeOffset? ClosedAt, int Files, int Emails, int TimelineTexts);

    public sealed record Held(string Number, DateTimeOffset? ClosedAt, string Reason, DateTimeOffset? Since);

    /// <summary>A booking without a case the next pass anonymises: its slot, what became of it, and when it was cancelled.</summary>
    public sealed record DueBooking(Guid Id, DateTimeOffset SlotStart, ConsultationStatus Status, DateTimeOffset? CancelledAt);

    public sealed record Plan(IReadOnlyList<Item> Items, IReadOnlyList<Held> Held, RetentionOptions Settings)
    {
        public IReadOnlyList<DueBooking> Bookings { get; init; } = [];
    }

    public async Task<Plan> ReadAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var items = new List<Item>();
        foreach (var step in Enum.GetValues<RunRetention.RetentionStep>())
        {
            var ids = await db.Database.SqlQuery<Guid>(RunRetention.DueCases(step, settings, now, Shown, lockThem: false)).ToListAsync(ct);
            var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new
                {
                    c.Number,
                    c.ClosedAt,
                    Files = db.CaseEvidence.Count(e => e.CaseId == c.Id),
                    Emails = db.OutboundEmails.Count(m => m.CaseId == c.Id),
                    Texts = db.CaseEvents.Count(e => e.CaseId == c.Id && e.Text != null),
                })
                .OrderBy(c => c.ClosedAt).ToListAsync(ct);
            items.AddRange(rows.Select(r => new Item(step, r.Number, r.ClosedAt, r.Files, step == RunRetention.RetentionStep.Anonymise ? r.Emails : 0, step == RunRetention.RetentionStep.Anonymise ? r.Texts : 0)));
        }

        var held = await db.Cases.AsNoTracking().Where(c => c.LegalHoldReason != null).OrderBy(c => c.LegalHoldAt)
            .Select(c => new Held(c.Number, c.ClosedAt, c.LegalHoldReason!, c.LegalHoldAt)).Take(Shown).ToListAsync(ct);
        var bookingIds = await db.Database.SqlQuery<Guid>(RunRetention.DueBookings(settings, now, Shown, lockThem: false)).ToListAsync(ct);
        var bookings = await db.ConsultationBookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id)).OrderBy(b => b.SlotStart).ThenBy(b => b.Id)
            .Select(b => new DueBooking(b.Id, b.SlotStart, b.Status, b.CancelledAt)).ToListAsync(ct);
        return new Plan(items, held, settings) { Bookings = bookings };
    }
}
