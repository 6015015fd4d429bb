using System.Text.Encodings.Web;
using System.Text.Unicode;
using CrossBorderConsumerCenter.Web.Features;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CrossBorderConsumerCenter.UnitTests.CasePage;

/// <summary>The case page's free-text fields and field errors are written by methods, not partial views (issue 8): the same markup.</summary>
public class CaseTextFieldTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    [Fact]
    public void AnOptionalFieldWithAHintAndNoErrorIsDescribedByItsHint()
    {
        var html = Html(new CaseTextField("Close.Comment", "コメント", "任意で", "1行目\n<b>2行目</b>", Required: false).Html(new ModelStateDictionary(), "（任意）"));

        Assert.Equal(
            "<div class=\"field\">\n<label for=\"Close_Comment\">コメント<span class=\"field__optional\">（任意）</span></label>\n"
            + "<span class=\"field__hint\" id=\"Close_Comment-hint\">任意で</span>\n"
            + "\n<textarea id=\"Close_Comment\" name=\"Close.Comment\" rows=\"6\" dir=\"auto\" aria-describedby=\"Close_Comment-hint\">\n"
            + "1行目&#xA;&lt;b&gt;2行目&lt;/b&gt;</textarea>\n</div>", // Razor encodes a line break in a value the same way
            html);
    }

    [Fact]
    public void ARequiredFieldWithAnErrorShowsItAndIsMarkedInvalid()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("AddNote.Text", "メモを入力してください。");
        state.AddModelError("AddNote.Text", "Second & last");

        var html = Html(new CaseTextField("AddNote.Text", "メモ", Hint: null, Value: null, Required: true).Html(state, "（任意）"));

        Assert.Equal(
            "<div class=\"field field--error\">\n<label for=\"AddNote_Text\">メモ</label>\n"
            + "<span class=\"field__error\" id=\"AddNote_Text-error\"><span>メモを入力してください。</span><span>Second &amp; last</span></span>"
            + "\n<textarea id=\"AddNote_Text\" name=\"AddNote.Text\" rows=\"6\" dir=\"auto\" aria-describedby=\"AddNote_Text-error\" aria-invalid=\"true\">\n</textarea>\n</div>",
            html);
    }

    [Fact]
    public void FieldErrorsWriteNothingForAFieldWithoutErrors()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Other", "x");
        state.SetModelValue("Assign.AssigneeId", "v", "v");

        Assert.Equal("", Html(FieldErrors.For(state, "Assign.AssigneeId")));
        Assert.Equal("", Html(FieldErrors.For(state, "Missing")));
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }
}
