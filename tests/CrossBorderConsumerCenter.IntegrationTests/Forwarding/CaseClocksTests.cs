using System.Globalization;
using System.Net;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Clocks;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;

namespace CrossBorderConsumerCenter.IntegrationTests.Forwarding;

/// <summary>
/// The case clocks' passes on a fake clock that only moves forward (each test starts from wherever the last left it,
/// and signs in anew, as a session lasts hours, not weeks): the partner's deadline, the consumer's reminder and the
/// automatic close, each once, with two workers at once; the answer link's expiry.
/// </summary>
public class CaseClocksTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    [Fact]
    public async Task AForwardedCaseBecomesOverdueWhenTheAgencysDeadlinePassesOnceAndTheForwarderIsTold()
    {
        var (client, staff) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var c = await portal.ReceiveAsync();
        var forwardedAt = portal.Clock.GetUtcNow();
        await portal.ForwardAsync(c, client: client);
        var due = (await portal.ReadCaseAsync(c.Id)).DueAt!.Value;
        Assert.Equal(CaseClocks.PartnerDue(forwardedAt, 10), due);

        portal.Clock.SetUtcNow(due.AddSeconds(-1));
        await portal.RunClocksAsync();
        Assert.DoesNotContain(CaseEventKind.MarkedOverdue, await portal.TimelineAsync(c.Id));

        portal.Clock.SetUtcNow(due.AddSeconds(1));
        await portal.RunClocksAsync();
        await portal.RunClocksAsync();

        Assert.Single(await portal.TimelineAsync(c.Id), k => k == CaseEventKind.MarkedOverdue);
        var told = Assert.Single(await portal.EmailsAsync(c.Id, RunCaseClocks.OverdueEmail.TemplateName));
        Assert.Equal([staff.Email], told.ToAddresses);
        Assert.Contains(c.Number, told.Subject, StringComparison.Ordinal);
        Assert.Contains(LocalizationRegistration.FormatJapanTime(due), told.TextBody, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Forwarded, (await portal.ReadCaseAsync(c.Id)).Status);

        // The queue's overdue view and the case page show it.
        var (later, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (later)
        {
            var queue = await later.GetOkAsync("/staff/cases?view=all&overdue=1");
            Assert.Contains(c.Number, queue.MainText, StringComparison.Ordinal);
            Assert.NotNull((await later.GetOkAsync(ForwardingFixture.PageOf(c.Number))).Find("[data-overdue]"));
        }
    }

    [Fact]
    public async Task TheConsumerIsRemindedAWeekAfterTheQuestionAndTheCaseClosedForNoReplyAWeekLaterEachOnce()
    {
        var c = await portal.ReceiveAsync(language: "en");
        var asked = portal.Clock.GetUtcNow();
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.RequestInformation("Please send the order confirmation email.", actor, now));

        portal.Clock.SetUtcNow(asked + CaseClocks.ConsumerReplyPeriod - TimeSpan.FromMinutes(1));
        await portal.RunClocksAsync();
        Assert.Empty(await portal.EmailsAsync(c.Id, RunCaseClocks.ReminderEmail.TemplateName));

        portal.Clock.SetUtcNow(asked + CaseClocks.ConsumerReplyPeriod + TimeSpan.FromMinutes(1));
        var remindedAt = portal.Clock.GetUtcNow();
        await portal.RunClocksAsync();
        await portal.RunClocksAsync();

        var reminder = Assert.Single(await portal.EmailsAsync(c.Id, RunCaseClocks.ReminderEmail.TemplateName));
        Assert.Equal(["taro@example.jp"], reminder.ToAddresses);
        Assert.Equal("en", reminder.Language);
        Assert.Contains("Please send the order confirmation email.", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains(c.Number, reminder.Subject, StringComparison.Ordinal);
        // Replies are not read here: the consumer answers on their case's page, through this email's own link.
        using (var consumer = portal.Factory.CreateFormClient())
        {
            Assert.Equal(c.Number, (await consumer.GetOkAsync(Support.EmailLinks.TrackingPathIn(reminder.TextBody))).Heading);
        }

        Assert.Equal([Support.EmailLinks.TrackingTokenIn(reminder.TextBody)], reminder.RedactAfterSending);
        Assert.False(Support.EmailLinks.PointsToLostLink(reminder.TextBody));
        var waiting = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.WaitingForConsumer, remindedAt + CaseClocks.ConsumerReplyPeriod), (waiting.Status, waiting.DueAt!.Value));

        portal.Clock.SetUtcNow(remindedAt + CaseClocks.ConsumerReplyPeriod - TimeSpan.FromMinutes(1));
        await portal.RunClocksAsync();
        Assert.Equal(CaseStatus.WaitingForConsumer, (await portal.ReadCaseAsync(c.Id)).Status);

        portal.Clock.SetUtcNow(remindedAt + CaseClocks.ConsumerReplyPeriod + TimeSpan.FromMinutes(1));
        await portal.RunClocksAsync();
        await portal.RunClocksAsync();

        var closed = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseStatus.Closed, CaseOutcome.NoReply), (closed.Status, closed.Outcome));
        Assert.Equal(
            [CaseEventKind.Received, CaseEventKind.InformationRequested, CaseEventKind.ReminderSent, CaseEventKind.Closed],
            await portal.TimelineAsync(c.Id));
        Assert.Single(await portal.EmailsAsync(c.Id, RunCaseClocks.ReminderEmail.TemplateName));
        Assert.Equal(2L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'CaseChanged' AND actor_name = 'clock'", ("id", c.Id)));
    }

    [Fact]
    public async Task StaffWhoKeepWaitingStopTheAutomaticCloseAndTheCaseIsMarkedOverdueInstead()
    {
        var c = await portal.ReceiveAsync();
        var asked = portal.Clock.GetUtcNow();
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.RequestInformation("領収書の写真を送ってください。", actor, now));
        portal.Clock.SetUtcNow(asked + CaseClocks.ConsumerReplyPeriod + TimeSpan.FromMinutes(1));
        await portal.RunClocksAsync();
        Assert.Contains(CaseEventKind.ReminderSent, await portal.TimelineAsync(c.Id));

        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (client)
        {
            var page = await client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
            var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(CaseClocks.JapanOffset).DateTime);
            var until = today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using var response = await client.SubmitAsync(page, "#action-KeepWaiting form", [new("KeepWaiting.Until", until), new("KeepWaiting.Note", "相談者から電話があり、来週送るとのこと。")]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var extended = await portal.ReadCaseAsync(c.Id);
        Assert.NotNull(extended.AutoCloseStoppedAt);
        portal.Clock.SetUtcNow(asked + (3 * CaseClocks.ConsumerReplyPeriod));
        await portal.RunClocksAsync();
        Assert.Equal(CaseStatus.WaitingForConsumer, (await portal.ReadCaseAsync(c.Id)).Status);

        portal.Clock.SetUtcNow(extended.DueAt!.Value.AddMinutes(1));
        await portal.RunClocksAsync();
        await portal.RunClocksAsync();

        Assert.Equal(CaseStatus.WaitingForConsumer, (await portal.ReadCaseAsync(c.Id)).Status);
        Assert.Equal(
            [CaseEventKind.Received, CaseEventKind.InformationRequested, CaseEventKind.ReminderSent, CaseEventKind.WaitExtended, CaseEventKind.MarkedOverdue],
            await portal.TimelineAsync(c.Id));
    }

    [Fact]
    public async Task TwoWorkersAtOnceRemindEachConsumerOnce()
    {
        var cases = new List<Case>();
        for (var i = 0; i < 24; i++)
        {
            var c = await portal.ReceiveAsync();
            await portal.ChangeAsync(c.Id, (x, actor, now) => x.RequestInformation("注文番号を教えてください。", actor, now));
            cases.Add(c);
        }

        portal.Clock.Advance(CaseClocks.ConsumerReplyPeriod + TimeSpan.FromMinutes(1));
        var passes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(portal.RunClocksAsync)));

        Assert.True(passes.Sum(p => p.Reminded) >= cases.Count);
        var ids = cases.Select(c => c.Id).ToArray();
        Assert.Equal(cases.Count, (int)await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM case_events WHERE case_id = ANY(@ids) AND kind = 'ReminderSent'", ("ids", ids)));
        Assert.Equal(cases.Count, (int)await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbound_emails WHERE case_id = ANY(@ids) AND template = @t", ("ids", ids), ("t", RunCaseClocks.ReminderEmail.TemplateName)));
    }

    [Fact]
    public async Task TheAnswerLinkStopsWorkingAfterItsPeriod()
    {
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using var _ = client;
        var c = await portal.ReceiveAsync();
        var forwardedAt = portal.Clock.GetUtcNow();
        var token = await portal.ForwardAsync(c, client: client);
        using var partner = portal.Factory.CreateFormClient();

        portal.Clock.SetUtcNow(forwardedAt + TimeSpan.FromDays(120) - TimeSpan.FromMinutes(1));
        Assert.Equal(c.Number, (await partner.GetOkAsync($"/partner/{token}")).Find("[data-field=reference]")!.TextContent.Trim());

        portal.Clock.SetUtcNow(forwardedAt + TimeSpan.FromDays(120));
        var expired = await partner.GetAsync($"/partner/{token}");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal("This link does not work", expired.Heading);
        Assert.DoesNotContain(c.Number, expired.Text, StringComparison.Ordinal);
    }
}
