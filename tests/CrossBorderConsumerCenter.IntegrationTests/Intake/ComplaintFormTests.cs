using System.Net;
using CrossBorderConsumerCenter.Testing.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>Nothing lost: a refused form comes back with every value and file, and a summary linking to each problem.</summary>
public class ComplaintFormTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    public static TheoryData<string> RequiredFields() =>
    [
        "Form.Consumer.Name", "Form.Consumer.NameKana", "Form.Consumer.Email", "Form.Consumer.EmailConfirmation", "Form.Consumer.Phone",
        "Form.Consumer.PostalCode", "Form.Consumer.Prefecture", "Form.Consumer.Address", "Form.Consumer.AgeBand",
        "Form.Business.Name", "Form.Business.Country",
        "Form.Purchase.Date", "Form.Purchase.Item", "Form.Purchase.Amount", "Form.Purchase.Currency", "Form.Purchase.PaymentMethod", "Form.Purchase.Platform",
        "Form.Trouble.Category", "Form.Trouble.WhatHappened", "Form.Trouble.ContactedOn", "Form.Trouble.ContactMethod", "Form.Trouble.BusinessResponse",
        "Form.Trouble.DesiredResolution",
    ];

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task EachMissingRequiredFieldIsReportedAndLinkedAndEverythingElseIsKept(string field)
    {
        var (journey, page) = await PostAsync(new Dictionary<string, string?> { [field] = null });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var id = field.Replace('.', '_');
        var link = Assert.Single(page.FindAll(".error-summary a"));
        Assert.Equal("#" + id, link.GetAttribute("href"));
        Assert.Equal("true", page.Find("#" + id)!.GetAttribute("aria-invalid") ?? page.Find($"#{id}-group [aria-invalid]")?.GetAttribute("aria-invalid") ?? ErrorShownIn(page, id));
        Assert.Equal(link.TextContent, page.FieldError(id));
        AssertKeptExcept(page, field);

        // Saved in the draft too: a reload shows the same values.
        var reloaded = await journey.Client.GetOkAsync("/complaint/form");
        AssertKeptExcept(reloaded, field);
        Assert.Empty(reloaded.FindAll(".error-summary"));
    }

    public static TheoryData<string, string, string> BadValues() => new()
    {
        { "Form.Consumer.Email", "taro.@docomo.ne.jp", "「@」の直前が「.」「-」「_」のメールアドレスには、センターからの返信が届きません。" },
        { "Form.Consumer.Email", "-taro@docomo.ne.jp", "先頭が「.」「-」「_」のメールアドレスには、センターからの返信が届きません。" },
        { "Form.Consumer.Email", "taro..x@docomo.ne.jp", "「.」が2つ以上続くメールアドレスには、センターからの返信が届きません。" },
        { "Form.Consumer.EmailConfirmation", "other@example.jp", "確認用のメールアドレスが一致しません。" },
        { "Form.Consumer.Email", "山田太郎@example.jp", "日本語などの英数字・記号以外の文字があるメールアドレスには" },
        { "Form.Consumer.NameKana", "Yamada", "フリガナは、カタカナまたはひらがなで入力してください。" },
        { "Form.Consumer.Phone", "12345", "電話番号は10〜15桁の数字で入力してください" },
        { "Form.Consumer.PostalCode", "12-34", "郵便番号は7桁の数字で入力してください" },
        { "Form.Consumer.Prefecture", "JP-99", "都道府県を選択してください。" },
        { "Form.Consumer.AgeBand", "Immortal", "年代を選択してください" },
        { "Form.Business.Website", "javascript:alert(1)", "ウェブサイトのURLを正しく入力してください" },
        { "Form.Business.Country", "JP", "消費者ホットライン188" },
        { "Form.Business.Country", "ZZ", "事業者の所在国・地域を選択してください。" },
        { "Form.Business.Email", "shop at example", "事業者のメールアドレスの形式が正しくありません。" },
        { "Form.Business.Phone", "123", "事業者の電話番号は6〜15桁の数字で入力してください。" },
        { "Form.Purchase.Date", TestTime.Iso(TestTime.TodayInJapan.AddDays(1)), "購入日(注文日)に未来の日付は入力できません。" },
        { "Form.Purchase.Date", "31/12/2025", "購入日(注文日)は、年-月-日の形で入力してください" },
        { "Form.Purchase.ArrivedOn", TestTime.Iso(TestTime.TodayInJapan.AddDays(1)), "商品が届いた日(届いていれば)に未来の日付は入力できません。" },
        { "Form.Purchase.ArrivedOn", "2026-02-30", "商品が届いた日(届いていれば)は、年-月-日の形で入力してください" },
        { "Form.Purchase.ArrivedOn", TestTime.Iso(TestComplaints.PurchaseDate.AddDays(-1)), "商品が届いた日は、購入日と同じ日かそれより後の日付を入力してください。" },
        { "Form.Purchase.Amount", "twelve", "金額は数字で入力してください" },
        { "Form.Purchase.Amount", "0", "金額は0より大きい数字で入力してください。" },
        { "Form.Purchase.Amount", "-129.99", "マイナスを付けずに入力してください。" },
        { "Form.Purchase.Amount", "129.990", "「129.990」の「.」が小数点なのか3桁ごとの区切りなのか判断できません。" },
        { "Form.Purchase.Amount", "12,800円", "金額には「円」とありますが、通貨は「USD — 米ドル」が選ばれています。" },
        { "Form.Purchase.Currency", "ABC", "通貨を選択してください。" },
        { "Form.Purchase.PaymentMethod", "Barter", "支払方法を選択してください。" },
        { "Form.Purchase.Platform", "1", "購入した場所を選択してください。" },
        { "Form.Trouble.Category", "Boredom", "主なトラブルを選択してください。" },
        { "Form.Trouble.ContactedOn", TestTime.Iso(TestComplaints.PurchaseDate.AddDays(-1)), "購入日以降の日付を入力してください。" },
        { "Form.Trouble.ContactMethod", "Pigeon", "問い合わせの方法を選択してください。" },
        { "Form.Trouble.DesiredResolution", "Revenge", "希望する解決を選択してください。" },
        { "Form.Trouble.Category", "Counterfeit", "偽物(模倣品)についての注意を読み、確認欄にチェックを入れてください。" },
        { "Form.Purchase.Platform", "Other", "購入した場所の名前を入力してください。" },
        { "Form.Consumer.Name", "bell\u0007char", "表示できない制御文字" }, // a NUL never reaches the form: WellFormedInputFilter answers 400 (HostileTextTests)
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task EachBadValueGetsAClearMessageAndIsShownAgainAsTyped(string field, string value, string message)
    {
        var (_, page) = await PostAsync(new Dictionary<string, string?> { [field] = value });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var error = Assert.Single(page.FindAll(".error-summary a"));
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        var control = page.Find($"[name='{field}']:not([type=radio])") ?? page.Find($"[name='{field}'][value='{value}']");
        // HTML turns a NUL into U+FFFD when it is read back, in browsers as here; every other value comes back as typed.
        if (control is not null && control.TagName is "INPUT" && control.GetAttribute("type") is not "radio" && !value.Any(char.IsControl))
        {
            Assert.Equal(value, control.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task AHundredKilobyteDescriptionIsRefusedWithItsLengthAndKeptInFull()
    {
        var description = string.Concat(Enumerable.Repeat("経緯の説明です。Explanation. ", 5000))[..102_400];
        var (journey, page) = await PostAsync(new Dictionary<string, string?> { ["Form.Trouble.WhatHappened"] = description });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("何があったかは20,000文字以内で入力してください(現在102,400文字)。長い経緯は、文書にして証拠資料として添付することもできます。",
            Assert.Single(page.FindAll(".error-summary a")).TextContent);
        Assert.Equal(description, page.Find("#Form_Trouble_WhatHappened")!.TextContent);

        // The draft keeps twice the limit: enough to shorten from, bounded in size.
        var draft = await portal.DraftOfAsync(journey);
        Assert.Contains(description[..40_000], draft.FormJson, StringComparison.Ordinal);
        Assert.DoesNotContain(description[..40_001], draft.FormJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADescriptionAtTheLimitIsAccepted()
    {
        var description = string.Concat(Enumerable.Repeat("あいうえお😀", 3000))[..20_000];
        using var client = portal.Factory.CreateFormClient();
        var review = await new IntakeJourney(client).ReachReviewAsync(new Dictionary<string, string?> { ["Form.Trouble.WhatHappened"] = description });
        Assert.Equal(description, review.Find(".summary__text")!.TextContent);
    }

    [Fact]
    public async Task FilesAttachedWhileTheFormIsRefusedAreKeptAndShownByName()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        var values = IntakeJourney.ValidForm();
        values["Form.Consumer.Phone"] = "";
        using var response = await journey.PostFormAsync(form, values, "review", [TestFiles.File("label.jpg", TestFiles.Jpeg(), "image/jpeg")]);
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["label.jpg"], page.FindAll(".file-list__name").Select(e => e.TextContent));
        Assert.Contains("添付しました: label.jpg", page.MainText, StringComparison.Ordinal);
        Assert.Single((await portal.DraftOfAsync(journey)).Files);

        // Fixed and resent without the file: it is still there on the review page.
        var fixedPage = await journey.PostFormAsync(page, new Dictionary<string, string?> { ["Form.Consumer.Phone"] = "03-1234-5678" }, "review");
        var review = await client.FollowRedirectAsync(fixedPage);
        Assert.Contains("label.jpg", review.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoingToReviewOrSubmittingAnIncompleteDraftLeadsBackToTheFormWithItsProblems()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        using (await journey.PostFormAsync(form, new Dictionary<string, string?> { ["Form.Consumer.Name"] = "途中 保存" }, "upload")) { }

        var review = await client.GetAsync("/complaint/review");
        Assert.Equal("/complaint/form?check=True", review.Headers["Location"]);
        var checkedForm = await client.GetOkAsync("/complaint/form?check=True");
        Assert.NotEmpty(checkedForm.FindAll(".error-summary li"));
        Assert.Equal("途中 保存", checkedForm.Find("#Form_Consumer_Name")!.GetAttribute("value"));

        using var submit = await client.PostAsync("/complaint/submit", checkedForm, []);
        Assert.Equal("/complaint/form?check=True", submit.Headers.Location!.OriginalString);
        Assert.Equal(0, await portal.QueryAsync(db => db.Cases.CountAsync(c => c.ConsumerName == "途中 保存")));
    }

    [Fact]
    public async Task TheAutosaveBeforeALanguageSwitchStoresTheValuesAndAnswersNoContent()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        using var response = await journey.PostFormAsync(form, new Dictionary<string, string?> { ["Form.Consumer.Name"] = "自動 保存" }, "autosave");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await client.GetOkAsync("/complaint/form");
        Assert.Equal("en", english.Lang);
        Assert.Equal("自動 保存", english.Find("#Form_Consumer_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task PressingEnterInAFieldChecksTheAnswersAndNeverRemovesAFile()
    {
        using var client = portal.Factory.CreateFormClient();
        var form = await new IntakeJourney(client).ConsentAsync();
        var first = form.Find("form#complaint-form button[type=submit]")!;
        Assert.Equal("review", first.GetAttribute("value"));
        Assert.Equal("intent", first.GetAttribute("name"));
    }

    private async Task<(IntakeJourney Journey, HtmlPage Page)> PostAsync(IDictionary<string, string?> changes)
    {
        var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync();
        var values = IntakeJourney.ValidForm();
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        using var response = await journey.PostFormAsync(form, values, "review");
        return (journey, await HtmlPage.ReadAsync(response));
    }

    [Fact]
    public async Task AnAmountTypedWithItsCurrencyIsReadAndShownOnTheReview()
    {
        using var client = portal.Factory.CreateFormClient();
        var review = await new IntakeJourney(client).ReachReviewAsync(new Dictionary<string, string?>
        {
            ["Form.Purchase.Amount"] = "１２，８００円",
            ["Form.Purchase.Currency"] = "",
        });
        Assert.Contains("12,800 JPY (日本円)", review.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "よく使われる通貨", "その他の通貨", "THB — タイ バーツ")]
    [InlineData("en", "Common currencies", "Other currencies", "THB — Thai Baht")]
    public async Task TheCurrenciesOfferTheCommonOnesFirstThenTheOthersByCodeAndNoWithdrawnOne(string language, string common, string others, string baht)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await new IntakeJourney(client).ConsentAsync();
        var groups = form.FindAll("select[name='Form.Purchase.Currency'] optgroup");
        Assert.Equal([common, others], groups.Select(g => g.GetAttribute("label")));
        Assert.Equal(["JPY", "USD", "EUR", "CNY", "KRW", "TWD", "GBP", "HKD", "SGD", "AUD", "CAD", "THB"], groups[0].QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal(baht, groups[0].QuerySelectorAll("option")[^1].TextContent.Trim());
        var rest = groups[1].QuerySelectorAll("option").Select(o => o.GetAttribute("value")!).ToList();
        Assert.Equal(rest.Order(StringComparer.Ordinal), rest);
        Assert.DoesNotContain("CUC", rest);
        Assert.DoesNotContain("ZWL", rest);
        Assert.Contains("ZWG", rest);
    }

    private static string ErrorShownIn(HtmlPage page, string id) => page.Find($"#{id}-error") is null ? "no error shown" : "true";

    /// <summary>Every valid value is back in its control, except the one field the test emptied.</summary>
    private static void AssertKeptExcept(HtmlPage page, string emptied)
    {
        foreach (var (name, value) in IntakeJourney.ValidForm().Where(p => p.Key != emptied && !string.IsNullOrEmpty(p.Value)))
        {
            var control = page.Find($"[name='{name}']")!;
            var shown = control.TagName switch
            {
                "TEXTAREA" => control.TextContent,
                "SELECT" => control.QuerySelector("option[selected]")?.GetAttribute("value"),
                _ when control.GetAttribute("type") == "radio" => page.Find($"[name='{name}'][checked]")?.GetAttribute("value"),
                _ => control.GetAttribute("value"),
            };
            Assert.True(value == shown, $"{name}: expected '{value}', shown '{shown}'");
        }
    }
}
