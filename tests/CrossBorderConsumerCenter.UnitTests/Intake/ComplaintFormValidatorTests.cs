using System.Globalization;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Intake;
using FluentValidation.Results;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Intake;

/// <summary>Every rule of the complaint form, with the message the consumer reads.</summary>
public class ComplaintFormValidatorTests
{
    private static readonly ComplaintForm.Validator Validator = new(Text, Clock);

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void ACompleteFormIsValid(string language) => Assert.Empty(Validate(_ => { }, language).Errors);

    public static TheoryData<string, string> RequiredFields() => new()
    {
        { "Consumer.Name", "お名前を入力してください。" },
        { "Consumer.NameKana", "お名前のフリガナを入力してください。" },
        { "Consumer.Email", "メールアドレスを入力してください。" },
        { "Consumer.EmailConfirmation", "確認のため、メールアドレスをもう一度入力してください。" },
        { "Consumer.Phone", "電話番号を入力してください。" },
        { "Consumer.PostalCode", "郵便番号を入力してください。" },
        { "Consumer.Prefecture", "都道府県を選択してください。" },
        { "Consumer.Address", "住所を入力してください。" },
        { "Consumer.AgeBand", "年代を選択してください(「回答しない」も選べます)。" },
        { "Business.Name", "事業者名を入力してください。" },
        { "Business.Country", "事業者の所在国・地域を選択してください。" },
        { "Purchase.Date", "購入日を入力してください。" },
        { "Purchase.Item", "購入したものを入力してください。" },
        { "Purchase.Amount", "支払った金額を入力してください。" },
        { "Purchase.Currency", "通貨を選択してください。" },
        { "Purchase.PaymentMethod", "支払方法を選択してください。" },
        { "Purchase.Platform", "購入した場所を選択してください。" },
        { "Trouble.Category", "主なトラブルを選択してください。" },
        { "Trouble.WhatHappened", "何があったかを入力してください。" },
        { "Trouble.ContactedOn", "事業者に問い合わせた日を入力してください。" },
        { "Trouble.ContactMethod", "問い合わせの方法を選択してください。" },
        { "Trouble.BusinessResponse", "事業者の回答を入力してください(回答がない場合は「回答なし」)。" },
        { "Trouble.DesiredResolution", "希望する解決を選択してください。" },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void EachRequiredFieldMissingGetsItsOwnMessage(string field, string message)
    {
        foreach (var blank in new[] { null, "", "   " })
        {
            var result = Validate(form => Set(form, field, blank));
            var error = Assert.Single(result.Errors);
            Assert.Equal(field, error.PropertyName);
            Assert.Equal(message, error.ErrorMessage);
        }
    }

    [Theory]
    [InlineData("Business.Website")]
    [InlineData("Business.Email")]
    [InlineData("Business.Phone")]
    [InlineData("Purchase.OrderNumber")]
    [InlineData("Purchase.PlatformName")]
    public void OptionalFieldsMayBeLeftEmpty(string field) => Assert.Empty(Validate(form => Set(form, field, "")).Errors);

    [Fact]
    public void TheKanaReadingIsOptionalInEnglishButNotInJapanese()
    {
        Assert.Empty(Validate(form => form.Consumer.NameKana = "", "en").Errors);
        Assert.Equal("Consumer.NameKana", Assert.Single(Validate(form => form.Consumer.NameKana = "").Errors).PropertyName);
    }

    [Theory]
    [InlineData("やまだ たろう")]
    [InlineData("ヤマダ・タロウ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("ヤマダ　タロウ")]
    [InlineData("ヴァン・デル・ベーク")]
    public void KanaInHiraganaKatakanaOrHalfWidthIsAccepted(string kana) => Assert.Empty(Validate(form => form.Consumer.NameKana = kana).Errors);

    [Theory]
    [InlineData("山田 太郎")]
    [InlineData("Yamada Taro")]
    [InlineData("ヤマダ タロウ😀")]
    public void ANameKanaThatIsNotKanaIsRefused(string kana) =>
        AssertError(Validate(form => form.Consumer.NameKana = kana), "Consumer.NameKana", "フリガナは、カタカナまたはひらがなで入力してください。");

    [Theory]
    [InlineData(".taro@docomo.ne.jp", "先頭が「.」「-」「_」のメールアドレスには、センターからの返信が届きません。別のメールアドレスをご使用ください。")]
    [InlineData("taro.@docomo.ne.jp", "「@」の直前が「.」「-」「_」のメールアドレスには、センターからの返信が届きません。別のメールアドレスをご使用ください。")]
    [InlineData("taro..yamada@docomo.ne.jp", "「.」が2つ以上続くメールアドレスには、センターからの返信が届きません。別のメールアドレスをご使用ください。")]
    [InlineData("taro.example.jp", "メールアドレスの形式が正しくありません(例: taro@example.jp)。")]
    [InlineData("山田太郎@example.jp", "「@」より前に日本語などの英数字・記号以外の文字があるメールアドレスには、センターからの返信をお送りできません。別のメールアドレスをご使用ください。")]
    public void AnEmailWeCannotReplyToIsRefusedWithTheReason(string email, string message) =>
        AssertError(Validate(form => form.Consumer.Email = form.Consumer.EmailConfirmation = email), "Consumer.Email", message);

    [Fact]
    public void TheReasonIsGivenInEnglishToEnglishUsers() =>
        AssertError(Validate(form => form.Consumer.Email = form.Consumer.EmailConfirmation = "-taro@docomo.ne.jp", "en"), "Consumer.Email",
            "Our replies cannot reach an address that starts with '.', '-' or '_'. Please use another address.");

    [Fact]
    public void AnAddressWithJapaneseBeforeTheAtIsTakenWhereTheMailServerTakesIt()
    {
        var international = new ComplaintForm.Validator(Text, Clock, internationalEmail: true);
        var form = ValidForm();
        form.Consumer.Email = form.Consumer.EmailConfirmation = "山田太郎@example.jp";
        Assert.Empty(InLanguage("ja", () => international.Validate(form)).Errors);
        Assert.Equal("We cannot send our replies to an address with letters other than A–Z, digits and symbols (Japanese, for example) before the @. Please use another address.",
            Assert.Single(InLanguage("en", () => Validator.Validate(form)).Errors).ErrorMessage);
    }

    [Fact]
    public void AnEmailLongerThanMailAllowsIsRefusedAsTooLong() =>
        AssertError(Validate(form => form.Consumer.Email = form.Consumer.EmailConfirmation = new string('a', 250) + "@x.jp"), "Consumer.Email",
            "メールアドレスは254文字以内で入力してください。");

    [Theory]
    [InlineData("TARO@example.jp")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")]
    [InlineData(" taro@example.jp ")]
    public void TheConfirmationMatchesWhateverTheCaseOrWidth(string confirmation) =>
        Assert.Empty(Validate(form => form.Consumer.EmailConfirmation = confirmation).Errors);

    [Fact]
    public void AConfirmationThatDiffersIsRefused() =>
        AssertError(Validate(form => form.Consumer.EmailConfirmation = "taro@example.com"), "Consumer.EmailConfirmation", "確認用のメールアドレスが一致しません。");

    [Theory]
    [InlineData("03-123-456")]
    [InlineData("090-1234-5678 内線2")]
    [InlineData("abc")]
    public void AnImplausiblePhoneNumberIsRefused(string phone) =>
        AssertError(Validate(form => form.Consumer.Phone = phone), "Consumer.Phone", "電話番号は10〜15桁の数字で入力してください(例: 090-1234-5678)。");

    [Theory]
    [InlineData("100-001")]
    [InlineData("SW1A 1AA")]
    public void AnInvalidPostalCodeIsRefused(string code) =>
        AssertError(Validate(form => form.Consumer.PostalCode = code), "Consumer.PostalCode", "郵便番号は7桁の数字で入力してください(例: 100-0001)。");

    [Theory]
    [InlineData("JP-48")]
    [InlineData("13")]
    [InlineData("Tokyo")]
    public void AnUnknownPrefectureIsRefused(string prefecture) =>
        AssertError(Validate(form => form.Consumer.Prefecture = prefecture), "Consumer.Prefecture", "都道府県を選択してください。");

    [Theory]
    [InlineData("Teleport")]
    [InlineData("0")]
    [InlineData("forties")]
    [InlineData("Forties ")]
    [InlineData("Under20")]
    [InlineData("Under20Legacy")]
    public void AChoiceThatIsNotOneOfTheOptionsIsRefused(string value) =>
        AssertError(Validate(form => form.Consumer.AgeBand = value), "Consumer.AgeBand", "年代を選択してください(「回答しない」も選べます)。");

    [Theory]
    [InlineData("Under18")]
    [InlineData("From18To19")]
    [InlineData("PreferNotToSay")]
    public void EachAgeBandOfferedIsAccepted(string value) =>
        Assert.Empty(Validate(form => form.Consumer.AgeBand = value).Errors);

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://files.example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://localhost/")]
    [InlineData("https://exa mple.com/")]
    public void AnInvalidWebsiteIsRefused(string website) =>
        AssertError(Validate(form => form.Business.Website = website), "Business.Website", "ウェブサイトのURLを正しく入力してください(例: https://shop.example.com/)。");

    [Theory]
    [InlineData("gadgets.example.com")]
    [InlineData("http://gadgets.example.com/shop?item=1")]
    [InlineData("https://ショップ.example.jp/")]
    public void AWebsiteWithoutSchemeOrWithAnIdnHostIsAccepted(string website) => Assert.Empty(Validate(form => form.Business.Website = website).Errors);

    [Fact]
    public void ABusinessInJapanIsSentToTheLocalConsumerCenter() =>
        AssertError(Validate(form => form.Business.Country = "JP"), "Business.Country",
            "国内の事業者とのトラブルは、お近くの消費生活センター(消費者ホットライン188)にご相談ください。海外の事業者の場合は、その国・地域を選択してください。");

    [Theory]
    [InlineData("XX")]
    [InlineData("us")]
    [InlineData("USA")]
    public void AnUnknownCountryIsRefused(string country) =>
        AssertError(Validate(form => form.Business.Country = country), "Business.Country", "事業者の所在国・地域を選択してください。");

    [Fact]
    public void AMalformedBusinessEmailIsRefused() =>
        AssertError(Validate(form => form.Business.Email = "support at example"), "Business.Email", "事業者のメールアドレスの形式が正しくありません。");

    [Fact]
    public void AnImplausibleBusinessPhoneIsRefused() =>
        AssertError(Validate(form => form.Business.Phone = "12345"), "Business.Phone", "事業者の電話番号は6〜15桁の数字で入力してください。");

    private static readonly string Today = TestTime.Iso(TestTime.TodayInJapan);
    private static readonly string Tomorrow = TestTime.Iso(TestTime.TodayInJapan.AddDays(1));

    [Fact]
    public void APurchaseDateInTheFutureIsRefused() =>
        AssertError(Validate(form => form.Purchase.Date = Tomorrow, extra: f => f.Trouble.ContactedOn = Today), "Purchase.Date", "購入日(注文日)に未来の日付は入力できません。");

    [Theory]
    [InlineData("2026-02-30", "購入日(注文日)は、年-月-日の形で入力してください(例: 2026-10-01)。")]
    [InlineData("yesterday", "購入日(注文日)は、年-月-日の形で入力してください(例: 2026-10-01)。")]
    [InlineData("1999-12-31", "購入日(注文日)は2000年以降の日付を入力してください。")]
    public void ABadPurchaseDateIsRefused(string date, string message) =>
        AssertError(Validate(form => form.Purchase.Date = date, extra: f => f.Trouble.ContactedOn = Today), "Purchase.Date", message);

    /// <summary>A day last year whose month and day have one digit each (5 March), written the ways people type it; and today.</summary>
    public static TheoryData<string> DatesInOtherCommonForms()
    {
        var day = new DateOnly(TestTime.TodayInJapan.Year - 1, 3, 5);
        var iso = TestTime.Iso(day);
        return [day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), day.ToString("yyyy/M/d", CultureInfo.InvariantCulture), ToFullWidth(iso), Today];
    }

    [Theory]
    [MemberData(nameof(DatesInOtherCommonForms))]
    public void DatesTypedInOtherCommonFormsOrTodayAreAccepted(string date) =>
        Assert.Empty(Validate(form => form.Purchase.Date = date, extra: f => f.Trouble.ContactedOn = Today).Errors);

    private static string ToFullWidth(string text) =>
        string.Concat(text.Select(c => c == '-' ? '－' : (char)(c - '0' + '０')));

    [Fact]
    public void TheBusinessCannotHaveBeenContactedBeforeThePurchase() =>
        AssertError(Validate(form => form.Trouble.ContactedOn = TestTime.Iso(TestComplaints.PurchaseDate.AddDays(-1))), "Trouble.ContactedOn", "事業者に問い合わせた日には、購入日以降の日付を入力してください。");

    [Fact]
    public void TheContactDateCannotBeInTheFuture() =>
        AssertError(Validate(form => form.Trouble.ContactedOn = Tomorrow), "Trouble.ContactedOn", "事業者に問い合わせた日に未来の日付は入力できません。");

    private const string AmountInvalid = "金額は数字で入力してください(小数点以下3桁まで。例: 12800、12,800円、$129.99)。";

    [Theory]
    [InlineData("abc", AmountInvalid)]
    [InlineData("1.2345", AmountInvalid)]
    [InlineData("1e5", AmountInvalid)]
    [InlineData("12 apples", AmountInvalid)]
    [InlineData("-5", "支払った金額を、マイナスを付けずに入力してください。一部が返金された場合は、そのことを「何があったか」にお書きください。")]
    [InlineData("▲1,280円", "支払った金額を、マイナスを付けずに入力してください。一部が返金された場合は、そのことを「何があったか」にお書きください。")]
    [InlineData("12.000", "「12.000」の「.」が小数点なのか3桁ごとの区切りなのか判断できません。区切りはカンマ、小数点はピリオドで入力し直してください(例: 12,000 または 12.50)。")]
    [InlineData("¥1280", "金額には「¥」とありますが、通貨は「USD — 米ドル」が選ばれています。金額か通貨のどちらかを直してください。")]
    [InlineData("1,280円", "金額には「円」とありますが、通貨は「USD — 米ドル」が選ばれています。金額か通貨のどちらかを直してください。")]
    [InlineData("0", "金額は0より大きい数字で入力してください。")]
    [InlineData("0.00", "金額は0より大きい数字で入力してください。")]
    [InlineData("1000000000000", "金額が大きすぎます。もう一度ご確認ください。")]
    public void ABadAmountIsRefused(string amount, string message) =>
        AssertError(Validate(form => form.Purchase.Amount = amount), "Purchase.Amount", message);

    [Fact]
    public void AnAmountInAnotherCurrencyIsExplainedInEnglishToo() =>
        AssertError(Validate(form => form.Purchase.Amount = "12,000円", "en"), "Purchase.Amount",
            "The amount says “円” but the currency chosen is “USD — US Dollar”. Correct the amount or the currency.");

    [Theory]
    [InlineData("1,280", 1280)]
    [InlineData("１２８０", 1280)]
    [InlineData("12 800", 12800)]
    [InlineData("0.5", 0.5)]
    [InlineData("$129.99", 129.99)]
    [InlineData("US$129.99", 129.99)]
    [InlineData("USD 129.99", 129.99)]
    [InlineData("１２９．９９ドル", 129.99)]
    [InlineData("999999999999", 999999999999)]
    public void AmountsAreReadAsPeopleTypeThem(string amount, decimal expected)
    {
        Assert.Empty(Validate(form => form.Purchase.Amount = amount).Errors);
        var form = ValidForm();
        form.Purchase.Amount = amount;
        Assert.Equal(expected, form.ToDetails().Purchase.Amount);
    }

    [Theory]
    [InlineData("12,800円", "JPY")]
    [InlineData("￥12,800円", "JPY")]
    [InlineData("NT$1,200", "TWD")]
    [InlineData("EUR 19.99", "EUR")]
    public void AnAmountThatNamesItsCurrencyNeedsNoneChosen(string amount, string currency)
    {
        var form = ValidForm();
        (form.Purchase.Amount, form.Purchase.Currency) = (amount, null);
        Assert.Empty(Validate(f => (f.Purchase.Amount, f.Purchase.Currency) = (amount, null)).Errors);
        Assert.Equal(currency, form.ToDetails().Purchase.CurrencyCode);
    }

    [Theory]
    [InlineData("$12.50")]
    [InlineData("¥1280")]
    [InlineData("12.50")]
    public void AnAmountThatDoesNotSayWhichCurrencyStillNeedsOneChosen(string amount) =>
        AssertError(Validate(form => (form.Purchase.Amount, form.Purchase.Currency) = (amount, "")), "Purchase.Currency", "通貨を選択してください。");

    [Fact]
    public void AnUnknownCurrencyIsRefused() =>
        AssertError(Validate(form => form.Purchase.Currency = "XXX"), "Purchase.Currency", "通貨を選択してください。");

    [Fact]
    public void ThePlatformNameIsNeededOnlyForOther()
    {
        AssertError(Validate(form => form.Purchase.Platform = "Other"), "Purchase.PlatformName", "購入した場所の名前を入力してください。");
        Assert.Empty(Validate(form => (form.Purchase.Platform, form.Purchase.PlatformName) = ("Other", "Vintage Market")).Errors);
    }

    [Theory]
    [InlineData("Consumer.Name", ComplaintLimits.Name, "お名前は100文字以内で入力してください(現在101文字)。長い経緯は、文書にして証拠資料として添付することもできます。")]
    [InlineData("Consumer.Address", ComplaintLimits.Address, "住所(市区町村・番地・建物名)は300文字以内で入力してください(現在301文字)。長い経緯は、文書にして証拠資料として添付することもできます。")]
    [InlineData("Business.Name", ComplaintLimits.BusinessName, "事業者名・ショップ名は200文字以内で入力してください(現在201文字)。長い経緯は、文書にして証拠資料として添付することもできます。")]
    [InlineData("Purchase.Item", ComplaintLimits.Item, "購入したものは500文字以内で入力してください(現在501文字)。長い経緯は、文書にして証拠資料として添付することもできます。")]
    [InlineData("Purchase.OrderNumber", ComplaintLimits.OrderNumber, "注文番号は100文字以内で入力してください(現在101文字)。長い経緯は、文書にして証拠資料として添付することもできます。")]
    [InlineData("Trouble.WhatHappened", ComplaintLimits.WhatHappened, "何があったかは20,000文字以内で入力してください(現在20,001文字)。長い経緯は、文書にして証拠資料として添付することもできます。")]
    [InlineData("Trouble.BusinessResponse", ComplaintLimits.BusinessResponse, "事業者の回答は10,000文字以内で入力してください(現在10,001文字)。長い経緯は、文書にして証拠資料として添付することもできます。")]
    public void FreeTextMayBeExactlyAsLongAsItsLimitButNotLonger(string field, int max, string message)
    {
        Assert.Empty(Validate(form => Set(form, field, new string('あ', max))).Errors);
        AssertError(Validate(form => Set(form, field, new string('あ', max + 1))), field, message);
    }

    [Fact]
    public void ThePlatformNameHasALimitToo() =>
        AssertError(Validate(form => (form.Purchase.Platform, form.Purchase.PlatformName) = ("Other", new string('x', ComplaintLimits.PlatformName + 1))), "Purchase.PlatformName",
            "購入した場所の名前は100文字以内で入力してください(現在101文字)。長い経緯は、文書にして証拠資料として添付することもできます。");

    [Theory]
    [InlineData("Consumer.Name")]
    [InlineData("Consumer.Address")]
    [InlineData("Business.Name")]
    [InlineData("Purchase.Item")]
    [InlineData("Purchase.OrderNumber")]
    [InlineData("Trouble.WhatHappened")]
    [InlineData("Trouble.BusinessResponse")]
    public void ControlCharactersThatCannotBeStoredAreRefused(string field) =>
        Assert.Equal(field, Assert.Single(Validate(form => Set(form, field, "text\0with a NUL")).Errors).PropertyName);

    [Fact]
    public void LineBreaksTabsEmojiAndMarkupAreFineInFreeText() =>
        Assert.Empty(Validate(form => form.Trouble.WhatHappened = "一行目\r\n二行目\t😀 <b>bold</b> مرحبا '; DROP TABLE cases; --").Errors);

    [Fact]
    public void ACounterfeitCaseNeedsTheAcknowledgementAndNoOtherCaseDoes()
    {
        AssertError(Validate(form => form.Trouble.Category = "Counterfeit"), "Trouble.CounterfeitAcknowledged",
            "偽物(模倣品)についての注意を読み、確認欄にチェックを入れてください。");
        Assert.Empty(Validate(form => (form.Trouble.Category, form.Trouble.CounterfeitAcknowledged) = ("Counterfeit", true)).Errors);
        Assert.Empty(Validate(form => form.Trouble.CounterfeitAcknowledged = false).Errors);
    }

    [Fact]
    public void AValidFormBecomesTheDomainsDetails()
    {
        var form = ValidForm();
        form.Consumer.Phone = "０９０－１２３４－５６７８";
        form.Consumer.PostalCode = "1000001";
        form.Consumer.NameKana = "ﾔﾏﾀﾞ ﾀﾛｳ";
        form.Business.Website = "gadgets.example.com";
        form.Purchase.Amount = "1,280";
        form.Purchase.Currency = "JPY";
        form.Trouble.Category = "Counterfeit";
        form.Trouble.CounterfeitAcknowledged = true;
        Assert.Empty(InLanguage("ja", () => Validator.Validate(form)).Errors);

        var details = form.ToDetails();
        Assert.Equal("090-1234-5678", details.Consumer.Phone);
        Assert.Equal("100-0001", details.Consumer.PostalCode);
        Assert.Equal("ヤマダ タロウ", details.Consumer.NameKana);
        Assert.Equal("https://gadgets.example.com", details.Business.Website);
        Assert.Equal(1280m, details.Purchase.Amount);
        Assert.Equal(TestComplaints.PurchaseDate, details.Purchase.Date);
        Assert.Equal(CaseCategory.Counterfeit, details.Trouble.Category);
        Assert.True(details.Trouble.CounterfeitAcknowledged);
        Assert.Null(details.Purchase.PlatformName);
    }

    private static ValidationResult Validate(Action<ComplaintForm> change, string language = "ja", Action<ComplaintForm>? extra = null)
    {
        var form = ValidForm();
        extra?.Invoke(form);
        change(form);
        return InLanguage(language, () => Validator.Validate(form));
    }

    private static void AssertError(ValidationResult result, string field, string message)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
    }

    /// <summary>Sets "Section.Field" on the form.</summary>
    private static void Set(ComplaintForm form, string path, string? value)
    {
        var parts = path.Split('.');
        var section = typeof(ComplaintForm).GetProperty(parts[0])!.GetValue(form)!;
        section.GetType().GetProperty(parts[1])!.SetValue(section, value);
    }
}
