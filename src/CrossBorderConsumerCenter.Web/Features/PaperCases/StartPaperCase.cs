using System.Globalization;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.ConsultationDesk;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Intake;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.PaperCases;

/// <summary>
/// The first step of entering a case that came by fax, letter or phone, before the consumer's data is typed: how it
/// came and when (Japan time; the case's receipt, from which its clocks count), the language the center writes to the
/// consumer in, and how and when the consumer gave the consent the portal's gate asks for, attested by staff as
/// counselors attest a resident's (in writing with the fax or letter, by phone, in person). The intake's other two
/// confirmations are asked of the consumer the same way.
/// </summary>
public static class StartPaperCase
{
    public sealed class Form
    {
        public string? Channel { get; set; }

        /// <summary>The Japan date (yyyy-MM-dd) the fax, letter or call came.</summary>
        public string? ReceivedDate { get; set; }

        /// <summary>The Japan time (HH:mm) it came.</summary>
        public string? ReceivedTime { get; set; }

        /// <summary>"ja" or "en": the language the center writes to the consumer in.</summary>
        public string? Language { get; set; }

        public bool AgreesToHandling { get; set; }
        public string? HandlingMethod { get; set; }
        public bool HasContactedBusiness { get; set; }
        public bool IsConsumerPurchase { get; set; }

        /// <summary>"yes" or "no", as at the consumer's gate.</summary>
        public string? ProvisionAbroad { get; set; }

        /// <summary>Only when the consumer agreed to the provision abroad.</summary>
        public string? AbroadMethod { get; set; }

        /// <summary>The Japan date and time the consumer gave their consent (on the faxed form, in the call).</summary>
        public string? ConsentDate { get; set; }

        public string? ConsentTime { get; set; }

        /// <summary>The online consultation the case is opened from (its booking), if any: the channel is then the consultation.</summary>
        public Guid? ConsultationId { get; set; }

        public DateTimeOffset? ReceivedAt => JapanTime(ReceivedDate, ReceivedTime);

        public DateTimeOffset? ConsentGivenAt => JapanTime(ConsentDate, ConsentTime);

        public static Form From(IntakeDraft draft) => new()
        {
            Channel = draft.PaperChannel?.ToString(),
            ReceivedDate = JapanDate(draft.PaperReceivedAt),
            ReceivedTime = JapanClock(draft.PaperReceivedAt),
            Language = draft.PaperLanguage,
            AgreesToHandling = draft.Consent.AgreesToHandling,
            HandlingMethod = draft.Consent.HandlingMethod?.ToString(),
            HasContactedBusiness = draft.Consent.HasContactedBusiness,
            IsConsumerPurchase = draft.Consent.IsConsumerPurchase,
            ProvisionAbroad = draft.Consent.AgreesToProvisionAbroad ? GiveConsent.Yes : GiveConsent.No,
            AbroadMethod = draft.Consent.AbroadMethod?.ToString(),
            ConsentDate = JapanDate(draft.Consent.GivenAt),
            ConsentTime = JapanClock(draft.Consent.GivenAt),
            ConsultationId = draft.ConsultationBookingId,
        };

        /// <summary>The first step of a case opened from an online consultation: the channel, its time (the consultation's) and the applicant's language.</summary>
        public static Form ForConsultation(ConsultationBooking booking) => new()
        {
            Channel = CaseChannel.Consultation.ToString(),
            ReceivedDate = JapanDate(booking.SlotStart),
            ReceivedTime = JapanClock(booking.SlotStart),
            Language = booking.Language,
            ConsultationId = booking.Id,
        };
    }

    /// <summary>A Japan date (yyyy-MM-dd) and time (HH:mm) as UTC; null when either cannot be read.</summary>
    public static DateTimeOffset? JapanTime(string? date, string? time) =>
        FormValues.ParseDate(date) is { } day && TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new DateTimeOffset(day.ToDateTime(at), CaseClocks.JapanOffset).ToUniversalTime()
            : null;

