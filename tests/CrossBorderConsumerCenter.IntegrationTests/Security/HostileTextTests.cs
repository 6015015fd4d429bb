using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Security;

/// <summary>
/// Text a person would rarely type, but anyone can send, gives a message and never an error of the server: hosts IDNA
/// refuses, a character cut in half at a column's length, a NUL in a search.
/// </summary>
public class HostileTextTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Theory]
    [InlineData("https://shop\u200Dexample.com/")]
    [InlineData("https://shop\u2028example.com/")]
    [InlineData("https://\U0001F468\u200D\U0001F469\u200D\U0001F467.example.com/")]
    public async Task AWebsiteWhoseHostIdnaRefusesIsAFieldErrorOnReviewAndAfterwards(string website)
    {
        var journey = new IntakeJourney(portal.Factory.CreateFormClient());
        var form = await journey.ConsentAsync();
        var values = IntakeJourney.ValidForm();
        values["Form.Business.Website"] = website;

        using var review = await journey.PostFormAsync(form, values, "review");
        var page = await HtmlPage.ReadAsync(review);
        Assert.True(review.StatusCode < HttpStatusCode.InternalServerError, await IntakeJourney.DescribeAsync(review));
        Assert.Equal("#Form_Business_Website", Assert.Single(page.FindAll(".error-summary a")).GetAttribute("href"));

        // The value was saved with the draft: every page that reads the draft again answers as well.
        foreach (var url in new[] { "/complaint/review", "/complaint/form", "/complaint/form?check=true" })
        {
            var again = await journey.Client.GetAsync(url);
            Assert.True(again.StatusCode < HttpStatusCode.InternalServerError, $"{url}: {(int)again.StatusCode}");
        }
    }

    [Fact]
    public async Task AFileNameCutAtItsLimitKeepsItsLastCharacterWholeOrNotAtAll()
    {
        var journey = new IntakeJourney(portal.Factory.CreateFormClient());
        var form = await journey.ConsentAsync();
        var name = new string('a', 254) + "\U0001F600";

        using var response = await journey.PostFormAsync(form, IntakeJourney.ValidForm(), "upload", [TestFiles.File(name, TestFiles.Jpeg(), "image/jpeg")]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(response));
        var fileId = (await portal.DraftOfAsync(journey)).Files.Single().StoredFileId;
        Assert.Equal(new string('a', 254), await portal.QueryAsync(db => db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.FileName).SingleAsync()));
    }

    [Fact]
    public async Task ASignInWithALongEmailEndingInAnEmojiIsRefusedAndAudited()
    {
        using var client = portal.Factory.CreateFormClient();
        var email = new string('a', 99) + "\U0001F600";
        var page = await client.GetOkAsync("/account/sign-in");

        using var response = await client.SubmitAsync(page, "form[action='/account/sign-in']", [new("Email", email), new("Password", "not the password")]);

        Assert.True(response.StatusCode < HttpStatusCode.InternalServerError, $"{(int)response.StatusCode}");
        Assert.True(await portal.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.SignInFailed && e.ActorName == new string('a', 99))));
    }

    [Theory]
    [InlineData("/staff/cases?q=a%00b")]
    [InlineData("/admin/audit?subject=a%00b")]
    [InlineData("/admin/audit?actor=a%00b")]
    public async Task ANulOrABrokenCharacterInASearchIsABadRequestWithAPageThatSaysSo(string url)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (client)
        {
            var page = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Equal("入力された文字を受け付けられませんでした", page.Heading);
        }
    }

    [Theory]
    [InlineData("03-1234\uFFFE5678")]
    [InlineData("03-1234\uFFFF5678")]
    public async Task ANoncharacterInAFieldThatIsNormalizedIsABadRequestNotAServerError(string phone)
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (client)
        {
            var page = await client.GetOkAsync("/admin/centers/new");

            using var response = await client.SubmitAsync(page, "form[action='/admin/centers/new']", [new("Name", "足立区消費者センター"), new("Phone", phone)]);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task ANulInAPostedFieldIsABadRequestAndNothingIsSaved()
    {
        var journey = new IntakeJourney(portal.Factory.CreateFormClient());
        var form = await journey.ConsentAsync();
        var values = IntakeJourney.ValidForm();
        values["Form.Trouble.WhatHappened"] = "届きません\0";

        using var response = await journey.PostFormAsync(form, values, "review");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("", (await portal.DraftOfAsync(journey)).FormJson);
    }
}
