using System.Globalization;
using System.Net;
using System.Text.Json;
using CrossBorderConsumerCenter.IntegrationTests.CasePage;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.PaperCases;

/// <summary>Staff enter a case that came by fax, letter or phone, through the pages as a browser would: the first step, the intake's form, the review, the case.</summary>
public class PaperCaseTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private static string JapanDate(DateTimeOffset at) => at.ToOffset(CaseClocks.JapanOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string JapanClock(DateTimeOffset at) => at.ToOffset(CaseClocks.JapanOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>How and when the case came (whole minutes, as the form takes them), and the consent given in writing on the faxed form.</summary>
    private static Dictionary<string, string?> Arrival(string channel, DateTimeOffset receivedAt, string language = "ja") => new()
    {
        ["Start.Channel"] = channel,
        ["Start.ReceivedDate"] = JapanDate(receivedAt),
        ["Start.ReceivedTime"] = JapanClock(receivedAt),
        ["Start.Language"] = language,
        ["Start.AgreesToHandling"] = "true",
        ["Start.HandlingMethod"] = "Writing",
        ["Start.HasContactedBusiness"] = "true",
        ["Start.IsConsumerPurchase"] = "true",
        ["Start.ProvisionAbroad"] = "yes",
        ["Start.AbroadMethod"] = "Writing",
        ["Start.ConsentDate"] = JapanDate(receivedAt),
        ["Start.ConsentTime"] = JapanClock(receivedAt),
    };

    private static DateTimeOffset Minutes(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), at.Offset);

    private static async Task<HtmlPage> StartAsync(FormClient client, Dictionary<string, string?> arrival)
    {
        var start = await client.GetOkAsync("/staff/cases/new");
        using var response = await client.SubmitAsync(start, "form.paper-start-form", arrival);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(response));
        Assert.Equal("/staff/cases/new/form", response.Headers.Location!.OriginalString);
        return await client.FollowRedirectAsync(response);
    }

    private static Dictionary<string, string?> WithoutEmail()
    {
        var values = IntakeJourney.ValidForm();
        values["Form.Consumer.Email"] = "";
        values["Form.Consumer.EmailConfirmation"] = "";
        return values;
    }

    [Fact]
    public async Task AStaffMemberEntersAFaxWithItsScanAndTheCaseIsReceivedWhenTheFaxCame()
    {
        var (client, staff) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var came = Minutes(portal.Clock.GetUtcNow().AddHours(-50));
        var form = await StartAsync(client, Arrival("Fax", came));
        Assert.Equal("Fax", form.Find("[data-channel]")!.GetAttribute("data-channel"));

        using var toReview = await client.SubmitAsync(form, IntakeJourney.FormSelector, WithoutEmail(),
            [new FormFile("Evidence", "fax-scan.pdf", "application/pdf", TestFiles.Pdf(40_000))], submitName: "intent", submitValue: "review");
        Assert.True(toReview.StatusCode == HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(toReview));
        var review = await client.FollowRedirectAsync(toReview);
        Assert.Equal("FAX", review.Find("[data-arrival] [data-field=channel]")!.TextContent.Trim());
        Assert.Contains("メールアドレスがないため", review.Find("[data-field=acknowledgement]")!.TextContent, StringComparison.Ordinal);

        using var submitted = await client.SubmitAsync(review, "form[action='/staff/cases/new/submit']");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var number = submitted.Headers.Location!.OriginalString["/staff/cases/".Length..];
        var page = await client.FollowRedirectAsync(submitted);
        Assert.Equal($"{number} を登録しました（FAXで受付）。", page.Find("[role=status]")!.TextContent.Trim());
        Assert.Equal($"FAX （{staff.DisplayName}が登録）", page.Find("[data-field=channel]")!.TextContent.Trim().Replace("\n", "", StringComparison.Ordinal));
        Assert.Contains("FAXで受付（職員が登録）", page.Find("[data-kind=Received]")!.TextContent, StringComparison.Ordinal);

        // The case: received when the fax came (its triage clock counts from then, so it is already overdue), the channel,
        // who entered it, the consent as staff attested it, the scan as evidence, and no email (none was given).
        var c = await portal.QueryAsync(db => db.Cases.Include(x => x.Evidence).Include(x => x.Consents).AsNoTracking().SingleAsync(x => x.Number == number));
        Assert.Equal((CaseChannel.Fax, (Guid?)staff.Id, came, CaseStatus.Received, (string?)null), (c.Channel, c.EnteredById, c.ReceivedAt, c.Status, c.ConsumerEmail));
        Assert.Equal(CaseClocks.TriageDue(came), c.DueAt);
        var consent = Assert.Single(c.Consents);
        Assert.Equal((ConsentMethod.Writing, (ConsentMethod?)ConsentMethod.Writing, came), (consent.HandlingMethod!.Value, consent.AbroadMethod, consent.GivenAt));
        var evidence = Assert.Single(c.Evidence);
        var file = await portal.QueryAsync(db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == evidence.StoredFileId));
        Assert.Equal(("fax-scan.pdf", "application/pdf", 40_000L), (file.FileName, file.ContentType, file.Length));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE case_id = @id", ("id", c.Id)));
        using var audit = JsonDocument.Parse(await portal.LastAuditDetailsAsync(c.Id, "CaseEntered"));
        Assert.Equal("Fax", audit.RootElement.GetProperty("channel").GetString());
        Assert.Equal(staff.Id, await portal.Database.ScalarAsync<Guid>("SELECT actor_id FROM audit_entries WHERE case_id = @id AND action = 'CaseEntered'", ("id", c.Id)));

        // The case joins the queue like any other.
        var queue = await client.GetOkAsync("/staff/cases?status=Received");
        Assert.Contains(queue.FindAll("tr.queue-row"), r => r.TextContent.Contains(number, StringComparison.Ordinal));

        // Submitting again (the back button) finds the same case, and the next case starts afresh.
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM intake_drafts WHERE staff_id = @id AND submitted_case_id IS NULL", ("id", staff.Id)));
    }

    [Fact]
    public async Task AConsumerWhoPhonedWithAnEmailGetsTheAcknowledgementWithTheTrackingLinkInTheirLanguage()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var form = await StartAsync(client, Arrival("Phone", Minutes(portal.Clock.GetUtcNow().AddMinutes(-20)), language: "en"));

        // A call has no original: the review needs no file.
        using var toReview = await client.SubmitAsync(form, IntakeJourney.FormSelector, IntakeJourney.ValidForm(), submitName: "intent", submitValue: "review");
        Assert.True(toReview.StatusCode == HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(toReview));
        var review = await client.FollowRedirectAsync(toReview);
        Assert.Contains("taro@example.jp", review.Find("[data-field=acknowledgement]")!.TextContent, StringComparison.Ordinal);
        using var submitted = await client.SubmitAsync(review, "form[action='/staff/cases/new/submit']");
        var number = submitted.Headers.Location!.OriginalString["/staff/cases/".Length..];

        var c = await portal.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(x => x.Number == number));
        Assert.Equal((CaseChannel.Phone, "en", "taro@example.jp"), (c.Channel, c.Language, c.ConsumerEmail));
        var email = await portal.QueryAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(m => m.CaseId == c.Id));
        Assert.Equal(["taro@example.jp"], email.ToAddresses);
        Assert.Equal("en", email.Language);
        Assert.Contains(number, email.Subject, StringComparison.Ordinal);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM case_tracking_links WHERE case_id = @id", ("id", c.Id)));
    }

    [Fact]
    public async Task AFaxWithoutItsScanIsRefusedAtTheReviewAndEverythingTypedIsKept()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var form = await StartAsync(client, Arrival("Letter", Minutes(portal.Clock.GetUtcNow().AddDays(-2))));
        var values = WithoutEmail();
        values["Form.Consumer.Name"] = "郵便 花子";

        using var refused = await client.SubmitAsync(form, IntakeJourney.FormSelector, values, submitName: "intent", submitValue: "review");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlPage.ReadAsync(refused);
        Assert.Equal(["郵便の原本（スキャンしたPDFまたは画像）を添付してください"], page.FindAll(".error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Equal("郵便 花子", page.Find("#Form_Consumer_Name")!.GetAttribute("value"));

        // Going to the review directly is refused the same way; with the scan, the review is reached.
        using (var direct = await client.Http.GetAsync("/staff/cases/new/review"))
        {
            Assert.Equal("/staff/cases/new/form?check=true", direct.Headers.Location!.OriginalString, ignoreCase: true);
        }

        var again = await client.GetOkAsync("/staff/cases/new/form?check=true");
        Assert.Contains("郵便の原本", again.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("郵便 花子", again.Find("#Form_Consumer_Name")!.GetAttribute("value"));
        using var withScan = await client.SubmitAsync(again, IntakeJourney.FormSelector, null,
            [new FormFile("Evidence", "letter.jpg", "image/jpeg", TestFiles.Jpeg())], submitName: "intent", submitValue: "review");
        Assert.Equal("/staff/cases/new/review", withScan.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheFormsProblemsAreTheIntakesAndTheUploadedScanIsKeptInTheDraft()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var form = await StartAsync(client, Arrival("Fax", Minutes(portal.Clock.GetUtcNow().AddHours(-1))));
        var values = WithoutEmail();
        values["Form.Consumer.Phone"] = "12";
        values["Form.Business.Country"] = "JP";

        using var refused = await client.SubmitAsync(form, IntakeJourney.FormSelector, values,
            [new FormFile("Evidence", "fax.pdf", "application/pdf", TestFiles.Pdf()), new FormFile("Evidence", "notes.txt", "text/plain", "hello"u8.ToArray())],
            submitName: "intent", submitValue: "review");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlPage.ReadAsync(refused);
        var errors = page.FindAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("notes.txt", StringComparison.Ordinal));
        Assert.Equal("12", page.Find("#Form_Consumer_Phone")!.GetAttribute("value"));
        Assert.Equal(["fax.pdf"], page.FindAll(".file-list__name").Select(n => n.TextContent.Trim()));

        // The first step refuses a fax from the future and keeps the rest.
        var start = await client.GetOkAsync("/staff/cases/new");
        Assert.NotNull(start.Find("[data-open-draft]"));
        var future = Arrival("Fax", portal.Clock.GetUtcNow().AddHours(2));
        future["Start.ConsentDate"] = JapanDate(portal.Clock.GetUtcNow().AddHours(-1));
        future["Start.ConsentTime"] = JapanClock(portal.Clock.GetUtcNow().AddHours(-1));
        using var late = await client.SubmitAsync(start, "form.paper-start-form", future);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var latePage = await HtmlPage.ReadAsync(late);
        Assert.Equal(["受け付けた日時が未来になっています。実際に届いた日時を入力してください"], latePage.FindAll(".error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Fax", latePage.Find("input[name='Start.Channel'][checked]")!.GetAttribute("value"));

        // Deleting the entries deletes the draft and its file.
        using var discarded = await client.SubmitAsync(await client.GetOkAsync("/staff/cases/new/form"), "form.discard-form");
        Assert.Equal("/staff/cases/new", discarded.Headers.Location!.OriginalString);
        Assert.Null((await client.FollowRedirectAsync(discarded)).Find("[data-open-draft]"));
    }
}
