using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Intake;

/// <summary>
/// Every text the intake pages build a key for exists (a missing key would show the key itself). Only the
/// neutral (Japanese) file is checked here: English falls back to it, and ResourceParityTests checks the pairs.
/// </summary>
public class IntakeResourcesTests
{
    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        foreach (var section in typeof(ComplaintForm).GetProperties())
        {
            foreach (var field in section.PropertyType.GetProperties())
            {
                keys.Add($"{section.Name}_{field.Name}_Label");
            }
        }

        foreach (var field in typeof(GiveConsent.Form).GetProperties())
        {
            keys.Add($"Consent_{field.Name}_Label");
        }

        foreach (var name in Enum.GetNames<EvidenceItem>())
        {
            keys.Add($"{nameof(EvidenceItem)}_{name}");
        }

        foreach (var problem in Enum.GetValues<EmailAddressProblem>().Where(p => p != EmailAddressProblem.None))
        {
            keys.Add($"Consumer_Email_{problem}");
        }

        foreach (var problem in Enum.GetValues<EvidenceProblem>())
        {
            keys.Add($"Evidence_{problem}");
        }

        keys.Add($"Consent_ProvisionAbroad_{GiveConsent.Yes}");
        keys.Add($"Consent_ProvisionAbroad_{GiveConsent.No}");
        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void TheTextExists(string key) => Assert.False(InLanguage("ja", () => Text[key].ResourceNotFound), $"{key} is missing.");

    /// <summary>The complaint's choices the form offers, named in CaseLabels (ChoiceLists), in both languages.</summary>
    public static TheoryData<string, string> ChoiceKeys()
    {
        var keys = new TheoryData<string, string>();
        foreach (var type in new[] { typeof(CaseCategory), typeof(AgeBand), typeof(PaymentMethod), typeof(PurchasePlatform), typeof(BusinessContactMethod), typeof(DesiredResolution) })
        {
            foreach (var name in Enum.GetNames(type))
            {
                keys.Add("ja", $"{type.Name}_{name}");
                keys.Add("en", $"{type.Name}_{name}");
            }
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(ChoiceKeys))]
    public void EachChoiceHasItsName(string language, string key)
    {
        var labels = new Microsoft.Extensions.Localization.StringLocalizer<CrossBorderConsumerCenter.Web.Features.Cases.CaseLabels>(Localizers);
        Assert.False(InLanguage(language, () => labels[key].ResourceNotFound), $"{key} is missing.");
    }

    [Theory]
    [InlineData("ja", "【越境消費者センター】ご相談を受け付けました(受付番号 CCJ-2026-000123)", "山田 太郎 様")]
    [InlineData("en", "[Cross-Border Consumer Center] We have received your complaint (CCJ-2026-000123)", "Dear 山田 太郎,")]
    public void TheAcknowledgementComposesInBothLanguagesWithEveryPlaceholderFilled(string language, string subject, string greeting)
    {
        var composer = new EmailComposer(Localizers);
        var email = composer.Compose(new SubmitComplaint.AcknowledgementEmail(new Dictionary<string, string>
        {
            ["Name"] = "山田 太郎",
            ["CaseNumber"] = "CCJ-2026-000123",
            ["ReceivedAt"] = "2026-11-21 12:00",
            ["BusinessName"] = "<Example & Co>",
            ["Category"] = "商品が届かない",
            ["NextSteps"] = "next",
            ["Deadlines"] = "deadlines\n\n",
            ["TrackingUrl"] = "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
        }), language);

        Assert.Equal(subject, email.Subject);
        Assert.StartsWith(greeting, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("\nhttps://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<Example & Co>", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;Example &amp; Co&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("next\n\ndeadlines\n\n", email.TextBody, StringComparison.Ordinal);
    }
}
