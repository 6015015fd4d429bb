using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>Whatever a consumer types is stored exactly, and shown as text, never as markup.</summary>
public class TextFidelityTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    // Emoji (with a joiner sequence and a surrogate pair), right-to-left Arabic and Hebrew, HTML, and SQL.
    private const string Tricky = "😀👨‍👩‍👧𠮷 مرحبا עברית <script>alert('x')</script><b>&amp;</b> '; DROP TABLE cases; -- \"";

    public static TheoryData<string, string> TextFields() => new()
    {
        { "Form.Consumer.Name", "ConsumerName" },
        { "Form.Consumer.Address", "ConsumerAddress" },
        { "Form.Business.Name", "BusinessName" },
        { "Form.Purchase.Item", "PurchaseItem" },
        { "Form.Purchase.PlatformName", "PurchasePlatformName" },
        { "Form.Purchase.OrderNumber", "PurchaseOrderNumber" },
        { "Form.Trouble.WhatHappened", "WhatHappened" },
        { "Form.Trouble.BusinessResponse", "BusinessResponse" },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task EmojiRightToLeftTextHtmlAndSqlAreStoredByteForByteAndShownEncoded(string field, string column)
    {
        var value = field.StartsWith("Form.Trouble", StringComparison.Ordinal) ? Tricky + "\r\n二行目\tタブ" : Tricky;
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?>
        {
            [field] = value,
            ["Form.Purchase.Platform"] = "Other",
            ["Form.Purchase.PlatformName"] = field == "Form.Purchase.PlatformName" ? value : "Market",
        });

        // Shown as text: the markup is in the page's text, never in its elements.
        Assert.Contains(Tricky, review.MainText, StringComparison.Ordinal);
        Assert.Empty(review.FindAll("main script, main b"));
        Assert.Contains("&lt;script&gt;alert(", review.Text, StringComparison.Ordinal);

        var receipt = await journey.SubmitAsync(review);
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var stored = await portal.QueryAsync(db => db.Cases.Where(c => c.Number == number)
            .Select(c => EF.Property<string>(c, column)).SingleAsync());
        Assert.Equal(value, stored);

        // Byte for byte in the database itself, too.
        var bytes = await portal.Database.ScalarAsync<byte[]>($"SELECT convert_to({SnakeCase(column)}, 'UTF8') FROM cases WHERE number = @n", ("n", number));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(value), bytes);
    }

    [Fact]
    public async Task TheAcknowledgementCarriesTheBusinessNameAsTextAndEncodesItInHtml()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Business.Name"] = Tricky }));
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();

        var email = await portal.QueryAsync(db => db.OutboundEmails.SingleAsync(e => db.Cases.Any(c => c.Id == e.CaseId && c.Number == number)));
        Assert.Contains(Tricky, email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
    }

    private static string SnakeCase(string name) => CrossBorderConsumerCenter.Web.Data.SnakeCaseNames.ToSnakeCase(name);
}
