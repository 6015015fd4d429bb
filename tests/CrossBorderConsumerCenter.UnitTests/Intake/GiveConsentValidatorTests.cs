using CrossBorderConsumerCenter.Web.Features.Intake;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Intake;

public class GiveConsentValidatorTests
{
    private static readonly GiveConsent.Validator Validator = new(Text);

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public void TheThreeConfirmationsAndAnExplicitChoiceAboutProvisionAbroadAreEnough(string abroad) =>
        Assert.Empty(Validator.Validate(Form(abroad: abroad)).Errors);

    [Theory]
    [InlineData(nameof(GiveConsent.Form.AgreesToHandling), "ご相談には、個人情報の取扱いへの同意が必要です。")]
    [InlineData(nameof(GiveConsent.Form.HasContactedBusiness), "まず、ご自身で事業者に直接お問い合わせください。それでも解決しない場合にご相談ください。")]
    [InlineData(nameof(GiveConsent.Form.IsConsumerPurchase), "センターは消費者としての取引についてのご相談を受け付けています。事業者間の取引についてはお受けできません。")]
    public void EachRequiredConfirmationIsExplainedWhenMissing(string field, string message)
    {
        var form = Form();
        typeof(GiveConsent.Form).GetProperty(field)!.SetValue(form, false);
        var error = Assert.Single(InLanguage("ja", () => Validator.Validate(form)).Errors);
        Assert.Equal(field, error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("YES")]
    [InlineData("true")]
    public void TheChoiceAboutProvisionAbroadMustBeMadeExplicitly(string? abroad)
    {
        var error = Assert.Single(InLanguage("en", () => Validator.Validate(Form(abroad: abroad))).Errors);
        Assert.Equal(nameof(GiveConsent.Form.ProvisionAbroad), error.PropertyName);
        Assert.Equal("Choose whether we may provide your complaint to a partner agency abroad.", error.ErrorMessage);
    }

    private static GiveConsent.Form Form(string? abroad = "yes") => new()
    {
        AgreesToHandling = true, HasContactedBusiness = true, IsConsumerPurchase = true, ProvisionAbroad = abroad,
    };
}
