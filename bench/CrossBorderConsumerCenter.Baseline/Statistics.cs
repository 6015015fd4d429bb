using System.Globalization;
using System.Text;
using Npgsql;

namespace CrossBorderConsumerCenter.Baseline;

/// <summary>
/// The staff statistics page's counterpart (Features/Statistics/StatisticsCountsStore.cs), for a fiscal year
/// (`?period=year&amp;year=2025`): the statements the portal sends, prepared (whether any case waits to be counted; the
/// sums of the whole months with the entries of the days of partial months, none for a fiscal year; the overdue cases),
/// then every sum as a table row with a bar, grouped by figure, about the portal's size. The cases the portal's clocks
/// write while it is driven (a few) are counted by the portal only.
/// </summary>
internal sealed class Statistics(NpgsqlDataSource dataSource)
{
    private static readonly TimeZoneInfo JapanTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static readonly string[] OpenStatuses = ["Received", "InProgress", "WaitingForConsumer", "Forwarded", "PartnerResponded"];

    /// <summary>The period form and the layout do not depend on the data; this block is about their size.</summary>
    private static readonly string Form =
        "<form method=\"get\" action=\"/staff/statistics\" class=\"stat-period\"><fieldset><legend>期間</legend>" +
        string.Concat(Enumerable.Range(1, 4).Select(i => $"<div class=\"field__choice\"><input type=\"radio\" id=\"p{i}\" name=\"period\" value=\"{i}\"><label for=\"p{i}\">期間の種類 {i}</label></div>")) +
        "</fieldset><input type=\"month\" name=\"month\"><input name=\"year\"><select name=\"quarter\"><option>1</option><option>2</option><option>3</option><option>4</option></select>" +
        "<input type=\"date\" name=\"from\"><input type=\"date\" name=\"to\"><button type=\"submit\">表示</button></form>" +
        string.Concat(Enumerable.Repeat("<p class=\"field__hint\">受け付けた日で数えます。結果、期間、期限は表示した時点のものです。</p>\n", 20));

    /// <summary>
    /// The portal writes each figure twice (the bars and the table beside them) with every row's name in the reader's
    /// language and the figures' hints; this static block of table rows brings the page to about the portal's size
    /// (150 kB for a fiscal year at a million cases, the countries' chart drawing fifteen of them), so both send as many bytes.
    /// </summary>
    private static readonly string Rows = string.Concat(Enumerable.Range(1, 360).Select(i =>
        $"<tr data-code=\"C{i:D4}\"><th scope=\"row\">国または地域の名前 {i}</th><td class=\"stat-table__number\">{i * 7:N0}</td></tr>\n"));

    public async Task ShowAsync(HttpContext context)
    {
        var year = int.TryParse(context.Request.Query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 2025;
        var from = new DateOnly(year, 4, 1);
        var to = new DateOnly(year + 1, 3, 31);
        var (fullFrom, fullTo) = (from, to.AddDays(1));
        var start = JapanMidnight(from);
        var end = JapanMidnight(to.AddDays(1));

        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var pending = await Sql.PreparedAsync(connection, "SELECT EXISTS (SELECT 1 FROM statistics_pending_cases AS s)"))
        {
            // The portal counts the cases its clocks wrote since (in the benchmark, a few); the baseline only asks.
            await pending.ExecuteScalarAsync();
        }

        var sums = new List<(DateOnly? Month, string Entry, int Cases)>();
        await using (var command = await Sql.PreparedAsync(connection,
            """
            SELECT month, entry, sum(cases)::integer FROM (
                SELECT CASE WHEN entry = 'cases:' THEN month END AS month, entry, cases
                FROM statistics_month_counts WHERE month >= $1 AND month < $2
                UNION ALL
                SELECT CASE WHEN e = 'cases:' THEN date_trunc('month', received_on)::date END, e, 1
                FROM statistics_case_entries, unnest(entries) AS e
                WHERE (received_on >= $3 AND received_on < $1) OR (received_on >= $2 AND received_on <= $4)
            ) AS counted
            GROUP BY month, entry
            """, fullFrom, fullTo, from, to))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sums.Add((reader.IsDBNull(0) ? null : reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt32(2)));
            }
        }

        int overdue;
        await using (var command = await Sql.PreparedAsync(connection,
            "SELECT count(*)::integer FROM cases AS c WHERE c.received_at >= $1 AND c.received_at < $2 AND c.status = ANY ($3) AND c.due_at < $4",
            start, end, OpenStatuses, DateTimeOffset.UtcNow))
        {
            overdue = (int)(await command.ExecuteScalarAsync())!;
        }

        var html = new StringBuilder(260_000);
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>統計</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><h1>統計</h1>")
            .Append(Form).Append("<p>期限を過ぎた相談 ").Append(overdue.ToString("N0", CultureInfo.InvariantCulture)).Append("</p>");
        foreach (var figure in sums.GroupBy(s => s.Entry[..s.Entry.IndexOf(':', StringComparison.Ordinal)]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = figure.GroupBy(s => s.Entry).Select(g => (Key: g.Key, Cases: g.Sum(s => s.Cases))).OrderByDescending(r => r.Cases).Take(60).ToList();
            var max = Math.Max(1, rows.Max(r => r.Cases));
            html.Append("<section class=\"stat-figure\"><h2>").Append(figure.Key).Append("</h2><div class=\"stat-chart\" aria-hidden=\"true\">");
            foreach (var (key, cases) in rows)
            {
                html.Append("<div class=\"stat-chart__row\"><span class=\"stat-chart__label\">").Append(CasePage.Encoder.Encode(key))
                    .Append("</span><svg class=\"stat-chart__bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" focusable=\"false\"><rect x=\"0\" y=\"0\" width=\"")
                    .Append((100.0 * cases / max).ToString("0.##", CultureInfo.InvariantCulture)).Append("\" height=\"10\"></rect></svg><span class=\"stat-chart__value\">")
                    .Append(cases.ToString("N0", CultureInfo.InvariantCulture)).Append("</span></div>\n");
            }

            html.Append("</div><table class=\"stat-table\"><caption>").Append(figure.Key).Append("</caption><tbody>");
            foreach (var (key, cases) in rows)
            {
                html.Append("<tr><th scope=\"row\">").Append(CasePage.Encoder.Encode(key)).Append("</th><td>").Append(cases.ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }

            html.Append("</tbody></table><p><a href=\"/staff/statistics/tables/").Append(figure.Key).Append(".csv?period=year&amp;year=").Append(year).Append("\">CSV</a></p></section>\n");
        }

        html.Append("<table class=\"stat-table\"><tbody>").Append(Rows).Append("</tbody></table></main></body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html.ToString());
    }

    private static DateTimeOffset JapanMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), JapanTime.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
}
