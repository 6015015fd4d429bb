using CrossBorderConsumerCenter.Web;
using CrossBorderConsumerCenter.Web.Features.Layout;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using static CrossBorderConsumerCenter.UnitTests.Intake.IntakeTestSupport;

namespace CrossBorderConsumerCenter.UnitTests.Layout;

/// <summary>A page's title reads whatever a view put in ViewData["Title"], names the site after it and says "Error" first when the page shows errors.</summary>
public class PageTitleTests
{
    private static readonly IStringLocalizer<SharedResource> Shared = new StringLocalizer<SharedResource>(Localizers);

    [Fact]
    public void ATitleIsReadFromAStringALocalizedStringOrHtml()
    {
        Assert.Equal("入力内容の確認", PageTitle.TextOf("入力内容の確認"));
        Assert.Equal("入力内容の確認", PageTitle.TextOf(new LocalizedString("Review_Title", "入力内容の確認")));
        Assert.Equal("Q&A <FAQ>", PageTitle.TextOf(new HtmlString("Q&amp;A &lt;FAQ&gt;")));
        Assert.Equal("Q&A", PageTitle.TextOf(new HtmlContentBuilder().Append("Q&A")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NoTitleReadsAsNone(string? title) => Assert.Null(PageTitle.TextOf(title));

    [Fact]
    public void ThePageComesBeforeTheSiteNameAndErrorsBeforeBoth()
    {
        var clean = new ModelStateDictionary();
        var invalid = new ModelStateDictionary();
        invalid.AddModelError("Form.Consumer.Name", "お名前を入力してください。");

        Assert.Equal("入力内容の確認 — 越境消費者センター", InLanguage("ja", () => PageTitle.For(new LocalizedString("k", "入力内容の確認"), clean, Shared)));
        Assert.Equal("エラー: ご相談内容の入力 — 越境消費者センター", InLanguage("ja", () => PageTitle.For("ご相談内容の入力", invalid, Shared)));
        Assert.Equal("Error: Your complaint — Cross-Border Consumer Center Japan", InLanguage("en", () => PageTitle.For("Your complaint", invalid, Shared)));
        Assert.Equal("越境消費者センター", InLanguage("ja", () => PageTitle.For(null, clean, Shared)));
    }
}
