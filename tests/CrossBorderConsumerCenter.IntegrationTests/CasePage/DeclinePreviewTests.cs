using System.Net;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>
/// Declining shows staff the email the consumer will receive, and declines only with that email: the reason in words,
/// staff's message, and what the consumer can still do given how they bought.
/// </summary>
public class DeclinePreviewTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private FormClient Client => portal.Client;

    private async Task<Case> CaseAsync(PaymentMethod payment, PurchasePlatform platform, string language = "ja")
    {
        var details = TestComplaints.Details();
        return await portal.ReceiveAsync(details with { Purchase = details.Purchase with { PaymentMethod = payment, Platform = platform } }, language: language);
    }

    [Fact]
    public async Task ThePreviewIsExactlyTheEmailTheConsumerReceives()
    {
        var c = await CaseAsync(PaymentMethod.PayPal, PurchasePlatform.Amazon);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        var (preview, declined) = await DeclineSteps.DeclineAsync(Client, page, [new("Decline.Reason", "Counterfeit"), new("Decline.Comment", "お送りいただいた写真を拝見しました。")]);
        using (declined)
        {
            await CasePageFixture.FollowToCaseAsync(Client, declined, c.Number);
        }

        var email = await portal.QueryAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.CaseId == c.Id && e.Template == "CaseStatusDeclined"));
        Assert.Equal(email.Subject, preview.Find("[data-preview-subject]")!.TextContent);
        // Word for word, but for the link, which is made as the email is written and reaches the consumer only.
        var link = "http://localhost" + Support.EmailLinks.TrackingPathIn(email.TextBody);
        Assert.Equal(email.TextBody.Replace(link, "[このご相談のページへのリンク(メールを送るときに作られ、相談者だけに届きます)]", StringComparison.Ordinal),
            preview.Find("[data-preview-body]")!.TextContent);
        Assert.DoesNotContain("/track/", preview.Find("[data-preview-body]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(c.Number, (await portal.Factory.CreateFormClient().GetOkAsync(new Uri(link).AbsolutePath)).Heading);
        Assert.Equal(string.Join(", ", email.ToAddresses), preview.Find("[data-preview-to]")!.TextContent);
        Assert.Equal(CaseStatus.Declined, (await portal.ReadCaseAsync(c.Id)).Status);

        // The reason in words, staff's message, the marketplace's process, PayPal's, and 188; never a bare label.
        Assert.Contains("偽造品(ブランド品の偽物)の売買について", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("\n\nお送りいただいた写真を拝見しました。\n\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Amazon の購入者保護・トラブル解決の手続き", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("PayPal の買い手保護制度", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("消費者ホットライン 188", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("チャージバック", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("理由:", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnglishConsumerIsShownTheEnglishEmailWithTheCardIssuer()
    {
        var c = await CaseAsync(PaymentMethod.CreditCard, PurchasePlatform.BusinessOwnSite, language: "en");
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        var preview = await DeclineSteps.PreviewAsync(Client, page, [new("Decline.Reason", "BusinessPurchase")]);

        var body = preview.Find("[data-preview-body]")!.TextContent;
        Assert.StartsWith("Dear ", body, StringComparison.Ordinal);
        Assert.Contains("this purchase was made for a business", body, StringComparison.Ordinal);
        Assert.Contains("Your card issuer (a chargeback)", body, StringComparison.Ordinal);
        Assert.Contains("The consumer hotline, 188", body, StringComparison.Ordinal);
        Assert.DoesNotContain("buyer protection and dispute process", body, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Received, (await portal.ReadCaseAsync(c.Id)).Status);
    }

    [Fact]
    public async Task AChangeAfterThePreviewShowsItAgainInsteadOfDeclining()
    {
        var c = await CaseAsync(PaymentMethod.CreditCard, PurchasePlatform.Ebay);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var preview = await DeclineSteps.PreviewAsync(Client, page, [new("Decline.Reason", "OutOfScope"), new("Decline.Comment", "最初の文")]);
        var before = await portal.FootprintAsync(c.Id);

        using var response = await DeclineSteps.ConfirmAsync(Client, preview, [new("Decline.Comment", "確認後に書き換えた文")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await HtmlPage.ReadAsync(response);
        Assert.Contains("もう一度メールを確認してください", refused.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("確認後に書き換えた文", refused.Find("#Decline_Comment")!.TextContent.TrimStart('\n'));
        Assert.Equal(before, await portal.FootprintAsync(c.Id));
        Assert.Equal(CaseStatus.Received, (await portal.ReadCaseAsync(c.Id)).Status);
    }

    [Fact]
    public async Task DecliningWithoutAPreviewIsRefused()
    {
        var c = await CaseAsync(PaymentMethod.Cash, PurchasePlatform.Other);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));
        var before = await portal.FootprintAsync(c.Id);

        using var response = await Client.PostAsync($"{CasePageFixture.PageOf(c.Number)}/decline", page,
            [new("Decline.Version", page.Find("input[name='Decline.Version']")!.GetAttribute("value")!), new("Decline.Reason", "OutOfScope")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("お断りする前に、相談者に届くメールを確認してください", (await HtmlPage.ReadAsync(response)).Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await portal.FootprintAsync(c.Id));
    }

    [Fact]
    public async Task AnInvalidDeclineIsNotPreviewedAndWhatWasTypedIsKept()
    {
        var c = await CaseAsync(PaymentMethod.Cash, PurchasePlatform.Other);
        var page = await Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        using var response = await Client.SubmitAsync(page, "#action-Decline form", [new("Decline.Comment", "理由を選び忘れた")]);

        var refused = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("お断りの理由を選んでください。", refused.FieldError("Decline_Reason"));
        Assert.Equal("理由を選び忘れた", refused.Find("#Decline_Comment")!.TextContent.TrimStart('\n'));
        Assert.Null(refused.Find("[data-decline-preview]"));
    }
}
