using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Calendars;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationSettings;

/// <summary>
/// An admin closes a business day to consultations (a training day), with the reason staff see, or opens it again. A day
/// already past cannot be closed; a day that is no business day needs no closing. Bookings already made for the day stay:
/// staff move or cancel them on the desk (the admin is told how many). Each change is audited.
/// </summary>
public static class ClosedDays
{
    public const string DayFormat = "yyyy-MM-dd";

    public sealed class Form
    {
        public string? Day { get; set; }

        public string? Reason { get; set; }

        public DateOnly? ParsedDay => DateOnly.TryParseExact(Day?.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ConsultationSettingsText> text, TimeProvider clock)
        {
            RuleFor(f => f.Day).Cascade(CascadeMode.Stop)
                .Must((form, _) => form.ParsedDay is not null).WithMessage(_ => text["Error_DayUnreadable"])
                .Must((form, _) => form.ParsedDay >= LocalizationRegistration.JapanToday(clock)).WithMessage(_ => text["Error_DayPast"])
                .Must((form, _) => BusinessCalendar.Japan.IsBusinessDay(form.ParsedDay!.Value)).WithMessage(_ => text["Error_DayNotBusinessDay"]);
            RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Error_ReasonRequired"])
                .Must(v => v!.Trim().Length <= ConsultationClosedDay.MaxReasonLength).WithMessage(_ => text["Error_ReasonTooLong", ConsultationClosedDay.MaxReasonLength]);
        }
    }

    public enum Outcome
    {
        Done,
        AlreadyClosed,
        NotFound,
    }

    /// <summary>What happened, and how many live bookings the day holds (to move or cancel on the desk).</summary>
    public sealed record Result(Outcome Outcome, int BookingsThatDay = 0);

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock)
    {
        public async Task<Result> AddAsync(Form form, CancellationToken ct)
        {
            var day = form.ParsedDay!.Value;
            if (await db.ConsultationClosedDays.AnyAsync(d => d.Day == day, ct))
            {
                return new Result(Outcome.AlreadyClosed);
            }

            var reason = form.Reason!.Trim();
            db.ConsultationClosedDays.Add(new ConsultationClosedDay(day, reason, clock.GetUtcNow()));
            audit.Record(AuditAction.ConsultationClosedDayAdded, "ConsultationClosedDay", Iso(day), details: new { day = Iso(day), reason });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
                return new Result(Outcome.AlreadyClosed);
            }

            return new Result(Outcome.Done, await BookingsOnAsync(day, ct));
        }

        public async Task<Result> RemoveAsync(DateOnly day, CancellationToken ct)
        {
            var closed = await db.ConsultationClosedDays.SingleOrDefaultAsync(d => d.Day == day, ct);
            if (closed is null)
            {
                return new Result(Outcome.NotFound);
            }

            db.ConsultationClosedDays.Remove(closed);
            audit.Record(AuditAction.ConsultationClosedDayRemoved, "ConsultationClosedDay", Iso(day), details: new { day = Iso(day), reason = closed.Reason });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another admin removed it a moment ago: it is open, as asked.
                db.ChangeTracker.Clear();
                return new Result(Outcome.NotFound);
            }

            return new Result(Outcome.Done);
        }

        private async Task<int> BookingsOnAsync(DateOnly day, CancellationToken ct)
        {
            var from = new ConsultationSlot(day, TimeOnly.MinValue).StartsAt;
            var to = from.AddDays(1);
            return await db.ConsultationBookings.CountAsync(b => b.SlotStart >= from && b.SlotStart < to && (b.Status == ConsultationStatus.Requested || b.Status == ConsultationStatus.Confirmed), ct);
        }
    }

    public static string Iso(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);
}
