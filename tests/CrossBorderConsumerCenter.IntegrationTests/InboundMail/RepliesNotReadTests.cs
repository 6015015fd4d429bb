using CrossBorderConsumerCenter.IntegrationTests.CasePage;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.IntegrationTests.Intake;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Features.CasePage;
using CrossBorderConsumerCenter.Web.Features.Intake;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.InboundMail;

/// <summary>
/// Without InboundMail:ReplyAddress, replies are not read: case emails keep Smtp:ReplyToAddress (no case address),
/// still name the case in their Message-ID, and no text invites a reply by email; they point to the case's page or the
/// answer link instead.
/// </summary>
public class RepliesNotReadTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private ReplyAddresses Replies => portal.Factory.Services.GetRequiredService<ReplyAddresses>();

    [Fact]
    public async Task TheAcknowledgementHasNoCaseAddress()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var receipt = await journey.SubmitAsync(await journey.ReachReviewAsync(new Dictionary<string, string?> { ["Form.Consumer.Name"] = "未読 次郎" }));
        var number = receipt.Find("[data-case-number]")!.TextContent.Trim();
        var caseId = await portal.QueryAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        var email = Assert.Single(await portal.EmailsAsync(caseId, SubmitComplaint.AcknowledgementEmail.TemplateName));

        await AssertNoCaseAddressAsync(email, caseId);
    }

    [Fact]
    public async Task TheRequestForInformationAsksForAnAnswerOnTheCasesPageOnly()
    {
        // Signed in now: the clock only moves forward, and a session from the start of the class may have expired.
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var session = client;
        var c = await portal.ReceiveAsync();
        var page = await client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        var help = page.Find("#action-RequestInformation")!.TextContent;
        Assert.Contains("メールへの返信は案件に取り込まれません", help, StringComparison.Ordinal);
        // The help says what the email holds: the case's page through a link in that email.
        Assert.Contains("ご相談ページ(そのメールに記載するリンク)で答えます", help, StringComparison.Ordinal);
        Assert.DoesNotContain("返信して答えます", help, StringComparison.Ordinal);
        using var response = await client.SubmitAsync(page, "#action-RequestInformation form", [new("RequestInformation.Message", "注文番号を教えてください。")]);
        await CasePageFixture.FollowToCaseAsync(client, response, c.Number);
        var email = Assert.Single(await portal.EmailsAsync(c.Id, RequestInformation.Email.TemplateName));

        var sent = await AssertNoCaseAddressAsync(email, c.Id);
        Assert.Contains("次のご相談ページからお答えください", sent.Text, StringComparison.Ordinal);
        Assert.Equal(c.Number, (await client.GetOkAsync(Support.EmailLinks.TrackingPathIn(sent.Text!.Replace("\r\n", "\n", StringComparison.Ordinal)))).Heading);
    }

    [Fact]
    public async Task TheReminderAsksForAnAnswerOnTheCasesPageThroughItsOwnLink()
    {
        var c = await portal.ReceiveAsync(language: "en");
        var reminder = await portal.RemindedAsync(c, "Please send the receipt.");

        var sent = await AssertNoCaseAddressAsync(reminder, c.Id);
        Assert.Contains("Please answer by", sent.Text, StringComparison.Ordinal);
        Assert.Contains("on your case's page", sent.Text, StringComparison.Ordinal);
        Assert.False(Support.EmailLinks.PointsToLostLink(sent.Text!));
        using var consumer = portal.Factory.CreateFormClient();
        Assert.Equal(c.Number, (await consumer.GetOkAsync(Support.EmailLinks.TrackingPathIn(sent.Text!.Replace("\r\n", "\n", StringComparison.Ordinal)))).Heading);
    }

    [Fact]
    public async Task AJapaneseReminderAsksForAnAnswerOnTheCasesPage()
    {
        var c = await portal.ReceiveAsync();
        var reminder = await portal.RemindedAsync(c, "領収書の写真を送ってください。");

        Assert.Contains("次のご相談ページからお答えください", reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("返信", reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForwardPointsTheAgencyToTheAnswerPageOnly()
    {
        // Signed in now: the clock only moves forward, and a session from the start of the class may have expired.
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var session = client;
        var c = await portal.ReceiveAsync();
        var token = await portal.ForwardAsync(c, client: client);
        var email = await portal.LatestForwardEmailAsync(c.Id);

        var sent = await AssertNoCaseAddressAsync(email, c.Id);
        Assert.Contains("Please send your answer through that page.", sent.Text, StringComparison.Ordinal);

        using var agency = portal.Factory.CreateFormClient();
        var answerPage = (await agency.GetOkAsync("/partner/" + token)).MainText;
        Assert.DoesNotContain("reply", answerPage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("返信", answerPage, StringComparison.Ordinal);
    }

    /// <summary>The stored and the sent message keep Smtp:ReplyToAddress, name the case in their Message-ID and do not invite a reply.</summary>
    private async Task<ReceivedMessage> AssertNoCaseAddressAsync(OutboundEmail email, Guid caseId)
    {
        Assert.Equal("consult@ccj.test", email.ReplyTo);
        Assert.Equal(caseId, Replies.CaseOfMessageId(email.MessageId));
        Assert.Matches($"^<[0-9a-f]{{32}}\\.{caseId:N}@ccj\\.test>$", email.MessageId);

        var sent = await portal.SentAsync(email);
        Assert.Equal("consult@ccj.test", sent.Header("Reply-To"));
        Assert.Equal(caseId, Replies.CaseOfMessageId(sent.MessageId));
        Assert.DoesNotContain("返信", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("reply to this email", sent.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("replies to this email", sent.Text, StringComparison.OrdinalIgnoreCase);
        return sent;
    }
}
