using System.Collections.Concurrent;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>Several instances of the portal share one database; each runs the sender; no message goes out twice.</summary>
public class EmailSenderInstancesTests
{
    [Fact]
    public async Task TwoSenderInstancesOverOneDatabaseDeliverFiveHundredMessagesExactlyOnce()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var sentBy = new ConcurrentDictionary<Guid, string>();
        await using var first = Instance("first");
        await using var second = Instance("second");
        _ = first.Services;
        _ = second.Services;

        await TestEmails.EnqueueManyAsync(first, 500);

        await Eventually.UntilAsync(async () => await TestEmails.CountAsync(database, OutboundEmailState.Sent) == 500,
            TimeSpan.FromSeconds(120), () => $"{sentBy.Count} of 500 messages were sent.");
        await first.DisposeAsync();
        await second.DisposeAsync();

        var received = await smtp.ReadAllAsync();
        Assert.Equal(500, received.Count);
        Assert.Equal(500, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(500, sentBy.Count);
        Assert.Contains("first", sentBy.Values);
        Assert.Contains("second", sentBy.Values);

        PortalFactory Instance(string name) => new PortalFactory(database.ConnectionString, smtp.PortalSettings).WithServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IEmailTransport>(sp => new RecordingTransport(ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp), name, sentBy))));
    }

    /// <summary>The real SMTP transport, noting which instance sent each message (a second send would throw).</summary>
    private sealed class RecordingTransport(IEmailTransport real, string instance, ConcurrentDictionary<Guid, string> sentBy) : IEmailTransport
    {
        public async Task<SendResult> SendAsync(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, CancellationToken ct)
        {
            if (!sentBy.TryAdd(email.Id, instance))
            {
                throw new InvalidOperationException($"Email {email.Id} is sent by {instance} after {sentBy[email.Id]} already sent it.");
            }

            return await real.SendAsync(email, attachments, ct);
        }
    }
}
