using System.Net;
using System.Security.Cryptography;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using CrossBorderConsumerCenter.Web.Features.PartnerAnswer;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.Forwarding;

/// <summary>The partner agency's answer through the link in the forward email, and what staff do with it.</summary>
public class PartnerAnswerTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private static readonly byte[] Png = Testing.Photos.ImageFiles.Png(2008);

    [Fact]
    public async Task TheAgencyAnswersOnceThroughItsLinkThenStaffTellTheConsumerAndCloseTheCase()
    {
        var c = await portal.ReceiveAsync();
        var token = await portal.ForwardAsync(c);
        using var partner = portal.Factory.CreateFormClient();

        var page = await partner.GetOkAsync($"/partner/{token}");
        Assert.Equal("en", page.Lang);
        Assert.Equal($"Answer about {c.Number} — Cross-Border Consumer Center Japan", page.Title);
        Assert.Equal("noindex, nofollow", page.Headers["X-Robots-Tag"]);
        Assert.Equal(c.Number, page.Find("[data-field=reference]")!.TextContent.Trim());
        Assert.Contains("Example Gadgets Inc.", page.MainText, StringComparison.Ordinal);
        foreach (var personal in new[] { "山田", "taro@example.jp", "090-1234-5678", "千代田区" })
        {
            Assert.DoesNotContain(personal, page.Text, StringComparison.Ordinal);
        }

        // What the forward said in English, never the consumer's Japanese.
        Assert.Equal("Wireless earphones", page.Find("[data-field=item]")!.TextContent.Trim());
        Assert.Equal("The consumer paid for wireless earphones that never arrived.", page.Find("[data-field=summary]")!.TextContent.Trim());
        Assert.Null(JapaneseScript.First(page.MainText));

        using (var missing = await partner.SubmitAsync(page, "form.partner-answer"))
        {
            var again = await HtmlPage.ReadAsync(missing);
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Contains("Choose what the business did.", again.Find(".error-summary")!.TextContent, StringComparison.Ordinal);

            // Said first in the title, and focused by the site's script as on every other form.
            Assert.Equal("Error: " + page.Title, again.Title);
            RefusedForm.AssertShown(again, "en");
        }

        var message = "The business refunded USD 129.99 on 25 November; the bank statement is attached.";
        using (var answered = await partner.SubmitAsync(page, "form.partner-answer", [new("Outcome", "Refunded"), new("Message", message)],
            files: [new FormFile(PartnerAnswerController.FilesField, "refund-confirmation.png", "image/png", Png)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
            var thanks = await partner.FollowRedirectAsync(answered);
            Assert.NotNull(thanks.Find("[data-answered][data-confirmation]"));
            Assert.Equal("Your answer is recorded — Cross-Border Consumer Center Japan", thanks.Title);
        }

        var responded = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.PartnerResponded, CaseClocks.FollowUpDue(portal.Clock.GetUtcNow())), (responded.Status, responded.DueAt!.Value));
        var files = await portal.QueryAsync(db => db.CaseEvidence.AsNoTracking().Where(e => e.CaseId == c.Id)
            .Join(db.StoredFiles, e => e.StoredFileId, f => f.Id, (e, f) => new { e.Source, f.FileName, f.ContentType, f.Content }).ToListAsync());
        var file = Assert.Single(files);
        Assert.Equal((EvidenceSource.Partner, "refund-confirmation.png", "image/png"), (file.Source, file.FileName, file.ContentType));
        Assert.Equal(Png, file.Content!.Bytes);

        // Nobody is assigned: the staff member who forwarded the case is told, in Japanese.
        var told = Assert.Single(await portal.EmailsAsync(c.Id, RecordPartnerAnswer.StaffEmail.TemplateName));
        Assert.Equal([portal.Staff.Email], told.ToAddresses);
        Assert.Contains(c.Number, told.Subject, StringComparison.Ordinal);
        Assert.Contains("返金された", told.Subject + told.TextBody, StringComparison.Ordinal);
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'PartnerAnswerRecorded' AND actor_name = 'CBBB'", ("id", c.Id)));

        // A second answer through the same link is not taken: the page says when it was answered.
        using (var second = await partner.SubmitAsync(page, "form.partner-answer", [new("Outcome", "Refused"), new("Message", "Changed our mind.")]))
        {
            Assert.NotNull((await HtmlPage.ReadAsync(second)).Find("[data-answered]"));
        }

        Assert.NotNull((await partner.GetOkAsync($"/partner/{token}")).Find("[data-answered]"));
        Assert.Single(await portal.TimelineAsync(c.Id), k => k == CaseEventKind.PartnerResponded);
        Assert.Single(await portal.EmailsAsync(c.Id, RecordPartnerAnswer.StaffEmail.TemplateName));

        // Staff see the answer, tell the consumer (pre-filled with the outcome, in the consumer's language), and close.
        var casePage = await portal.Client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        Assert.Contains(message, casePage.Find("[data-kind=PartnerResponded]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(casePage.Find("[data-partner-answer]"));
        Assert.Contains("返金", casePage.Find("textarea[name='NotifyConsumer.Message']")!.TextContent, StringComparison.Ordinal);
        var notice = "事業者から返金されたと、提携機関から連絡がありました。カードの明細をご確認ください。";
        using (var notified = await portal.Client.SubmitAsync(casePage, "#action-NotifyConsumer form", [new("NotifyConsumer.Message", notice)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, notified.StatusCode);
            casePage = await portal.Client.FollowRedirectAsync(notified);
        }

        var consumerEmail = Assert.Single(await portal.EmailsAsync(c.Id, NotifyConsumer.Email.TemplateName));
        Assert.Equal(["taro@example.jp"], consumerEmail.ToAddresses);
        Assert.Equal("ja", consumerEmail.Language);
        Assert.Contains(notice, consumerEmail.TextBody, StringComparison.Ordinal);
        Assert.Contains(c.Number, consumerEmail.Subject, StringComparison.Ordinal);

        using (var closed = await portal.Client.SubmitAsync(casePage, "#action-Close form", [new("Close.Outcome", nameof(CaseOutcome.Resolved))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        Assert.Equal((CaseStatus.Closed, CaseOutcome.Resolved), ((await portal.ReadCaseAsync(c.Id)).Status, (await portal.ReadCaseAsync(c.Id)).Outcome));
        Assert.Equal(
            [CaseEventKind.Received, CaseEventKind.Forwarded, CaseEventKind.PartnerResponded, CaseEventKind.ConsumerNotified, CaseEventKind.Closed],
            await portal.TimelineAsync(c.Id));
        Assert.NotNull((await partner.GetOkAsync($"/partner/{token}")).Find("[data-answered]"));
    }

    [Fact]
    public async Task TheAnswerPageShowsTheEnglishAsSentAndForAnEarlierForwardWithoutItOnlyWhatTheAgencyCanRead()
    {
        var c = await portal.ReceiveAsync();
        var token = await portal.ForwardAsync(c, [
            new("Forward.Item", "Running shoes, size 27"), new("Forward.BusinessName", "Example Gadgets, Inc. (US)"), new("Forward.Summary", "Paid, never shipped."),
        ]);
        using var partner = portal.Factory.CreateFormClient();

        var page = await partner.GetOkAsync($"/partner/{token}");
        Assert.Equal("Running shoes, size 27", page.Find("[data-field=item]")!.TextContent.Trim());
        Assert.Equal("Example Gadgets, Inc. (US)", page.Find("[data-field=business]")!.TextContent.Trim());
        Assert.Equal("Paid, never shipped.", page.Find("[data-field=summary]")!.TextContent.Trim());
        Assert.Null(JapaneseScript.First(page.MainText));

        // A forward recorded before forwards carried their English: the item (Japanese) is left out, the business (Latin) shown.
        await portal.Database.ScalarAsync<int>(
            "UPDATE partner_provisions SET sent_business_name = NULL, sent_item = NULL, sent_summary = NULL, sent_business_response = NULL, sent_consumer_name = NULL WHERE case_id = @id RETURNING 1",
            ("id", c.Id));
        var earlier = await partner.GetOkAsync($"/partner/{token}");
        Assert.Null(earlier.Find("[data-field=item]"));
        Assert.Null(earlier.Find("[data-field=summary]"));
        Assert.Equal("Example Gadgets Inc.", earlier.Find("[data-field=business]")!.TextContent.Trim());
        Assert.Null(JapaneseScript.First(earlier.MainText));
        Assert.DoesNotContain("ワイヤレスイヤホン", earlier.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAssignedStaffMemberIsToldOfTheAnswerRatherThanTheOneWhoForwarded()
    {
        var colleague = await StaffAccounts.CreateAsync(portal.Factory, Roles.Staff);
        var c = await portal.ReceiveAsync();
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.Assign(colleague.Id, colleague.DisplayName, actor, now));
        var token = await portal.ForwardAsync(c);
        using var partner = portal.Factory.CreateFormClient();

        var page = await partner.GetOkAsync($"/partner/{token}");
        using var answered = await partner.SubmitAsync(page, "form.partner-answer", [new("Outcome", "Shipped"), new("Message", "Tracking number 1Z999.")]);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var told = Assert.Single(await portal.EmailsAsync(c.Id, RecordPartnerAnswer.StaffEmail.TemplateName));
        Assert.Equal([colleague.Email], told.ToAddresses);
    }

    [Fact]
    public async Task AfterTheCenterClosesTheCaseItsLinkTakesNoAnswer()
    {
        var c = await portal.ReceiveAsync();
        var token = await portal.ForwardAsync(c);
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.Close(CaseOutcome.Resolved, "The consumer was refunded by the card issuer.", actor, now));
        using var partner = portal.Factory.CreateFormClient();

        var page = await partner.GetOkAsync($"/partner/{token}");
        Assert.Contains("No answer is needed any more", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Find("form.partner-answer"));
        Assert.DoesNotContain(CaseEventKind.PartnerResponded, await portal.TimelineAsync(c.Id));
        Assert.Equal(CaseStatus.Closed, (await portal.ReadCaseAsync(c.Id)).Status);
    }

    [Fact]
    public async Task AWrongOrMalformedLinkShowsOnePlainPageThatRevealsNothing()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: "CA", currency: "CAD"));
        var token = await portal.ForwardAsync(c);
        using var partner = portal.Factory.CreateFormClient();
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var altered = (token[0] == 'A' ? "B" : "A") + token[1..];

        var pages = new List<HtmlPage>();
        foreach (var link in new[] { wrong, altered, token[..20], "not a token", token + "A" })
        {
            var page = await partner.GetAsync($"/partner/{Uri.EscapeDataString(link)}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal("This link does not work", page.Heading);
            Assert.Equal("This link does not work — Cross-Border Consumer Center Japan", page.Title);
            Assert.DoesNotContain(c.Number, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Example Gadgets", page.Text, StringComparison.Ordinal);
            pages.Add(page);
        }

        Assert.Single(pages.Select(p => p.MainText.Split("(404)")[0]).Distinct());
        Assert.Equal(CaseStatus.Forwarded, (await portal.ReadCaseAsync(c.Id)).Status);
    }

    [Fact]
    public async Task ATokenAnswersOnlyForItsOwnCase()
    {
        var first = await portal.ReceiveAsync(TestComplaints.Details(country: "TW", currency: "TWD"));
        var second = await portal.ReceiveAsync(TestComplaints.Details(country: "TW", currency: "TWD"));
        await portal.ForwardAsync(first);
        var secondToken = await portal.ForwardAsync(second);
        using var partner = portal.Factory.CreateFormClient();

        var page = await partner.GetOkAsync($"/partner/{secondToken}");
        Assert.Equal(second.Number, page.Find("[data-field=reference]")!.TextContent.Trim());
        using var answered = await partner.SubmitAsync(page, "form.partner-answer", [new("Outcome", "MerchantUnreachable")]);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        Assert.Equal(CaseStatus.Forwarded, (await portal.ReadCaseAsync(first.Id)).Status);
        Assert.Equal(CaseStatus.PartnerResponded, (await portal.ReadCaseAsync(second.Id)).Status);
        Assert.DoesNotContain(CaseEventKind.PartnerResponded, await portal.TimelineAsync(first.Id));
    }

    [Fact]
    public async Task OnlyTheTokensHashIsStored()
    {
        var c = await portal.ReceiveAsync(TestComplaints.Details(country: "SG", currency: "SGD"));
        var token = await portal.ForwardAsync(c);

        var stored = await portal.Database.ScalarAsync<byte[]>("SELECT token_hash FROM partner_links WHERE case_id = @id", ("id", c.Id));
        Assert.Equal(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)), stored);
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM audit_entries WHERE details::text LIKE '%' || @t || '%') + (SELECT count(*) FROM case_events WHERE coalesce(text, '') || coalesce(data::text, '') LIKE '%' || @t || '%')",
            ("t", token)));

        // The outbox copy carries the link until the message is sent, and not after (ADR 0020).
        const string inOutbox = "SELECT count(*) FROM outbound_emails WHERE text_body || html_body LIKE '%' || @t || '%'";
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(inOutbox, ("t", token)));
        await portal.SendEmailsAsync();
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(inOutbox, ("t", token)));
        Assert.Equal("Sent", await portal.Database.ScalarAsync<string>(
            "SELECT state FROM outbound_emails WHERE case_id = @id AND template = @template", ("id", c.Id), ("template", ForwardEmail.TemplateName)));
    }
}
