using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Counselors;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Tracking;

/// <summary>The rules of the counselor's and the consumer's forms, with their messages in both languages.</summary>
public class TrackingValidatorTests
{
    private static readonly StringLocalizer<TrackingText> Tracking = new(Localizers);
    private static readonly StringLocalizer<CounselorText> Counselor = new(Localizers);

    private static AttestConsent.Form Attested() => new()
    {
        Relation = "Carer", AgreesToHandling = true, HandlingMethod = "InPerson", HasContactedBusiness = true, IsConsumerPurchase = true,
        ProvisionAbroad = "yes", AbroadMethod = "Writing",
    };

    private static List<string> Errors(AttestConsent.Form form, string language = "ja") =>
        InLanguage(language, () => new AttestConsent.Validator(Counselor).Validate(form).Errors.Select(e => e.PropertyName).ToList());

    [Fact]
    public void AFullAttestationIsValid() => Assert.Empty(Errors(Attested()));

    [Fact]
    public void WithoutTheProvisionAbroadNoMethodIsAskedFor()
    {
        var form = Attested();
        form.ProvisionAbroad = "no";
        form.AbroadMethod = null;
        Assert.Empty(Errors(form));
    }

    [Theory]
    [InlineData(nameof(AttestConsent.Form.Relation))]
    [InlineData(nameof(AttestConsent.Form.AgreesToHandling))]
    [InlineData(nameof(AttestConsent.Form.HandlingMethod))]
    [InlineData(nameof(AttestConsent.Form.HasContactedBusiness))]
    [InlineData(nameof(AttestConsent.Form.IsConsumerPurchase))]
    [InlineData(nameof(AttestConsent.Form.ProvisionAbroad))]
    [InlineData(nameof(AttestConsent.Form.AbroadMethod))]
    public void EachPartOfTheAttestationIsRequired(string field)
    {
        var form = Attested();
        var property = typeof(AttestConsent.Form).GetProperty(field)!;
        property.SetValue(form, property.PropertyType == typeof(bool) ? false : null);
        Assert.Equal([field], Errors(form));
    }

    [Theory]
    [InlineData(nameof(AttestConsent.Form.Relation), "Neighbour")]
    [InlineData(nameof(AttestConsent.Form.HandlingMethod), "inperson")]
    [InlineData(nameof(AttestConsent.Form.AbroadMethod), "Email")]
    [InlineData(nameof(AttestConsent.Form.ProvisionAbroad), "maybe")]
    public void OnlyTheOfferedChoicesAreAccepted(string field, string value)
    {
        var form = Attested();
        typeof(AttestConsent.Form).GetProperty(field)!.SetValue(form, value);
        Assert.Equal([field], Errors(form));
    }

    [Theory]
    [InlineData("ja", "相談者と契約の関係を選んでください。")]
    [InlineData("en", "Choose who the resident is to the purchase.")]
    public void TheMessagesAreInTheCounselorsLanguage(string language, string message)
    {
        var form = Attested();
        form.Relation = null;
        Assert.Equal(message, InLanguage(language, () => new AttestConsent.Validator(Counselor).Validate(form).Errors.Single().ErrorMessage));
    }

    [Fact]
    public void AResidentsEmailIsOptionalButCheckedWhenGiven()
    {
        var validator = new ComplaintForm.Validator(Text, Clock, consumerEmailRequired: false);
        var form = ValidForm();
        form.Consumer.Email = null;
        form.Consumer.EmailConfirmation = null;
        Assert.True(InLanguage("ja", () => validator.Validate(form)).IsValid);

        form.Consumer.Email = ".taro@example.jp";
        form.Consumer.EmailConfirmation = ".taro@example.jp";
        Assert.Equal(["Consumer.Email"], InLanguage("ja", () => validator.Validate(form)).Errors.Select(e => e.PropertyName));

        form.Consumer.Email = "taro@example.jp";
        form.Consumer.EmailConfirmation = "";
        Assert.Equal(["Consumer.EmailConfirmation"], InLanguage("ja", () => validator.Validate(form)).Errors.Select(e => e.PropertyName));

        form.Consumer.Email = "";
        form.Consumer.EmailConfirmation = "taro@example.jp";
        Assert.Contains("Consumer.Email", InLanguage("ja", () => validator.Validate(form)).Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void AConsumersOwnEmailStaysRequired()
    {
        var form = ValidForm();
        form.Consumer.Email = null;
        form.Consumer.EmailConfirmation = null;
        Assert.Contains("Consumer.Email", InLanguage("ja", () => new ComplaintForm.Validator(Text, Clock).Validate(form)).Errors.Select(e => e.PropertyName));
    }

    [Theory]
    [InlineData(null, "Answer_Text_Required")]
    [InlineData("   ", "Answer_Text_Required")]
    [InlineData("a\u0000b", "Answer_Text_ControlCharacters")]
    public void AnAnswerSaysSomethingStorable(string? text, string key)
    {
        var errors = InLanguage("en", () => new AnswerRequest.Validator(Tracking).Validate(new AnswerRequest.Form { Text = text }).Errors);
        Assert.Equal(InLanguage("en", () => Tracking[key].Value), Assert.Single(errors).ErrorMessage);
    }

    [Fact]
    public void AnAnswerOfTheLongestTextIsAcceptedAndOneMoreCharacterIsNot()
    {
        var validator = new AnswerRequest.Validator(Tracking);
        Assert.True(validator.Validate(new AnswerRequest.Form { Text = new string('あ', CaseEvent.MaxTextLength) }).IsValid);
        Assert.False(validator.Validate(new AnswerRequest.Form { Text = new string('あ', CaseEvent.MaxTextLength + 1) }).IsValid);
    }

    [Theory]
    [InlineData("CCJ-2026-000123", "taro@example.jp", true)]
    [InlineData("ccj-2026-000123", "ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｊｐ", true)]
    [InlineData("", "taro@example.jp", false)]
    [InlineData("2026-000123", "taro@example.jp", true)]
    [InlineData("2026-123", "taro@example.jp", false)]
    [InlineData("CCJ-2026-000123", "", false)]
    [InlineData("CCJ-2026-000123", "taro", false)]
    public void TheLostLinkFormNeedsACaseNumberAndAnEmailAddress(string number, string email, bool valid) =>
        Assert.Equal(valid, new ResendTrackingLink.Validator(Tracking).Validate(new ResendTrackingLink.Form { CaseNumber = number, Email = email }).IsValid);

    [Theory]
    [MemberData(nameof(Domain.CaseNumberReadingTests.FormsOfCase2026Number123), MemberType = typeof(Domain.CaseNumberReadingTests))]
    public void TheLostLinkFormTakesACaseNumberInEveryFormTheStaffSearchTakes(string number) =>
        Assert.True(new ResendTrackingLink.Validator(Tracking).Validate(new ResendTrackingLink.Form { CaseNumber = number, Email = "taro@example.jp" }).IsValid, number);
}
