using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using CrossBorderConsumerCenter.Web.Features.Forms;

namespace CrossBorderConsumerCenter.Web.Features.Intake;

/// <summary>
/// The complaint form: what a consumer tells the center, in four sections. Every value is bound as the
/// text typed (nothing a consumer typed is lost to a binding error) and parsed by <see cref="Validator"/>;
/// <see cref="ToDetails"/> turns a valid form into the domain's <see cref="ComplaintDetails"/>.
/// A counselor filing for a resident (a later issue) wraps this form and its validator with a section of their own.
/// </summary>
public sealed class ComplaintForm
{
    /// <summary>The earliest purchase date accepted: older dates are almost always typos.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public ConsumerSection Consumer { get; set; } = new();
    public BusinessSection Business { get; set; } = new();
    public PurchaseSection Purchase { get; set; } = new();
    public TroubleSection Trouble { get; set; } = new();

    public sealed class ConsumerSection
    {
        public string? Name { get; set; }
        public string? NameKana { get; set; }
        public string? Email { get; set; }
        public string? EmailConfirmation { get; set; }
        public string? Phone { get; set; }
        public string? PostalCode { get; set; }
        public string? Prefecture { get; set; }
        public string? Address { get; set; }
        public string? AgeBand { get; set; }
    }

    public sealed class BusinessSection
    {
        public string? Name { get; set; }
        public string? Website { get; set; }
        public string? Country { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
    }

    public sealed class PurchaseSection
    {
        public string? Date { get; set; }

        /// <summary>The day the item arrived (optional): the time limits counted from arrival start there (<see cref="TimeLimitedRights"/>).</summary>
        public string? ArrivedOn { get; set; }

        public string? Item { get; set; }
        public string? Amount { get; set; }
        public string? Currency { get; set; }
        public string? PaymentMethod { get; set; }
        public string? Platform { get; set; }
        public string? PlatformName { get; set; }
        public string? OrderNumber { get; set; }

        /// <summary>The amount as typed, read in the currency chosen (or the one the amount itself names: "12,000円").</summary>
        public AmountReading Paid() => PurchaseAmounts.Read(Amount, Currency);
    }

    public sealed class TroubleSection
    {
        public string? Category { get; set; }
        public string? WhatHappened { get; set; }
        public string? ContactedOn { get; set; }
        public string? ContactMethod { get; set; }
        public string? BusinessResponse { get; set; }
        public string? DesiredResolution { get; set; }
        public bool CounterfeitAcknowledged { get; set; }
    }

    /// <summary>The parsed form. Call only when <see cref="Validator"/> found it valid.</summary>
    public ComplaintDetails ToDetails() => new(
        ConsumerOf(Consumer, FormValues.ParseEnum<AgeBand>(Consumer.AgeBand)!.Value),
        BusinessOf(Business),
        new PurchaseDetails(
            FormValues.ParseDate(Purchase.Date)!.Value,
            Purchase.Item!,
            Purchase.Paid().Amount!.Value,
            Purchase.Paid().CurrencyCode!,
            FormValues.ParseEnum<PaymentMethod>(Purchase.PaymentMethod)!.Value,
            FormValues.ParseEnum<PurchasePlatform>(Purchase.Platform)!.Value,
            FormValues.ParseEnum<PurchasePlatform>(Purchase.Platform) == PurchasePlatform.Other ? Purchase.PlatformName : null,
            NullIfBlank(Purchase.OrderNumber),
            FormValues.ParseDate(Purchase.ArrivedOn)),
        new TroubleDetails(
            FormValues.ParseEnum<CaseCategory>(Trouble.Category)!.Value,
            Trouble.WhatHappened!,
            FormValues.ParseDate(Trouble.ContactedOn)!.Value,
            FormValues.ParseEnum<BusinessContactMethod>(Trouble.ContactMethod)!.Value,
            Trouble.BusinessResponse!,
            FormValues.ParseEnum<DesiredResolution>(Trouble.DesiredResolution)!.Value,
            FormValues.ParseEnum<CaseCategory>(Trouble.Category) == CaseCategory.Counterfeit && Trouble.CounterfeitAcknowledged));

    /// <summary>The consumer's section, parsed and normalized (with <paramref name="ageBand"/>); call only when <see cref="ConsumerValidator"/> found it valid.</summary>
    public static ConsumerDetails ConsumerOf(ConsumerSection consumer, AgeBand ageBand)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        return new(
            consumer.Name!,
            NullIfBlank(Kana.Normalize(consumer.NameKana)),
            NullIfBlank(EmailAddresses.Normalize(consumer.Email)),
            PhoneNumbers.Normalize(consumer.Phone),
            PostalCodes.Normalize(consumer.PostalCode)!,
            consumer.Prefecture!,
            consumer.Address!,
            ageBand);
    }

