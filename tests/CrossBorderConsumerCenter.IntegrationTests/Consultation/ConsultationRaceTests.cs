using System.Net;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;

namespace CrossBorderConsumerCenter.IntegrationTests.Consultation;

/// <summary>
/// Ten people apply for the last seat of a slot at the same moment, each from their own browser (separate clients, real
/// HTTP through the test host): the database's unique index lets exactly one booking hold the seat; the nine others get
/// the form back with what they typed, the message, and the slots still free.
/// </summary>
public class ConsultationRaceTests(ConsultationFixture portal) : IClassFixture<ConsultationFixture>
{
    private const int Applicants = 10;

    [Fact]
    public async Task TenApplicationsForTheLastSeatBookExactlyOne()
    {
        // Three seats per slot, two of them taken: one is left.
        await portal.SetSeatsAsync(3);
        var slot = ConsultationFixture.Bookable()[0];
        await portal.BookAsync(slot, "先客 一", seat: 1);
        await portal.BookAsync(slot, "先客 二", seat: 2);

        var clients = Enumerable.Range(0, Applicants).Select(_ => portal.Client()).ToList();
        try
        {
            var pages = await Task.WhenAll(clients.Select(c => c.GetOkAsync("/consultation")));
            Assert.All(pages, p => Assert.Contains(slot.Value, ConsultationFixture.OfferedSlots(p)));

            using var start = new SemaphoreSlim(0, Applicants);
            var posts = clients.Select((client, i) => Task.Run(async () =>
            {
                await start.WaitAsync();
                using var response = await client.SubmitAsync(pages[i], "form.consultation-form", ConsultationFixture.Application(slot, name: $"申込者 {i}", email: $"applicant{i}@example.jp"));
                return (Index: i, Page: await HtmlPage.ReadAsync(response), response.StatusCode);
            })).ToList();
            start.Release(Applicants);
            var results = await Task.WhenAll(posts);

            var booked = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
            var live = await portal.LiveBookingsAtAsync(slot);
            Assert.Equal(3, live.Count);
            Assert.Equal([1, 2, 3], live.Select(b => b.Seat).Order());
            Assert.Equal($"申込者 {booked.Index}", Assert.Single(live, b => b.Seat == 3).Name);

            // One acknowledgement, to the one who got the seat: the others' emails were never saved.
            for (var i = 0; i < Applicants; i++)
            {
                Assert.Equal(i == booked.Index ? [ConsultationEmails.Acknowledgement] : [], await portal.EmailsToAsync($"applicant{i}@example.jp"));
            }

            var refused = results.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
            Assert.Equal(Applicants - 1, refused.Count);
            Assert.All(refused, r =>
            {
                Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
                Assert.Contains("満席", r.Page.FieldError("Slot"), StringComparison.Ordinal);
                Assert.NotNull(r.Page.Find("#error-summary a[href='#Slot']"));
                Assert.Equal($"申込者 {r.Index}", r.Page.Find("#Name")!.GetAttribute("value"));
                Assert.Equal($"applicant{r.Index}@example.jp", r.Page.Find("#Email")!.GetAttribute("value"));
                Assert.Equal("海外の通販サイトで買った靴が届きません。", r.Page.Find("#Description")!.TextContent.Trim());
                var offered = ConsultationFixture.OfferedSlots(r.Page);
                Assert.DoesNotContain(slot.Value, offered);
                Assert.Equal(ConsultationFixture.Bookable().Count - 1, offered.Count);
            });
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
