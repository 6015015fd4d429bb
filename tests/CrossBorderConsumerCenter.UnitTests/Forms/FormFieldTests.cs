using System.Text.Encodings.Web;
using System.Text.Unicode;
using CrossBorderConsumerCenter.Web.Features.Forms;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CrossBorderConsumerCenter.UnitTests.Forms;

/// <summary>
/// The one writer of form fields: every form, public and staff, gets the same label, hint, error and aria markup, so
/// that screen readers hear them alike. The exact markup is the contract.
/// </summary>
public class FormFieldTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly FieldTexts Texts = new("必須", "任意", "エラー:", "選択してください", "{0} / {1}文字");

    [Fact]
    public void AnOptionalTextAreaWithAHintAndNoErrorIsDescribedByItsHintAndKeepsTheValueAsTyped()
    {
        var html = Html(FreeTextField.Optional("Close.Comment", "コメント", "任意で", "1行目\n<b>2行目</b>"), new ModelStateDictionary());

        Assert.Equal(
            "<div class=\"field\">\n<label for=\"Close_Comment\">コメント <span class=\"field__optional\">任意</span></label>\n"
            + "<span class=\"field__hint\" id=\"Close_Comment-hint\">任意で</span>\n"
            + "<textarea id=\"Close_Comment\" name=\"Close.Comment\" rows=\"6\" dir=\"auto\" aria-describedby=\"Close_Comment-hint\">\n"
            + "1行目&#xA;&lt;b&gt;2行目&lt;/b&gt;</textarea>\n</div>",
            html);
    }

    [Fact]
    public void ARefusedFieldShowsEveryMessageAfterAHiddenErrorPrefixAndIsMarkedInvalid()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("AddNote.Text", "メモを入力してください。");
        state.AddModelError("AddNote.Text", "Second & last");

        var html = Html(FreeTextField.Required("AddNote.Text", "メモ", hint: null, value: null), state);

        Assert.Equal(
            "<div class=\"field field--error\">\n<label for=\"AddNote_Text\">メモ</label>\n"
            + "<span class=\"field__error\" id=\"AddNote_Text-error\"><span class=\"visually-hidden\">エラー:</span><span>メモを入力してください。</span> <span>Second &amp; last</span></span>\n"
            + "<textarea id=\"AddNote_Text\" name=\"AddNote.Text\" rows=\"6\" dir=\"auto\" aria-describedby=\"AddNote_Text-error\" aria-invalid=\"true\">\n</textarea>\n</div>",
            html);
    }

    [Fact]
    public void ATextInputIsDescribedByItsHintAndErrorAndNeverEchoesAPassword()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Lost.Email", "形式が違います");
        var email = Html(new TextField("Lost.Email", "メールアドレス") { Hint = "例", Value = "a\"b@example.jp", Type = "email", Autocomplete = "email", Mark = FieldMark.Required }, state);
        Assert.Equal(
            "<div class=\"field field--error\">\n<label for=\"Lost_Email\">メールアドレス <span class=\"field__required\">必須</span></label>\n"
            + "<span class=\"field__hint\" id=\"Lost_Email-hint\">例</span>\n"
            + "<span class=\"field__error\" id=\"Lost_Email-error\"><span class=\"visually-hidden\">エラー:</span><span>形式が違います</span></span>\n"
            + "<input type=\"email\" id=\"Lost_Email\" name=\"Lost.Email\" value=\"a&quot;b@example.jp\" autocomplete=\"email\" spellcheck=\"false\" aria-describedby=\"Lost_Email-hint Lost_Email-error\" aria-invalid=\"true\">\n</div>",
            email);

        var password = Html(new TextField("Password", "パスワード") { Value = "secret", Type = "password" }, new ModelStateDictionary());
        Assert.DoesNotContain("secret", password, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-01", "date", "2026-10-01")]
    [InlineData("2026/10/1", "date", "2026-10-01")]
    [InlineData("先週", "text", "先週")]
    public void ADateThatIsNotYyyyMmDdIsShownAsTypedTextSoThatItIsNotLost(string typed, string type, string shown)
    {
        var html = Html(new TextField("Purchase.Date", "購入日") { Type = "date", Value = typed }, new ModelStateDictionary());
        Assert.Contains($"type=\"{type}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{shown}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ASelectOffersAnEmptyFirstOptionUnlessToldNotToAndMarksTheChoice()
    {
        var options = new[] { new FieldOption("JP-13", "東京都"), new FieldOption("US", "アメリカ", Group: "よくある国") };
        var html = Html(new SelectField("Prefecture", "都道府県", options) { Selected = "US" }, new ModelStateDictionary());
        Assert.Contains("<option value=\"\">選択してください</option>", html, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"よくある国\">\n<option value=\"US\" selected=\"selected\">アメリカ</option>", html, StringComparison.Ordinal);

        var without = Html(new SelectField("Language", "言語", options) { FirstEmpty = false }, new ModelStateDictionary());
        Assert.DoesNotContain("value=\"\"", without, StringComparison.Ordinal);
    }

    [Fact]
    public void RadiosAndCheckboxGroupsAreFieldsetsWhoseFirstControlCarriesTheIdTheSummaryLinksTo()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Close.Outcome", "選んでください");
        var options = new[] { new FieldOption("Resolved", "解決"), new FieldOption("NoReply", "回答なし", Hint: "7日") };

        var radios = Html(new RadioField("Close.Outcome", "結果", options) { Selected = "NoReply" }, state);
        Assert.StartsWith("<div class=\"field field--error\">\n<fieldset id=\"Close_Outcome-group\" aria-describedby=\"Close_Outcome-error\">\n<legend>結果</legend>", radios, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" id=\"Close_Outcome\" name=\"Close.Outcome\" value=\"Resolved\">", radios, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" id=\"Close_Outcome_NoReply\" name=\"Close.Outcome\" value=\"NoReply\" checked=\"checked\"><label for=\"Close_Outcome_NoReply\">回答なし<span class=\"field__hint\">7日</span></label>", radios, StringComparison.Ordinal);

        var boxes = Html(new CheckboxGroupField("Roles", "役割", options) { Selected = ["Resolved"] }, new ModelStateDictionary());
        Assert.Contains("<input type=\"checkbox\" id=\"Roles\" name=\"Roles\" value=\"Resolved\" checked=\"checked\"><label for=\"Roles\"><bdi>解決</bdi></label>", boxes, StringComparison.Ordinal);
        Assert.Contains("id=\"Roles_NoReply\"", boxes, StringComparison.Ordinal);
    }

    [Fact]
    public void ACheckboxCanPostFalseWhenUnticked()
    {
        var html = Html(new CheckboxField("IsActive", "有効") { Checked = true, FalseWhenUnticked = true }, new ModelStateDictionary());
        Assert.Contains("<input type=\"checkbox\" id=\"IsActive\" name=\"IsActive\" value=\"true\" checked=\"checked\"><label for=\"IsActive\">有効</label>\n<input type=\"hidden\" name=\"IsActive\" value=\"false\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileInputIsDescribedByItsLiveCheckToo()
    {
        var html = Html(new FileField("Files", "ファイル") { Hint = "10MBまで", Multiple = true, LiveCheck = true, Data = [new("data-max-files", "10")] }, new ModelStateDictionary());
        Assert.Contains("<input type=\"file\" id=\"Files\" name=\"Files\" multiple aria-describedby=\"Files-hint Files-check\" data-max-files=\"10\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field__error\" id=\"Files-check\" aria-live=\"polite\" data-evidence-check></p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheErrorSummaryListsErrorsInTheOrderOfTheFieldsThenAsFound()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("B", "b");
        state.AddModelError("", "form");
        state.AddModelError("Countries[0].CountryCode", "country");
        state.AddModelError("A", "a1");
        state.AddModelError("A", "a2");

        var summary = ErrorSummary.From(state, ["A", "B"]);

        Assert.Equal([("A", "a1"), ("A", "a2"), ("B", "b"), (null, "form"), ("Countries_0__CountryCode", "country")],
            summary.Lines.Select(l => (l.FieldId, l.Message)));
    }

    private static string Html(FormField field, ModelStateDictionary state)
    {
        using var writer = new StringWriter();
        ((IHtmlContent)field.Html(state, Texts)).WriteTo(writer, Encoder);
        return writer.ToString();
    }
}
