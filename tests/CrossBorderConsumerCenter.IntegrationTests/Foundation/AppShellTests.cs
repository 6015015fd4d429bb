using System.Net;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

public class AppShellTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task HomeIsJapaneseByDefault()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync("/");
        Assert.Equal("ja", page.Lang);
        Assert.Contains("海外ショッピング", page.Heading, StringComparison.Ordinal);
        Assert.Contains("海外ショッピング", page.Text, StringComparison.Ordinal); // UTF-8, not numeric entities
        Assert.Contains("188", page.Find("footer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("9:00", page.Find("footer")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("a.skip-link[href='#main']"));
        Assert.NotNull(page.Find("main#main"));
    }

    [Fact]
    public async Task HomeIsEnglishForABrowserThatAsksForEnglish()
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var page = await client.GetOkAsync("/");
        Assert.Equal("en", page.Lang);
        Assert.Contains("Trouble with a purchase from abroad", page.Heading, StringComparison.Ordinal);
        Assert.Contains("188", page.Find("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLanguageSwitchPersistsInACookieAndReturnsToThePage()
    {
        using var client = portal.Factory.CreateFormClient();
        var home = await client.GetOkAsync("/?ref=1");

        using var response = await client.SubmitAsync(home, "form.language-switch", submitName: "culture", submitValue: "en");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?ref=1", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".ccc.culture=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var english = await client.FollowRedirectAsync(response);
        Assert.Equal("en", english.Lang);
        Assert.Equal("true", english.Find("button[value=en]")!.GetAttribute("aria-pressed"));

        // Still English on the next visit, even though the browser prefers Japanese.
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        Assert.Equal("en", (await client.GetOkAsync("/")).Lang);

        using var back = await client.SubmitAsync(english, "form.language-switch", submitName: "culture", submitValue: "ja");
        Assert.Equal("ja", (await client.FollowRedirectAsync(back)).Lang);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task TheLanguageSwitchNeverRedirectsOffSite(string returnUrl)
    {
        using var client = portal.Factory.CreateFormClient();
        var home = await client.GetOkAsync("/");
        using var response = await client.SubmitAsync(home, "form.language-switch", [new("returnUrl", returnUrl)], submitName: "culture", submitValue: "en");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnUnknownLanguageIsIgnored()
    {
        using var client = portal.Factory.CreateFormClient();
        var home = await client.GetOkAsync("/");
        using var response = await client.SubmitAsync(home, "form.language-switch", submitName: "culture", submitValue: "fr");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".ccc.culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PagesCarryNoInlineScriptOrStyleSoTheStrictPolicyHolds()
    {
        using var client = portal.Factory.CreateFormClient();
        foreach (var url in new[] { "/", "/no-such-page" })
        {
            var page = await client.GetAsync(url);
            Assert.All(page.FindAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {url}"));
            Assert.Empty(page.FindAll("style"));
            Assert.Empty(page.FindAll("[style]"));
            Assert.Empty(page.FindAll("[onclick],[onload],[onsubmit],[onchange]"));
        }
    }

    [Fact]
    public async Task TheStylesheetsAreServed()
    {
        using var client = portal.Factory.CreateFormClient();
        var home = await client.GetOkAsync("/");
        var stylesheets = home.FindAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal(2, stylesheets.Count);
        foreach (var href in stylesheets)
        {
            using var css = await client.Http.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        }

        // The design tokens really arrived from npm.
        using var tokens = await client.Http.GetAsync(stylesheets.Single(s => s.Contains("design-tokens", StringComparison.Ordinal)));
        Assert.Contains("--color-primitive-blue-900", await tokens.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
