using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Features.PartnerAnswer;
using CrossBorderConsumerCenter.Web.Features.Partners;
using FluentValidation;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Forwarding;

/// <summary>The rules of the forms this feature adds, with the messages people read, and its settings.</summary>
public class ForwardingValidatorTests
{
    private static readonly IStringLocalizer<CasePageText> CaseText = new StringLocalizer<CasePageText>(Localizers);
    private static readonly IStringLocalizer<PartnersText> PartnerText = new StringLocalizer<PartnersText>(Localizers);
    private static readonly IStringLocalizer<PartnerAnswerText> AnswerText = new StringLocalizer<PartnerAnswerText>(Localizers);

    private static string? FirstError<T>(IValidator<T> validator, T form, string language = "ja") =>
        InLanguage(language, () => validator.Validate(form).Errors.FirstOrDefault()?.ErrorMessage);

    /// <summary>Days counted from today in Japan (the validators' clock), as the form takes them; the 60th also as "2027/1/20".</summary>
    public static TheoryData<string?, string?> DaysToKeepWaiting()
    {
        static string Day(int fromToday) => TestTime.Iso(TestTime.TodayInJapan.AddDays(fromToday));
        var sixtieth = TestTime.TodayInJapan.AddDays(60);
        const string OutOfRange = "新しい回答期限は、明日から60日後までの日にしてください。";
        return new()
        {
            { Day(1), null },
            { $"{sixtieth.Year}/{sixtieth.Month}/{sixtieth.Day}", null },
            { Day(0), OutOfRange },
            { Day(61), OutOfRange },
            { "next week", "新しい回答期限を、年-月-日の形で入力してください。" },
            { null, "新しい回答期限を、年-月-日の形で入力してください。" },
        };
    }

    [Theory]
    [MemberData(nameof(DaysToKeepWaiting))]
    public void KeepingWaitingNamesADayFromTomorrowToSixtyDaysAhead(string? until, string? message) =>
        Assert.Equal(message, FirstError(new KeepWaiting.Validator(CaseText, Clock), new KeepWaiting.Form { Until = until, Note = "電話あり" }));

    [Fact]
    public void KeepingWaitingSaysWhy() =>
        Assert.Equal("待つ理由を入力してください。", FirstError(new KeepWaiting.Validator(CaseText, Clock), new KeepWaiting.Form { Until = TestTime.Iso(TestTime.TodayInJapan.AddDays(9)) }));

    [Theory]
    [InlineData("Refunded", null, null)]
    [InlineData("Other", "The business closed.", null)]
    [InlineData("Other", " ", "With \"Other\", please explain in the message.")]
    [InlineData("refunded", null, "Choose what the business did.")]
    [InlineData(null, "text", "Choose what the business did.")]
    [InlineData("Shipped", "tracking\u0000", "The message contains control characters that cannot be kept.")]
    public void TheAgencyChoosesAnOutcomeAndExplainsOther(string? outcome, string? message, string? error) =>
        Assert.Equal(error, FirstError(new RecordPartnerAnswer.Validator(AnswerText), new RecordPartnerAnswer.Form { Outcome = outcome, Message = message }, "en"));

    private static EditPartnerAgency.Form Agency() => new()
    {
        Code = "KCA",
        EnglishName = "Korea Consumer Agency",
        JapaneseName = "韓国消費者院",
        EmailAddresses = "cross@kca.example.org\nsecond@kca.example.org",
        Language = "en",
        ResponseBusinessDays = "10",
        Countries = [new() { CountryCode = "KR", PrivacyLawJapanese = "個人情報保護法", PrivacyLawEnglish = "Personal Information Protection Act" }, new()],
    };

    [Fact]
    public void AValidAgencyPassesAndEmptyCountryRowsAreIgnored()
    {
        Assert.Null(FirstError(new EditPartnerAgency.CreateValidator(PartnerText, new EditPartnerAgency.Validator(PartnerText)), Agency()));
        Assert.Equal(["KR"], Agency().ToDetails("KCA").Countries.Select(c => c.CountryCode));
        Assert.Equal(["cross@kca.example.org", "second@kca.example.org"], Agency().Addresses);
    }

    [Theory]
    [InlineData("code", "略称は、英大文字で始まる2〜10文字の英大文字・数字にしてください(NEW は使えません)。")]
    [InlineData("address", "「not-an-address」はメールアドレスとして使えません。")]
    [InlineData("days", "回答期限は1〜60営業日の数字で入力してください。")]
    [InlineData("japan", "国・地域を一覧から選んでください(日本は選べません)。")]
    [InlineData("law", "個人情報保護制度(英語)を300文字以内で入力してください。")]
    [InlineData("none", "担当する国・地域を1つ以上選んでください。")]
    [InlineData("twice", "同じ国・地域が2回選ばれています。")]
    public void EachWrongValueIsNamed(string broken, string message)
    {
        var form = Agency();
        switch (broken)
        {
            case "code": form.Code = "k"; break;
            case "address": form.EmailAddresses = "not-an-address"; break;
            case "days": form.ResponseBusinessDays = "61"; break;
            case "japan": form.Countries[0].CountryCode = "JP"; break;
            case "law": form.Countries[0].PrivacyLawEnglish = ""; break;
            case "none": form.Countries = [new()]; break;
            case "twice": form.Countries[1] = new() { CountryCode = "KR", PrivacyLawJapanese = "法", PrivacyLawEnglish = "Law" }; break;
        }

        Assert.Equal(message, FirstError(new EditPartnerAgency.CreateValidator(PartnerText, new EditPartnerAgency.Validator(PartnerText)), form));
    }

    [Fact]
    public void SettingsOutOfRangeStopTheStartWithTheirNames()
    {
        Assert.Contains("PartnerLinks:ValidForDays", new PartnerLinksOptions.Validator().Validate(null, new PartnerLinksOptions { ValidForDays = 0 }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("PartnerLinks:RequestsPerMinute", new PartnerLinksOptions.Validator().Validate(null, new PartnerLinksOptions { RequestsPerMinute = 0 }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Clocks:IntervalSeconds", new ClocksOptions.Validator().Validate(null, new ClocksOptions { IntervalSeconds = 0 }).FailureMessage, StringComparison.Ordinal);
        Assert.True(new PartnerLinksOptions.Validator().Validate(null, new PartnerLinksOptions()).Succeeded);
        Assert.Equal(120, new PartnerLinksOptions().ValidForDays);

        var agencies = new PartnerAgenciesOptions();
        agencies.Agencies["CBBB"] = new() { Addresses = ["cbbb@partners.ccj.localhost"] };
        Assert.True(new PartnerAgenciesOptions.Validator().Validate(null, agencies).Succeeded);
        agencies.Agencies["cbbb"] = new() { Addresses = ["bad address"] };
        var failure = new PartnerAgenciesOptions.Validator().Validate(null, agencies).FailureMessage;
        Assert.Contains("PartnerAgencies:cbbb must be an agency's code", failure, StringComparison.Ordinal);
        Assert.Contains("PartnerAgencies:cbbb:Addresses:0 must be an email address", failure, StringComparison.Ordinal);
    }
}
