using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Pages;

namespace CrossBorderConsumerCenter.UnitTests.Intake;

/// <summary>The FAQ and the privacy notice exist in both languages and say what the product promises.</summary>
public class ContentPagesTests
{
    public static TheoryData<string, string> Pages()
    {
        var pages = new TheoryData<string, string>();
        foreach (var name in MarkdownPages.Names)
        {
            pages.Add("ja", name);
            pages.Add("en", name);
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EachPageExistsInEachLanguageWithATitle(string language, string name)
    {
        var path = MarkdownPages.PathOf(WebProjectFolder, language, name);
        Assert.True(File.Exists(path), $"{path} is missing.");
        Assert.False(string.IsNullOrWhiteSpace(MarkdownPages.Render(File.ReadAllText(path)).Title));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void ThePrivacyNoticeCarriesTheVersionConsumersConsentTo(string language) =>
        Assert.Contains(PrivacyNotice.CurrentVersion, Read(language, "privacy"), StringComparison.Ordinal);

    [Theory]
    [InlineData("ja", "クーリング・オフ制度はありません")]
    [InlineData("en", "no cooling-off period")]
    public void TheFaqDoesNotPromiseCoolingOffForOnlineShopping(string language, string statement) =>
        Assert.Contains(statement, Read(language, "faq"), StringComparison.Ordinal);

    [Theory]
    [InlineData("ja", "第28条")]
    [InlineData("en", "article 28")]
    public void ThePrivacyNoticeExplainsProvisionAbroad(string language, string reference)
    {
        var text = Read(language, "privacy");
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.All(["CBBB", "SOSA", "CASE"], agency => Assert.Contains(agency, text, StringComparison.Ordinal));
    }

    [Fact]
    public void RenderingTakesTheFirstHeadingAsTitleAndEscapesRawHtml()
    {
        var page = MarkdownPages.Render("# Title *here*\n\n<script>alert(1)</script>\n\n## Q {#q1}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        Assert.Equal("Title here", page.Title);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"q1\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("<table>", page.Html, StringComparison.Ordinal);
    }

    private static string Read(string language, string name) => File.ReadAllText(MarkdownPages.PathOf(WebProjectFolder, language, name));

    private static string WebProjectFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "CrossBorderConsumerCenter.Web");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("src/CrossBorderConsumerCenter.Web not found above the test binaries.");
        }
    }
}
