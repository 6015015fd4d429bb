using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Consultation;

/// <summary>
/// An application for an online consultation (the ward's video consultations): the slot, the applicant as they will be
/// identified at the start (name, kana, the full address, phone, an email the center can reply to), a few lines about
/// the trouble, the notices agreed to and the intake's privacy consent. The booking and its acknowledgement email are
/// saved together in the first free seat of the slot (<see cref="ConsultationSeats"/>); when the slot filled up
/// meanwhile, nothing is saved and the applicant chooses again with everything typed kept. A counselor of a local center
/// books the same way for a resident (<see cref="ResidentForm"/>).
/// </summary>
public static class BookConsultation
{
    /// <summary>The field names in page order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        nameof(ResidentForm.Relation), nameof(ResidentForm.ConsentMethod),
        nameof(Form.Slot), nameof(Form.Name), nameof(Form.NameKana), nameof(Form.PostalCode), nameof(Form.Prefecture), nameof(Form.Address),
        nameof(Form.Phone), nameof(Form.Email), nameof(Form.EmailConfirmation), nameof(Form.Description), nameof(Form.AgreesToNotices),
        nameof(Form.AgreesToPrivacy),
    ];

    /// <summary>Everything as typed: nothing is lost to a binding error; <see cref="Validator"/> reads it.</summary>
    public class Form
    {
        /// <summary>The slot's start as <c>YYYY-MM-DDTHH:mm</c> (<see cref="ConsultationSlot.Value"/>).</summary>
        public string? Slot { get; set; }

        public string? Name { get; set; }
        public string? NameKana { get; set; }
        public string? PostalCode { get; set; }
        public string? Prefecture { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? EmailConfirmation { get; set; }
        public string? Description { get; set; }

        /// <summary>The consultation's notices were read and agreed to (quiet room, no recording, identity check...).</summary>
        public bool AgreesToNotices { get; set; }

        /// <summary>The privacy notice (the intake's, <see cref="PrivacyNotice.CurrentVersion"/>) was agreed to.</summary>
        public bool AgreesToPrivacy { get; set; }

        /// <summary>The applicant as registered; call only when the form is valid.</summary>
        public ConsultationApplicant Applicant() => new(
            Name!.Trim(),
            Katakana(Kana.Normalize(NameKana)),
            PostalCodes.Normalize(PostalCode)!,
            Prefectures.Find(Prefecture)!.Code,
            Address!.Trim(),
            PhoneNumbers.Normalize(Phone),
            EmailAddresses.Normalize(Email),
            Description!.Trim());
    }

    /// <summary>A counselor's booking for a resident: who the resident is to the trouble and how they consented.</summary>
    public sealed class ResidentForm : Form
    {
        /// <summary>A <see cref="ResidentRelation"/>: the contract holder, a carer, a guardian.</summary>
        public string? Relation { get; set; }

        /// <summary>A <see cref="Domain.Cases.ConsentMethod"/>: how the resident agreed to the notices and the privacy notice.</summary>
        public string? ConsentMethod { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<ConsultationText> text, IStringLocalizer<IntakeText> intake, IOptions<SmtpOptions> smtp)
            : this(text, intake, smtp.Value.InternationalAddresses)
        {
        }

        internal Validator(IStringLocalizer<ConsultationText> text, IStringLocalizer<IntakeText> intake, bool internationalEmail)
        {
            RuleFor(f => f.Slot).Must(v => ConsultationSlot.TryParse(v, out _)).WithMessage(_ => text["Slot_Required"]);
            FreeText(RuleFor(f => f.Name), text, "Name", ComplaintLimits.Name);

            // Kana helps the counselor read a Japanese name; English users may not have one (the intake's rule).
            RuleFor(f => f.NameKana).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).When(_ => IsJapaneseUi()).WithMessage(_ => text["NameKana_Required"])
                .Must(v => Kana.Normalize(v).Length <= ComplaintLimits.NameKana).WithMessage(_ => text["Error_TooLong", text["NameKana_Label"], ComplaintLimits.NameKana])
                .Must(v => string.IsNullOrWhiteSpace(v) || Kana.IsKana(Kana.Normalize(v))).WithMessage(_ => text["NameKana_NotKana"]);
            RuleFor(f => f.PostalCode).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["PostalCode_Required"])
                .Must(v => PostalCodes.Normalize(v) is not null).WithMessage(_ => intake["Consumer_PostalCode_Invalid"]);
            RuleFor(f => f.Prefecture).Must(v => Prefectures.Find(v) is not null).WithMessage(_ => text["Prefecture_Required"]);
            FreeText(RuleFor(f => f.Address), text, "Address", ConsultationBooking.MaxAddressLength);
            RuleFor(f => f.Phone).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => intake["Consumer_Phone_Required"])
                .Must(v => PhoneNumbers.IsPlausible(PhoneNumbers.Normalize(v), PhoneNumbers.ConsumerMinDigits, PhoneNumbers.ConsumerMaxDigits))
                .WithMessage(_ => intake["Consumer_Phone_Invalid"]);

            // The reply rule, exactly as the intake checks it (the invitation with the meeting link comes by email).
            RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => intake["Consumer_Email_Required"])
                .Must(v => EmailAddresses.Normalize(v).Length <= ComplaintLimits.Email).WithMessage(_ => text["Error_TooLong", text["Email_Label"], ComplaintLimits.Email])
                .Must(v => EmailAddresses.Check(EmailAddresses.Normalize(v), internationalEmail) == EmailAddressProblem.None)
                .WithMessage((_, v) => intake["Consumer_Email_" + EmailAddresses.Check(EmailAddresses.Normalize(v), internationalEmail)]);
            RuleFor(f => f.EmailConfirmation).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => intake["Consumer_EmailConfirmation_Required"])
                .Must((f, v) => string.Equals(EmailAddresses.Normalize(v), EmailAddresses.Normalize(f.Email), StringComparison.OrdinalIgnoreCase))
                .When(f => EmailAddresses.Check(EmailAddresses.Normalize(f.Email), internationalEmail) == EmailAddressProblem.None)
                .WithMessage(_ => intake["Consumer_EmailConfirmation_Mismatch"]);
            FreeText(RuleFor(f => f.Description), text, "Description", ConsultationBooking.MaxDescriptionLength);
            RuleFor(f => f.AgreesToNotices).Equal(true).WithMessage(_ => text["AgreesToNotices_Required"]);
            RuleFor(f => f.AgreesToPrivacy).Equal(true).WithMessage(_ => text["AgreesToPrivacy_Required"]);
        }

        private static void FreeText(IRuleBuilderInitial<Form, string?> rule, IStringLocalizer<ConsultationText> text, string field, int max) =>
            rule.Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text[field + "_Required"])
                .Must(v => v!.Trim().Length <= max).WithMessage((_, v) => text["Error_TooLongWithCount", text[field + "_Label"], max, v!.Trim().Length])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Error_ControlCharacters", text[field + "_Label"]]);

        private static bool IsJapaneseUi() => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";
    }

    /// <summary>The counselor's form: the applicant's rules, and who the resident is and how they consented.</summary>
    public sealed class ResidentValidator : AbstractValidator<ResidentForm>
    {
        public ResidentValidator(Validator applicant, IStringLocalizer<ConsultationText> text)
        {
            Include(applicant);
            RuleFor(f => f.Relation).Must(v => FormValues.ParseEnum<ResidentRelation>(v) is not null).WithMessage(_ => text["Relation_Required"]);
            RuleFor(f => f.ConsentMethod).Must(v => FormValues.ParseEnum<ConsentMethod>(v) is not null).WithMessage(_ => text["ConsentMethod_Required"]);
        }
    }

    public enum Outcome
    {
        Booked,

        /// <summary>Every seat of the slot was taken meanwhile: nothing was saved.</summary>
        SlotTaken,

        /// <summary>The slot cannot be applied for today (too soon, too far, a closed day, not a slot time).</summary>
        NotBookable,
    }

    public sealed record Result(Outcome Outcome, ConsultationSlot Slot, Guid? BookingId = null);

    /// <summary>A counselor's booking: for whom, and how the resident consented (kept in the audit trail).</summary>
    public sealed record ForResident(CounselorFiling Filing, ConsentMethod ConsentMethod);

    public sealed class Handler(
        AppDbContext db,
        ConsultationScheduleStore schedules,
        ConsultationSeats seats,
        ConsultationMail.ConsultationEmails mail,
        AuditTrail audit,
        TimeProvider clock,
        ILogger<Handler> logger)
    {
        /// <summary>Books the slot of a valid form for the applicant (or, with <paramref name="resident"/>, for a counselor's resident).</summary>
        public async Task<Result> HandleAsync(Form form, string language, ForResident? resident, CancellationToken ct)
        {
            var schedule = await schedules.LoadAsync(ct);
            if (!ConsultationSlot.TryParse(form.Slot, out var slot) || !schedule.IsBookable(slot, LocalizationRegistration.JapanToday(clock)))
            {
                return new Result(Outcome.NotBookable, slot);
            }

            var now = clock.GetUtcNow();
            var booking = new ConsultationBooking(form.Applicant(), slot, seat: 1, language, PrivacyNotice.CurrentVersion, resident?.Filing, now);
            db.ConsultationBookings.Add(booking);
            await mail.AcknowledgeAsync(booking, ct);
            if (resident is not null)
            {
                audit.Record(AuditAction.ConsultationBookedForResident, "ConsultationBooking", booking.Id.ToString(), details: new
                {
                    slot = slot.Value,
                    centerId = resident.Filing.CenterId,
                    relation = resident.Filing.Relation.ToString(),
                    consentMethod = resident.ConsentMethod.ToString(),
                    noticeVersion = PrivacyNotice.CurrentVersion,
                });
            }

            if (!await seats.SaveWithSeatAsync(booking, schedule.SeatsPerSlot, ct))
            {
                logger.LogInformation("Consultation slot {Slot} was full when an application came", slot.Value);
                return new Result(Outcome.SlotTaken, slot);
            }

            logger.LogInformation("Consultation {BookingId} booked for {Slot} (seat {Seat})", booking.Id, slot.Value, booking.Seat);
            return new Result(Outcome.Booked, slot, booking.Id);
        }
    }

    /// <summary>Hiragana folded to katakana: the kana is kept in katakana, as the center's records write it.</summary>
    internal static string Katakana(string kana) =>
        string.Create(kana.Length, kana, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\u3041' and <= '\u3096' or >= '\u309D' and <= '\u309E' ? (char)(c + 0x60) : c;
            }
        });
}
