using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Npgsql;

namespace CrossBorderConsumerCenter.Baseline;

/// <summary>
/// The staff case page's counterpart: the statements of Features/CasePage/ShowCase.cs as EF Core sends them
/// (the case by number with the assignee's name, consents, evidence with file metadata, events, emails, the
/// assignable staff, and since issues 6 and 7 the partner forwards of Features/Forwarding/CaseForwarding.cs and,
/// for a case a counselor filed, the center and counselor) and the audit row of the view, then the same data as HTML.
/// The portal keeps the partner registry in memory (PartnerDirectory), so its query is not repeated here.
/// </summary>
internal sealed class CasePage(NpgsqlDataSource dataSource)
{
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string[] CaseColumns =
    [
        "status", "priority", "category", "language", "consumer_name", "consumer_name_kana", "consumer_email", "consumer_phone", "consumer_postal_code",
        "consumer_prefecture_code", "consumer_address", "consumer_age_band", "business_name", "business_website", "business_country_code", "business_email",
        "business_phone", "purchase_date", "purchase_item", "purchase_amount", "purchase_currency_code", "payment_method", "purchase_platform",
        "purchase_platform_name", "purchase_order_number", "what_happened", "business_contacted_on", "business_contact_method", "business_response",
        "desired_resolution", "counterfeit_acknowledged", "received_at", "due_at", "closed_at", "outcome", "decline_reason", "duplicate_of_number",
        "filed_by_center_id", "filed_by_counselor_id", "resident_relation",
    ];

    /// <summary>
    /// The rest of the portal's page is markup that does not depend on the data (the layout, the other action
    /// forms with their choices and hints); this static block of the same kind brings the page to about the
    /// portal's size, so both send as many bytes.
    /// </summary>
    private static readonly string ActionForms = string.Concat(Enumerable.Range(1, 30).Select(i =>
        $"<section class=\"case-action\"><h3>操作 {i}</h3><form method=\"post\" action=\"#\"><input type=\"hidden\" name=\"Version\" value=\"{i}\">" +
        "<fieldset><legend>区分を選んでください</legend>" +
        string.Concat(Enumerable.Range(1, 5).Select(k => $"<label><input type=\"radio\" name=\"Choice\" value=\"{k}\"> 選択肢 {k}（説明の文）</label>")) +
        "</fieldset><label for=\"text\">コメント</label><textarea name=\"Text\" rows=\"4\"></textarea><button type=\"submit\">保存</button></form></section>\n"));

    public async Task ShowAsync(HttpContext context, string number)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var html = new StringBuilder(32_000);
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>").Append(Encoder.Encode(number))
            .Append("</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main><h1>").Append(Encoder.Encode(number)).Append("</h1>");
        Guid id;
        Guid? filedByCenter = null, filedByCounselor = null;
        string? residentRelation = null;
        await using (var query = await Sql.PreparedAsync(connection,
            $"""
            SELECT c.id, c.xmin, c.assigned_to_id, (SELECT u.display_name FROM users AS u WHERE u.id = c.assigned_to_id LIMIT 1), {string.Join(", ", CaseColumns.Select(k => "c." + k))}
            FROM cases AS c WHERE c.number = $1 LIMIT 2
            """, number))
        await using (var reader = await query.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                context.Response.StatusCode = 404;
                return;
            }

            id = reader.GetGuid(0);
            var filed = 4 + Array.IndexOf(CaseColumns, "filed_by_center_id");
            filedByCenter = reader.IsDBNull(filed) ? null : reader.GetGuid(filed);
            filedByCounselor = reader.IsDBNull(filed + 1) ? null : reader.GetGuid(filed + 1);
            residentRelation = reader.IsDBNull(filed + 2) ? null : reader.GetString(filed + 2);
            html.Append("<p>担当: ").Append(Encoder.Encode(reader.IsDBNull(3) ? "未割当" : reader.GetString(3))).Append("</p><dl class=\"case-fields\">");
            for (var i = 0; i < CaseColumns.Length; i++)
            {
                var value = reader.IsDBNull(i + 4) ? "—" : Convert.ToString(reader.GetValue(i + 4), CultureInfo.InvariantCulture) ?? "";
                html.Append("<div class=\"case-field\"><dt>").Append(CaseColumns[i]).Append("</dt><dd>").Append(Encoder.Encode(value)).Append("</dd></div>\n");
            }