    /// <summary>The business's section, parsed and normalized; call only when <see cref="BusinessValidator"/> found it valid.</summary>
    public static BusinessDetails BusinessOf(BusinessSection business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return new(
            business.Name!,
            FormValues.ParseWebsite(business.Website),
            business.Country!,
            NullIfBlank(EmailAddresses.Normalize(business.Email)),
            NullIfBlank(PhoneNumbers.Normalize(business.Phone)));
    }

    /// <summary>
    /// A copy to keep in the draft: every value as typed, but cut at twice its limit so that a pasted
    /// novel cannot grow the draft without bound (the page that reports the error still shows all of it).
    /// </summary>
    public ComplaintForm ForDraft() => new()
    {
        Consumer = new ConsumerSection
        {
            Name = Cap(Consumer.Name, ComplaintLimits.Name),
            NameKana = Cap(Consumer.NameKana, ComplaintLimits.NameKana),
            Email = Cap(Consumer.Email, ComplaintLimits.Email),
            EmailConfirmation = Cap(Consumer.EmailConfirmation, ComplaintLimits.Email),
            Phone = Cap(Consumer.Phone, ComplaintLimits.Phone),
            PostalCode = Cap(Consumer.PostalCode, ComplaintLimits.PostalCode),
            Prefecture = Cap(Consumer.Prefecture, ComplaintLimits.PrefectureCode),
            Address = Cap(Consumer.Address, ComplaintLimits.Address),
            AgeBand = Cap(Consumer.AgeBand, 0),
        },
        Business = new BusinessSection
        {
            Name = Cap(Business.Name, ComplaintLimits.BusinessName),
            Website = Cap(Business.Website, ComplaintLimits.Website),
            Country = Cap(Business.Country, ComplaintLimits.CountryCode),
            Email = Cap(Business.Email, ComplaintLimits.Email),
            Phone = Cap(Business.Phone, ComplaintLimits.Phone),
        },
        Purchase = new PurchaseSection
        {
            Date = Cap(Purchase.Date, 0),
            ArrivedOn = Cap(Purchase.ArrivedOn, 0),
            Item = Cap(Purchase.Item, ComplaintLimits.Item),
            Amount = Cap(Purchase.Amount, 0),
            Currency = Cap(Purchase.Currency, ComplaintLimits.CurrencyCode),
            PaymentMethod = Cap(Purchase.PaymentMethod, 0),
            Platform = Cap(Purchase.Platform, 0),
            PlatformName = Cap(Purchase.PlatformName, ComplaintLimits.PlatformName),
            OrderNumber = Cap(Purchase.OrderNumber, ComplaintLimits.OrderNumber),
        },
        Trouble = new TroubleSection
        {
            Category = Cap(Trouble.Category, 0),
            WhatHappened = Cap(Trouble.WhatHappened, ComplaintLimits.WhatHappened),
            ContactedOn = Cap(Trouble.ContactedOn, 0),
            ContactMethod = Cap(Trouble.ContactMethod, 0),
            BusinessResponse = Cap(Trouble.BusinessResponse, ComplaintLimits.BusinessResponse),
            DesiredResolution = Cap(Trouble.DesiredResolution, 0),
            CounterfeitAcknowledged = Trouble.CounterfeitAcknowledged,
        },
    };

