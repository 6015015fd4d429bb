using CrossBorderConsumerCenter.IntegrationTests.CasePage;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.IntegrationTests.InboundMail;

/// <summary>
/// With replies read, each email about a case that its reader may answer goes out with a Reply-To naming the case and
/// the reader, and a Message-ID naming the case; its text invites a reply. Staff's own notices take no case address.
/// </summary>
public class RepliesReadTests(RepliesReadFixture portal) : IClassFixture<RepliesReadFixture>
{
    [Fact]
    public async Task TheAcknowledgementTakesTheConsumersRepliesForTheCase()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "返信 花子" }));
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var caseId = await portal.QueryAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        var email = Assert.Single(await portal.EmailsAsync(caseId, SubmitComplaint.AcknowledgementEmail.TemplateName));

        await AssertAnsweredByAsync(email, caseId, ReplyParty.Consumer);
    }

    [Fact]
    public async Task TheRequestForInformationTakesTheConsumersReplyAndSaysSo()
    {
        // Signed in now: the clock only moves forward, and a session from the start of the class may have expired.
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var session = client;
        var c = await portal.ReceiveAsync();
        var page = await client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        Assert.Contains("そのメールに返信して答えます", page.Find("#action-RequestInformation")!.TextContent, StringComparison.Ordinal);
        using var response = await client.SubmitAsync(page, "#action-RequestInformation form", [new("RequestInformation.Message", "注文番号を教えてください。")]);
        await CasePageFixture.FollowToCaseAsync(client, response, c.Number);
        var email = Assert.Single(await portal.EmailsAsync(c.Id, RequestInformation.Email.TemplateName));

        var sent = await AssertAnsweredByAsync(email, c.Id, ReplyParty.Consumer);
        Assert.Contains("このメールに返信してお答えいただくこともできます。", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionForAResidentWithoutEmailTakesTheCounselorsReply()
    {
        // Signed in now: the clock only moves forward, and a session from the start of the class may have expired.
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var session = client;
        var counselor = await StaffAccounts.CreateAsync(portal.Factory, Roles.Counselor);
        var (c, _) = await TestCases.FileForResidentAsync(portal.Factory, counselor);
        var page = await client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        using var response = await client.SubmitAsync(page, "#action-RequestInformation form", [new("RequestInformation.Message", "ご本人に領収書の有無を確認してください。")]);
        await CasePageFixture.FollowToCaseAsync(client, response, c.Number);
        var email = Assert.Single(await portal.EmailsAsync(c.Id, RequestInformation.Email.TemplateName));

        Assert.Equal([counselor.Email], email.ToAddresses);
        await AssertAnsweredByAsync(email, c.Id, ReplyParty.Counselor);
    }

    [Fact]
    public async Task TheReminderAsksForAReplyToItAndTakesIt()
    {
        var c = await portal.ReceiveAsync();
        var reminder = await portal.RemindedAsync(c, "領収書の写真を送ってください。");

        var sent = await AssertAnsweredByAsync(reminder, c.Id, ReplyParty.Consumer);
        Assert.Contains("このメールに返信する形で、", sent.Text, StringComparison.Ordinal);
        Assert.Contains("このメールにご返信いただければ再開できます。", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForwardTakesTheAgencysReplyAndSaysSoAndItsPreviewShowsTheAddress()
    {
        // Signed in now: the clock only moves forward, and a session from the start of the class may have expired.
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var session = client;
        var c = await portal.ReceiveAsync();
        var compose = await client.GetOkAsync(ForwardingFixture.ComposeOf(c.Number));
        using (var previewResponse = await client.SubmitAsync(compose, "form.forward-form", ForwardingFixture.InEnglish()))
        {
            var preview = await HtmlPage.ReadAsync(previewResponse);
            Assert.Equal(new ReplyAddressMatch(c.Id, ReplyParty.Partner), portal.Replies.Read(preview.Find("[data-field=reply-to]")!.TextContent.Trim()));
        }

        var token = await portal.ForwardAsync(c, client: client);
        var email = await portal.LatestForwardEmailAsync(c.Id);

        var sent = await AssertAnsweredByAsync(email, c.Id, ReplyParty.Partner);
        Assert.Contains("Replies to this email reach the center too", sent.Text, StringComparison.Ordinal);

        // The answer page tells the agency it can add something later by replying.
        using var agency = portal.Factory.CreateFormClient();
        var answerPage = (await agency.GetOkAsync("/partner/" + token)).MainText;
        Assert.True(answerPage.Contains("reply to our email", StringComparison.Ordinal) || answerPage.Contains("転送メールにご返信ください", StringComparison.Ordinal), answerPage);
    }

    [Fact]
    public async Task AStaffNoticeTakesNoCaseAddress()
    {
        // Signed in now: the clock only moves forward, and a session from the start of the class may have expired.
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var session = client;
        var c = await portal.ReceiveAsync();
        await portal.ForwardAsync(c, client: client);
        portal.Clock.SetUtcNow((await portal.ReadCaseAsync(c.Id)).DueAt!.Value.AddSeconds(1));
        await portal.RunClocksAsync();
        var overdue = Assert.Single(await portal.EmailsAsync(c.Id, RunCaseClocks.OverdueEmail.TemplateName));

        Assert.Equal("consult@ccj.test", overdue.ReplyTo);
        Assert.Equal(c.Id, portal.Replies.CaseOfMessageId(overdue.MessageId));
    }

    /// <summary>The stored and the sent message both take replies at the case's address for <paramref name="party"/>, and name the case in their Message-ID.</summary>
    private async Task<Testing.Smtp.ReceivedMessage> AssertAnsweredByAsync(OutboundEmail email, Guid caseId, ReplyParty party)
    {
        Assert.Equal(new ReplyAddressMatch(caseId, party), portal.Replies.Read(email.ReplyTo));
        Assert.StartsWith("cases+", email.ReplyTo, StringComparison.Ordinal);
        Assert.Equal(caseId, portal.Replies.CaseOfMessageId(email.MessageId));

        var sent = await portal.SentAsync(email);
        Assert.Equal(email.ReplyTo, sent.Header("Reply-To"));
        Assert.Equal(new ReplyAddressMatch(caseId, party), portal.Replies.Read(sent.Header("Reply-To")));
        Assert.Equal(caseId, portal.Replies.CaseOfMessageId(sent.MessageId));
        return sent;
    }
}
