using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace CrossBorderConsumerCenter.Baseline;

/// <summary>
/// The staff queue's counterpart (Features/Queue/ListCases.cs): for the views the benchmark drives (the needs-action
/// default and its keyset pages, all cases of one country and status, a word search), the statements EF Core sends
/// (captured from its command log, constants inlined where EF inlines them) run prepared, then the same rows as HTML
/// of about the portal's size. A word search asks the bigram index for each word's rarest bigrams by PostgreSQL's
/// statistics and writes the same audit row, as the portal does.
/// </summary>
internal sealed class Queue(NpgsqlDataSource dataSource)
{
    private const int PageSize = 50;
    private const int CountLimit = 1000;
    private const int SearchLimit = 5000;
    private const int KeysPerWord = 4;
    private const float CommonBigram = 0.1f;

    private const string Columns =
        "c.id, c.number, c.received_at, c.status, c.priority, c.category, c.business_name, c.business_country_code, c.consumer_name, c.assigned_to_id, c.due_at, c.last_activity_at, c.status_order, c.priority_order, c.due_order, c.filed_by_center_id IS NOT NULL";

    private const string NeedsAction =
        "c.status IN ('Received', 'InProgress', 'WaitingForConsumer', 'Forwarded', 'PartnerResponded') AND (c.status IN ('Received', 'InProgress', 'PartnerResponded') OR c.due_at < $1)";

    private static readonly string[] Statuses = ["Received", "InProgress", "WaitingForConsumer", "Forwarded", "PartnerResponded", "Closed", "Declined"];

    private static readonly TimeZoneInfo JapanTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>The filters form: its options (staff, categories, 250 countries, platforms, sorts) do not depend on the rows; this block is about its size.</summary>
    private static readonly string FiltersForm =
        "<form method=\"get\" action=\"/staff/cases\" class=\"filters queue-filters\" role=\"search\"><div class=\"field queue-search\"><label for=\"q\">検索</label>" +
        "<input type=\"search\" id=\"q\" name=\"q\"><button type=\"submit\" class=\"button\">検索</button></div><details class=\"queue-filters__more\"><summary>絞り込み</summary>" +
        "<select id=\"country\" name=\"country\"><option value=\"\">すべて</option>" +
        string.Concat(Enumerable.Range(0, 330).Select(i => $"<option value=\"C{i:D3}\">国または地域の名前 {i}（選択すると、この国または地域の事業者に関する相談だけを一覧に表示します。）</option>\n")) +
        "</select></details></form>";

    private IReadOnlyDictionary<string, float>? _frequencies;

    public async Task ShowAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var now = DateTimeOffset.UtcNow;
        var all = query["view"] == "all";
        var country = (string?)query["country"];
        var status = (string?)query["status"];
        var descending = query["dir"] == "desc";
        var search = ((string?)query["q"])?.Trim();
        var after = Cursor((string?)query["after"]);

