using CrossBorderConsumerCenter.IntegrationTests.Tracking;

namespace CrossBorderConsumerCenter.IntegrationTests.Contact;

/// <summary>The consumer's tracking pages and status emails give the center's email address (the test portal's setting) where they tell the consumer to write.</summary>
public class CenterDetailsOnTrackingTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    private const string Email = "consult@ccj.test";

    [Theory]
    [InlineData("ja", "受付番号を添えて consult@ccj.test までメールでお送りください")]
    [InlineData("en", "email consult@ccj.test and quote your case number")]
    public async Task TheTrackingPageAndTheWithdrawalGiveTheAddressAndTheEmailSaysItToo(string language, string words)
    {
        var (c, token) = await portal.ReceiveAsync(language: language);
        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));
        Assert.Equal(Email, page.Find($"main a[href='mailto:{Email}']")?.TextContent);
        Assert.Contains(words, page.MainText, StringComparison.Ordinal);

        var confirm = await client.GetOkAsync(page.Find(".tracking-withdraw a")!.GetAttribute("href")!);
        Assert.NotNull(confirm.Find($"main a[href='mailto:{Email}']"));

        using var response = await client.SubmitAsync(confirm, "form[action$='/withdraw']", [new("Withdraw.Reason", "")]);
        await client.FollowRedirectAsync(response);
        var withdrawn = Assert.Single(await portal.EmailsOfAsync(c.Id), e => e.Template == "CaseStatusWithdrawn");
        Assert.Contains(Email, withdrawn.TextBody, StringComparison.Ordinal);
        Assert.Contains(Email, withdrawn.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{center", withdrawn.TextBody, StringComparison.Ordinal);
    }
}
