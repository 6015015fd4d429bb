using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Features.Partners;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.FaxForm;

/// <summary>
/// Builds the fax form (<see cref="FaxSheet"/>) from what the online form is made of, so the paper follows it:
/// the fields are the online complaint form's (<see cref="IntakeFieldOrder.Complaint"/>) with their labels and hints
/// from IntakeText and their choices from <see cref="ChoiceLists"/>; a field is marked "必須" when the validator staff
/// enter paper cases with refuses it empty (so the email is optional, as it is for a fax); the consent is the consent
/// gate's (<see cref="IntakeFieldOrder.Consent"/>, the same notice and the same wording). A field added online appears
/// here as a write-in line until it is given a better shape in <see cref="Shape"/>. The sheet is always in Japanese.
/// </summary>
public sealed class FaxSheets(
    IStringLocalizer<IntakeText> intake,
    IStringLocalizer<FormText> formText,
    IStringLocalizer<FaxFormText> text,
    ChoiceLists choices,
    PartnerDirectory partners,
    IOptions<CenterContactOptions> center,
    IOptions<PortalOptions> portal,
    TimeProvider clock)
{
    /// <summary>The sheet's language.</summary>
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo(Languages.Japanese);

    /// <summary>The id of the sheet's own fields (not the online form's): the language to be contacted in, the date, the signature.</summary>
    public const string SheetPrefix = "Sheet";

    /// <summary>The fax form as it is now (the partner agencies are read from the registry).</summary>
    public async Task<FaxSheet> CurrentAsync(CancellationToken ct)
    {
        var registry = await partners.CurrentAsync(ct);
        var uiCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = Japanese;
            CultureInfo.CurrentCulture = Japanese;
            return Build(registry);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
            CultureInfo.CurrentCulture = culture;
        }
    }

    private FaxSheet Build(PartnerRegistry registry)
    {
        var contact = center.Value;
        var name = contact.Name.In(Japanese);
        return new FaxSheet(
            text["Sheet_Title", name],
            name,
            contact.Fax,
            text["Sheet_To"],
            text["Sheet_FaxNumber"],
            [text["Sheet_Instruction_Who"], text["Sheet_Instruction_CallBack", contact.OfficeHours.In(Japanese)], text["Sheet_Instruction_HowToWrite"]],
            [ConsentSection(registry), .. ComplaintSections(), EvidenceSection(), ClosingSection()],
            text["Sheet_Footer", name, contact.Fax],
            text["Sheet_Page"]);
    }

    /// <summary>The consent gate's notice and confirmations, worded as online.</summary>
    private FaxSection ConsentSection(PartnerRegistry registry)
    {
        var items = new List<FaxItem>
        {
            new FaxText(intake["Consent_Lead"]),
            new FaxText(intake["Consent_NoticeHeading"], FaxTextStyle.Heading),
            new FaxText(intake["Consent_Purposes_Heading"], FaxTextStyle.Heading),
            new FaxBullets([intake["Consent_Purpose1"], intake["Consent_Purpose2"], intake["Consent_Purpose3"]]),
            new FaxText(intake["Consent_Abroad_Heading"], FaxTextStyle.Heading),
            new FaxText(intake["Consent_Abroad_Body"]),
            new FaxDefinitions([.. registry.CoveredCountries.Select(c => new FaxDefinition(
                Countries.Find(c.CountryCode)?.NameIn(Languages.Japanese) ?? c.CountryCode,
                [$"{intake["Consent_Abroad_Agency"]}: {c.Agency.NameIn(Languages.Japanese)}",
                 $"{intake["Consent_Abroad_Law"]}: {c.Agency.PrivacyLawIn(c.CountryCode, Languages.Japanese)}"]))]),
            new FaxText(intake["Consent_Abroad_Measures"]),
            new FaxText(intake["Consent_Abroad_Other"]),
            new FaxText(text["Sheet_FullNotice", intake["Consent_FullNotice"], new Uri(portal.Value.BaseUri, "privacy").AbsoluteUri]),
            new FaxText(intake["Consent_Confirm_Heading"], FaxTextStyle.Heading),
        };

        var required = Required(new GiveConsent.Validator(intake).Validate(new GiveConsent.Form()), IntakeController.ConsentPrefix + ".");
        foreach (var field in IntakeFieldOrder.Consent)
        {
            var key = field.Replace('.', '_');
            var property = typeof(GiveConsent.Form).GetProperty(field.Split('.')[1])!;
            var mark = Mark(required.Contains(field));
            items.Add(property.PropertyType == typeof(bool)
                ? new FaxField(field, intake[key + "_Label"], FaxAnswer.Tick) { Mark = mark, Hint = Hint(key) }
                : new FaxField(field, intake[key + "_Label"], FaxAnswer.Choice)
                {
                    Mark = mark,
                    Hint = Hint(key),
                    Options = [intake[$"{key}_{GiveConsent.Yes}"], intake[$"{key}_{GiveConsent.No}"]],
                    ChoiceNote = text["Sheet_ChooseOne"],
                });
        }

        return new FaxSection("consent", intake["Consent_Title"], items);
    }

    /// <summary>The complaint form's sections, field by field in the online order.</summary>
    private IEnumerable<FaxSection> ComplaintSections()
    {
        // Checked as the staff who type a fax in check it: the consumer's email is optional then.
        var required = Required(new ComplaintForm.Validator(intake, clock, consumerEmailRequired: false).Validate(new ComplaintForm()), IntakeController.FormPrefix + ".");
        return IntakeFieldOrder.Complaint
            .Where(f => f.StartsWith(IntakeController.FormPrefix + ".", StringComparison.Ordinal))
            .GroupBy(f => f.Split('.')[1])
            .Select(section => new FaxSection(
                section.Key.ToLowerInvariant(),
                intake["Section_" + section.Key],
                [.. section.SelectMany(field => Shape(field, required.Contains(field)))]));
    }

    /// <summary>
    /// How one field of the online form is printed, with the notices the online form shows beside it. A choice prints
    /// its options as tick boxes; a long list (countries, currencies) its common entries and a write-in for the others.
    /// </summary>
    private IEnumerable<FaxItem> Shape(string name, bool required)
    {
        var key = name[(IntakeController.FormPrefix.Length + 1)..].Replace('.', '_');
        var field = new FaxField(name, intake[key + "_Label"], FaxAnswer.WriteIn) { Hint = Hint(key), Mark = Mark(required) };
        if (intake[key + "_Label"].ResourceNotFound)
        {
            throw new InvalidOperationException($"The online form's field {name} has no label ({key}_Label in IntakeText).");
        }

        FaxField Choose(IEnumerable<FieldOption> options) =>
            field with { Answer = FaxAnswer.Choice, Options = [.. options.Select(o => o.Text)], ChoiceNote = text["Sheet_ChooseOne"] };

        switch (key)
        {
            case "Consumer_Address":
                yield return field with { Lines = 2 };
                break;
            case "Consumer_AgeBand":
                yield return Choose(choices.Of<AgeBand>());
                break;
            case "Business_Country":
                yield return field with
                {
                    Answer = FaxAnswer.Choice,
                    Options = [.. Countries.CommonCodes.Select(c => Countries.Find(c)!.NameIn(Languages.Japanese))],
                    ChoiceNote = text["Sheet_ChooseOne"],
                    OtherLabel = text["Sheet_OtherCountry"],
                };
                break;
            case "Purchase_Date" or "Trouble_ContactedOn":
                yield return field with { Answer = FaxAnswer.Date, DateParts = [text["Sheet_Year"], text["Sheet_Month"], text["Sheet_Day"]] };
                break;
            case "Purchase_Currency":
                yield return field with
                {
                    Answer = FaxAnswer.Choice,
                    Options = [.. Currencies.CommonCodes.Select(c => $"{c}({Currencies.Find(c)!.NameIn(Languages.Japanese)})")],
                    ChoiceNote = text["Sheet_ChooseOne"],
                    OtherLabel = text["Sheet_OtherCurrency"],
                };
                break;
            case "Purchase_PaymentMethod":
                yield return Choose(choices.Of<PaymentMethod>());
                break;
            case "Purchase_Platform":
                yield return Choose(choices.Of<PurchasePlatform>());
                break;
            case "Trouble_Category":
                yield return Choose(choices.Of<CaseCategory>());
                break;
            case "Trouble_CounterfeitAcknowledged":
                yield return new FaxText(intake["Counterfeit_Heading"], FaxTextStyle.Heading);
                yield return new FaxText(intake["Counterfeit_Body"], FaxTextStyle.Notice);
                yield return field with { Answer = FaxAnswer.Tick, Mark = null };
                break;
            case "Trouble_WhatHappened":
                yield return field with { Lines = 10 };
                break;
            case "Trouble_ContactMethod":
                yield return Choose(choices.Of<BusinessContactMethod>());
                break;
            case "Trouble_BusinessResponse":
                yield return field with { Lines = 5 };
                break;
            case "Trouble_DesiredResolution":
                yield return Choose(choices.Of<DesiredResolution>());
                yield return new FaxText(intake["CoolingOff_Note"], FaxTextStyle.Notice);
                break;
            default:
                yield return typeof(ComplaintForm).GetProperty(name.Split('.')[1])?.PropertyType.GetProperty(name.Split('.')[2])?.PropertyType == typeof(bool)
                    ? field with { Answer = FaxAnswer.Tick }
                    : field;
                break;
        }
    }

    /// <summary>The evidence: copies sent after the sheet, what they are, and how many pages in all.</summary>
    private FaxSection EvidenceSection() => new(
        "evidence",
        intake["Section_Evidence"],
        [
            new FaxText(text["Sheet_EvidenceIntro"]),
            new FaxField(IntakeController.EvidenceField, text["Sheet_Evidence_Label"], FaxAnswer.Choice)
            {
                Options = [.. Enum.GetValues<EvidenceItem>().Select(item => (string)intake["EvidenceItem_" + item])],
                AnyNumber = true,
                ChoiceNote = text["Sheet_ChooseAny"],
                Mark = Mark(false),
            },
            new FaxField(SheetPrefix + ".Pages", text["Sheet_Pages_Label"], FaxAnswer.WriteIn) { Unit = text["Sheet_Pages_Unit"], Mark = Mark(false) },
        ]);

    /// <summary>What staff record besides the complaint: the language to write in, the date of the consent, the signature.</summary>
    private FaxSection ClosingSection() => new(
        "closing",
        text["Sheet_Closing_Heading"],
        [
            new FaxField(SheetPrefix + ".Language", text["Sheet_Language_Label"], FaxAnswer.Choice)
            {
                Options = [text["Sheet_Language_ja"], text["Sheet_Language_en"]],
                ChoiceNote = text["Sheet_ChooseOne"],
                Mark = Mark(false),
            },
            new FaxField(SheetPrefix + ".Date", text["Sheet_Date_Label"], FaxAnswer.Date)
            {
                DateParts = [text["Sheet_Year"], text["Sheet_Month"], text["Sheet_Day"]],
                Mark = Mark(true),
            },
            new FaxField(SheetPrefix + ".Signature", text["Sheet_Signature_Label"], FaxAnswer.WriteIn) { Hint = text["Sheet_Signature_Hint"], Mark = Mark(true) },
        ]);

    private string? Hint(string key) => intake[key + "_Hint"] is { ResourceNotFound: false } hint ? hint.Value : null;

    private string Mark(bool required) => formText[required ? "Field_Required" : "Field_Optional"];

    /// <summary>The fields a validator refused on an empty form: those the online form requires.</summary>
    private static HashSet<string> Required(FluentValidation.Results.ValidationResult empty, string prefix) =>
        [.. empty.Errors.Select(e => prefix + e.PropertyName)];
}
