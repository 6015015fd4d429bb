using System.Globalization;
using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Consultations;

namespace CrossBorderConsumerCenter.IntegrationTests.ConsultationDesk;

/// <summary>
/// A held consultation about a cross-border trouble becomes a case: the staff's paper-case steps, started from the booking
/// with the applicant's details filled in, and the case linked to the booking once entered.
/// </summary>
public class OpenCaseFromConsultationTests(ConsultationDeskFixture portal) : IClassFixture<ConsultationDeskFixture>
{
    private static string JapanDate(DateTimeOffset at) => at.ToOffset(ConsultationSlot.JapanOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string JapanClock(DateTimeOffset at) => at.ToOffset(ConsultationSlot.JapanOffset).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The consent staff record as given in the consultation (in person, by video), now.</summary>
    private Dictionary<string, string?> Consent() => new()
    {
        ["Start.AgreesToHandling"] = "true",
        ["Start.HandlingMethod"] = "InPerson",
        ["Start.HasContactedBusiness"] = "true",
        ["Start.IsConsumerPurchase"] = "true",
        ["Start.ProvisionAbroad"] = "yes",
        ["Start.AbroadMethod"] = "InPerson",
        ["Start.ConsentDate"] = JapanDate(portal.Now),
        ["Start.ConsentTime"] = JapanClock(portal.Now),
    };

    [Fact]
    public async Task AHeldConsultationOpensACaseWithTheApplicantsDetailsAndIsLinkedToItOnce()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var booking = await portal.BookAsync(portal.SlotIn(-40), ConsultationStatus.Held);
        var page = await client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));

        var start = await client.GetOkAsync(page.Find("#action-OpenCase a")!.GetAttribute("href")!);
        Assert.NotNull(start.Find("[data-from-consultation]"));
        Assert.Equal(["Consultation"], start.FindAll("input[name='Start.Channel']").Select(i => i.GetAttribute("value")));
        Assert.Equal(booking.Id.ToString(), start.Find("input[name='Start.ConsultationId']")!.GetAttribute("value"));
        Assert.Equal(JapanDate(booking.SlotStart), start.Find("#Start_ReceivedDate")!.GetAttribute("value"));

        HtmlPage form;
        using (var started = await client.SubmitAsync(start, "form.paper-start-form", Consent()))
        {
            Assert.True(started.StatusCode == HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(started));
            form = await client.FollowRedirectAsync(started);
        }

        Assert.Equal("足立 花子", form.Find("#Form_Consumer_Name")!.GetAttribute("value"));
        Assert.Equal("アダチ ハナコ", form.Find("#Form_Consumer_NameKana")!.GetAttribute("value"));
        Assert.Equal("足立区中央本町1-17-1", form.Find("#Form_Consumer_Address")!.GetAttribute("value"));
        Assert.Equal(booking.Email, form.Find("#Form_Consumer_Email")!.GetAttribute("value"));
        Assert.Equal("海外の通販サイトで買った靴が届きません。", form.Find("#Form_Trouble_WhatHappened")!.TextContent.Trim());

        // Staff add what the consultation told them (the business, the purchase); the applicant's details stay as filled in.
        var rest = IntakeJourney.ValidForm().Where(f => !f.Key.StartsWith("Form.Consumer.", StringComparison.Ordinal) && f.Key != "Form.Trouble.WhatHappened")
            .Append(new("Form.Consumer.AgeBand", "Forties"));
        HtmlPage review;
        using (var toReview = await client.SubmitAsync(form, IntakeJourney.FormSelector, rest, submitName: "intent", submitValue: "review"))
        {
            Assert.True(toReview.StatusCode == HttpStatusCode.Redirect, await IntakeJourney.DescribeAsync(toReview));
            review = await client.FollowRedirectAsync(toReview);
        }

        using var submitted = await client.SubmitAsync(review, "form[action='/staff/cases/new/submit']");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var number = submitted.Headers.Location!.OriginalString["/staff/cases/".Length..];
        var casePage = await client.FollowRedirectAsync(submitted);
        Assert.Equal($"{number} を登録し、オンライン相談の予約と結び付けました。", casePage.Find("[role=status]")!.TextContent.Trim());
        Assert.Equal("Consultation", casePage.Find("[data-field=channel]")!.GetAttribute("data-channel"));

        var linked = await portal.ReadAsync(booking.Id);
        var caseId = await portal.Database.ScalarAsync<Guid>("SELECT id FROM cases WHERE number = @n", ("n", number));
        Assert.Equal(caseId, linked.CaseId);
        Assert.Equal("足立 花子", await portal.Database.ScalarAsync<string>("SELECT consumer_name FROM cases WHERE id = @id", ("id", caseId)));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'ConsultationCaseOpened' AND subject_id = @b AND case_id = @c", ("b", booking.Id.ToString()), ("c", caseId)));

        var after = await client.GetOkAsync(ConsultationDeskFixture.PageOf(booking.Id));
        Assert.Equal($"/staff/cases/{number}", after.Find("[data-field=case] a")!.GetAttribute("href"));
        Assert.Null(after.Find("#action-OpenCase"));

        // Once: the booking no longer offers it, and the first step refuses it.
        var again = await client.GetOkAsync($"/staff/cases/new?consultation={booking.Id}");
        Assert.Contains("事案を作成できません", again.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultationThatWasNotHeldCannotOpenACaseEvenWhenPostedDirectly()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var booking = await portal.BookAsync(portal.FutureSlot(3), ConsultationStatus.Confirmed);
        var start = await client.GetOkAsync($"/staff/cases/new?consultation={booking.Id}");
        Assert.Contains("事案を作成できません", start.Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(start.Find("input[name='Start.ConsultationId']"));

        var fields = Consent();
        fields["Start.Channel"] = "Consultation";
        fields["Start.ConsultationId"] = booking.Id.ToString();
        fields["Start.ReceivedDate"] = JapanDate(portal.Now);
        fields["Start.ReceivedTime"] = JapanClock(portal.Now);
        fields["Start.Language"] = "ja";
        using var response = await client.SubmitAsync(start, "form.paper-start-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("事案を作成できません", (await HtmlPage.ReadAsync(response)).Find(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM intake_drafts WHERE consultation_booking_id = @b", ("b", booking.Id)));
    }

    [Fact]
    public async Task TheConsultationChannelIsNotOfferedForAFaxLetterOrCall()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var start = await client.GetOkAsync("/staff/cases/new");
        Assert.Equal(["Fax", "Letter", "Phone"], start.FindAll("input[name='Start.Channel']").Select(i => i.GetAttribute("value")));
        var fields = Consent();
        fields["Start.Channel"] = "Consultation";
        fields["Start.ReceivedDate"] = JapanDate(portal.Now);
        fields["Start.ReceivedTime"] = JapanClock(portal.Now);
        fields["Start.Language"] = "ja";
        using var response = await client.SubmitAsync(start, "form.paper-start-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await HtmlPage.ReadAsync(response)).FieldError("Start_Channel"));
    }
}
