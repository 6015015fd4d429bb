using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.ConsultationMail;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Consultation;

/// <summary>
/// The public page of online consultations in both languages (what it is, for whom, the notices, and the phone first for
/// urgent matters before the form), its clear messages for what is typed wrong with everything kept, and a successful
/// application: the booking as registered and the "received, not yet confirmed" page.
/// </summary>
public class ConsultationPageTests(ConsultationFixture portal) : IClassFixture<ConsultationFixture>
{
    [Theory]
    [InlineData("ja", "オンライン相談(予約制)", "事業者(個人事業主を含む)", "録画・録音")]
    [InlineData("en", "Online consultation (by appointment)", "Businesses, sole traders included", "Recording the consultation")]
    public async Task ThePageExplainsTheConsultationAndPutsThePhoneBeforeTheForm(string language, string heading, string businesses, string recording)
    {
        using var client = portal.Client(language);
        var page = await client.GetOkAsync("/consultation");

        Assert.Equal(language, page.Lang);
        Assert.Equal(heading, page.Heading);
        Assert.StartsWith(heading, page.Title, StringComparison.Ordinal);
        Assert.Contains(businesses, page.MainText, StringComparison.Ordinal);
        Assert.Contains(recording, page.MainText, StringComparison.Ordinal);
        Assert.Contains("PIO-NET", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Find("a[href='tel:188']"));
        Assert.NotNull(page.Find("a[href='tel:+81-3-6229-0850']"));
        Assert.NotNull(page.Find("a[href='/cooling-off']"));
        Assert.NotNull(page.Find("main a[href='/privacy']"));
        var text = page.Text;
        Assert.True(text.IndexOf("id=\"urgent-heading\"", StringComparison.Ordinal) < text.IndexOf("<form method=\"post\" action=\"/consultation\"", StringComparison.Ordinal),
            "the urgent matters come before the form");
        Assert.DoesNotContain("03-3880-5380", text, StringComparison.Ordinal);

        // Slots grouped by day, a legend each, radios named Slot whose value is the start.
        var days = page.FindAll("fieldset.consultation-day");
        Assert.NotEmpty(days);
        Assert.All(days, d => Assert.False(string.IsNullOrWhiteSpace(d.QuerySelector("legend")?.TextContent)));
        Assert.All(ConsultationFixture.OfferedSlots(page), v => Assert.True(ConsultationSlot.TryParse(v, out var s) && s.Value == v, v));
        Assert.NotNull(page.Find("a[href='/consultation']"));
    }

