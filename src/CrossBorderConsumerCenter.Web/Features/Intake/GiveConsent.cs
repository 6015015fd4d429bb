using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// The consent gate (the center's intake: no consent, no form): the three required confirmations, and the separate
/// choice about provision to the partner agency abroad. Recorded with the notice version and the time.
/// </summary>
public static class GiveConsent
{
    public const string Yes = "yes";
    public const string No = "no";

    public sealed class Form
    {
        public bool AgreesToHandling { get; set; }
        public bool HasContactedBusiness { get; set; }
        public bool IsConsumerPurchase { get; set; }

        /// <summary>"yes" or "no": an explicit choice, never a pre-ticked box.</summary>
        public string? ProvisionAbroad { get; set; }

        public static Form From(ConsentChoices consent) => new()
        {
            AgreesToHandling = consent.AgreesToHandling,
            HasContactedBusiness = consent.HasContactedBusiness,
            IsConsumerPurchase = consent.IsConsumerPurchase,
            ProvisionAbroad = consent.AgreesToProvisionAbroad ? Yes : No,
        };
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<IntakeText> text)
        {
            RuleFor(f => f.AgreesToHandling).Equal(true).WithMessage(_ => text["Consent_AgreesToHandling_Required"]);
            RuleFor(f => f.HasContactedBusiness).Equal(true).WithMessage(_ => text["Consent_HasContactedBusiness_Required"]);
            RuleFor(f => f.IsConsumerPurchase).Equal(true).WithMessage(_ => text["Consent_IsConsumerPurchase_Required"]);
            RuleFor(f => f.ProvisionAbroad).Must(v => v is Yes or No).WithMessage(_ => text["Consent_ProvisionAbroad_Required"]);
        }
    }

    public sealed class Handler(AppDbContext db, IntakeDrafts drafts, TimeProvider clock)
    {
        /// <summary>
        /// Records the consent on the open draft, or starts a new draft with it. Returns the draft and,
        /// for a new one, the token its cookie must carry.
        /// </summary>
        public async Task<(IntakeDraft Draft, string? NewToken)> HandleAsync(Form form, IntakeDraft? openDraft, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var consent = new ConsentChoices(PrivacyNotice.CurrentVersion, form.AgreesToHandling, form.HasContactedBusiness, form.IsConsumerPurchase,
                form.ProvisionAbroad == Yes, now);
            if (openDraft is not null)
            {
                openDraft.GiveConsent(consent, now);
                await db.SaveChangesAsync(ct);
                return (openDraft, null);
            }

            var (draft, token) = drafts.Create(consent);
            await db.SaveChangesAsync(ct);
            return (draft, token);
        }
    }
}
