using CrossBorderConsumerCenter.UnitTests.Partners;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Forwarding;

/// <summary>What the compose page refuses: missing English, Japanese script in any field that goes to the agency (named), the consumer's details.</summary>
public class ComposeForwardRulesTests
{
    private static readonly StringLocalizer<ForwardingText> Text = new(Localizers);
    private static readonly PartnerListing Cbbb = PartnerRegistryTests.Agency(1, "CBBB", countries: ["US", "CA"]);
    private static readonly DateTimeOffset Now = TestComplaints.Now;

    private static Case Complaint(PurchasePlatform platform = PurchasePlatform.BusinessOwnSite, string? platformName = null)
    {
        var details = TestComplaints.Details();
        details = details with { Purchase = details.Purchase with { Platform = platform, PlatformName = platformName } };
        return Case.Receive(new CaseNumber(2026, 7), Guid.NewGuid(), details, TestComplaints.Consent(), "ja", Now, []);
    }

    /// <summary>Everything in English, as staff would send it.</summary>
    private static ComposeForward.Form English(Case c, Action<ComposeForward.Form>? change = null)
    {
        var form = ComposeForward.Prefilled(c, Cbbb);
        form.Item = "Wireless earphones";
        form.Summary = "The earphones never arrived.";
        form.BusinessResponse = "No reply.";
        form.PlatformName = "Example Market";
        form.Note = "Thank you.";
        form.IncludeAddress = true;
        form.ConsumerAddress = "1-1 Chiyoda, Chiyoda-ku, Tokyo 100-0001";
        change?.Invoke(form);
        return form;
    }

    private static IReadOnlyList<ComposeForward.Problem> Check(Case c, ComposeForward.Form form, PartnerListing? agency = null) =>
        ComposeForward.Handler.Check(new ComposeForward.Page(c, agency ?? Cbbb, [], [], form, Now, Now, 0));

    private static string? FirstError(ComposeForward.Form form) =>
        InLanguage("ja", () => new ComposeForward.Validator(Text).Validate(form).Errors.FirstOrDefault()?.ErrorMessage);

    [Fact]
    public void AFormAllInEnglishPasses()
    {
        var c = Complaint(PurchasePlatform.Other, "メルカリ");
        Assert.Empty(Check(c, English(c)));
        Assert.Null(FirstError(English(c)));
    }

    public static TheoryData<string> SentFields() =>
    [
        nameof(ComposeForward.Form.Summary), nameof(ComposeForward.Form.Item), nameof(ComposeForward.Form.BusinessName),
        nameof(ComposeForward.Form.BusinessWebsite), nameof(ComposeForward.Form.BusinessEmail), nameof(ComposeForward.Form.BusinessPhone),
        nameof(ComposeForward.Form.OrderNumber), nameof(ComposeForward.Form.PlatformName), nameof(ComposeForward.Form.BusinessResponse),
        nameof(ComposeForward.Form.Note), nameof(ComposeForward.Form.ConsumerName), nameof(ComposeForward.Form.ConsumerAddress),
    ];

    [Theory]
    [MemberData(nameof(SentFields))]
    public void JapaneseScriptInAFieldThatGoesToTheAgencyIsRefusedNamingTheField(string field)
    {
        var c = Complaint(PurchasePlatform.Other, "メルカリ");
        var form = English(c);
        var property = typeof(ComposeForward.Form).GetProperty(field)!;
        property.SetValue(form, "Written in English except 「this」");

        var problem = Assert.Single(Check(c, form));
        Assert.Equal((field, "Problem_JapaneseScript"), (problem.Field, problem.MessageKey));
        Assert.Equal([new ComposeForward.Label(field), "「"], problem.Arguments);
        var label = InLanguage("ja", () => Text[new ComposeForward.Label(field).Key].Value);
        Assert.False(string.IsNullOrWhiteSpace(label));
        Assert.Equal($"{label}に日本語の文字(「「」)が残っています。提携機関は読めないため、英語で書いてください。", InLanguage("ja", () => Text["Problem_JapaneseScript", label, "「"].Value));
    }

    [Fact]
    public void FieldsThatAreNotSentAreNotChecked()
    {
        // The platform's name only for "another" platform, the name and address only when included.
        var c = Complaint();
        var form = English(c, f =>
        {
            f.PlatformName = "メルカリ";
            (f.IncludeName, f.ConsumerName, f.IncludeAddress, f.ConsumerAddress) = (false, "ヤマダ", false, "千代田区");
        });
        Assert.Empty(Check(c, form));
    }

    [Fact]
    public void TheConsumersOwnTextBelowTheSummaryIsTheOneJapaneseThatMayGo()
    {
        var c = Complaint();
        Assert.Empty(Check(c, English(c, f => f.IncludeOriginal = true)));
        Assert.Contains("届きません", c.WhatHappened, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgencyThatCorrespondsInJapaneseMayReadJapanese()
    {
        var c = Complaint();
        Assert.Empty(Check(c, English(c, f => f.Summary = "届きません。"), Cbbb with { Language = "ja" }));
    }

    [Fact]
    public void TheBusinessesAnswerAndThePlatformAreRequiredWhenTheCaseHasThem()
    {
        var c = Complaint(PurchasePlatform.Other, "Example Market");
        var problems = Check(c, English(c, f => (f.BusinessResponse, f.PlatformName) = (" ", null)));
        Assert.Equal([("BusinessResponse", "Error_Required"), ("PlatformName", "Error_Required")], problems.Select(p => (p.Field, p.MessageKey)));
    }

    [Fact]
    public void TheConsumersDetailsInAnyTextAreNamedByField()
    {
        var c = Complaint();
        var problems = Check(c, English(c, f => (f.Note, f.IncludeName, f.Summary) = ("Write to taro@example.jp.", false, "YAMADA Taro says it never came.")));
        Assert.Equal([("Summary", "Problem_TextContains_Name"), ("Note", "Problem_TextContains_Email")], problems.Select(p => (p.Field, p.MessageKey)));
    }

    [Theory]
    [InlineData("Summary", "相談内容の要約を入力してください。")]
    [InlineData("Item", "商品・サービスを入力してください。")]
    [InlineData("BusinessName", "事業者の名称を入力してください。")]
    [InlineData("ConsumerName", "相談者の氏名(ローマ字)を入力してください。")]
    [InlineData("ConsumerAddress", "相談者の住所(ローマ字)を入力してください。")]
    public void RequiredEnglishIsAskedForByName(string field, string message)
    {
        var form = English(Complaint());
        form.IncludeName = true;
        typeof(ComposeForward.Form).GetProperty(field)!.SetValue(form, " ");
        Assert.Equal(message, FirstError(form));
    }

    [Fact]
    public void TheNameAndAddressAreNotAskedForWhenNotIncluded() =>
        Assert.Null(FirstError(English(Complaint(), f => (f.IncludeName, f.ConsumerName, f.IncludeAddress, f.ConsumerAddress) = (false, null, false, null))));

    [Fact]
    public void ATooLongSummaryIsRefusedWithItsLength() =>
        Assert.Equal("相談内容の要約は20000文字以内にしてください(現在20001文字)。", FirstError(English(Complaint(), f => f.Summary = new string('a', 20_001))));
}
