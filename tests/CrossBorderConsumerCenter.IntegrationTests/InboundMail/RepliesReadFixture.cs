using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.InboundMail;

/// <summary>The forwarding fixture with replies read: InboundMail:ReplyAddress and its key set.</summary>
public sealed class RepliesReadFixture : ForwardingFixture
{
    public const string ReplyAddress = "cases@ccj.test";

    /// <summary>32 bytes, base64, as openssl rand -base64 32 makes them.</summary>
    public static readonly string ReplyTokenKey = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    public ReplyAddresses Replies => Factory.Services.GetRequiredService<ReplyAddresses>();

    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["InboundMail:ReplyAddress"] = ReplyAddress,
        ["InboundMail:ReplyTokenKey"] = ReplyTokenKey,

        // Replies are read from a mailbox: here a folder nobody writes to (the tests store messages themselves).
        ["Imap:PickupDirectory"] = Inbox.FullName,
    };

    private DirectoryInfo Inbox { get; } = Directory.CreateTempSubdirectory("ccj-inbox-");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Inbox.Delete(recursive: true);
    }
}

/// <summary>What the SMTP server received for an outbox row.</summary>
public static class SentEmails
{
    /// <summary>Asks the case's consumer <paramref name="question"/>, lets the reply period pass and returns the reminder the clock sent.</summary>
    public static async Task<OutboundEmail> RemindedAsync(this ForwardingFixture portal, Case c, string question)
    {
        var asked = portal.Clock.GetUtcNow();
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.RequestInformation(question, actor, now));
        portal.Clock.SetUtcNow(asked + CaseClocks.ConsumerReplyPeriod + TimeSpan.FromMinutes(1));
        await portal.RunClocksAsync();
        return Assert.Single(await portal.EmailsAsync(c.Id, RunCaseClocks.ReminderEmail.TemplateName));
    }

    /// <summary>Sends what is due and returns the message the server received for <paramref name="email"/>.</summary>
    public static async Task<ReceivedMessage> SentAsync(this ForwardingFixture portal, OutboundEmail email)
    {
        await portal.SendEmailsAsync();
        return Assert.Single(await portal.Smtp.ReadAllAsync(), m => m.MessageId == email.MessageId);
    }
}