    private static string? Cap(string? value, int limit)
    {
        var cap = Math.Max(2 * limit, 200);
        if (value is null || value.Length <= cap)
        {
            return value;
        }

        // Never split a surrogate pair (an emoji) in two.
        return value[..(char.IsHighSurrogate(value[cap - 1]) ? cap - 1 : cap)];
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// The whole form: each section by its own validator, so a wrapping form can reuse them. A counselor filing for a
    /// resident passes consumerEmailRequired false: the resident's email is optional then (when given, it is checked
    /// as usual).
    /// </summary>
    public sealed class Validator : AbstractValidator<ComplaintForm>
    {
        /// <summary>The intake's validator: the consumer's email required, and with letters beyond ASCII only when Smtp:InternationalAddresses says so.</summary>
        public Validator(IStringLocalizer<IntakeText> text, TimeProvider clock, IOptions<SmtpOptions> smtp)
            : this(text, clock, consumerEmailRequired: true, smtp.Value.InternationalAddresses)
        {
        }

        /// <summary>internationalEmail: accept a consumer's address with letters beyond ASCII before '@' (Smtp:InternationalAddresses).</summary>
        internal Validator(IStringLocalizer<IntakeText> text, TimeProvider clock, bool consumerEmailRequired = true, bool internationalEmail = false)
        {
            RuleFor(f => f.Consumer).SetValidator(new ConsumerValidator(text, consumerEmailRequired, internationalEmail));
            RuleFor(f => f.Business).SetValidator(new BusinessValidator(text));
            RuleFor(f => f.Purchase).SetValidator(new PurchaseValidator(text, clock));
            // The contact date is compared with the purchase date only when that one is valid itself.
            RuleFor(f => f.Trouble).SetValidator(f => new TroubleValidator(text, clock, ValidPurchaseDate(f.Purchase.Date, clock)));
        }
    }

    internal sealed class ConsumerValidator : AbstractValidator<ConsumerSection>
    {
        /// <summary>
        /// The consumer's section. For staff correcting a case's contact details (<c>correction</c>), the reading of the name
        /// is never required (the case may be an English speaker's) and the age band is not asked.
        /// </summary>
        public ConsumerValidator(IStringLocalizer<IntakeText> text, bool emailRequired = true, bool internationalEmail = false, bool correction = false)
        {
            var rules = new FieldRules(text);
            rules.FreeText(RuleFor(s => s.Name), "Consumer_Name", ComplaintLimits.Name, required: true);

            // Kana helps staff read a Japanese name; English users may not have one.
            RuleFor(s => s.NameKana)
                .Must(v => !string.IsNullOrWhiteSpace(v)).When(_ => !correction && IsJapaneseUi()).WithMessage(_ => text["Consumer_NameKana_Required"])
                .Must(v => Kana.Normalize(v).Length <= ComplaintLimits.NameKana).WithMessage(_ => rules.TooLong("Consumer_NameKana", ComplaintLimits.NameKana))
                .Must(v => string.IsNullOrWhiteSpace(v) || Kana.IsKana(Kana.Normalize(v))).WithMessage(_ => text["Consumer_NameKana_NotKana"]);

            // Optional only for a resident a counselor files for: then checked when given, and its confirmation with it.
            When(s => emailRequired || !string.IsNullOrWhiteSpace(s.Email) || !string.IsNullOrWhiteSpace(s.EmailConfirmation), () =>
            {
                RuleFor(s => s.Email).Cascade(CascadeMode.Stop)
                    .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Consumer_Email_Required"])
                    .Must(v => EmailAddresses.Normalize(v).Length <= ComplaintLimits.Email).WithMessage(_ => rules.TooLong("Consumer_Email", ComplaintLimits.Email))
                    .Must(v => EmailAddresses.Check(EmailAddresses.Normalize(v), internationalEmail) == EmailAddressProblem.None)
                    .WithMessage((_, v) => text["Consumer_Email_" + EmailAddresses.Check(EmailAddresses.Normalize(v), internationalEmail)]);
                RuleFor(s => s.EmailConfirmation).Cascade(CascadeMode.Stop)
                    .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Consumer_EmailConfirmation_Required"])
                    .Must((s, v) => string.Equals(EmailAddresses.Normalize(v), EmailAddresses.Normalize(s.Email), StringComparison.OrdinalIgnoreCase))
                    .When(s => EmailAddresses.Check(EmailAddresses.Normalize(s.Email), internationalEmail) == EmailAddressProblem.None)
                    .WithMessage(_ => text["Consumer_EmailConfirmation_Mismatch"]);
            });

            RuleFor(s => s.Phone).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Consumer_Phone_Required"])
                .Must(v => PhoneNumbers.IsPlausible(PhoneNumbers.Normalize(v), PhoneNumbers.ConsumerMinDigits, PhoneNumbers.ConsumerMaxDigits))
                .WithMessage(_ => text["Consumer_Phone_Invalid"]);
            RuleFor(s => s.PostalCode).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Consumer_PostalCode_Required"])
                .Must(v => PostalCodes.Normalize(v) is not null).WithMessage(_ => text["Consumer_PostalCode_Invalid"]);
            RuleFor(s => s.Prefecture)
                .Must(v => Prefectures.Find(v) is not null).WithMessage(_ => text["Consumer_Prefecture_Required"]);
            rules.FreeText(RuleFor(s => s.Address), "Consumer_Address", ComplaintLimits.Address, required: true);
            // One of the groups offered: the former "under 20" remains on old cases only.
            RuleFor(s => s.AgeBand)
                .Must(v => FormValues.ParseEnum<AgeBand>(v) is { } band && AgeBands.IsOffered(band)).When(_ => !correction)
                .WithMessage(_ => text["Consumer_AgeBand_Required"]);
        }
    }

    internal sealed class BusinessValidator : AbstractValidator<BusinessSection>
    {
        public BusinessValidator(IStringLocalizer<IntakeText> text)
        {
            var rules = new FieldRules(text);
            rules.FreeText(RuleFor(s => s.Name), "Business_Name", ComplaintLimits.BusinessName, required: true);
            RuleFor(s => s.Website).Cascade(CascadeMode.Stop)
                .Must(v => TextInput.Narrow(v).Length <= ComplaintLimits.Website).WithMessage(_ => rules.TooLong("Business_Website", ComplaintLimits.Website))
                .Must(v => string.IsNullOrWhiteSpace(v) || FormValues.ParseWebsite(v) is not null).WithMessage(_ => text["Business_Website_Invalid"]);
            RuleFor(s => s.Country).Cascade(CascadeMode.Stop)
                .Must(v => Countries.Find(v) is not null).WithMessage(_ => text["Business_Country_Required"])
                .Must(v => v != Countries.Japan).WithMessage(_ => text["Business_Country_Japan"]);
            RuleFor(s => s.Email)
                .Must(v => string.IsNullOrWhiteSpace(v) || EmailAddresses.Check(EmailAddresses.Normalize(v)) != EmailAddressProblem.Malformed)
                .WithMessage(_ => text["Business_Email_Invalid"]);
            RuleFor(s => s.Phone)
                .Must(v => string.IsNullOrWhiteSpace(v) || PhoneNumbers.IsPlausible(PhoneNumbers.Normalize(v), PhoneNumbers.BusinessMinDigits, PhoneNumbers.BusinessMaxDigits))
                .WithMessage(_ => text["Business_Phone_Invalid"]);
        }
    }

    internal sealed class PurchaseValidator : AbstractValidator<PurchaseSection>
    {
        public PurchaseValidator(IStringLocalizer<IntakeText> text, TimeProvider clock)
        {
            var rules = new FieldRules(text);
            rules.PastDate(RuleFor(s => s.Date), "Purchase_Date", clock);
            // Optional; when given, a real day between the purchase (once that is a valid date) and today.
            When(s => !string.IsNullOrWhiteSpace(s.ArrivedOn), () =>
                rules.PastDate(RuleFor(s => s.ArrivedOn), "Purchase_ArrivedOn", clock)
                    .Must((s, v) => ValidPurchaseDate(s.Date, clock) is not { } purchased || FormValues.ParseDate(v) >= purchased)
                    .WithMessage(_ => text["Purchase_ArrivedOn_BeforePurchase"]));
            rules.FreeText(RuleFor(s => s.Item), "Purchase_Item", ComplaintLimits.Item, required: true);
            RuleFor(s => s.Amount)
                .Must((s, _) => s.Paid().Problem == AmountProblem.None).WithMessage((s, v) => AmountMessage(text, s.Paid(), v));
            // "12,000円" says the currency itself; otherwise it is chosen.
            RuleFor(s => s.Currency)
                .Must((s, v) => Currencies.Find(v) is not null || PurchaseAmounts.Read(s.Amount, null).CurrencyCode is not null)
                .WithMessage(_ => text["Purchase_Currency_Required"]);
            RuleFor(s => s.PaymentMethod)
                .Must(v => FormValues.ParseEnum<PaymentMethod>(v) is not null).WithMessage(_ => text["Purchase_PaymentMethod_Required"]);
            RuleFor(s => s.Platform)
                .Must(v => FormValues.ParseEnum<PurchasePlatform>(v) is not null).WithMessage(_ => text["Purchase_Platform_Required"]);
            When(s => FormValues.ParseEnum<PurchasePlatform>(s.Platform) == PurchasePlatform.Other, () =>
                rules.FreeText(RuleFor(s => s.PlatformName), "Purchase_PlatformName", ComplaintLimits.PlatformName, required: true));
            rules.FreeText(RuleFor(s => s.OrderNumber), "Purchase_OrderNumber", ComplaintLimits.OrderNumber, required: false);
        }
    }

    private static string AmountMessage(IStringLocalizer<IntakeText> text, AmountReading reading, string? typed) => reading.Problem switch
    {
        AmountProblem.Missing => text["Purchase_Amount_Required"],
        AmountProblem.Negative => text["Purchase_Amount_Negative"],
        AmountProblem.NotPositive => text["Purchase_Amount_NotPositive"],
        AmountProblem.TooLarge => text["Purchase_Amount_TooLarge"],
        AmountProblem.Ambiguous => text["Purchase_Amount_Ambiguous", TextInput.Narrow(typed)],
        AmountProblem.OtherCurrency => text["Purchase_Amount_OtherCurrency", reading.Marker!,
            $"{reading.CurrencyCode} — {Currencies.Find(reading.CurrencyCode)!.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)}"],
        _ => text["Purchase_Amount_Invalid"],
    };

    internal sealed class TroubleValidator : AbstractValidator<TroubleSection>
    {
        public TroubleValidator(IStringLocalizer<IntakeText> text, TimeProvider clock, DateOnly? purchaseDate)
        {
            var rules = new FieldRules(text);
            RuleFor(s => s.Category)
                .Must(v => FormValues.ParseEnum<CaseCategory>(v) is not null).WithMessage(_ => text["Trouble_Category_Required"]);
            rules.FreeText(RuleFor(s => s.WhatHappened), "Trouble_WhatHappened", ComplaintLimits.WhatHappened, required: true);
            rules.PastDate(RuleFor(s => s.ContactedOn), "Trouble_ContactedOn", clock)
                .Must(v => purchaseDate is null || FormValues.ParseDate(v) >= purchaseDate)
                .WithMessage(_ => text["Trouble_ContactedOn_BeforePurchase"]);
            RuleFor(s => s.ContactMethod)
                .Must(v => FormValues.ParseEnum<BusinessContactMethod>(v) is not null).WithMessage(_ => text["Trouble_ContactMethod_Required"]);
            rules.FreeText(RuleFor(s => s.BusinessResponse), "Trouble_BusinessResponse", ComplaintLimits.BusinessResponse, required: true);
            RuleFor(s => s.DesiredResolution)
                .Must(v => FormValues.ParseEnum<DesiredResolution>(v) is not null).WithMessage(_ => text["Trouble_DesiredResolution_Required"]);
            RuleFor(s => s.CounterfeitAcknowledged)
                .Equal(true).When(s => FormValues.ParseEnum<CaseCategory>(s.Category) == CaseCategory.Counterfeit)
                .WithMessage(_ => text["Trouble_CounterfeitAcknowledged_Required"]);
        }
    }

    /// <summary>The purchase date when it is valid itself (other dates are compared with it only then).</summary>
    private static DateOnly? ValidPurchaseDate(string? typed, TimeProvider clock) =>
        FormValues.ParseDate(typed) is { } purchased && purchased >= EarliestDate && purchased <= LocalizationRegistration.JapanToday(clock) ? purchased : null;

    private static bool IsJapaneseUi() => Languages.IsJapanese(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>The rules several fields share, with messages that name the field.</summary>
    private sealed class FieldRules(IStringLocalizer<IntakeText> text)
    {
        public string TooLong(string field, int max) => text["Error_TooLong", text[field + "_Label"], Count(max)];

        /// <summary>Free text: kept exactly as typed; required if asked; at most <paramref name="max"/> characters; no control characters.</summary>
        public void FreeText<T>(IRuleBuilderInitial<T, string?> rule, string field, int max, bool required)
        {
            IRuleBuilder<T, string?> builder = rule.Cascade(CascadeMode.Stop);
            if (required)
            {
                builder = builder.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text[field + "_Required"]);
            }

            builder
                .Must(v => v is null || v.Length <= max).WithMessage((_, v) => text["Error_TooLongWithCount", text[field + "_Label"], Count(max), Count(v!.Length)])
                .Must(v => !TextInput.HasControlCharacters(v)).WithMessage(_ => text["Error_ControlCharacters", text[field + "_Label"]]);
        }

        /// <summary>A required date, not in the future (Japan time) and not implausibly old.</summary>
        public IRuleBuilderOptions<T, string?> PastDate<T>(IRuleBuilderInitial<T, string?> rule, string field, TimeProvider clock) =>
            rule.Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text[field + "_Required"])
                .Must(v => FormValues.ParseDate(v) is not null).WithMessage(_ => text["Error_DateInvalid", text[field + "_Label"]])
                .Must(v => FormValues.ParseDate(v) <= LocalizationRegistration.JapanToday(clock)).WithMessage(_ => text["Error_DateInFuture", text[field + "_Label"]])
                .Must(v => FormValues.ParseDate(v) >= EarliestDate).WithMessage(_ => text["Error_DateTooOld", text[field + "_Label"], EarliestDate.Year]);

        private static string Count(int number) => number.ToString("N0", CultureInfo.CurrentCulture);
    }
}