        await using var connection = await dataSource.OpenConnectionAsync();
        Dictionary<string, int>? counts;
        List<Row> rows;
        if (!string.IsNullOrEmpty(search))
        {
            var words = search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
            var frequencies = await FrequenciesAsync(connection);
            var keys = words.SelectMany(w => RarestBigrams(w, frequencies)).Distinct(StringComparer.Ordinal).ToArray();
            var like = string.Concat(words.Select((_, i) => $" AND c.search_text LIKE ${i + 2}"));
            var parameters = new List<NpgsqlParameter> { new() { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } };
            parameters.AddRange(words.Select(w => new NpgsqlParameter { Value = "%" + w + "%" }));
            parameters.Add(new NpgsqlParameter { Value = SearchLimit + 1 });
            var found = new List<string>();
            await using (var command = await Sql.PreparedAsync(connection, $"SELECT c.status FROM cases AS c WHERE $1 <@ c.search_bigrams{like} LIMIT ${words.Count + 2}", [.. parameters]))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    found.Add(reader.GetString(0));
                }
            }

            counts = found.Count > SearchLimit ? null : found.CountBy(s => s).ToDictionary();
            parameters = [.. parameters.Select(p => p.Clone())];
            parameters[^1].Value = PageSize + 1;
            rows = await RowsAsync(connection, $"SELECT {Columns} FROM cases AS c WHERE $1 <@ c.search_bigrams{like} ORDER BY c.received_at, c.id LIMIT ${words.Count + 2}", parameters);
        }
        else if (all && country is not null && Statuses.Contains(status))
        {
            // EF sends the statuses of the counts as parameters and inlines the chosen one (EF.Constant) in the page.
            var perStatus = Statuses.Select((_, i) => $"SELECT c{i}.status FROM (SELECT c.status FROM cases AS c WHERE c.business_country_code = $1 AND c.status = ${i + 3} LIMIT $2) AS c{i}");
            counts = await CountsAsync(connection, string.Join(" UNION ALL ", perStatus), [Country(country), new() { Value = CountLimit + 1 }, .. Statuses.Select(s => new NpgsqlParameter { Value = s })]);
            var order = descending ? "DESC" : "";
            rows = await RowsAsync(connection,
                $"SELECT {Columns} FROM cases AS c WHERE c.business_country_code = $1 AND c.status = '{status}' ORDER BY c.received_at {order}, c.id {order} LIMIT $2",
                [Country(country), new() { Value = PageSize + 1 }]);
        }
        else
        {
            var perStatus = Statuses.Take(5).Select((s, i) => $"SELECT c{i}.status FROM (SELECT c.status FROM cases AS c WHERE c.status = ${i + 3}"
                + (s is "WaitingForConsumer" or "Forwarded" ? " AND c.due_at < $1" : "") + $" LIMIT $2) AS c{i}");
            counts = await CountsAsync(connection, string.Join(" UNION ALL ", perStatus),
                [new() { Value = now }, new() { Value = CountLimit + 1 }, .. Statuses.Take(5).Select(s => new NpgsqlParameter { Value = s })]);
            rows = after is { } cursor
                ? await RowsAsync(connection, $"SELECT {Columns} FROM cases AS c WHERE {NeedsAction} AND (c.received_at, c.id) > ($2, $3) ORDER BY c.received_at, c.id LIMIT $4",
                    [new() { Value = now }, new() { Value = cursor.Key }, new() { Value = cursor.Id }, new() { Value = PageSize + 1 }])
                : await RowsAsync(connection, $"SELECT {Columns} FROM cases AS c WHERE {NeedsAction} ORDER BY c.received_at, c.id LIMIT $2",
                    [new() { Value = now }, new() { Value = PageSize + 1 }]);
        }

        var more = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        var staff = await StaffAsync(connection, [.. rows.Where(r => r.AssignedToId is not null).Select(r => r.AssignedToId!.Value).Distinct()]);
        if (!string.IsNullOrEmpty(search))
        {
            var details = "{\"search\":\"words\",\"term\":" + System.Text.Json.JsonSerializer.Serialize(search) + ",\"view\":\"/staff/cases\",\"shown\":"
                + System.Text.Json.JsonSerializer.Serialize(rows.Select(r => r.Number)) + "}";
            await Sql.ExecuteAsync(connection,
                "INSERT INTO audit_entries (action, actor_id, actor_name, at, case_id, details, ip_address, subject_id, subject_type) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                ["CasesSearched", null, "baseline", now, null, new NpgsqlParameter { Value = details, NpgsqlDbType = NpgsqlDbType.Jsonb }, "127.0.0.1", null, "Case"]);
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(Html(rows, counts, staff, more, now));
    }

    private static string Html(List<Row> rows, Dictionary<string, int>? counts, Dictionary<Guid, string> staff, bool more, DateTimeOffset now)
    {
        var html = new StringBuilder(110_000);
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>相談一覧</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><h1>相談一覧</h1>")
            .Append(FiltersForm).Append("<section class=\"queue-counts\"><ul class=\"queue-counts__list\">");
        foreach (var status in Statuses)
        {
            html.Append("<li><a href=\"/staff/cases?status=").Append(status).Append("\"><span class=\"queue-counts__status\">").Append(status).Append("</span>");
            if (counts is not null)
            {
                var count = counts.GetValueOrDefault(status);
                html.Append("<span class=\"queue-counts__number\">").Append(Math.Min(count, CountLimit).ToString("N0", CultureInfo.InvariantCulture)).Append(count > CountLimit ? "+" : "").Append("</span>");
            }

            html.Append("</a></li>");
        }

        html.Append("</ul></section><div class=\"table-wrap\"><table class=\"queue-table\"><thead><tr><th scope=\"col\">番号</th><th scope=\"col\">受付</th><th scope=\"col\">状態</th><th scope=\"col\">優先度</th>")
            .Append("<th scope=\"col\">区分</th><th scope=\"col\">事業者</th><th scope=\"col\">相談者</th><th scope=\"col\">担当</th><th scope=\"col\">最終更新</th></tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            var overdue = row.DueAt is { } d && d < now && row.Status is "WaitingForConsumer" or "Forwarded" or "Received" or "InProgress" or "PartnerResponded";
            html.Append("<tr class=\"").Append(overdue ? "queue-row queue-row--overdue" : "queue-row").Append("\">\n<th scope=\"row\" class=\"queue-row__number\"><a href=\"/staff/cases/")
                .Append(row.Number).Append("\">").Append(row.Number).Append("</a></th>\n<td data-label=\"受付日時\">").Append(Time(row.ReceivedAt))
                .Append("</td>\n<td data-label=\"状態\">\n<div>\n").Append(row.Status);
            if (overdue)
            {
                html.Append("\n<span class=\"badge badge--alert\">期限切れ</span>");
            }

            if (row.DueAt is { } due)
            {
                html.Append("\n<span class=\"queue-row__due\">期限 ").Append(Time(due)).Append("</span>");
            }

            html.Append("\n</div>\n</td>\n<td data-label=\"優先度\"><span class=\"queue-priority queue-priority--").Append(row.Priority.ToLowerInvariant()).Append("\">").Append(row.Priority)
                .Append("</span></td>\n<td data-label=\"相談の区分\">").Append(row.Category).Append("</td>\n<td data-label=\"事業者\"><div>").Append(CasePage.Encoder.Encode(row.BusinessName))
                .Append(" <span class=\"queue-row__country\">(").Append(row.BusinessCountryCode).Append(")</span></div></td>\n<td data-label=\"相談者\">").Append(CasePage.Encoder.Encode(row.ConsumerName))
                .Append("</td>\n<td data-label=\"担当者\">").Append(CasePage.Encoder.Encode(row.AssignedToId is { } a ? staff.GetValueOrDefault(a, "") : "未割当"))
                .Append("</td>\n<td data-label=\"最終更新\">").Append(Time(row.LastActivityAt)).Append("</td>\n</tr>\n");
        }

        html.Append("</tbody></table></div>");
        if (more && rows.Count > 0)
        {
            var last = rows[^1];
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Received\na\n{last.ReceivedAt.UtcTicks}\n{last.Id:N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            html.Append("<nav><ul class=\"queue-pages\"><li><a class=\"button button--secondary\" rel=\"next\" href=\"/staff/cases?after=").Append(token).Append("\">次の50件</a></li></ul></nav>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    private static async Task<Dictionary<string, int>> CountsAsync(NpgsqlConnection connection, string union, List<NpgsqlParameter> parameters)
    {
        var counts = new Dictionary<string, int>();
        await using var command = await Sql.PreparedAsync(connection, $"SELECT u.status AS \"Status\", count(u.status)::int AS \"Count\" FROM ({union}) AS u GROUP BY u.status", [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private static async Task<List<Row>> RowsAsync(NpgsqlConnection connection, string sql, List<NpgsqlParameter> parameters)
    {
        var rows = new List<Row>(PageSize + 1);
        await using var command = await Sql.PreparedAsync(connection, sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetGuid(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return rows;
    }

    /// <summary>The staff for the assignee names and the filter, the back office's roles joined (ListCases.StaffAsync).</summary>
    private static async Task<Dictionary<Guid, string>> StaffAsync(NpgsqlConnection connection, Guid[] assignees)
    {
        var staff = new Dictionary<Guid, string>();
        await using (var command = await Sql.PreparedAsync(connection,
            """
            SELECT u.id, u.display_name, u.is_disabled FROM users AS u
            WHERE u.id = ANY ($1) OR EXISTS (
                SELECT 1 FROM user_roles AS u0
                WHERE u0.user_id = u.id AND EXISTS (SELECT 1 FROM roles AS r WHERE r.id = u0.role_id AND r.name IN ('Staff', 'Supervisor', 'Admin')))
            ORDER BY u.display_name
            """,
            assignees))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                staff[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        return staff;
    }

    /// <summary>pg_stats' most common bigrams of the search column, read once (the portal reads them once an hour).</summary>
    private async Task<IReadOnlyDictionary<string, float>> FrequenciesAsync(NpgsqlConnection connection)
    {
        if (_frequencies is { } known)
        {
            return known;
        }

        // Two requests may both read them at first; either result is the same.
        var frequencies = new Dictionary<string, float>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            """
            SELECT e, f FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS u(e, f)
            WHERE schemaname = current_schema() AND tablename = 'cases' AND attname = 'search_bigrams' AND e IS NOT NULL
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            frequencies[reader.GetString(0)] = reader.GetFloat(1);
        }

        return _frequencies = frequencies;
    }

    /// <summary>As QueueSearch.SearchKeys: the rarest bigram, then others in at most a tenth of cases, up to four.</summary>
    private static IEnumerable<string> RarestBigrams(string word, IReadOnlyDictionary<string, float> frequencies)
    {
        var runes = word.EnumerateRunes().Select(r => r.ToString()).ToList();
        var rarestFirst = Enumerable.Range(0, Math.Max(0, runes.Count - 1)).Select(i => runes[i] + runes[i + 1]).Distinct().OrderBy(b => frequencies.GetValueOrDefault(b)).ToList();
        return rarestFirst.Take(1).Concat(rarestFirst.Skip(1).Where(b => frequencies.GetValueOrDefault(b) <= CommonBigram)).Take(KeysPerWord);
    }

    /// <summary>As Domain/Cases/CaseSearchText.Normalize: NFKC, no ASCII white space, ASCII lower case, hiragana as katakana.</summary>
    private static string Normalize(string text) => string.Concat(text.Normalize(NormalizationForm.FormKC)
        .Where(c => c is not (' ' or '\t' or '\n' or '\v' or '\f' or '\r'))
        .Select(c => c switch
        {
            >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
            >= '\u3041' and <= '\u3096' => (char)(c + 0x60),
            _ => c,
        }));

    /// <summary>The queue's cursor token (QueueCriteria): base64url of "Received\na\n&lt;UTC ticks&gt;\n&lt;id&gt;".</summary>
    private static (DateTimeOffset Key, Guid Id)? Cursor(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var padded = token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4);
        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('\n');
        return (new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[3], "N"));
    }

    private static NpgsqlParameter Country(string code) => new() { Value = code, NpgsqlDbType = NpgsqlDbType.Char };

    private static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, JapanTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private sealed record Row(
        Guid Id, string Number, DateTimeOffset ReceivedAt, string Status, string Priority, string Category, string BusinessName,
        string BusinessCountryCode, string ConsumerName, Guid? AssignedToId, DateTimeOffset? DueAt, DateTimeOffset LastActivityAt);
}
