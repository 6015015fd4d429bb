using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.IntegrationTests.Tracking;

/// <summary>
/// The particulars the consumer's timeline shows (the outcome, the reason for declining, the number of files), read
/// from rows stored the way the portal has always stored them (the JSON written as text, kept by PostgreSQL as jsonb).
/// </summary>
public class ConsumerTimelineTests(TrackingFixture portal) : IClassFixture<TrackingFixture>
{
    [Fact]
    public async Task EachStoredLineShowsWhatTheConsumerMaySee()
    {
        var (c, token) = await portal.ReceiveAsync();
        var lines = new (CaseEventKind Kind, string Json, string Shown)[]
        {
            (CaseEventKind.ConsumerReplied, """{"files":2}""", "添付ファイル 2 件"),
            (CaseEventKind.InformationAdded, """{"files":1}""", "添付ファイル 1 件"),
            (CaseEventKind.Forwarded,
                """{"agency":"CBBB","agencyName":"CBBB (English)","country":"US","provisionId":"0195a6c0-0000-7000-8000-000000000003","emailId":"0195a6c0-0000-7000-8000-000000000004","items":["Name","Purchase"],"files":3}""",
                "添付ファイル 3 件"),
            (CaseEventKind.PartnerResponded, """{"agency":"CBBB","outcome":"PartialRefund","linkId":"0195a6c0-0000-7000-8000-000000000005","files":4}""", "添付ファイル 4 件"),
            (CaseEventKind.Declined, """{"reason":"Duplicate","duplicateOf":"CCJ-2026-000001"}""", "理由: 重複した相談"),
            (CaseEventKind.Closed, """{"outcome":"PartlyResolved"}""", "結果: 一部解決"),
            (CaseEventKind.Withdrawn, """{"outcome":"Withdrawn"}""", "結果: 取下げ"),
        };
        var at = portal.Clock.GetUtcNow();
        foreach (var (kind, json, _) in lines)
        {
            at = at.AddMinutes(1);
            await portal.Database.ScalarAsync<long>(
                """
                INSERT INTO case_events (case_id, at, kind, actor_kind, actor_name, from_status, to_status, data, visible_to_consumer)
                VALUES (@case, @at, @kind, 'System', 'system', 'Received', 'Received', CAST(@data AS jsonb), true)
                RETURNING id
                """,
                ("case", c.Id), ("at", at), ("kind", kind.ToString()), ("data", json));
        }

        using var client = portal.Factory.CreateFormClient();
        var page = await client.GetOkAsync(TrackingFixture.TrackingPath(token));

        foreach (var (kind, _, shown) in lines)
        {
            var line = page.Find($".consumer-timeline [data-kind={kind}]")!;
            Assert.Equal(shown, string.Join(" | ", line.QuerySelectorAll(".timeline__detail").Select(d => d.TextContent.Trim())));
        }
    }
}
