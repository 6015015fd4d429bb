using System.Net;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>A consumer files a complaint from start to finish; everything lands where staff will find it.</summary>
public class IntakeHappyPathTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task AComplaintWithEvidenceBecomesAReceivedCaseWithItsConsentFilesAndAcknowledgement()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var form = await journey.ConsentAsync(abroad: true);
        Assert.Equal("ご相談内容の入力", form.Heading);

        // Two files attached before the rest is filled in.
        var photo = TestFiles.Jpeg(50_000);
        using (var upload = await journey.PostFormAsync(form, null, "upload",
            [TestFiles.File("届いた箱.jpg", photo, "image/jpeg"), TestFiles.File("receipt.pdf", TestFiles.Pdf(), "application/pdf")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            Assert.Equal("/complaint/form#evidence", upload.Headers.Location!.OriginalString);
            form = await client.FollowRedirectAsync(upload);
        }

        Assert.Contains("添付しました: 届いた箱.jpg", form.MainText, StringComparison.Ordinal);
        Assert.Equal(["receipt.pdf", "届いた箱.jpg"], form.FindAll(".file-list__name").Select(e => e.TextContent));

        using var toReview = await journey.PostFormAsync(form, IntakeJourney.ValidForm(), "review");
        var review = await client.FollowRedirectAsync(toReview);
        Assert.Equal("入力内容の確認", review.Heading);
        Assert.Contains("Example Gadgets Inc.", review.MainText, StringComparison.Ordinal);
        Assert.Contains("アメリカ合衆国", review.MainText, StringComparison.Ordinal);
        Assert.Contains("CBBB", review.MainText, StringComparison.Ordinal);
        Assert.Contains("129.99 USD", review.MainText, StringComparison.Ordinal);

        var receipt = await journey.SubmitAsync(review);
        Assert.Equal("ご相談を受け付けました", receipt.Heading);
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        Assert.Matches($"^CCJ-{TestTime.TodayInJapan.Year}-[0-9]{{6}}$", number);
        Assert.Contains("taro@example.jp", receipt.MainText, StringComparison.Ordinal);
        Assert.Contains(TestTime.JapanMinute(IntakeFixture.Start), receipt.MainText, StringComparison.Ordinal);

        var stored = await portal.QueryAsync(db => db.Cases.Include(c => c.Consents).Include(c => c.Evidence).SingleAsync(c => c.Number == number));
        Assert.Equal(CaseStatus.Received, stored.Status);
        Assert.Equal("ja", stored.Language);
        Assert.Equal(IntakeFixture.Start, stored.ReceivedAt);
        Assert.Equal("山田 太郎", stored.ConsumerName);
        Assert.Equal("ヤマダ タロウ", stored.ConsumerNameKana);
        Assert.Equal("090-1234-5678", stored.ConsumerPhone);
        Assert.Equal("JP-13", stored.ConsumerPrefectureCode);
        Assert.Equal(AgeBand.Forties, stored.ConsumerAgeBand);
        Assert.Equal("US", stored.BusinessCountryCode);
        Assert.Equal(TestComplaints.PurchaseDate, stored.PurchaseDate);
        Assert.Equal(129.99m, stored.PurchaseAmount);
        Assert.Equal("USD", stored.PurchaseCurrencyCode);
        Assert.Equal(PaymentMethod.CreditCard, stored.PaymentMethod);
        Assert.Equal(PurchasePlatform.BusinessOwnSite, stored.PurchasePlatform);
        Assert.Null(stored.PurchasePlatformName);
        Assert.Equal(CaseCategory.NotDelivered, stored.Category);
        Assert.Equal(TestComplaints.ContactedOn, stored.BusinessContactedOn);
        Assert.Equal(DesiredResolution.Refund, stored.DesiredResolution);
        Assert.NotEqual(0u, stored.Version);

        var consent = Assert.Single(stored.Consents);
        Assert.Equal(PrivacyNotice.CurrentVersion, consent.NoticeVersion);
        Assert.True(consent.AgreesToHandling && consent.HasContactedBusiness && consent.IsConsumerPurchase && consent.AgreesToProvisionAbroad);
        Assert.Equal(IntakeFixture.Start, consent.GivenAt);
        Assert.Equal(TimeSpan.Zero, consent.GivenAt.Offset);

        Assert.Equal(2, stored.Evidence.Count);
        var files = await portal.QueryAsync(db => db.StoredFiles.Include(f => f.Content)
            .Where(f => stored.Evidence.Select(e => e.StoredFileId).Contains(f.Id)).OrderBy(f => f.FileName).ToListAsync());
        Assert.Equal(["receipt.pdf", "届いた箱.jpg"], files.Select(f => f.FileName));
        Assert.Equal(["application/pdf", "image/jpeg"], files.Select(f => f.ContentType));
        Assert.Equal(photo, files[1].Content!.Bytes);

        var email = await portal.QueryAsync(db => db.OutboundEmails.SingleAsync(e => e.CaseId == stored.Id));
        Assert.Equal(SubmitComplaintTemplate, email.Template);
        Assert.Equal(OutboundEmailState.Pending, email.State);
        Assert.Equal(["taro@example.jp"], email.ToAddresses);
        Assert.Equal("ja", email.Language);
        Assert.Contains(number, email.Subject, StringComparison.Ordinal);
        Assert.StartsWith("山田 太郎 様", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(number, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("CBBB", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("迷惑メールフォルダ", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(stored.ReceivedAt, email.CreatedAt);

        // The draft only remembers the case now: its values and files moved there.
        var draft = await portal.QueryAsync(db => db.IntakeDrafts.Include(d => d.Files).SingleAsync(d => d.SubmittedCaseId == stored.Id));
        Assert.Equal("", draft.FormJson);
        Assert.Empty(draft.Files);
    }

    [Fact]
    public async Task AnEnglishComplaintIsAcknowledgedInEnglishAndNamesNoPartnerWhereThereIsNone()
    {
        using var client = portal.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(new Dictionary<string, string?>
        {
            ["Form.Consumer.NameKana"] = "",
            ["Form.Consumer.Name"] = "Jane Smith",
            ["Form.Consumer.Email"] = "jane@example.com",
            ["Form.Consumer.EmailConfirmation"] = "jane@example.com",
            ["Form.Business.Country"] = "GB",
            ["Form.Purchase.Currency"] = "GBP",
            ["Form.Purchase.Platform"] = "Other",
            ["Form.Purchase.PlatformName"] = "Vintage Market",
        });
        Assert.Equal("en", review.Lang);
        Assert.Contains("United Kingdom", review.MainText, StringComparison.Ordinal);
        Assert.Contains("We have no partner agency in this country or region", review.MainText, StringComparison.Ordinal);

        var receipt = await journey.SubmitAsync(review);
        Assert.Equal("We have received your complaint", receipt.Heading);
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();

        var stored = await portal.QueryAsync(db => db.Cases.SingleAsync(c => c.Number == number));
        Assert.Equal("en", stored.Language);
        Assert.Null(stored.ConsumerNameKana);
        Assert.Equal("Vintage Market", stored.PurchasePlatformName);
        var email = await portal.QueryAsync(db => db.OutboundEmails.SingleAsync(e => e.CaseId == stored.Id));
        Assert.Equal("en", email.Language);
        Assert.Equal($"[Cross-Border Consumer Center] We have received your complaint ({number})", email.Subject);
        Assert.StartsWith("Dear Jane Smith,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("no partner agency", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("spam folder", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutConsentToProvisionAbroadTheCaseIsStillAcceptedAndTheConsumerIsToldStaffWillAdvise()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync(abroad: false);
        Assert.Contains("海外の提携機関への情報提供には同意していません", review.MainText, StringComparison.Ordinal);
        Assert.Contains("センターはご相談内容を転送せず、助言を行います", review.MainText, StringComparison.Ordinal);

        var receipt = await journey.SubmitAsync(review);
        Assert.Contains("センターから解決に向けた助言をお送りします", receipt.MainText, StringComparison.Ordinal);
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var stored = await portal.QueryAsync(db => db.Cases.Include(c => c.Consents).SingleAsync(c => c.Number == number));
        Assert.False(stored.Consent.AgreesToProvisionAbroad);
        var email = await portal.QueryAsync(db => db.OutboundEmails.SingleAsync(e => e.CaseId == stored.Id));
        Assert.Contains("提携機関への情報提供に同意されていないため", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterSendingTheFormStartsAfreshAndAnotherComplaintIsAnotherCase()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync());
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();

        // Back to the form or the review: the case is sent, and the form starts again at the consent page.
        foreach (var url in new[] { "/complaint/form", "/complaint/review" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/complaint/consent", page.Headers["Location"]);
        }

        var consent = await client.GetOkAsync("/complaint/consent");
        Assert.Equal("ご相談の前に", consent.Heading);
        Assert.False(consent.Find("#Consent_AgreesToHandling")!.HasAttribute("checked"));
        Assert.Equal(1, await portal.QueryAsync(db => db.Cases.CountAsync(c => c.Number == number)));

        var second = await journey.SubmitAsync(await journey.ReachReviewAsync());
        Assert.NotEqual(number, second.Find("[data-case-number]")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnotherComplaintFromTheReceiptStartsAtTheConsentPage()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync());

        using var another = await client.SubmitAsync(receipt, "form[action='/complaint/restart']");
        var consent = await client.FollowRedirectAsync(another);
        Assert.Equal("ご相談の前に", consent.Heading);
        Assert.Null(consent.Find("[data-case-number]"));
        Assert.Equal("受付の控えは表示していません", (await client.GetOkAsync("/complaint/received")).Heading);
    }

    private const string SubmitComplaintTemplate = "IntakeAcknowledgement";
}
