using System.Net;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Features.Consultation;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Consultation;

/// <summary>
/// The applicant's private link: the time and status, never cached nor indexed; cancelling (after a confirmation) and
/// moving to another free slot, each in the audit trail with the applicant as the actor; a slot taken meanwhile leaves
/// the booking as it was; a wrong token gets a page that says nothing about any booking.
/// </summary>
public class ConsultationLinkTests(ConsultationFixture portal) : IClassFixture<ConsultationFixture>
{
    [Fact]
    public async Task AnUnknownOrMalformedTokenRevealsNothing()
    {
        using var client = portal.Client();
        foreach (var token in new[] { new string('A', ConsultationLinks.TokenLength), "short", "x'--" })
        {
            var page = await client.GetAsync("/consultation/booking/" + Uri.EscapeDataString(token));
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal("予約が見つかりません", page.Heading);
            Assert.Equal("noindex, nofollow", page.Find("meta[name='robots']")!.GetAttribute("content"));
            Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
            Assert.Null(page.Find("form[data-cancel-form], form[data-move-form]"));
        }
    }

    [Fact]
    public async Task TheLinkShowsTheTimeAndStatusAndCancelsAfterAConfirmation()
    {
        var slot = ConsultationFixture.Bookable()[3];
        var booking = await portal.BookAsync(slot, "取消 花子", email: "cancel@example.jp");
        var token = await portal.LinkAsync(booking.Id);
        using var client = portal.Client();

        var page = await client.GetOkAsync("/consultation/booking/" + token);
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
        Assert.Equal("noindex, nofollow", page.Find("meta[name='robots']")!.GetAttribute("content"));
        Assert.Contains($"{slot.Start:HH\\:mm}", page.Find("[data-field='slot']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Requested", page.Find("[data-field='status']")!.GetAttribute("data-status"));
        Assert.DoesNotContain("取消 花子", page.Text, StringComparison.Ordinal);

        var confirm = await client.GetOkAsync($"/consultation/booking/{token}/cancel");
        using var response = await client.SubmitAsync(confirm, "form[data-cancel-form]");
        var after = await client.FollowRedirectAsync(response);

        Assert.Equal("Cancelled", after.Find("[data-field='status']")!.GetAttribute("data-status"));
        Assert.Contains("取り消しました", after.MainText, StringComparison.Ordinal);
        Assert.Null(after.Find("form[data-move-form]"));
        Assert.Null(after.Find($"a[href='/consultation/booking/{token}/cancel']"));
        var saved = await portal.QueryAsync(db => db.ConsultationBookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id));
        Assert.Equal(ConsultationStatus.Cancelled, saved.Status);
        Assert.Equal(ConsultationCanceller.Applicant, saved.CancelledBy);
        Assert.Equal([ConsultationEmails.Cancelled], await portal.EmailsToAsync("cancel@example.jp"));
        var audit = await portal.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.ConsultationCancelled && a.SubjectId == booking.Id.ToString()));
        Assert.Null(audit.ActorId);
        Assert.Equal(ApplicantBooking.ActorName, audit.ActorName);

        // Cancelled: the slot is free again.
        Assert.Contains(slot.Value, ConsultationFixture.OfferedSlots(await client.GetOkAsync("/consultation")));
    }

    [Fact]
    public async Task TheLinkMovesTheBookingToAFreeSlotAndRefusesATakenOne()
    {
        var bookable = ConsultationFixture.Bookable();
        var (from, taken, to) = (bookable[5], bookable[6], bookable[7]);
        var booking = await portal.BookAsync(from, "移動 次郎", email: "move@example.jp");
        await portal.BookAsync(taken, "先客 三郎");
        var token = await portal.LinkAsync(booking.Id);
        using var client = portal.Client("en");

        var page = await client.GetOkAsync("/consultation/booking/" + token);
        var offered = ConsultationFixture.OfferedSlots(page);
        Assert.DoesNotContain(from.Value, offered);
        Assert.DoesNotContain(taken.Value, offered);
        Assert.Contains(to.Value, offered);

        // Someone took the slot between the page and the click: the booking stays where it was.
        using (var refused = await client.SubmitAsync(page, "form[data-move-form]", [new("Slot", taken.Value)]))
        {
            var again = await HtmlPage.ReadAsync(refused);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("taken by someone else", again.FieldError("Slot"), StringComparison.Ordinal);
            Assert.Equal(from, (await portal.QueryAsync(db => db.ConsultationBookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id))).Slot);
            Assert.Empty(await portal.EmailsToAsync("move@example.jp"));
        }

        using var moved = await client.SubmitAsync(page, "form[data-move-form]", [new("Slot", to.Value)]);
        var after = await client.FollowRedirectAsync(moved);

        Assert.Contains("has moved", after.MainText, StringComparison.Ordinal);
        var saved = await portal.QueryAsync(db => db.ConsultationBookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id));
        Assert.Equal(to, saved.Slot);
        Assert.Equal(ConsultationStatus.Requested, saved.Status);
        Assert.Equal([ConsultationEmails.Moved], await portal.EmailsToAsync("move@example.jp"));
        var audit = await portal.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.ConsultationMoved && a.SubjectId == booking.Id.ToString()));
        Assert.Equal(ApplicantBooking.ActorName, audit.ActorName);
        Assert.Contains(from.Value, audit.Details, StringComparison.Ordinal);
        Assert.Contains(to.Value, audit.Details, StringComparison.Ordinal);
        Assert.Contains(from.Value, ConsultationFixture.OfferedSlots(await client.GetOkAsync("/consultation")));
    }
}