    [Theory]
    [InlineData("ja", "オンライン相談")]
    [InlineData("en", "online consultation")]
    public async Task TheNavigationAndTheFaqsPhoneAnswerLeadToThePage(string language, string words)
    {
        using var client = portal.Client(language);
        var faq = await client.GetOkAsync("/faq");

        Assert.NotNull(faq.Find("nav.main-nav a[href='/consultation']"));
        Assert.Contains(faq.FindAll("main a[href='/consultation']"), a => a.TextContent.Contains(words, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BadInputGetsClearMessagesAndEverythingTypedIsKept()
    {
        using var client = portal.Client();
        var page = await client.GetOkAsync("/consultation");
        var slot = ConsultationFixture.OfferedSlots(page)[0];
        var values = ConsultationFixture.Application(ConsultationSlot.TryParse(slot, out var s) ? s : default)
            .Where(v => v.Key is not ("Name" or "Address" or "AgreesToNotices" or "Email" or "EmailConfirmation" or "NameKana"))
            .Append(new("Email", ".taro@example.jp")).Append(new("EmailConfirmation", ".taro@example.jp")).Append(new("NameKana", "Yamada"))
            .Append(new("Name", "")).Append(new("Address", " "));

        using var response = await client.SubmitAsync(page, "form.consultation-form", values);
        var again = await HtmlPage.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.StartsWith("エラー", again.Title, StringComparison.Ordinal);
        Assert.NotNull(again.Find("#error-summary a[href='#Name']"));
        Assert.Contains("匿名", again.FieldError("Name"), StringComparison.Ordinal);
        Assert.Contains("住所が不完全", again.FieldError("Address"), StringComparison.Ordinal);
        Assert.Contains("先頭が「.」「-」「_」", again.FieldError("Email"), StringComparison.Ordinal);
        Assert.Contains("カタカナ", again.FieldError("NameKana"), StringComparison.Ordinal);
        Assert.NotNull(again.FieldError("AgreesToNotices"));
        Assert.Null(again.FieldError("Phone"));
        Assert.Equal(".taro@example.jp", again.Find("#Email")!.GetAttribute("value"));
        Assert.Equal("090-1234-5678", again.Find("#Phone")!.GetAttribute("value"));
        Assert.Equal("海外の通販サイトで買った靴が届きません。", again.Find("#Description")!.TextContent.Trim());
        Assert.Equal("JP-13", again.Find("#Prefecture option[selected]")!.GetAttribute("value"));
        Assert.Equal(slot, again.Find("input[name='Slot'][checked]")!.GetAttribute("value"));
        Assert.Equal("true", again.Find("#AgreesToPrivacy[checked]")?.GetAttribute("value"));
        Assert.Empty(await portal.QueryAsync(db => db.ConsultationBookings.Where(b => b.Email == ".taro@example.jp").ToListAsync()));
    }

    [Fact]
    public async Task MessagesAreInEnglishForAnEnglishReader()
    {
        using var client = portal.Client("en");
        var page = await client.GetOkAsync("/consultation");

        using var response = await client.SubmitAsync(page, "form.consultation-form", [new("Email", "taro..x@example.jp"), new("Description", "x")]);
        var again = await HtmlPage.ReadAsync(response);

        Assert.Equal("Choose the date and time you want.", again.FieldError("Slot"));
        Assert.Contains("anonymous", again.FieldError("Name"), StringComparison.Ordinal);
        Assert.Contains("two or more dots in a row", again.FieldError("Email"), StringComparison.Ordinal);
        Assert.Null(again.FieldError("NameKana"));
        Assert.Equal("x", again.Find("#Description")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnApplicationIsBookedAsRegisteredAndTheReceivedPageSaysItIsNotConfirmedYet()
    {
        using var client = portal.Client();
        var page = await client.GetOkAsync("/consultation");
        var offered = ConsultationFixture.OfferedSlots(page);
        Assert.True(ConsultationSlot.TryParse(offered[^1], out var slot));

        using var response = await client.SubmitAsync(page, "form.consultation-form", ConsultationFixture.Application(slot, name: "申込 一郎", email: "ichiro@example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/consultation/received", response.Headers.Location!.ToString());
        var received = await client.FollowRedirectAsync(response);

        Assert.Contains("no-store", received.Headers["Cache-Control"], StringComparison.Ordinal);
        Assert.Contains("まだ確定していません", received.Heading, StringComparison.Ordinal);
        Assert.Contains("迷惑メール", received.MainText, StringComparison.Ordinal);
        Assert.Contains(SlotDay(slot), received.MainText, StringComparison.Ordinal);
        var booking = Assert.Single(await portal.LiveBookingsAtAsync(slot));
        Assert.Equal([ConsultationEmails.Acknowledgement], await portal.EmailsToAsync("ichiro@example.jp"));
        Assert.Equal("申込 一郎", booking.Name);
        Assert.Equal("ヤマダ タロウ", booking.NameKana);
        Assert.Equal("120-0011", booking.PostalCode);
        Assert.Equal("JP-13", booking.PrefectureCode);
        Assert.Equal("ichiro@example.jp", booking.Email);
        Assert.Equal(ConsultationStatus.Requested, booking.Status);
        Assert.Equal(PrivacyNotice.CurrentVersion, booking.ConsentNoticeVersion);
        Assert.Equal("ja", booking.Language);
        Assert.Null(booking.FiledByCenterId);

        // The slot is full now (one seat): it is offered no more.
        Assert.DoesNotContain(slot.Value, ConsultationFixture.OfferedSlots(await client.GetOkAsync("/consultation")));
    }

    private static string SlotDay(ConsultationSlot slot) => $"{slot.Day.Year}年{slot.Day.Month}月{slot.Day.Day}日";
}
