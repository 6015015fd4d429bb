using System.Text.Encodings.Web;
using System.Text.Unicode;
using CrossBorderConsumerCenter.UnitTests.Intake;
using CrossBorderConsumerCenter.Web.Features.Forms;
using CrossBorderConsumerCenter.Web.Features.Queue;
using Microsoft.AspNetCore.Html;

namespace CrossBorderConsumerCenter.UnitTests.Queue;

/// <summary>The queue's fixed filter lists are written once per language: the choice and the language must still show.</summary>
public class QueueFilterListsTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly ChoiceLists Options = IntakeTestSupport.Choices;

    [Fact]
    public void MarksOnlyTheChosenOption()
    {
        var html = Html(OptionList.Write([new("A", "Alpha"), new("B", "Beta"), new("C", "Gamma")], Encoder).With("B"));

        Assert.Equal("<option value=\"A\">Alpha</option>\n<option value=\"B\" selected=\"selected\">Beta</option>\n<option value=\"C\">Gamma</option>\n", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Z")]
    public void MarksNoneWhenNothingOrAnUnknownValueIsChosen(string? chosen) =>
        Assert.DoesNotContain("selected", Html(OptionList.Write([new("A", "Alpha"), new("B", "Beta")], Encoder).With(chosen)), StringComparison.Ordinal);

    [Fact]
    public void GroupsConsecutiveOptionsAndEncodesLabels()
    {
        var html = Html(OptionList.Write([new("A", "<Alpha>", "Common & usual"), new("B", "Beta", "Common & usual"), new("C", "Gamma", "All")], Encoder).With("C"));

        Assert.Equal(
            "<optgroup label=\"Common &amp; usual\">\n<option value=\"A\">&lt;Alpha&gt;</option>\n<option value=\"B\">Beta</option>\n</optgroup>\n"
            + "<optgroup label=\"All\">\n<option value=\"C\" selected=\"selected\">Gamma</option>\n</optgroup>\n",
            html);
    }

    [Fact]
    public void CountriesFollowTheLanguageAndTheChoice()
    {
        var japanese = IntakeTestSupport.InLanguage("ja", () => Html(QueueFilterLists.Countries(Options, Encoder).With("CN")));
        var english = IntakeTestSupport.InLanguage("en", () => Html(QueueFilterLists.Countries(Options, Encoder).With("US")));
        var englishAgain = IntakeTestSupport.InLanguage("en", () => Html(QueueFilterLists.Countries(Options, Encoder).With(null)));

        Assert.Contains("<option value=\"CN\" selected=\"selected\">中国</option>", japanese, StringComparison.Ordinal);
        Assert.Single(japanese.Split("selected=").Skip(1));
        Assert.Contains("<option value=\"US\" selected=\"selected\">United States</option>", english, StringComparison.Ordinal);
        Assert.Contains("<option value=\"CN\">China</option>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("selected", englishAgain, StringComparison.Ordinal);
        Assert.Equal(english.Replace(" selected=\"selected\"", "", StringComparison.Ordinal), englishAgain);
    }

    [Fact]
    public void CategoriesAreLabelledInTheLanguage()
    {
        var japanese = IntakeTestSupport.InLanguage("ja", () => Html(QueueFilterLists.Categories(Options, Encoder).With("Counterfeit")));
        var english = IntakeTestSupport.InLanguage("en", () => Html(QueueFilterLists.Categories(Options, Encoder).With("Counterfeit")));

        Assert.Contains($"<option value=\"Counterfeit\" selected=\"selected\">{IntakeTestSupport.InLanguage("ja", () => Options.Label(Web.Domain.Cases.CaseCategory.Counterfeit))}</option>", japanese, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"Counterfeit\" selected=\"selected\">{IntakeTestSupport.InLanguage("en", () => Options.Label(Web.Domain.Cases.CaseCategory.Counterfeit))}</option>", english, StringComparison.Ordinal);
        Assert.NotEqual(japanese, english);
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, Encoder);
        return writer.ToString();
    }
}
