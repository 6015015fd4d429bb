using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Counselors;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Counselors;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>Counselors through HTTP: filing for a resident, their center's dashboard and cases, adding information, and isolation between centers.</summary>
public class CounselorTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    private static readonly KeyValuePair<string, string?>[] Attestation =
    [
        new("Attest.Relation", "Carer"),
        new("Attest.AgreesToHandling", "true"),
        new("Attest.HandlingMethod", "InPerson"),
        new("Attest.HasContactedBusiness", "true"),
        new("Attest.IsConsumerPurchase", "true"),
        new("Attest.ProvisionAbroad", "yes"),
        new("Attest.AbroadMethod", "Writing"),
    ];

    [Fact]
    public async Task TheAttestationIsRequiredBeforeAnyOfTheResidentsDataAndEachMissingPartIsNamed()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var (client, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;

        using (var toGate = await client.Http.GetAsync("/counselor/cases/new/form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, toGate.StatusCode);
            Assert.Equal("/counselor/cases/new", toGate.Headers.Location!.OriginalString);
        }

        var gate = await client.GetOkAsync("/counselor/cases/new");
        using (var empty = await client.SubmitAsync(gate, "form.attest-form", Attestation.Select(a => new KeyValuePair<string, string?>(a.Key, null))))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            var refused = await HtmlPage.ReadAsync(empty);
            Assert.Equal(6, refused.FindAll(".error-summary li").Count);
        }

        // Agreeing to the provision abroad needs how the resident agreed to it; refusing it does not.
        using (var noMethod = await client.SubmitAsync(gate, "form.attest-form", [.. Attestation.Where(a => a.Key != "Attest.AbroadMethod")]))
        {
            var refused = await HtmlPage.ReadAsync(noMethod);
            Assert.Single(refused.FindAll(".error-summary li"));
            Assert.Equal("InPerson", refused.Find("input[name='Attest.HandlingMethod'][checked]")!.GetAttribute("value"));
        }

        Assert.Equal(0, await portal.QueryAsync(db => db.IntakeDrafts.CountAsync(d => d.CounselorId == counselor.Id)));
        using var refusedAbroad = await client.SubmitAsync(gate, "form.attest-form",
            [.. Attestation.Where(a => a.Key is not ("Attest.AbroadMethod" or "Attest.ProvisionAbroad")), new("Attest.ProvisionAbroad", "no")]);
        Assert.Equal("/counselor/cases/new/form", refusedAbroad.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ACounselorFilesForAResidentWithoutEmailAndTheCaseRecordsWhoFiledItAndTheStaffSeeIt()
    {
        var center = await TestCenters.CreateAsync(portal.Factory, name: "足立区消費者センター");
        var (client, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;

        var receipt = await FileWithoutEmailAsync(client);
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var link = receipt.Find("[data-tracking-link]")!.GetAttribute("href")!;
        Assert.Equal(receipt.MainText, (await client.GetOkAsync(CounselorsController.ReceiptPath(number))).MainText);
        var c = await portal.QueryAsync(db => db.Cases.Include(x => x.Evidence).AsNoTracking().SingleAsync(x => x.Number == number));
        var consent = await portal.QueryAsync(db => db.Cases.Where(x => x.Id == c.Id).SelectMany(x => x.Consents).SingleAsync());
        Assert.Equal((counselor.Id, center.Id, ResidentRelation.Carer, (string?)null), (c.FiledByCounselorId!.Value, c.FiledByCenterId!.Value, c.ResidentRelation!.Value, c.ConsumerEmail));
        Assert.Equal((ConsentMethod.InPerson, ConsentMethod.Writing, true), (consent.HandlingMethod!.Value, consent.AbroadMethod!.Value, consent.AgreesToProvisionAbroad));
        Assert.Single(c.Evidence);

        // The acknowledgement, with the tracking link, goes to the counselor: written to them, naming the resident.
        var acknowledgement = Assert.Single(await portal.EmailsOfAsync(c.Id));
        Assert.Equal([counselor.Email], acknowledgement.ToAddresses);
        Assert.Equal(CounselorAcknowledgement.TemplateName, acknowledgement.Template);
        Assert.Contains(link, acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.StartsWith($"{counselor.DisplayName} 様\n", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{c.ConsumerName} 様のご相談を、次のとおり受け付けました。", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains($"相談者: {c.ConsumerName} 様", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains(c.ConsumerName, acknowledgement.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("ご相談いただき、ありがとうございます", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("携帯電話のメールアドレス", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Equal(number, (await client.GetOkAsync(new Uri(link).AbsolutePath)).Heading);

        // The staff see that it came through a counselor, and from which center.
        using var staff = (await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff)).Client;
        var casePage = await staff.GetOkAsync("/staff/cases/" + number);
        Assert.Contains("足立区消費者センター", casePage.Find("[data-filed-by-center]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("足立区消費者センター", casePage.Find("[data-filing] [data-field=center]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(counselor.DisplayName, casePage.Find("[data-filing] [data-field=counselor]")!.TextContent.Trim());
        Assert.NotNull(casePage.Find("[data-field=messages-to-counselor]"));

        // The queue marks it too; a consumer's own case is not marked.
        var own = await TestCases.ReceiveAsync(portal.Factory);
        var queue = await staff.GetOkAsync("/staff/cases?status=Received");
        string? BadgeOf(string caseNumber) => queue.FindAll("tr.queue-row")
            .Single(r => r.TextContent.Contains(caseNumber, StringComparison.Ordinal)).QuerySelector(".case-badge--counselor")?.TextContent.Trim();
        Assert.Equal("相談員経由", BadgeOf(number));
        Assert.Null(BadgeOf(own.Number));
    }

    [Fact]
    public async Task TheDashboardListsTheCentersCasesOnlyAndAColleaguesCaseToo()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var (client, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;
        var colleague = await StaffAccounts.CreateCounselorAsync(portal.Factory, center.Id);
        var stranger = await StaffAccounts.CreateAsync(portal.Factory, Roles.Counselor);
        var (mine, _) = await TestCases.FileForResidentAsync(portal.Factory, counselor);
        var (colleagues, _) = await TestCases.FileForResidentAsync(portal.Factory, colleague);
        var (others, _) = await TestCases.FileForResidentAsync(portal.Factory, stranger);
        var (consumers, _) = await portal.ReceiveAsync();
        await portal.ActAsync(mine.Id, (x, staff, now) => x.RequestInformation("領収書はありますか。", staff, now));

        var dashboard = await client.GetOkAsync("/counselor");
        var listed = dashboard.FindAll("[data-case]").Select(e => e.GetAttribute("data-case")).ToList();
        Assert.Contains(mine.Number, listed);
        Assert.Contains(colleagues.Number, listed);
        Assert.DoesNotContain(others.Number, listed);
        Assert.DoesNotContain(consumers.Number, listed);
        Assert.Equal("相談者の回答待ち", dashboard.Find($"[data-case='{mine.Number}'] [data-field=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheDashboardPagesThroughManyCasesNewestFirstWithoutGapsOrRepeats()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var (client, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;
        var filed = new List<string>();
        for (var i = 0; i < ListCenterCases.PageSize + 3; i++)
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(i % 2)); // pairs received at the same moment: the id breaks the tie
            filed.Add((await TestCases.FileForResidentAsync(portal.Factory, counselor)).Case.Number);
        }

        var first = await client.GetOkAsync("/counselor");
        var next = first.Find("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetOkAsync(next);
        var firstRows = first.FindAll("[data-case]").Select(e => e.GetAttribute("data-case")!).ToList();
        var secondRows = second.FindAll("[data-case]").Select(e => e.GetAttribute("data-case")!).ToList();

        Assert.Equal(ListCenterCases.PageSize, firstRows.Count);
        Assert.Null(second.Find("a[rel=next]"));
        Assert.Equal(filed.Order(), firstRows.Concat(secondRows).Order());
        Assert.Equal(filed[^1], firstRows[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/counselor?after=not-a-cursor")).StatusCode);
    }

    [Fact]
    public async Task EveryCounselorUrlWithAnotherCentersCaseIsNotFoundAndChangesNothing()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var (client, _) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var __ = client;
        var stranger = await StaffAccounts.CreateAsync(portal.Factory, Roles.Counselor);
        var (others, _) = await TestCases.FileForResidentAsync(portal.Factory, stranger);
        var (consumers, _) = await portal.ReceiveAsync();
        var token = (await client.GetOkAsync("/counselor")).AntiforgeryToken;

        foreach (var target in new[] { others, consumers })
        {
            var before = await portal.ReadCaseAsync(target.Id);
            foreach (var number in new[] { target.Number, target.Number.ToLowerInvariant(), target.Id.ToString() })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/counselor/cases/{number}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/counselor/cases/{number}/received")).StatusCode);
                using var content = new MultipartFormDataContent
                {
                    { new StringContent(token), "__RequestVerificationToken" },
                    { new StringContent("他センターの相談に追加"), "Addition.Text" },
                    { new ByteArrayContent(TestFiles.Jpeg()), "Files", "x.jpg" },
                };
                using var post = await client.Http.PostAsync($"/counselor/cases/{number}/information", content);
                Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
                Assert.DoesNotContain(target.ConsumerName, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var after = await portal.ReadCaseAsync(target.Id);
            Assert.Equal(before.Version, after.Version);
            Assert.Equal(0, await portal.QueryAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == target.Id && e.ActorKind == CaseActorKind.Counselor)));
        }
    }

    [Fact]
    public async Task ACounselorAddsInformationAndFilesThatTheStaffSeeAndAnswersAQuestionWhichSendsTheCaseBack()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var (client, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;
        var (c, _) = await TestCases.FileForResidentAsync(portal.Factory, counselor);
        var page = await client.GetOkAsync($"/counselor/cases/{c.Number}");
        Assert.NotNull(page.Find("form[action$='/information'][data-keep-text]")); // what is typed survives the session's end

        using (var response = await client.SubmitAsync(page, "form[action$='/information']", [new("Addition.Text", "本人から追加の資料を受け取りました。")],
            [new FormFile(AddCaseInformation.FilesField, "letter.pdf", "application/pdf", TestFiles.Pdf())]))
        {
            page = await client.FollowRedirectAsync(response);
        }

        Assert.Contains("本人から追加の資料を受け取りました。", page.Find("[data-kind=InformationAdded]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("letter.pdf", page.Find(".file-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Received, (await portal.ReadCaseAsync(c.Id)).Status);

        await portal.RequestInformationAsync(c.Id, "購入日を確認してください。");
        page = await client.GetOkAsync($"/counselor/cases/{c.Number}");
        Assert.Equal("購入日を確認してください。", page.Find("[data-question]")!.TextContent.Trim());
        using (var response = await client.SubmitAsync(page, "form[action$='/information']", [new("Addition.Text", "10月1日です。")]))
        {
            page = await client.FollowRedirectAsync(response);
        }

        Assert.Equal(CaseStatus.InProgress, (await portal.ReadCaseAsync(c.Id)).Status);
        using var staff = (await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff)).Client;
        var casePage = await staff.GetOkAsync("/staff/cases/" + c.Number);
        Assert.Contains("本人から追加の資料を受け取りました。", casePage.Find("[data-kind=InformationAdded]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("10月1日です。", casePage.Find("[data-kind=ConsumerReplied]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await portal.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CaseId == c.Id && a.ActorId == counselor.Id && a.Action == Web.Data.Auditing.AuditAction.CaseChanged)));

        // A closed case takes nothing more.
        await portal.ActAsync(c.Id, (x, s, now) => x.Close(CaseOutcome.Resolved, null, s, now));
        page = await client.GetOkAsync($"/counselor/cases/{c.Number}");
        Assert.Null(page.Find("form[action$='/information']"));
        using var late = await client.PostAsync($"/counselor/cases/{c.Number}/information", page, [new("Addition.Text", "もう一つ")]);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task ACounselorAccountWithoutAnActiveCenterSeesNoCaseAndCanFileNone()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var (client, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;
        var (c, _) = await TestCases.FileForResidentAsync(portal.Factory, counselor);
        await portal.Database.ScalarAsync<int>("UPDATE consumer_centers SET is_active = false WHERE id = @id RETURNING 1", ("id", center.Id));

        foreach (var url in new[] { "/counselor", "/counselor/cases/new", $"/counselor/cases/{c.Number}" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.DoesNotContain(c.Number, page.MainText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheReceiptShowsTheTrackingLinkAgainFor24HoursByThePortalsClockWhateverTheBrowserKeeps()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var (client, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;
        var start = portal.Clock.GetUtcNow();
        try
        {
            var number = (await FileWithoutEmailAsync(client)).Find("[data-case-number]")!.TextContent.Trim();

            // A day later (signed in again, as the session has ended), the browser still sends the receipt's cookie:
            // the receipt is the case's, but the link is no longer shown.
            foreach (var (after, shown) in new[] { (TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1), true), (TimeSpan.FromHours(24), false) })
            {
                portal.Clock.SetUtcNow(start + after);
                await client.SignInAsync(counselor.Email);
                var again = await client.GetOkAsync(CounselorsController.ReceiptPath(number));
                Assert.Equal(number, again.Find("[data-case-number]")!.TextContent.Trim());
                Assert.Equal(shown, again.Find("[data-tracking-link]") is not null);
            }
        }
        finally
        {
            portal.Clock.SetUtcNow(start);
        }
    }

    /// <summary>Attests consent, fills the form for a resident without email (with a photo), reviews and submits: the receipt.</summary>
    private static async Task<HtmlPage> FileWithoutEmailAsync(FormClient client)
    {
        var gate = await client.GetOkAsync("/counselor/cases/new");
        using var attested = await client.SubmitAsync(gate, "form.attest-form", Attestation);
        var form = await client.FollowRedirectAsync(attested);
        var values = IntakeJourney.ValidForm();
        values["Form.Consumer.Email"] = "";
        values["Form.Consumer.EmailConfirmation"] = "";
        using var toReview = await client.SubmitAsync(form, IntakeJourney.FormSelector, values,
            [new FormFile("Evidence", "receipt.png", "image/png", TestFiles.Png())], submitName: "intent", submitValue: "review");
        Assert.True(toReview.StatusCode == HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(toReview));
        var review = await client.FollowRedirectAsync(toReview);
        using var submitted = await client.SubmitAsync(review, "form[action='/counselor/cases/new/submit']");
        return await client.FollowRedirectAsync(submitted);
    }
}
