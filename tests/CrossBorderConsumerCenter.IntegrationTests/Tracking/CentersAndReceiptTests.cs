using System.Net;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>Admins manage consumer centers and counselors' centers; a consumer's receipt and acknowledgement carry the tracking link.</summary>
public partial class CentersAndReceiptTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task AnAdminAddsAndChangesACenterWhichIsAuditedAndADuplicateIsRefused()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var __ = admin;
        var form = await admin.GetOkAsync("/admin/centers/new");
        using (var response = await admin.SubmitAsync(form, "main form", [new("Name", "葛飾区消費生活センター"), new("Prefecture", "JP-13"), new("Phone", "03-5654-8571")]))
        {
            var list = await admin.FollowRedirectAsync(response);
            Assert.Contains("葛飾区消費生活センター", list.MainText, StringComparison.Ordinal);
        }

        var center = await portal.QueryAsync(db => db.ConsumerCenters.AsNoTracking().SingleAsync(c => c.Name == "葛飾区消費生活センター"));
        Assert.Equal(("JP-13", "03-5654-8571", true), (center.PrefectureCode, center.Phone, center.IsActive));

        using (var duplicate = await admin.SubmitAsync(form, "main form", [new("Name", "葛飾区消費生活センター"), new("Prefecture", "JP-13"), new("Phone", "03-0000-0000")]))
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
            Assert.Contains("同じ都道府県に同じ名称のセンターがすでにあります。", (await HtmlPage.ReadAsync(duplicate)).MainText, StringComparison.Ordinal);
        }

        var edit = await admin.GetOkAsync($"/admin/centers/{center.Id}");
        using (var response = await admin.SubmitAsync(edit, "main form", [new("Phone", "03-5654-0000"), new("IsActive", "false")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var changed = await portal.QueryAsync(db => db.ConsumerCenters.AsNoTracking().SingleAsync(c => c.Id == center.Id));
        Assert.Equal(("03-5654-0000", false), (changed.Phone, changed.IsActive));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'ConsumerCenterCreated' AND subject_id = @id", ("id", center.Id.ToString())));
        var details = await portal.Database.ScalarAsync<string>("SELECT details::text FROM audit_entries WHERE action = 'ConsumerCenterUpdated' AND subject_id = @id", ("id", center.Id.ToString()));
        Assert.Contains("03-5654-0000", details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/centers/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ACounselorAccountNeedsAnActiveCenterAndOtherAccountsMayNotHaveOne()
    {
        var center = await Testing.Counselors.TestCenters.CreateAsync(portal.Factory);
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using var __ = admin;
        var form = await admin.GetOkAsync("/admin/users/new");

        using (var noCenter = await admin.SubmitAsync(form, "main form", [new("Email", "c1@ccj.test"), new("DisplayName", "相談員 一"), new("Roles", Roles.Counselor), new("ConsumerCenterId", "")]))
        {
            Assert.Contains("所属する消費生活センターを選んでください", (await HtmlPage.ReadAsync(noCenter)).Find("#ConsumerCenterId-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var staffWithCenter = await admin.SubmitAsync(form, "main form", [new("Email", "s1@ccj.test"), new("DisplayName", "担当 一"), new("Roles", Roles.Staff), new("ConsumerCenterId", center.Id.ToString())]))
        {
            Assert.Contains("相談員のアカウントだけです", (await HtmlPage.ReadAsync(staffWithCenter)).Find("#ConsumerCenterId-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var created = await admin.SubmitAsync(form, "main form", [new("Email", "c2@ccj.test"), new("DisplayName", "相談員 二"), new("Roles", Roles.Counselor), new("ConsumerCenterId", center.Id.ToString())]))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        Assert.Equal(center.Id, await portal.Database.ScalarAsync<Guid>("SELECT consumer_center_id FROM users WHERE email = 'c2@ccj.test'"));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE email IN ('c1@ccj.test', 's1@ccj.test')"));
    }

    [Fact]
    public async Task TheConsumersReceiptAndAcknowledgementGiveTheTrackingLinkWhichSurvivesAReloadAndOpensTheCase()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var review = await journey.ReachReviewAsync();
        var receipt = await journey.SubmitAsync(review);

        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var link = receipt.Find("[data-tracking-link]")!.GetAttribute("href")!;
        Assert.Matches(TrackingLink(), link);
        var reloaded = await client.GetOkAsync(IntakeController.ReceiptPath);
        Assert.Equal(link, reloaded.Find("[data-tracking-link]")!.GetAttribute("href"));

        var c = await portal.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Number == number));
        var acknowledgement = Assert.Single(await portal.EmailsOfAsync(c.Id));
        Assert.Contains(link, acknowledgement.TextBody, StringComparison.Ordinal);
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.Equal(TrackingLinks.Hash(token), await portal.Database.ScalarAsync<string>("SELECT token_hash FROM case_tracking_links WHERE case_id = @id", ("id", c.Id)));
        Assert.Equal(number, (await client.GetOkAsync(new Uri(link).AbsolutePath)).Heading);

        // The outbox removes the token from its copy once the acknowledgement is sent (ADR 0020).
        Assert.Equal([token], acknowledgement.RedactAfterSending);
    }

    [GeneratedRegex("^http://localhost/track/[A-Za-z0-9_-]{43}$")]
    private static partial Regex TrackingLink();
}
