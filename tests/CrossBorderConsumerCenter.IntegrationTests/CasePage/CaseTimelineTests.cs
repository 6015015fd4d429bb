using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;

namespace CrossBorderConsumerCenter.IntegrationTests.CasePage;

/// <summary>
/// The timeline's particulars as the case page shows them, read from rows stored the way the portal has always
/// stored them (the JSON written as text, kept by PostgreSQL as jsonb), so lines saved long ago still read.
/// </summary>
public class CaseTimelineTests(CasePageFixture portal) : IClassFixture<CasePageFixture>
{
    private static readonly DateTimeOffset ReplyBy = new(2026, 5, 8, 1, 1, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = new(2026, 5, 8, 8, 45, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WasDue = new(2026, 4, 28, 8, 45, 0, TimeSpan.Zero);

    [Fact]
    public async Task EachStoredLineShowsItsParticulars()
    {
        var c = await portal.ReceiveAsync();
        var lines = new (CaseEventKind Kind, string? Json, string Shown)[]
        {
            (CaseEventKind.Assigned, """{"from":null,"to":"0195a6c0-0000-7000-8000-000000000002","toName":"\u7530\u4E2D \u4E00\u90CE"}""", "担当者: 田中 一郎"),
            (CaseEventKind.Assigned, """{"from":"0195a6c0-0000-7000-8000-000000000002","to":null,"toName":null}""", "担当者なしにしました"),
            (CaseEventKind.CategoryChanged, """{"from":"NotDelivered","to":"WrongItem"}""", "商品が届かない → 注文と違う商品が届いた"),
            (CaseEventKind.PriorityChanged, """{"from":"Normal","to":"Urgent"}""", "通常 → 緊急"),
            (CaseEventKind.Declined, """{"reason":"Duplicate","duplicateOf":"CCJ-2026-000001"}""", "理由: 重複した相談 · CCJ-2026-000001"),
            (CaseEventKind.Declined, """{"reason":"OutOfScope","duplicateOf":null}""", "理由: 対象外"),
            (CaseEventKind.Forwarded,
                """{"agency":"CBBB","agencyName":"CBBB (English)","country":"US","provisionId":"0195a6c0-0000-7000-8000-000000000003","emailId":"0195a6c0-0000-7000-8000-000000000004","items":["Name","Purchase"],"files":2}""",
                "転送先: CBBB (English)"),
            (CaseEventKind.Forwarded, """{"agency":"CBBB"}""", "転送先: CBBB"),
            (CaseEventKind.PartnerResponded, """{"agency":"CBBB","outcome":"PartialRefund","linkId":"0195a6c0-0000-7000-8000-000000000005","files":1}""", "事業者の対応: 一部返金された(添付ファイル 1 件)"),
            (CaseEventKind.PartnerResponded, null, "事業者の対応: (添付ファイル 0 件)"),
            (CaseEventKind.ReminderSent, """{"replyBy":"2026-05-08T01:01:00+00:00"}""", "回答期限: " + LocalizationRegistration.FormatJapanTime(ReplyBy)),
            (CaseEventKind.WaitExtended, """{"until":"2026-05-08T08:45:00+00:00"}""", $"新しい回答期限: {LocalizationRegistration.FormatJapanTime(Until)}(自動終了なし)"),
            (CaseEventKind.MarkedOverdue, """{"dueAt":"2026-04-28T08:45:00+00:00"}""", "期限: " + LocalizationRegistration.FormatJapanTime(WasDue)),
            (CaseEventKind.Closed, """{"outcome":"PartlyResolved"}""", "結果: 一部解決"),
            (CaseEventKind.Withdrawn, """{"outcome":"Withdrawn"}""", "結果: 取下げ"),
        };
        var ids = new List<long>();
        foreach (var (kind, json, _) in lines)
        {
            ids.Add(await StoreAsync(c.Id, kind, json));
        }

        var page = await portal.Client.GetOkAsync(CasePageFixture.PageOf(c.Number));

        for (var i = 0; i < lines.Length; i++)
        {
            var line = page.Find($"[data-event='{ids[i]}']")!;
            Assert.Equal(lines[i].Kind.ToString(), line.GetAttribute("data-kind"));
            Assert.Equal(lines[i].Shown, Normalized(line.QuerySelector(".timeline__detail")!.TextContent));
        }

        var duplicate = page.Find($"[data-event='{ids[4]}'] .timeline__detail a")!;
        Assert.Equal("/staff/cases/CCJ-2026-000001", duplicate.GetAttribute("href"));
    }

    private Task<long> StoreAsync(Guid caseId, CaseEventKind kind, string? json) =>
        portal.Database.ScalarAsync<long>(
            """
            INSERT INTO case_events (case_id, at, kind, actor_kind, actor_name, from_status, to_status, data, visible_to_consumer)
            VALUES (@case, @at, @kind, 'System', 'system', 'Received', 'Received', CAST(@data AS jsonb), false)
            RETURNING id
            """,
            ("case", caseId), ("at", portal.Clock.GetUtcNow()), ("kind", kind.ToString()), ("data", (object?)json ?? DBNull.Value));

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
