using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>Enqueues messages the way a feature does (EmailOutbox, then SaveChanges) and reads their rows back.</summary>
internal static class TestEmails
{
    public static readonly EmailRecipients Consumer = EmailRecipients.ForAddress("taro@example.jp");

    public static async Task<OutboundEmail> EnqueueAsync(
        PortalFactory factory, string subject, string body = "ご相談を受け付けました。", EmailRecipients? recipients = null, IEnumerable<StoredFile>? files = null,
        IReadOnlyCollection<string>? redactAfterSending = null)
    {
        var forCase = await TestCases.ReceiveAsync(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var attachments = new List<EmailAttachmentRef>();
        foreach (var file in files ?? [])
        {
            db.StoredFiles.Add(file);
            attachments.Add(new EmailAttachmentRef(file.Id, file.FileName));
        }

        var message = scope.ServiceProvider.GetRequiredService<EmailOutbox>()
            .Enqueue(composer.FromText(subject, body, "ja"), "Test", recipients ?? Consumer, "ja", forCase.Id, attachments, redactAfterSending);
        await db.SaveChangesAsync();
        return message;
    }

    /// <summary>Enqueues <paramref name="count"/> messages in one transaction, as a busy moment or a backlog would.</summary>
    public static async Task EnqueueManyAsync(PortalFactory factory, int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        for (var i = 1; i <= count; i++)
        {
            outbox.Enqueue(composer.FromText($"【受付】ご相談番号 {i}", $"{i} 件目のお知らせです。", "ja"), "Test", EmailRecipients.ForAddress($"consumer{i}@example.jp"), "ja");
        }

        await db.SaveChangesAsync();
    }

    public static async Task<OutboundEmail> ReadAsync(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>Waits until the message's row satisfies <paramref name="condition"/>; returns the row.</summary>
    public static async Task<OutboundEmail> WaitForAsync(PortalFactory factory, Guid id, Func<OutboundEmail, bool> condition, TimeSpan? timeout = null)
    {
        var row = await ReadAsync(factory, id);
        await Eventually.UntilAsync(async () => condition(row = await ReadAsync(factory, id)), timeout ?? TimeSpan.FromSeconds(30),
            () => $"Email {id} is {row.State} after {row.Attempts} attempts (last error: {row.LastError}).");
        return row;
    }

    public static async Task<long> CountAsync(TestDatabase database, OutboundEmailState state) =>
        await database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE state = @state", ("state", state.ToString()));
}

/// <summary>A fresh database, an SMTP server on loopback, and the portal sending to it with its background sender on.</summary>
public class SendingPortalFixture : PortalFixture
{
    private SmtpServer? _smtp;

    public SmtpServer Smtp => _smtp ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        await base.InitializeAsync();
        _ = Factory.Services; // starts the host, and with it the sender
    }

    protected override PortalFactory CreateFactory(string connectionString) => new(connectionString, Smtp.PortalSettings);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }
}
