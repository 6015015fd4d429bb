using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace CrossBorderConsumerCenter.Baseline;

/// <summary>
/// The intake's four steps with the statements the portal's EF Core sends (captured from its command log):
/// the consent creates the draft, the form saves its JSON, the submit locks the draft and inserts the case,
/// its consent, its first timeline line and the acknowledgement in the outbox, and marks the draft submitted,
/// in one transaction. No validation, no antiforgery, no localization: that is the portal's share.
/// </summary>
internal sealed class Intake(NpgsqlDataSource dataSource)
{
    private const string DraftCookie = "ccc.intake";
    private const string DraftColumns =
        "i.id, i.consent_agrees_to_handling, i.consent_agrees_to_provision_abroad, i.consent_given_at, i.consent_has_contacted_business, i.consent_is_consumer_purchase, i.consent_notice_version, i.created_at, i.expires_at, i.form_json, i.submitted_case_id, i.token_hash, i.updated_at";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // The portal's consent page is about this long; the baseline's carries the same kind of text.
    private static readonly string ConsentFiller = string.Concat(Enumerable.Repeat(
        "<p>ご相談の内容は、解決のために必要な範囲で、海外の提携機関を通じて相手の事業者に伝えることがあります。</p>\n", 60));

    public static async Task ConsentPageAsync(HttpContext context)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Cookies.Append("ccc.af", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict });
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>ご相談の前に</title></head><body><main>{ConsentFiller}" +
            $"<form method=\"post\" action=\"/complaint/consent\"><input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"{token}\" />" +
            "<button type=\"submit\">同意して進む</button></form></main></body></html>");
    }

    public async Task GiveConsentAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var now = DateTimeOffset.UtcNow;
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var connection = await dataSource.OpenConnectionAsync();
        await Sql.ExecuteAsync(connection,
            """
            INSERT INTO intake_drafts (id, consent_agrees_to_handling, consent_agrees_to_provision_abroad, consent_given_at, consent_has_contacted_business,
                consent_is_consumer_purchase, consent_notice_version, created_at, expires_at, form_json, submitted_case_id, token_hash, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::char(64), $13)
            """,
            Guid.CreateVersion7(now), form["Consent.AgreesToHandling"] == "true", form["Consent.ProvisionAbroad"] == "yes", now,
            form["Consent.HasContactedBusiness"] == "true", form["Consent.IsConsumerPurchase"] == "true", "2026-12", now, now + Lifetime, "", null, Hash(token), now);
        context.Response.Cookies.Append(DraftCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/complaint", Expires = now + Lifetime });
        context.Response.Redirect("/complaint/form");
    }

    public async Task SaveFormAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var draft = await FindDraftAsync(connection, context.Request.Cookies[DraftCookie]);
        if (draft is null)
        {
            context.Response.Redirect("/complaint/consent");
            return;
        }

        var values = form.Where(f => f.Key.StartsWith("Form.", StringComparison.Ordinal)).ToDictionary(f => f.Key[5..], f => f.Value.ToString());
        var now = DateTimeOffset.UtcNow;
        await Sql.ExecuteAsync(connection, "UPDATE intake_drafts SET expires_at = $1, form_json = $2, updated_at = $3 WHERE id = $4",
            now + Lifetime, JsonSerializer.Serialize(values), now, draft.Value.Id);
        context.Response.Redirect(form["intent"] == "review" ? "/complaint/review" : "/complaint/form");
    }

    public async Task SubmitAsync(HttpContext context)
    {
        await context.Request.ReadFormAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var found = await FindDraftAsync(connection, context.Request.Cookies[DraftCookie]);
        if (found is null)
        {
            context.Response.Redirect("/complaint/consent");
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var locked = await Sql.PreparedAsync(connection, "SELECT submitted_case_id FROM intake_drafts WHERE id = $1 FOR UPDATE", found.Value.Id))
        {
            if (await locked.ExecuteScalarAsync() is Guid)
            {
                context.Response.Redirect("/complaint/received");
                return;
            }
        }

        var draft = await ReadDraftAsync(connection, "WHERE i.id = $1", found.Value.Id);
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(draft!.Value.FormJson)!;
        var now = DateTimeOffset.UtcNow;
        var year = now.ToOffset(TimeSpan.FromHours(9)).Year;
        int sequence;
        await using (var counter = await Sql.PreparedAsync(connection,
            "INSERT INTO case_number_counters (year, last_sequence) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET last_sequence = case_number_counters.last_sequence + 1 RETURNING last_sequence",
            year))
        {
            sequence = (int)(await counter.ExecuteScalarAsync())!;
        }

        var caseId = Guid.CreateVersion7(now);
        var number = string.Create(CultureInfo.InvariantCulture, $"CCJ-{year:D4}-{sequence:D6}");
        var v = (string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        await Sql.ExecuteAsync(connection,
            """
            INSERT INTO cases (id, assigned_to_id, business_contact_method, business_contacted_on, business_country_code, business_email, business_name, business_phone,
                business_response, business_website, category, closed_at, consumer_address, consumer_age_band, consumer_email, consumer_name, consumer_name_kana,
                consumer_phone, consumer_postal_code, consumer_prefecture_code, counterfeit_acknowledged, decline_reason, desired_resolution, due_at,
                duplicate_of_number, language, last_activity_at, number, outcome, payment_method, priority, purchase_amount, purchase_currency_code, purchase_date,
                purchase_item, purchase_order_number, purchase_platform, purchase_platform_name, received_at, status, submission_id, what_happened)
            VALUES ($1, $2, $3, $4, $5::char(2), $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29,
                $30, $31, $32, $33::char(3), $34, $35, $36, $37, $38, $39, $40, $41, $42)
            RETURNING xmin
            """,
            caseId, null, v("Trouble.ContactMethod"), DateOnly.Parse(v("Trouble.ContactedOn")!, CultureInfo.InvariantCulture), v("Business.Country"),
            v("Business.Email"), v("Business.Name"), v("Business.Phone"), v("Trouble.BusinessResponse"), v("Business.Website"), v("Trouble.Category"), null,
            v("Consumer.Address"), v("Consumer.AgeBand"), v("Consumer.Email"), v("Consumer.Name"), v("Consumer.NameKana"), v("Consumer.Phone"),
            v("Consumer.PostalCode"), v("Consumer.Prefecture"), false, null, v("Trouble.DesiredResolution"), now.AddDays(2), null, "ja", now, number, null,
            v("Purchase.PaymentMethod"), "Normal", decimal.Parse(v("Purchase.Amount")!, CultureInfo.InvariantCulture), v("Purchase.Currency"),
            DateOnly.Parse(v("Purchase.Date")!, CultureInfo.InvariantCulture), v("Purchase.Item"), v("Purchase.OrderNumber"), v("Purchase.Platform"),
            v("Purchase.PlatformName"), now, "Received", draft.Value.Id, v("Trouble.WhatHappened"));
        await Sql.ExecuteAsync(connection, "UPDATE intake_drafts SET expires_at = $1, form_json = $2, submitted_case_id = $3, updated_at = $4 WHERE id = $5",
            now + Lifetime, "", caseId, now, draft.Value.Id);
        await Sql.ExecuteAsync(connection,
            """
            INSERT INTO case_consents (id, agrees_to_handling, agrees_to_provision_abroad, case_id, given_at, has_contacted_business, is_consumer_purchase, notice_version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            Guid.CreateVersion7(now), true, draft.Value.AgreesToProvisionAbroad, caseId, draft.Value.ConsentGivenAt, true, true, "2026-12");
        await Sql.ExecuteAsync(connection,
            """
            INSERT INTO case_events (actor_id, actor_kind, actor_name, at, case_id, data, from_status, kind, text, to_status, visible_to_consumer)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
            """,
            null, "Consumer", "consumer", now, caseId, null, "Received", "Received", null, "Received", true);
        // The consumer's tracking link: its hash kept, the token in the acknowledgement until it is sent.
        var trackingToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await Sql.ExecuteAsync(connection, "INSERT INTO case_tracking_links (id, case_id, issued_at, token_hash, revokes_earlier_on_use) VALUES ($1, $2, $3, $4, false)",
            Guid.CreateVersion7(now), caseId, now, Hash(trackingToken));
        var (subject, text, html) = Acknowledgement(v("Consumer.Name")!, number, v("Business.Name")!, trackingToken);
        await Sql.ExecuteAsync(connection,
            """
            INSERT INTO outbound_emails (id, attempts, case_id, cc_addresses, claim_token, created_at, html_body, language, last_attempt_at, last_error, locked_until,
                message_id, next_attempt_at, redact_after_sending, reply_to, retrying_since, sent_at, state, subject, template, text_body, to_addresses)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
            """,
            Guid.CreateVersion7(now), 0, caseId, Array.Empty<string>(), null, now, html, "ja", null, null, null,
            $"<{Guid.NewGuid():N}@ccj.bench>", now, new[] { trackingToken }, null, now, null, "Pending", subject, "IntakeAcknowledgement", text, new[] { v("Consumer.Email")! });
        await transaction.CommitAsync();
        context.Response.Redirect("/complaint/received");
    }

    private static (string Subject, string Text, string Html) Acknowledgement(string name, string number, string business, string trackingToken)
    {
        var text = $"{name} 様\n\n越境消費者センターです。ご相談を受け付けました。\n受付番号: {number}\n相手の事業者: {business}\n状況の確認: http://127.0.0.1/track/{trackingToken}\n\n" +
            "担当者が内容を確認したうえで、提携機関を通じて事業者に対応を促します。迷惑メールフォルダもご確認ください。\n" +
            string.Concat(Enumerable.Repeat("返信はメールでお送りします。ドメイン指定受信をしている場合は、当センターのドメインを許可してください。\n", 3));
        var html = "<!DOCTYPE html><html lang=\"ja\"><body>" + string.Join("", text.Split('\n').Select(l => "<p>" + System.Net.WebUtility.HtmlEncode(l) + "</p>")) + "</body></html>";
        return ($"【越境消費者センター】ご相談を受け付けました(受付番号 {number})", text, html);
    }

    private readonly record struct Draft(Guid Id, bool AgreesToProvisionAbroad, DateTimeOffset ConsentGivenAt, string FormJson);

    private static async Task<Draft?> FindDraftAsync(NpgsqlConnection connection, string? token) =>
        token is null ? null : await ReadDraftAsync(connection, "WHERE i.token_hash = $1::char(64)", Hash(token));

    private static async Task<Draft?> ReadDraftAsync(NpgsqlConnection connection, string where, object key)
    {
        await using var query = await Sql.PreparedAsync(connection,
            $"""
            SELECT i1.*, i0.id, i0.added_at, i0.draft_id, i0.length, i0.stored_file_id
            FROM (SELECT {DraftColumns} FROM intake_drafts AS i {where} LIMIT 2) AS i1
            LEFT JOIN intake_draft_files AS i0 ON i1.id = i0.draft_id
            ORDER BY i1.id
            """, key);
        await using var reader = await query.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Draft(reader.GetGuid(0), reader.GetBoolean(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(9))
            : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
