using System.Collections.Concurrent;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;
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
        var sends = new ConcurrentQueue<(Guid Email, string Instance)>();
        await using var first = Instance("first");
        await using var second = Instance("second");
        _ = first.Services;
        _ = second.Services;

        await TestEmails.EnqueueManyAsync(first, 500);

        await Eventually.UntilAsync(async () => await TestEmails.CountAsync(database, OutboundEmailState.Sent) == 500,
            TimeSpan.FromSeconds(120), () => $"{sends.Count} sends for 500 messages.");
        await first.DisposeAsync();
        await second.DisposeAsync();

        var received = await smtp.ReadAllAsync();
        Assert.Equal(500, received.Count);
        Assert.Equal(500, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(500, sends.Count);
        Assert.Equal(500, sends.Select(s => s.Email).Distinct().Count());
        Assert.Contains(sends, s => s.Instance == "first");
        Assert.Contains(sends, s => s.Instance == "second");

        PortalFactory Instance(string name) => new PortalFactory(database.ConnectionString, smtp.PortalSettings).WithServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IEmailTransport>(sp => new RecordingTransport(ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp), name, sends))));
    }

    /// <summary>The real SMTP transport, noting which instance sent which message.</summary>
    private sealed class RecordingTransport(IEmailTransport real, string instance, ConcurrentQueue<(Guid, string)> sends) : IEmailTransport
    {
        public IEmailConnection Open() => new Connection(real.Open(), instance, sends);

        private sealed class Connection(IEmailConnection real, string instance, ConcurrentQueue<(Guid, string)> sends) : IEmailConnection
        {
            public Task<SendResult> SendAsync(OutboundEmail email, IReadOnlyList<EmailAttachment> attachments, CancellationToken ct)
            {
                sends.Enqueue((email.Id, instance));
                return real.SendAsync(email, attachments, ct);
            }

            public ValueTask DisposeAsync() => real.DisposeAsync();
        }
    }
}
