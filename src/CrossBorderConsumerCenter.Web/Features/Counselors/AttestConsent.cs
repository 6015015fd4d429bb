using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Features.Intake;
using FluentValidation;
using Microsoft.Extensions.Localization;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.Counselors;

/// <summary>
/// The counselor's gate, before any of the resident's data is typed (the center's intake: consent comes first): who the
/// resident is to the case (the ward's rules for consultations), and the counselor's attestation that the resident agreed to the handling of
/// their data and, separately, whether they agreed to its provision abroad, each with how they agreed (in person,
/// by phone, in writing). The intake's other two confirmations are asked of the resident the same way.
/// </summary>
public static class AttestConsent
{
    public sealed class Form
    {
        public string? Relation { get; set; }
        public bool AgreesToHandling { get; set; }
        public string? HandlingMethod { get; set; }
        public bool HasContactedBusiness { get; set; }
        public bool IsConsumerPurchase { get; set; }

        /// <summary>"yes" or "no", as at the consumer's gate.</summary>
        public string? ProvisionAbroad { get; set; }

        /// <summary>Only when the resident agreed to the provision abroad.</summary>
        public string? AbroadMethod { get; set; }

        public static Form From(IntakeDraft draft) => new()
        {
            Relation = draft.ResidentRelation?.ToString(),
            AgreesToHandling = draft.Consent.AgreesToHandling,
            HandlingMethod = draft.Consent.HandlingMethod?.ToString(),
            HasContactedBusiness = draft.Consent.HasContactedBusiness,
            IsConsumerPurchase = draft.Consent.IsConsumerPurchase,
            ProvisionAbroad = draft.Consent.AgreesToProvisionAbroad ? GiveConsent.Yes : GiveConsent.No,
            AbroadMethod = draft.Consent.AbroadMethod?.ToString(),
        };
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<CounselorText> text)
        {
            RuleFor(f => f.Relation).Must(v => FormValues.ParseEnum<ResidentRelation>(v) is not null).WithMessage(_ => text["Attest_Relation_Required"]);
            RuleFor(f => f.AgreesToHandling).Equal(true).WithMessage(_ => text["Attest_AgreesToHandling_Required"]);
            RuleFor(f => f.HandlingMethod).Must(v => FormValues.ParseEnum<ConsentMethod>(v) is not null).WithMessage(_ => text["Attest_HandlingMethod_Required"]);
            RuleFor(f => f.HasContactedBusiness).Equal(true).WithMessage(_ => text["Attest_HasContactedBusiness_Required"]);
            RuleFor(f => f.IsConsumerPurchase).Equal(true).WithMessage(_ => text["Attest_IsConsumerPurchase_Required"]);
            RuleFor(f => f.ProvisionAbroad).Must(v => v is GiveConsent.Yes or GiveConsent.No).WithMessage(_ => text["Attest_ProvisionAbroad_Required"]);
            RuleFor(f => f.AbroadMethod)
                .Must(v => FormValues.ParseEnum<ConsentMethod>(v) is not null).When(f => f.ProvisionAbroad == GiveConsent.Yes)
                .WithMessage(_ => text["Attest_AbroadMethod_Required"]);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        /// <summary>Records the attestation on the counselor's open draft, or starts one with it.</summary>
        public async Task<IntakeDraft> HandleAsync(CounselorIdentity counselor, Form form, IntakeDraft? openDraft, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var abroad = form.ProvisionAbroad == GiveConsent.Yes;
            var consent = new ConsentChoices(PrivacyNotice.CurrentVersion, form.AgreesToHandling, form.HasContactedBusiness, form.IsConsumerPurchase, abroad, now,
                FormValues.ParseEnum<ConsentMethod>(form.HandlingMethod), abroad ? FormValues.ParseEnum<ConsentMethod>(form.AbroadMethod) : null);
            var relation = FormValues.ParseEnum<ResidentRelation>(form.Relation)!.Value;
            var draft = openDraft ?? db.IntakeDrafts.Add(IntakeDraft.ForCounselor(counselor.UserId, relation, consent, now)).Entity;
            if (openDraft is not null)
            {
                draft.AttestConsent(relation, consent, now);
            }

            await db.SaveChangesAsync(ct);
            return draft;
        }
    }
}
