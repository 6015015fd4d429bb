using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>The outbox row is written in the caller's transaction: it exists exactly when the change does.</summary>
public class EmailOutboxTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateTimeOffset Now = TestTime.Today;

    [Fact]
    public async Task AMessageEnqueuedInATransactionThatRollsBackIsNeverStored()
    {
        var subject = "rolled back " + Guid.NewGuid();
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var (db, outbox, composer) = Resolve(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            outbox.Enqueue(composer.FromText(subject, "本文", "ja"), "Test", EmailRecipients.ForAddress("taro@example.jp"), "ja");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM outbound_emails WHERE subject = @s", ("s", subject)));
    }

    [Fact]
    public async Task AMessageThatCommitsIsStoredPendingWithItsMessageIdAndAttachments()
    {
        Guid id;
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var (db, outbox, composer) = Resolve(scope);
            var file = new StoredFile("証拠.png", "image/png", [1, 2, 3], Now);
            db.StoredFiles.Add(file);
            var message = outbox.Enqueue(
                composer.FromText("【受付】ご相談を受け付けました", "本文です。", "ja"), "Test",
                new EmailRecipients(["taro@example.jp"], ["counselor@center.example.jp"]), "ja",
                attachments: [new EmailAttachmentRef(file.Id, "evidence-1.png")]);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.OutboundEmails.Include(e => e.Attachments).SingleAsync(e => e.Id == id);
            Assert.Equal(OutboundEmailState.Pending, stored.State);
            Assert.Matches("^<[0-9a-f]{32}@ccj\\.test>$", stored.MessageId);
            Assert.Equal(["taro@example.jp"], stored.ToAddresses);
            Assert.Equal(["counselor@center.example.jp"], stored.CcAddresses);
            Assert.Equal("consult@ccj.test", stored.ReplyTo);
            Assert.Equal("【受付】ご相談を受け付けました", stored.Subject);
            Assert.StartsWith("本文です。", stored.TextBody, StringComparison.Ordinal);
            Assert.Equal("evidence-1.png", Assert.Single(stored.Attachments).FileName);
            Assert.Equal(stored.CreatedAt, stored.NextAttemptAt);
        }
    }

    [Fact]
    public void AnInvalidRecipientIsRefusedWithoutRepeatingTheAddress()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var (_, outbox, composer) = Resolve(scope);
        var ex = Assert.Throws<ArgumentException>(() => outbox.Enqueue(composer.FromText("s", "b", "ja"), "Test", EmailRecipients.ForAddress("not an address"), "ja"));
        Assert.DoesNotContain("not an address", ex.Message, StringComparison.Ordinal);
    }

    private static (AppDbContext, EmailOutbox, EmailComposer) Resolve(IServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<EmailOutbox>(), scope.ServiceProvider.GetRequiredService<EmailComposer>());
}
