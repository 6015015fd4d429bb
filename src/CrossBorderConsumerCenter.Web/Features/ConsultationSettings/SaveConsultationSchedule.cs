using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CrossBorderConsumerCenter.Web.Features.ConsultationSettings;

/// <summary>
/// An admin sets the consultation schedule: the slot times (one per line), the seats per slot (the counselors available
/// at once) and how many days ahead slots are offered. What <see cref="ConsultationSchedule.Problems"/> finds is shown as
/// messages; nothing typed is lost. Audited with the values before and after; two admins saving at once do not
/// overwrite each other (the row's version).
/// </summary>
public static class SaveConsultationSchedule
{
    public sealed class Form
    {
        /// <summary>Start times, one per line (9:00 or 09:00).</summary>
        public string? SlotTimes { get; set; }

        public string? SeatsPerSlot { get; set; }

        public string? HorizonDays { get; set; }

        /// <summary>The settings row's version when the page was shown (0 while the ward's defaults apply).</summary>
        public uint Version { get; set; }

        public static Form From(ConsultationSchedule schedule, uint version) => new()
        {
            SlotTimes = string.Join('\n', schedule.SlotTimes.Select(Format)),
            SeatsPerSlot = schedule.SeatsPerSlot.ToString(CultureInfo.InvariantCulture),
            HorizonDays = schedule.HorizonDays.ToString(CultureInfo.InvariantCulture),
            Version = version,
        };

        /// <summary>The lines that are not times; empty lines are skipped.</summary>
        public IReadOnlyList<string> UnreadableTimes => Lines().Where(line => !TryParseTime(line, out _)).ToList();

        public IReadOnlyList<TimeOnly> Times => Lines().Select(line => TryParseTime(line, out var time) ? time : (TimeOnly?)null).OfType<TimeOnly>().ToList();

        public int? Seats => int.TryParse(SeatsPerSlot?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seats) ? seats : null;

        public int? Horizon => int.TryParse(HorizonDays?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : null;

        public ConsultationSchedule ToSchedule(IEnumerable<DateOnly> closedDays) => new(Times, Seats ?? 0, Horizon ?? 0, closedDays);

        private string[] Lines() =>
            (SlotTimes ?? "").Normalize(System.Text.NormalizationForm.FormKC).Split(['\n', '\r', ',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>9:00 or 09:00 (full-width digits are read after normalisation); nothing else.</summary>
    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ConsultationSettingsText> text)
        {
            RuleFor(f => f.SlotTimes).Custom((_, context) =>
            {
                var form = context.InstanceToValidate;
                if (form.UnreadableTimes is [var first, ..])
                {
                    context.AddFailure(nameof(Form.SlotTimes), text["Error_TimeUnreadable", first]);
                    return;
                }

                foreach (var problem in form.ToSchedule([]).Problems())
                {
                    switch (problem)
                    {
                        case ScheduleProblem.NoSlotTime:
                            context.AddFailure(nameof(Form.SlotTimes), text["Error_NoSlotTime"]);
                            break;
                        case ScheduleProblem.TooManySlotTimes:
                            context.AddFailure(nameof(Form.SlotTimes), text["Error_TooManySlotTimes", ConsultationSchedule.MaxSlotTimes]);
                            break;
                        case ScheduleProblem.SlotTimeOutsideTheDay:
                            context.AddFailure(nameof(Form.SlotTimes), text["Error_SlotTimeOutsideTheDay", Format(ConsultationSchedule.EarliestStart), Format(ConsultationSchedule.LatestEnd)]);
                            break;
                        case ScheduleProblem.SlotsOverlap:
                            context.AddFailure(nameof(Form.SlotTimes), text["Error_SlotsOverlap", (int)ConsultationSchedule.Ward.Length.TotalMinutes]);
                            break;
                    }
                }
            });
            RuleFor(f => f.SeatsPerSlot).Must((form, _) => form.Seats is >= 1 and <= ConsultationSchedule.MaxSeatsPerSlot)
                .WithMessage(_ => text["Error_SeatsOutOfRange", ConsultationSchedule.MaxSeatsPerSlot]);
            RuleFor(f => f.HorizonDays).Must((form, _) => form.Horizon is >= ConsultationSchedule.MinHorizonDays and <= ConsultationSchedule.MaxHorizonDays)
                .WithMessage(_ => text["Error_HorizonOutOfRange", ConsultationSchedule.MinHorizonDays, ConsultationSchedule.MaxHorizonDays]);
        }
    }

    public enum Outcome
    {
        Saved,
        Unchanged,
        ChangedBySomeoneElse,
    }

    public sealed class Handler(AppDbContext db, AuditTrail audit, TimeProvider clock)
    {
        /// <summary>Saves a valid form (see <see cref="Validator"/>).</summary>
        public async Task<Outcome> HandleAsync(Form form, CancellationToken ct)
        {
            var settings = await db.ConsultationSettings.SingleOrDefaultAsync(ct);
            var now = clock.GetUtcNow();
            try
            {
                Dictionary<string, object?> before;
                if (settings is null)
                {
                    if (form.Version != 0)
                    {
                        return Outcome.ChangedBySomeoneElse;
                    }

                    before = Snapshot(ConsultationSchedule.Ward.SlotTimes, ConsultationSchedule.Ward.SeatsPerSlot, ConsultationSchedule.Ward.HorizonDays);
                    settings = new Domain.Consultations.ConsultationSettings(form.Times, form.Seats!.Value, form.Horizon!.Value, now);
                    db.ConsultationSettings.Add(settings);
                }
                else
                {
                    if (settings.Version != form.Version)
                    {
                        return Outcome.ChangedBySomeoneElse;
                    }

                    db.Entry(settings).Property(s => s.Version).OriginalValue = form.Version;
                    before = Snapshot(settings.SlotTimes, settings.SeatsPerSlot, settings.HorizonDays);
                    settings.Update(form.Times, form.Seats!.Value, form.Horizon!.Value, now);
                }

                var changes = AuditTrail.Changes(before, Snapshot(settings.SlotTimes, settings.SeatsPerSlot, settings.HorizonDays));
                if (changes.Count == 0)
                {
                    return Outcome.Unchanged;
                }

                audit.Record(AuditAction.ConsultationScheduleChanged, "ConsultationSettings", Domain.Consultations.ConsultationSettings.SingletonId.ToString(CultureInfo.InvariantCulture), details: changes);
                await db.SaveChangesAsync(ct);
                return Outcome.Saved;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.ChangedBySomeoneElse;
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Two admins saved the first settings at once: the other one's are kept.
                return Outcome.ChangedBySomeoneElse;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        private static Dictionary<string, object?> Snapshot(IEnumerable<TimeOnly> times, int seats, int horizon) => new()
        {
            ["slotTimes"] = string.Join(", ", times.Order().Select(Format)),
            ["seatsPerSlot"] = seats,
            ["horizonDays"] = horizon,
        };
    }
}
