using System.Net;
using CrossBorderConsumerCenter.Testing.Counselors;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Consultation;

/// <summary>
/// A counselor of a local center books for a resident from their dashboard: the public form with who the resident is to
/// the trouble and how they consented; the booking carries the counselor and the center, the audit trail says so, and
/// the center's list shows it to that center's counselors only.
/// </summary>
public class CounselorConsultationTests(ConsultationFixture portal) : IClassFixture<ConsultationFixture>
{
    [Fact]
    public async Task ACounselorBooksForAResidentAndSeesItInTheCentersList()
    {
        var center = await TestCenters.CreateAsync(portal.Factory);
        var other = await TestCenters.CreateAsync(portal.Factory);
        var (client, counselor) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, center.Id);
        using var _ = client;

        var dashboard = await client.GetOkAsync("/counselor");
        Assert.NotNull(dashboard.Find("a[href='/counselor/consultations']"));
        var form = await client.GetOkAsync("/counselor/consultations/new");
        var slot = ConsultationFixture.Bookable()[2];
        Assert.Contains(slot.Value, ConsultationFixture.OfferedSlots(form));

        // The relation and the consent's method are asked first.
        using (var incomplete = await client.SubmitAsync(form, "form.consultation-form", ConsultationFixture.Application(slot, name: "住民 一郎")))
        {
            var again = await HtmlPage.ReadAsync(incomplete);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.NotNull(again.FieldError("Relation"));
            Assert.NotNull(again.FieldError("ConsentMethod"));
            Assert.Equal("住民 一郎", again.Find("#Name")!.GetAttribute("value"));
        }

        using var response = await client.SubmitAsync(form, "form.consultation-form",
            [.. ConsultationFixture.Application(slot, name: "住民 一郎", email: "resident@example.jp"), new("Relation", "Carer"), new("ConsentMethod", "Phone")]);
        var list = await client.FollowRedirectAsync(response);

        Assert.Equal("/counselor/consultations", response.Headers.Location!.ToString());
        Assert.Contains("住民 一郎", list.MainText, StringComparison.Ordinal);
        var booking = Assert.Single(await portal.LiveBookingsAtAsync(slot));
        Assert.Equal(center.Id, booking.FiledByCenterId);
        Assert.Equal(counselor.Id, booking.FiledByCounselorId);
        Assert.Equal(ResidentRelation.Carer, booking.ResidentRelation);
        Assert.Equal(ConsultationStatus.Requested, booking.Status);
        Assert.Equal([ConsultationEmails.Acknowledgement], await portal.EmailsToAsync("resident@example.jp"));
        var audit = await portal.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditAction.ConsultationBookedForResident && a.SubjectId == booking.Id.ToString()));
        Assert.Equal(counselor.Id, audit.ActorId);
        using var details = System.Text.Json.JsonDocument.Parse(audit.Details!);
        Assert.Equal("Phone", details.RootElement.GetProperty("consentMethod").GetString());
        Assert.Equal("Carer", details.RootElement.GetProperty("relation").GetString());

        // Another center's counselor does not see it.
        var (otherClient, _) = await StaffAccounts.SignedInCounselorAsync(portal.Factory, other.Id);
        using (otherClient)
        {
            var theirs = await otherClient.GetOkAsync("/counselor/consultations");
            Assert.DoesNotContain("住民 一郎", theirs.MainText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheCounselorsPagesNeedACounselorsAccount()
    {
        using var anonymous = portal.Client();
        using var response = await anonymous.Http.GetAsync("/counselor/consultations");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
