using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.CasePage;

/// <summary>The email that tells a consumer their case is declined: the reason in words, staff's message, what they can still do.</summary>
public class DeclineNoticeTests
{
    private const string Link = "https://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

    private static readonly DeclineNotice Notice = new(Localizers);

    private static Case NewCase(PaymentMethod payment, PurchasePlatform platform, string language = "ja", string? platformName = null)
    {
        var details = TestComplaints.Details();
        details = details with { Purchase = details.Purchase with { PaymentMethod = payment, Platform = platform, PlatformName = platformName } };
        return Case.Receive(new CaseNumber(2026, 123), Guid.NewGuid(), details, TestComplaints.Consent(), language, TestComplaints.Now, []);
    }

    private static ComposedEmail Compose(Case c, DeclineReason reason, string? message = null, string? duplicateOf = null) =>
        new EmailComposer(Localizers).Compose(
            Notice.For(c, reason, duplicateOf, message, new ConsumerContact(EmailRecipients.ForAddress("taro@example.jp"), c.Language, "山田 太郎", ViaCounselor: false), Link),
            c.Language);

    public static TheoryData<DeclineReason, string> EveryReasonInBothLanguages()
    {
        var data = new TheoryData<DeclineReason, string>();
        foreach (var reason in Enum.GetValues<DeclineReason>())
        {
            data.Add(reason, "ja");
            data.Add(reason, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryReasonInBothLanguages))]
    public void ExplainsEveryReasonInWordsNotAsABareLabel(DeclineReason reason, string language)
    {
        var email = Compose(NewCase(PaymentMethod.CreditCard, PurchasePlatform.Amazon, language), reason, duplicateOf: "CCJ-2026-000001");

        Assert.Contains("CCJ-2026-000123", email.Subject, StringComparison.Ordinal);
        Assert.StartsWith(language == "ja" ? "山田 太郎 様" : "Dear 山田 太郎,", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(language == "ja" ? "理由:" : "Reason:", email.TextBody, StringComparison.Ordinal);
        var label = InLanguage(language, () => new Microsoft.Extensions.Localization.StringLocalizer<CaseLabels>(Localizers)["DeclineReason_" + reason].Value);
        Assert.DoesNotContain(label, email.TextBody, StringComparison.Ordinal);
        Assert.Equal(reason == DeclineReason.Duplicate, email.TextBody.Contains("CCJ-2026-000001", StringComparison.Ordinal));
        Assert.Contains("\nhttps://ccj.example.jp/track/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "Amazon の購入者保護", "クレジットカード会社", "188")]
    [InlineData("en", "Amazon's own buyer protection", "Your card issuer (a chargeback)", "188")]
    public void SuggestsTheMarketplaceTheCardIssuerAndTheHotlineForACardPurchaseOnAmazon(string language, string marketplace, string card, string hotline)
    {
        var text = Compose(NewCase(PaymentMethod.CreditCard, PurchasePlatform.Amazon, language), DeclineReason.Counterfeit).TextBody;

        Assert.True(text.IndexOf(marketplace, StringComparison.Ordinal) is var m && m > 0, marketplace);
        Assert.True(text.IndexOf(card, StringComparison.Ordinal) > m, card);
        Assert.True(text.IndexOf(hotline, StringComparison.Ordinal) > text.IndexOf(card, StringComparison.Ordinal), hotline);
        Assert.DoesNotContain("PayPal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SuggestsPayPalAndTheHotlineButNoMarketplaceForPayPalOnTheBusinesssOwnSite()
    {
        var text = Compose(NewCase(PaymentMethod.PayPal, PurchasePlatform.BusinessOwnSite), DeclineReason.OutOfScope).TextBody;

        Assert.Contains("PayPal の買い手保護制度", text, StringComparison.Ordinal);
        Assert.Contains("消費者ホットライン 188", text, StringComparison.Ordinal);
        Assert.DoesNotContain("チャージバック", text, StringComparison.Ordinal);
        Assert.DoesNotContain("購入者保護・トラブル解決", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SuggestsOnlyTheHotlineForABankTransferThroughSocialMedia()
    {
        var text = Compose(NewCase(PaymentMethod.BankTransfer, PurchasePlatform.SocialMedia), DeclineReason.BusinessPurchase).TextBody;

        Assert.Contains("消費者ホットライン 188", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split("\n・").Length - 1);
    }

    [Fact]
    public void SuggestsNothingForADuplicateWhoseOtherCaseGoesOn()
    {
        var text = Compose(NewCase(PaymentMethod.CreditCard, PurchasePlatform.Amazon), DeclineReason.Duplicate, duplicateOf: "CCJ-2026-000001").TextBody;

        Assert.DoesNotContain("188", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ほかにできること", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CarriesStaffsMessageAsItsOwnParagraph()
    {
        var text = Compose(NewCase(PaymentMethod.Cash, PurchasePlatform.Other), DeclineReason.Counterfeit, message: "  写真を拝見しました。\n商標の位置が異なります。  ").TextBody;

        Assert.Contains("\n\n写真を拝見しました。\n商標の位置が異なります。\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesNoEmptyParagraphWithoutAMessage()
    {
        var text = Compose(NewCase(PaymentMethod.Cash, PurchasePlatform.Other), DeclineReason.Counterfeit, message: "   ").TextBody;

        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
    }
}
