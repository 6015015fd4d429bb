using System.Net;
using CrossBorderConsumerCenter.Testing.Smtp;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossBorderConsumerCenter.IntegrationTests.Email;

/// <summary>
/// The admins' page of the outbox, with the sender run one pass at a time on a clock the test moves,
/// against a port where no mail server listens (every attempt fails with "connection refused").
/// </summary>
public class EmailDeliveryPageTests(EmailDeliveryPageTests.Fixture portal) : IClassFixture<EmailDeliveryPageTests.Fixture>
{
    public sealed class Fixture : PortalFixture
    {
        /// <summary>Starts at the real time (Identity keeps some times on the system clock), in whole seconds as PostgreSQL keeps microseconds.</summary>
        public FakeTimeProvider Clock { get; } = new(TestTime.Today);

        public EmailSender Sender => Factory.Services.GetRequiredService<EmailSender>();

        protected override PortalFactory CreateFactory(string connectionString) =>
            new PortalFactory(connectionString, new Dictionary<string, string?>
            {
                ["Smtp:Host"] = SmtpServer.Host,
                ["Smtp:Port"] = SmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
            }).WithServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    [Fact]
    public async Task AFailingMessageIsListedWithItsErrorAndNextAttemptAndSendNowMakesItDueAtOnce()
    {
        var subject = "件名は管理画面に出さない " + Guid.NewGuid();
        var email = await TestEmails.EnqueueAsync(portal.Factory, subject);
        while (await portal.Sender.SendDueAsync(default) > 0)
        {
        }

        var failed = await TestEmails.ReadAsync(portal.Factory, email.Id);
        var (admin, account) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync("/admin/email?list=Retrying");
            var row = page.Find($"#email-{email.Id}") ?? throw new InvalidOperationException("The failing message is not listed.");
            string Field(string name) => row.QuerySelector($"[data-field={name}]")!.TextContent.Trim();
            Assert.Equal(LocalizationRegistration.FormatJapanTime(failed.CreatedAt), Field("created"));
            Assert.Equal("Test", Field("template"));
            Assert.Equal("taro@example.jp", Field("to"));
            Assert.Equal("1", Field("attempts"));
            Assert.Equal(LocalizationRegistration.FormatJapanTime(failed.LastAttemptAt!.Value), Field("last-attempt"));
            Assert.Equal(LocalizationRegistration.FormatJapanTime(failed.NextAttemptAt), Field("next-attempt"));
            var caseNumber = await portal.Database.ScalarAsync<string>("SELECT number FROM cases WHERE id = @id", ("id", failed.CaseId!.Value));
            Assert.Equal(caseNumber, Field("case"));
            Assert.Equal($"/staff/cases/{caseNumber}", row.QuerySelector("[data-field=case] a")!.GetAttribute("href"));
            Assert.StartsWith("No connection to the SMTP server (", Field("last-error"), StringComparison.Ordinal);
            Assert.Equal("page", page.Find("a[href='/admin/email?list=Retrying']")!.GetAttribute("aria-current"));
            Assert.DoesNotContain(subject, page.Text, StringComparison.Ordinal);

            var response = await admin.SubmitAsync(page, $"#email-{email.Id} form");
            Assert.Equal("/admin/email?list=Retrying", response.Headers.Location!.OriginalString);
            var after = await admin.FollowRedirectAsync(response);
            Assert.Contains("送信し直す予定に入れました", after.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.Null(after.Find($"#email-{email.Id}"));
        }

        var queued = await TestEmails.ReadAsync(portal.Factory, email.Id);
        Assert.Equal((OutboundEmailState.Pending, 0, portal.Clock.GetUtcNow()), (queued.State, queued.Attempts, queued.NextAttemptAt));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE action = 'EmailResent' AND subject_id = @id AND actor_id = @actor AND details ->> 'state' = 'Pending' AND details ->> 'attempts' = '1'",
            ("id", email.Id.ToString()), ("actor", account.Id)));
        Assert.Equal(1, await portal.Sender.SendDueAsync(default));
    }

    [Fact]
    public async Task DeadLettersArePagedNewestFirstAndTheCountsAddUp()
    {
        for (var i = 0; i < 52; i++)
        {
            await TestEmails.EnqueueAsync(portal.Factory, "送信不能 " + i);
        }

        await portal.Database.ScalarAsync<int>("UPDATE outbound_emails SET state = 'DeadLettered', attempts = 1, last_error = '550 5.1.1 Mailbox unavailable' WHERE subject LIKE '送信不能 %' RETURNING 1");
        var deadLettered = await TestEmails.CountAsync(portal.Database, OutboundEmailState.DeadLettered);

        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync("/admin/email");
            Assert.Equal(deadLettered.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find(".email-counts__alert dd")!.TextContent);
            var ids = new List<string>();
            while (true)
            {
                var rows = page.FindAll(".email-item");
                Assert.InRange(rows.Count, 1, 50);
                ids.AddRange(rows.Select(r => r.Id!));
                if (page.Find("a[href*='before=']") is not { } older)
                {
                    break;
                }

                page = await admin.GetOkAsync(older.GetAttribute("href")!);
            }

            Assert.Equal(deadLettered, ids.Count);
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            Assert.Equal(ids.OrderDescending(StringComparer.Ordinal), ids); // version 7 ids: newest first
        }
    }

    [Fact]
    public async Task ThePageSpeaksEnglishAndSurvivesAMalformedQuery()
    {
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync("/admin/email?list=Nonsense&before=abc&lang=en");
            Assert.Equal("en", page.Lang);
            Assert.Equal("Email delivery", page.Heading);
            Assert.Contains("for up to 48 hours", page.MainText, StringComparison.Ordinal);
            Assert.Equal("page", page.Find("a[href='/admin/email?list=DeadLettered']")!.GetAttribute("aria-current"));
        }
    }

    [Fact]
    public async Task SendingAgainAMessageThatIsNoLongerWaitingSaysSoAndAnUnknownOneIsNotFound()
    {
        var email = await TestEmails.EnqueueAsync(portal.Factory, "送信済み");
        await portal.Database.ScalarAsync<int>("UPDATE outbound_emails SET state = 'Sent', attempts = 1 WHERE id = @id RETURNING 1", ("id", email.Id));
        var (admin, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Admin);
        using (admin)
        {
            var page = await admin.GetOkAsync("/admin/email");
            var response = await admin.PostAsync($"/admin/email/{email.Id}/send-again", page, [new("list", "DeadLettered")]);
            var after = await admin.FollowRedirectAsync(response);
            Assert.Contains("すでに送信されたか", after.Find("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(OutboundEmailState.Sent, (await TestEmails.ReadAsync(portal.Factory, email.Id)).State);

            using var unknown = await admin.PostAsync($"/admin/email/{Guid.NewGuid()}/send-again", page, [new("list", "DeadLettered")]);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }
}
