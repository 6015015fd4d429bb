namespace CrossBorderConsumerCenter.IntegrationTests.Support;

/// <summary>
/// What every refused form's page shares, public, partner or back office: the one error summary (focusable, with its
/// list), the site's script that focuses it (a role=alert present when the page loads is not announced by itself), and
/// "エラー: " / "Error: " first in the title.
/// </summary>
public static class RefusedForm
{
    public static void AssertShown(HtmlPage page, string language = "ja")
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.Single(page.FindAll("[data-error-summary][tabindex='-1']"));
        Assert.NotEmpty(page.FindAll("[data-error-summary] li"));
        Assert.NotNull(page.Find("script[src^='/js/site.js']"));
        Assert.StartsWith(language == "ja" ? "エラー: " : "Error: ", page.Title, StringComparison.Ordinal);
    }
}
