using System.Net;
using AngleSharp.Dom;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.IntegrationTests.InboundMail;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Consultations;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.IntegrationTests.Security;

/// <summary>
/// Wherever staff read what a consumer or a stranger wrote (the queue, the forward's compose page and preview, mail that
/// found no case, the timeline, the consultation desk, lists of files), a right-to-left override or a zero-width
/// character is shown isolated in &lt;bdi&gt; and as a visible marker, as on the case page: "invoice[U+202E]gnp.exe" cannot
/// pass for "invoiceexe.png".
/// </summary>
public class HiddenCharactersShownToStaffTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private const string Override = "\u202E";
    private const string ZeroWidthSpace = "\u200B";
    private const string TrickName = "invoice\u202Egnp.exe";

    /// <summary>Asserts <paramref name="element"/> shows the override as a marker inside a &lt;bdi&gt;, and never acts on it.</summary>
    private static void ShowsMarker(IElement? element, string code = "U+202E")
    {
        Assert.NotNull(element);
        var marker = element.QuerySelector($"bdi [data-hidden-char='{code}']") ?? (element.Matches("bdi") ? element.QuerySelector($"[data-hidden-char='{code}']") : null);
        Assert.True(marker is not null, $"No marker {code} in: {element.OuterHtml}");
        Assert.Equal($"[{code}]", marker.TextContent);
        Assert.DoesNotContain(Override, element.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(ZeroWidthSpace, element.TextContent, StringComparison.Ordinal);
    }

    private Task<Case> TrickCaseAsync(IReadOnlyList<StoredFile>? evidence = null)
    {
        var details = TestComplaints.Details(name: "山田" + Override + "太郎");
        details = details with
        {
            Business = details.Business with { Name = "Shop" + ZeroWidthSpace + "Example" },
            Trouble = details.Trouble with { WhatHappened = "届きません。" + Override + "。すまきでいら払" },
        };
        return portal.ReceiveAsync(details, evidence: evidence);
    }

    [Fact]
    public async Task TheQueueShowsTheConsumersAndTheBusinesssNamesWithTheirMarkers()
    {
        var c = await TrickCaseAsync();

        var queue = await portal.Client.GetOkAsync("/staff/cases?q=" + Uri.EscapeDataString(c.Number));

        var row = queue.FindAll("tr").Single(r => r.TextContent.Contains(c.Number, StringComparison.Ordinal));
        ShowsMarker(row.QuerySelectorAll("td").Single(td => td.TextContent.Contains("太郎", StringComparison.Ordinal)));
        ShowsMarker(row.QuerySelectorAll("td").Single(td => td.TextContent.Contains("Shop", StringComparison.Ordinal)), "U+200B");
    }

    [Fact]
    public async Task TheForwardsComposePageAndPreviewShowTheTextAndTheFileNamesWithTheirMarkers()
    {
        var file = new StoredFile(TrickName, "image/png", Testing.Photos.ImageFiles.Png(), portal.Clock.GetUtcNow());
        var c = await TrickCaseAsync([file]);

        var compose = await portal.Client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        ShowsMarker(compose.Find("[data-original]"));
        ShowsMarker(compose.FindAll("form.forward-form label").Single(l => l.TextContent.Contains("invoice", StringComparison.Ordinal)));

        using var response = await portal.Client.SubmitAsync(compose, "form.forward-form", ForwardingFixture.InEnglish([new("Forward.Summary", "Paid" + Override + " but nothing came."), new("Forward.Evidence", compose.Find("input[name='Forward.Evidence']")!.GetAttribute("value"))]));
        var preview = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ShowsMarker(preview.Find("[data-preview-body]"));
        ShowsMarker(preview.FindAll("li").Single(li => li.TextContent.Contains("invoice", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MailThatFoundNoCaseShowsItsSubjectTextAndFileNamesWithTheirMarkers()
    {
        var id = await MailPagesFixture.StoreAsync(portal.Factory, MailPagesFixture.Message(
            "taro@example.jp", "Re: ご相談" + Override + "txt.exe", "領収書を送ります" + ZeroWidthSpace + "。", (TrickName, "image/png", Testing.Photos.ImageFiles.Png())));

        var list = await portal.Client.GetOkAsync("/staff/mail");
        ShowsMarker(list.Find($"#mail-{id} [data-field='subject']"));

        var page = await portal.Client.GetOkAsync($"/staff/mail/{id}");
        ShowsMarker(page.Find("h1"));
        ShowsMarker(page.Find("dd[data-field='subject']"));
        ShowsMarker(page.Find("[data-field='text']"), "U+200B");
        ShowsMarker(page.Find("[data-field='name']"));
    }

    [Fact]
    public async Task TheTimelineAndTheCaseSummaryShowAConsumersReplyAndNameWithTheirMarkers()
    {
        var c = await TrickCaseAsync();
        await portal.ChangeAsync(c.Id, (x, staff, now) => x.RequestInformation("領収書をお持ちですか。", staff, now));
        await portal.ChangeAsync(c.Id, (x, _, now) => x.ReceiveConsumerReply("あります" + Override + "。", CaseActor.Consumer, now));

        var page = await portal.Client.GetOkAsync(ForwardingFixture.PageOf(c.Number));

        ShowsMarker(page.FindAll(".timeline__text").Single(t => t.TextContent.Contains("あります", StringComparison.Ordinal)));
        ShowsMarker(page.Find("[data-field='consumer']"));
    }

    [Fact]
    public async Task TheConsultationDeskShowsTheApplicantsNameAndDescriptionWithTheirMarkers()
    {
        var applicant = TestBookings.Applicant("足立" + Override + "花子") with { Description = "靴が" + ZeroWidthSpace + "届きません。" };
        var booking = await TestBookings.CreateAsync(portal.Factory, new(TestBookings.ConsultationDayFrom(TestTime.TodayInJapan.AddDays(7)), new(9, 0)), applicant: applicant);

        var desk = await portal.Client.GetOkAsync("/staff/consultations?day=" + TestTime.Iso(DateOnly.FromDateTime(booking.SlotStart.ToOffset(TimeSpan.FromHours(9)).DateTime)));
        ShowsMarker(desk.Find($"a[href='/staff/consultations/{booking.Id}']"));

        var page = await portal.Client.GetOkAsync("/staff/consultations/" + booking.Id);
        ShowsMarker(page.Find("[data-field='name']"));
        ShowsMarker(page.Find("[data-field='description']"), "U+200B");
    }
}