    private static string? JapanDate(DateTimeOffset? at) => at?.ToOffset(CaseClocks.JapanOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? JapanClock(DateTimeOffset? at) => at?.ToOffset(CaseClocks.JapanOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<PaperCaseText> text, TimeProvider clock)
        {
            RuleFor(f => f.Channel)
                .Must((f, v) => FormValues.ParseEnum<CaseChannel>(v) is { } channel
                    && (f.ConsultationId is null ? PaperIntakeRules.ChosenByStaff.Contains(channel) : channel == CaseChannel.Consultation))
                .WithMessage(_ => text["Start_Channel_Required"]);
            RuleFor(f => f.ReceivedDate).Must(v => FormValues.ParseDate(v) is not null).WithMessage(_ => text["Start_ReceivedDate_Invalid"]);
            RuleFor(f => f.ReceivedTime).Must((f, _) => f.ReceivedAt is not null).When(f => FormValues.ParseDate(f.ReceivedDate) is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => text["Start_ReceivedTime_Invalid"])
                .Must((f, _) => PaperIntakeRules.Check(f.ReceivedAt!.Value, clock.GetUtcNow()) is null).When(f => f.ReceivedAt is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage((f, _) => text["Start_ReceivedAt_" + PaperIntakeRules.Check(f.ReceivedAt!.Value, clock.GetUtcNow())]);
            RuleFor(f => f.Language).Must(v => v is Languages.Japanese or Languages.English).WithMessage(_ => text["Start_Language_Required"]);
            RuleFor(f => f.AgreesToHandling).Equal(true).WithMessage(_ => text["Start_AgreesToHandling_Required"]);
            RuleFor(f => f.HandlingMethod).Must(v => FormValues.ParseEnum<ConsentMethod>(v) is not null).WithMessage(_ => text["Start_HandlingMethod_Required"]);
            RuleFor(f => f.HasContactedBusiness).Equal(true).WithMessage(_ => text["Start_HasContactedBusiness_Required"]);
            RuleFor(f => f.IsConsumerPurchase).Equal(true).WithMessage(_ => text["Start_IsConsumerPurchase_Required"]);
            RuleFor(f => f.ProvisionAbroad).Must(v => v is GiveConsent.Yes or GiveConsent.No).WithMessage(_ => text["Start_ProvisionAbroad_Required"]);
            RuleFor(f => f.AbroadMethod)
                .Must(v => FormValues.ParseEnum<ConsentMethod>(v) is not null).When(f => f.ProvisionAbroad == GiveConsent.Yes)
                .WithMessage(_ => text["Start_AbroadMethod_Required"]);
            RuleFor(f => f.ConsentDate).Must(v => FormValues.ParseDate(v) is not null).WithMessage(_ => text["Start_ConsentDate_Invalid"]);
            RuleFor(f => f.ConsentTime).Must((f, _) => f.ConsentGivenAt is not null).When(f => FormValues.ParseDate(f.ConsentDate) is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => text["Start_ConsentTime_Invalid"])
                .Must((f, _) => PaperIntakeRules.Check(f.ConsentGivenAt!.Value, clock.GetUtcNow()) is null).When(f => f.ConsentGivenAt is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage((f, _) => text["Start_ConsentAt_" + PaperIntakeRules.Check(f.ConsentGivenAt!.Value, clock.GetUtcNow())]);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        /// <summary>Records how the case came and the consent on the staff member's open draft, or starts one with them.</summary>
        public async Task<IntakeDraft> HandleAsync(Guid staffId, Form form, IntakeDraft? openDraft, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var abroad = form.ProvisionAbroad == GiveConsent.Yes;
            var consent = new ConsentChoices(PrivacyNotice.CurrentVersion, form.AgreesToHandling, form.HasContactedBusiness, form.IsConsumerPurchase, abroad,
                form.ConsentGivenAt!.Value, FormValues.ParseEnum<ConsentMethod>(form.HandlingMethod), abroad ? FormValues.ParseEnum<ConsentMethod>(form.AbroadMethod) : null);
            var channel = FormValues.ParseEnum<CaseChannel>(form.Channel)!.Value;
            var draft = openDraft ?? db.IntakeDrafts.Add(IntakeDraft.ForStaff(staffId, channel, form.ReceivedAt!.Value, form.Language!, consent, now)).Entity;
            if (openDraft is not null)
            {
                draft.RecordPaperIntake(channel, form.ReceivedAt!.Value, form.Language!, consent, now);
            }

            if (form.ConsultationId is { } bookingId)
            {
                // A case from an online consultation: its booking, and the applicant's details as registered to start the form with.
                draft.FromConsultation(bookingId, now);
                if (string.IsNullOrEmpty(draft.FormJson) && await db.ConsultationBookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, ct) is { } booking)
                {
                    draft.SaveForm(SaveComplaint.Serialize(ConsultationCases.FormFor(booking)), now);
                }
            }

            await db.SaveChangesAsync(ct);
            return draft;
        }
    }
}
