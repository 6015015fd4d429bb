using System.Net;
using System.Security.Cryptography;
using System.Text;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>
/// The portal over a fresh database with a clock that starts at noon in Japan today (<see cref="TestTime.Today"/>)
/// and stands still, so that the form's dates (weeks before it) are in the past and drafts can be aged by moving it.
/// </summary>
public class IntakeFixture : PortalFixture
{
    public static readonly DateTimeOffset Start = TestTime.Today;

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override PortalFactory CreateFactory(string connectionString) =>
        new PortalFactory(connectionString).WithServices(services => services.AddSingleton<TimeProvider>(Clock));

    /// <summary>The draft a journey's cookie leads to (found by the token's hash, as the portal does).</summary>
    public Task<IntakeDraft> DraftOfAsync(IntakeJourney journey)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(journey.DraftToken ?? throw new InvalidOperationException("No consent given yet."))));
        return QueryAsync(db => db.IntakeDrafts.Include(d => d.Files).SingleAsync(d => d.TokenHash == hash));
    }

    /// <summary>Runs <paramref name="query"/> against a fresh AppDbContext.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>A consumer going through intake the way a browser does: consent, the form, files, review, submit.</summary>
public sealed class IntakeJourney(FormClient client)
{
    public const string FormSelector = "form#complaint-form";

    public FormClient Client { get; } = client;

    /// <summary>The draft token the portal set in the cookie at consent.</summary>
    public string? DraftToken { get; private set; }

    /// <summary>A complete, valid complaint; tests override what they are about.</summary>
    public static Dictionary<string, string?> ValidForm() => new()
    {
        ["Form.Consumer.Name"] = "山田 太郎",
        ["Form.Consumer.NameKana"] = "ヤマダ タロウ",
        ["Form.Consumer.Email"] = "taro@example.jp",
        ["Form.Consumer.EmailConfirmation"] = "taro@example.jp",
        ["Form.Consumer.Phone"] = "090-1234-5678",
        ["Form.Consumer.PostalCode"] = "100-0001",
        ["Form.Consumer.Prefecture"] = "JP-13",
        ["Form.Consumer.Address"] = "千代田区千代田1-1",
        ["Form.Consumer.AgeBand"] = "Forties",
        ["Form.Business.Name"] = "Example Gadgets Inc.",
        ["Form.Business.Website"] = "https://gadgets.example.com/",
        ["Form.Business.Country"] = "US",
        ["Form.Business.Email"] = "support@gadgets.example.com",
        ["Form.Business.Phone"] = "+1 (800) 555-0199",
        ["Form.Purchase.Date"] = TestTime.Iso(TestComplaints.PurchaseDate),
        ["Form.Purchase.Item"] = "ワイヤレスイヤホン 1個",
        ["Form.Purchase.Amount"] = "129.99",
        ["Form.Purchase.Currency"] = "USD",
        ["Form.Purchase.PaymentMethod"] = "CreditCard",
        ["Form.Purchase.Platform"] = "BusinessOwnSite",
        ["Form.Purchase.PlatformName"] = "",
        ["Form.Purchase.OrderNumber"] = "A-1001",
        ["Form.Trouble.Category"] = "NotDelivered",
        ["Form.Trouble.WhatHappened"] = "注文して代金を支払いましたが、商品が届きません。",
        ["Form.Trouble.ContactedOn"] = TestTime.Iso(TestComplaints.ContactedOn),
        ["Form.Trouble.ContactMethod"] = "Email",
        ["Form.Trouble.BusinessResponse"] = "回答なし",
        ["Form.Trouble.DesiredResolution"] = "Refund",
    };

    /// <summary>Gives consent (all required boxes, and the given choice about provision abroad) and returns the form page.</summary>
    public async Task<HtmlPage> ConsentAsync(bool abroad = true)
    {
        var consent = await Client.GetOkAsync("/complaint/consent");
        using var response = await Client.SubmitAsync(consent, "form[action='/complaint/consent']",
        [
            new("Consent.AgreesToHandling", "true"),
            new("Consent.HasContactedBusiness", "true"),
            new("Consent.IsConsumerPurchase", "true"),
            new("Consent.ProvisionAbroad", abroad ? "yes" : "no"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/complaint/form", response.Headers.Location!.OriginalString);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith("ccc.intake=", StringComparison.Ordinal)) is { } cookie)
        {
            DraftToken = cookie["ccc.intake=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        }

        return await Client.FollowRedirectAsync(response);
    }

    /// <summary>Posts the form with the given values (over what the page holds), files and button.</summary>
    public Task<HttpResponseMessage> PostFormAsync(HtmlPage formPage, IEnumerable<KeyValuePair<string, string?>>? values, string intent, IEnumerable<FormFile>? files = null) =>
        Client.SubmitAsync(formPage, FormSelector, values, files, submitName: "intent", submitValue: intent);

    /// <summary>Consent, a valid form (with <paramref name="changes"/>), "check your answers": the review page.</summary>
    public async Task<HtmlPage> ReachReviewAsync(IDictionary<string, string?>? changes = null, bool abroad = true, IEnumerable<FormFile>? files = null)
    {
        var form = await ConsentAsync(abroad);
        var values = ValidForm();
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        using var response = await PostFormAsync(form, values, "review", files);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await DescribeAsync(response));
        Assert.Equal("/complaint/review", response.Headers.Location!.OriginalString);
        return await Client.FollowRedirectAsync(response);
    }

    /// <summary>Presses "send" on the review page and returns the receipt.</summary>
    public async Task<HtmlPage> SubmitAsync(HtmlPage review)
    {
        using var response = await Client.SubmitAsync(review, "form[action='/complaint/submit']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/complaint/received", response.Headers.Location!.OriginalString);
        return await Client.FollowRedirectAsync(response);
    }

    public static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var page = await HtmlPage.ReadAsync(response);
        var errors = string.Join(" | ", page.FindAll(".error-summary li").Select(li => li.TextContent.Trim()));
        return $"{(int)response.StatusCode} {response.Headers.Location}: {errors}";
    }
}

/// <summary>
/// Small files of each type (the portal sniffs bytes, not names); the pictures are well formed and carry no metadata, so
/// the portal keeps them byte for byte.
/// </summary>
public static class TestFiles
{
    public static byte[] Jpeg(int length = 2048) => Testing.Photos.ImageFiles.Jpeg(length);

    public static byte[] Png(int length = 2048) => Testing.Photos.ImageFiles.Png(length);

    public static byte[] Pdf(int length = 2048) => Fill(Encoding.ASCII.GetBytes("%PDF-1.7\n"), length);

    public static byte[] Heic(int length = 2048) => Testing.Photos.ImageFiles.Heic(length);

    public static FormFile File(string name, byte[] content, string contentType = "application/octet-stream") => new("Evidence", name, contentType, content);

    private static byte[] Fill(byte[] head, int length)
    {
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        return bytes;
    }
}
