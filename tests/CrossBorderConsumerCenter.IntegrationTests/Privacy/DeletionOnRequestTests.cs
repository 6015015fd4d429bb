using System.Net;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Retention;

namespace CrossBorderConsumerCenter.IntegrationTests.Privacy;

/// <summary>Deletion on request: an open case is refused with the reason recorded; a finished one is anonymised now, through the retention job's code.</summary>
public class DeletionOnRequestTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private const string Page = "/staff/supervisor/retention";

    [Fact]
    public async Task AnOpenCaseIsRefusedWithTheReasonRecordedAndAFinishedOneIsAnonymisedAtOnce()
    {
        var c = await portal.ReceiveAsync();
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Supervisor);
        using var _ = client;
        KeyValuePair<string, string?>[] values = [new("Deletion.Number", c.Number), new("Deletion.RequestedBy", "相談者本人（メール）"), new("Deletion.Reason", "登録メールアドレスからの依頼。受付番号と購入日で本人確認。")];

        using (var refused = await client.SubmitAsync(await client.GetOkAsync(Page), "form[action$='/deletions']", values))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        Assert.Equal("山田 太郎", (await portal.ReadCaseAsync(c.Id)).ConsumerName);
        Assert.Equal("Refused", await portal.Database.ScalarAsync<string>("SELECT state FROM privacy_requests WHERE case_id = @id", ("id", c.Id)));

        await portal.ChangeAsync(c.Id, (x, actor, now) => x.Close(CaseOutcome.Resolved, null, actor, now));
        using (var done = await client.SubmitAsync(await client.GetOkAsync(Page), "form[action$='/deletions']", values))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        var anonymised = await portal.ReadCaseAsync(c.Id);
        Assert.Equal((CaseAnonymiser.Placeholder, null), (anonymised.ConsumerName, anonymised.ConsumerEmail));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM privacy_requests WHERE case_id = @id AND kind = 'Deletion' AND state = 'Done' AND requested_by = '相談者本人（メール）' AND answered_by_id IS NOT NULL", ("id", c.Id)));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'CaseAnonymised' AND details ->> 'reason' = 'Request'", ("id", c.Id)));
    }

    [Fact]
    public async Task TheTrackingPageShowsWhatWasProvidedToWhichAgencyAbroad()
    {
        var (c, token) = await Testing.Cases.TestCases.ReceiveTrackedAsync(portal.Factory);
        using var consumer = portal.Factory.CreateFormClient();
        Assert.Null((await consumer.GetOkAsync("/track/" + token)).Find("[data-provisions]"));

        await portal.ForwardAsync(c);
        var line = (await consumer.GetOkAsync("/track/" + token)).Find("[data-provisions] [data-provision='US']");
        Assert.NotNull(line);
        Assert.Contains("CBBB", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("氏名", line.TextContent, StringComparison.Ordinal);
    }
}
