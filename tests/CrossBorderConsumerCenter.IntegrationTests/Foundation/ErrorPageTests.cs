using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Support;

namespace CrossBorderConsumerCenter.IntegrationTests.Foundation;

/// <summary>Friendly error pages in both languages, with the correlation id, never a stack trace.</summary>
public class ErrorPageTests(ProbeFixture portal) : IClassFixture<ProbeFixture>
{
    [Theory]
    [InlineData("ja", "ページが見つかりません")]
    [InlineData("en", "Page not found")]
    public async Task AnUnknownAddressShowsTheNotFoundPageInTheVisitorsLanguage(string language, string title)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var page = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(language, page.Lang);
        Assert.Equal(title, page.Heading);
        AssertShowsCorrelationId(page);
    }

    [Theory]
    [InlineData("ja", "システムエラーが発生しました")]
    [InlineData("en", "Something went wrong on our side")]
    public async Task AnExceptionShowsTheFriendlyErrorPageWithoutDetails(string language, string title)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var page = await client.GetAsync("/__probe/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal(title, page.Heading);
        Assert.DoesNotContain("InvalidOperationException", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at CrossBorderConsumerCenter", page.Text, StringComparison.Ordinal);
        AssertShowsCorrelationId(page);
    }

    [Fact]
    public async Task AnOversizedRequestShowsThe413PageNotA500()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetAsync("/__probe/too-large");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Equal("送信されたデータが大きすぎます", page.Heading);
        AssertShowsCorrelationId(page);
    }

    [Theory]
    [InlineData("ja", "リクエストを処理できませんでした")]
    [InlineData("en", "We could not process that request")]
    public async Task APostWithoutItsAntiforgeryTokenShowsThe400Page(string language, string title)
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using var content = new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")]);
        using var response = await client.Http.PostAsync("/language", content);
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(title, page.Heading);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".ccc.culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AWrongMethodShowsThe405Page()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetAsync("/language");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.StatusCode);
        Assert.Equal("この操作はできません", page.Heading);
    }

    [Fact]
    public async Task TheErrorRouteItselfNeverAnswers200()
    {
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetAsync("/error/200");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    private static void AssertShowsCorrelationId(HtmlPage page)
    {
        var shown = page.Find(".error-reference code")?.TextContent;
        Assert.False(string.IsNullOrEmpty(shown));
        Assert.Equal(page.Headers["X-Correlation-ID"], shown);
    }
}