            html.Append("</dl>");
        }

        await AppendRowsAsync(connection, html, "consents",
            "SELECT c.notice_version, c.agrees_to_handling, c.has_contacted_business, c.is_consumer_purchase, c.agrees_to_provision_abroad, c.given_at, c.handling_method, c.abroad_method FROM case_consents AS c WHERE c.case_id = $1 ORDER BY c.given_at", id);
        await AppendRowsAsync(connection, html, "evidence",
            "SELECT c.id, s.file_name, s.content_type, s.length, c.added_at, c.source FROM case_evidence AS c INNER JOIN stored_files AS s ON c.stored_file_id = s.id WHERE c.case_id = $1 ORDER BY c.added_at, c.id", id);
        await AppendRowsAsync(connection, html, "timeline",
            "SELECT c.at, c.id, c.kind, c.actor_kind, c.actor_name, c.from_status, c.to_status, c.text, c.data FROM case_events AS c WHERE c.case_id = $1", id);
        await AppendRowsAsync(connection, html, "emails",
            "SELECT o.created_at, o.id, o.template, o.subject, o.to_addresses, o.state, o.attempts, o.sent_at FROM outbound_emails AS o WHERE o.case_id = $1", id);
        // Features/Forwarding/CaseForwarding.cs (Loader): the forwards made, with their answer links.
        await AppendRowsAsync(connection, html, "forwarding",
            """
            SELECT p.id, p.provided_at, p.agency_code, p.agency_name, p.country_code, p.recipients, p.items, p.evidence_file_names, p.provided_by_name, p.retain_until, p0.expires_at, p0.answered_at, p0.outcome
            FROM partner_provisions AS p
            LEFT JOIN partner_links AS p0 ON p.id = p0.provision_id
            WHERE p.case_id = $1
            ORDER BY p.provided_at DESC
            """, id);
        if (filedByCenter is { } center)
        {
            // ShowCase's filing: the center and the counselor of a case a counselor filed (the benchmark's data has none).
            await using var filing = await Sql.PreparedAsync(connection,
                """
                SELECT c.name, c.prefecture_code, c.phone, (SELECT u.display_name FROM users AS u WHERE u.id = $2 LIMIT 1)
                FROM consumer_centers AS c WHERE c.id = $1 LIMIT 2
                """, center, filedByCounselor);
            await using var reader = await filing.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                html.Append("<p>").Append(Encoder.Encode(reader.GetString(0))).Append(" · ").Append(Encoder.Encode(reader.GetString(3)))
                    .Append(" · ").Append(Encoder.Encode(residentRelation ?? "")).Append("</p>");
            }
        }

        html.Append("<form method=\"post\"><label for=\"assignee\">担当者</label><select id=\"assignee\" name=\"AssigneeId\">");
        await using (var users = await Sql.PreparedAsync(connection,
            """
            SELECT u.id, u.display_name FROM users AS u
            WHERE NOT (u.is_disabled) AND EXISTS (
                SELECT 1 FROM user_roles AS u0
                WHERE u0.user_id = u.id AND EXISTS (SELECT 1 FROM roles AS r WHERE r.id = u0.role_id AND r.name IN ('Staff', 'Supervisor', 'Admin')))
            ORDER BY u.display_name, u.id
            """))
        await using (var reader = await users.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                html.Append("<option value=\"").Append(reader.GetGuid(0)).Append("\">").Append(Encoder.Encode(reader.GetString(1))).Append("</option>");
            }
        }

        html.Append("</select><button type=\"submit\">割り当てる</button></form>").Append(ActionForms).Append("</main></body></html>");
        await Sql.ExecuteAsync(connection,
            "INSERT INTO audit_entries (action, actor_id, actor_name, at, case_id, details, ip_address, subject_id, subject_type) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            "CaseViewed", null, "baseline", DateTimeOffset.UtcNow, id, null, "127.0.0.1", id.ToString(), "Case");
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html.ToString());
    }

    private static async Task AppendRowsAsync(NpgsqlConnection connection, StringBuilder html, string name, string sql, Guid id)
    {
        html.Append("<section><h2>").Append(name).Append("</h2><table>");
        await using var query = await Sql.PreparedAsync(connection, sql, id);
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            html.Append("<tr>");
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
                {
                    string[] values => string.Join(", ", values),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                };
                html.Append("<td>").Append(Encoder.Encode(value)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table></section>");
    }
}
