using System.Text;
using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Retention;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrossBorderConsumerCenter.IntegrationTests.Privacy;

/// <summary>
/// The retention job on a fake clock: a closed case past its period is anonymised everywhere (a canary planted in each
/// place the consumer's data goes is found nowhere in the database afterwards), the statistics read the same before
/// and after, a case on legal hold is left whole, two passes at once act once, and the dry run lists what would go.
/// </summary>
public class RetentionTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    /// <summary>What the canary case's consumer wrote; each appears in the places the consumer's data goes.</summary>
    private static readonly string[] Canaries = ["QZCANARY", "qzcanary@example.jp", "090-7654-3219", "カナリアキュウ", "FWDCANARY"];

    private const string HeldCanary = "QZHELD";

    [Fact]
    public async Task AClosedCasePastItsPeriodIsAnonymisedEverywhereTheStatisticsStayAndAHeldCaseIsSkipped()
    {
        var canary = await PlantCanaryCaseAsync();
        var held = await portal.ReceiveAsync(Details("QZHELD 次郎", "qzheld@example.jp", "090-1111-2222", "カナリアジロウ", "JP-27"));
        await portal.ChangeAsync(held.Id, (c, actor, now) =>
        {
            c.Close(CaseOutcome.Resolved, null, actor, now);
            c.PlaceLegalHold("係争中（弁護士会照会）", portal.Staff.Id, now);
        });
        var other = await portal.ReceiveAsync(Details("佐藤 花子", "hanako@example.jp", "080-3333-4444", "サトウ ハナコ", "JP-01"));
        await portal.ChangeAsync(other.Id, (c, actor, now) => c.Decline(DeclineReason.OutOfScope, null, null, actor, now));

        var before = await StatisticsAsync();
        Assert.True(await CountAsync(Canaries[0]) > 5, "the canary was not planted");

        // Past the case's three years after closing, and the record of provision's three years.
        portal.Clock.Advance(TimeSpan.FromDays(4 * 366));

        using (var scope = portal.Factory.Services.CreateScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<RetentionPlan>().ReadAsync(CancellationToken.None);
            var anonymise = plan.Items.Where(i => i.RetentionStep == RunRetention.RetentionStep.Anonymise).Select(i => i.Number).ToList();
            Assert.Contains(canary.Number, anonymise);
            Assert.Contains(other.Number, anonymise);
            Assert.DoesNotContain(held.Number, anonymise);
            Assert.Contains(plan.Held, h => h.Number == held.Number);
            Assert.Equal(1, plan.Items.Single(i => i.RetentionStep == RunRetention.RetentionStep.Anonymise && i.Number == canary.Number).Files);
        }

        Assert.True(await CountAsync(Canaries[0]) > 5, "the dry run removed something");

        var retention = portal.Factory.Services.GetRequiredService<RunRetention>();
        await Task.WhenAll(retention.RunAsync(CancellationToken.None), retention.RunAsync(CancellationToken.None));
        await retention.RunAsync(CancellationToken.None);

        foreach (var value in Canaries)
        {
            Assert.Equal([], await FindAsync(value));
        }

        Assert.Equal(before, await StatisticsAsync());
        Assert.NotEmpty(await FindAsync(HeldCanary));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'CaseAnonymised' AND details ->> 'reason' = 'Retention'", ("id", canary.Id)));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'CaseAnonymised'", ("id", held.Id)));
        Assert.Equal(0L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM case_evidence WHERE case_id = @id", ("id", canary.Id)));
        Assert.Equal("QZHELD 次郎", await portal.Database.ScalarAsync<string>("SELECT consumer_name FROM cases WHERE id = @id", ("id", held.Id)));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>("SELECT count(*) FROM partner_provisions WHERE case_id = @id AND anonymised_at IS NOT NULL", ("id", canary.Id)));

        // The anonymised case still opens for staff, with nothing of the person on it.
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (client)
        {
            var page = await client.GetOkAsync(ForwardingFixture.PageOf(canary.Number));
            Assert.Contains(CaseAnonymiser.Placeholder, page.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain(Canaries[0], page.MainText, StringComparison.OrdinalIgnoreCase);
        }
    }

    internal static ComplaintDetails Details(string name, string email, string phone, string kana, string prefecture)
    {
        var d = TestComplaints.Details(prefecture: prefecture);
        return d with { Consumer = d.Consumer with { Name = name, Email = email, Phone = phone, NameKana = kana, Address = name + "の住所 1-2-3" } };
    }

    /// <summary>A case with the canaries in the complaint, a file, the timeline, a reply by email, the forward, the emails and the audit trail; closed.</summary>
    private async Task<Case> PlantCanaryCaseAsync()
    {
        var details = Details("QZCANARY 花子", Canaries[1], Canaries[2], Canaries[3], "JP-14");
        details = details with
        {
            Purchase = details.Purchase with { Item = "QZCANARY の時計", OrderNumber = "QZCANARY-ORDER" },
            Trouble = details.Trouble with { WhatHappened = "QZCANARY は届かないと書いた。", BusinessResponse = "QZCANARY への返事なし" },
        };
        var file = new StoredFile("QZCANARY-receipt.png", "image/png", Encoding.UTF8.GetBytes("PNG QZCANARY bytes"), portal.Clock.GetUtcNow());
        var c = await portal.ReceiveAsync(details, evidence: [file]);

        await portal.ForwardAsync(c, [new("Forward.Summary", "The consumer paid but nothing came. Ref FWDCANARY.")]);
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.AddNote("QZCANARY さんから電話。", actor, now));

        // A reply by email, read from the mailbox.
        var mailId = Guid.NewGuid();
        var raw = Encoding.UTF8.GetBytes($"From: {Canaries[1]}\r\nSubject: QZCANARY\r\n\r\nQZCANARY です。");
        await portal.QueryAsync(async db =>
        {
            db.InboundEmails.Add(new InboundEmail(mailId, "key-" + mailId, InboundEmailSource.Imap, "INBOX", 1, 1, raw, raw.Length, false, Canaries[1], "QZCANARY", portal.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        await portal.Database.ScalarAsync<int>("WITH u AS (UPDATE inbound_emails SET case_id = @c WHERE id = @m RETURNING 1) SELECT count(*)::int FROM u", ("c", c.Id), ("m", mailId));
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.ReceiveEmail(Web.Domain.Mail.ReplyParty.Consumer, Canaries[1], "QZCANARY です。", mailId, [], actor, now));
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.Close(CaseOutcome.Resolved, "QZCANARY に連絡済み", actor, now));
        await portal.SendEmailsAsync();

        // Staff searched the queue for the person and opened the case: both are in the audit trail.
        var (client, _) = await StaffAccounts.SignedInAsync(portal.Factory, Roles.Staff);
        using (client)
        {
            await client.GetOkAsync("/staff/cases?view=all&q=" + Uri.EscapeDataString(Canaries[1]));
            await client.GetOkAsync(ForwardingFixture.PageOf(c.Number));
        }

        return c;
    }

    /// <summary>What the statistics read, counted by every kept field.</summary>
    private Task<string> StatisticsAsync() => portal.Database.ScalarAsync<string>("""
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
            SELECT concat_ws('|', business_country_code, category, status, outcome, consumer_prefecture_code, consumer_age_band,
                purchase_platform, payment_method, channel, received_at::date, closed_at::date, purchase_date,
                width_bucket(purchase_amount, ARRAY[0, 1000, 10000, 100000, 1000000]::numeric[]), purchase_currency_code, count(*)) AS line
            FROM cases
            GROUP BY business_country_code, category, status, outcome, consumer_prefecture_code, consumer_age_band, purchase_platform,
                payment_method, channel, received_at::date, closed_at::date, purchase_date,
                width_bucket(purchase_amount, ARRAY[0, 1000, 10000, 100000, 1000000]::numeric[]), purchase_currency_code) s
        """);

    private async Task<long> CountAsync(string value) => (await FindAsync(value)).Count;

    private Task<List<string>> FindAsync(string value) => FindAsync(portal.Database, value);

    /// <summary>Every text, json, array and bytea column of every table, and every large object, that holds <paramref name="value"/> (any case).</summary>
    internal static async Task<List<string>> FindAsync(TestDatabase database, string value)
    {
        await using var connection = await database.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED', 'xml')
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.Contains(columns, c => c.Table == "stored_file_contents" && c.Type == "bytea");
        var found = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var condition = type == "bytea"
                ? $"(position(@b1 in \"{column}\") > 0 OR position(@b2 in \"{column}\") > 0 OR position(@b3 in \"{column}\") > 0)"
                : $"strpos(lower(\"{column}\"::text), lower(@v)) > 0";
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE {condition}", connection);
            AddValue(command, value);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        await using (var objects = new NpgsqlCommand(
            "SELECT count(*) FROM pg_largeobject_metadata m WHERE position(@b1 in lo_get(m.oid)) > 0 OR position(@b2 in lo_get(m.oid)) > 0 OR position(@b3 in lo_get(m.oid)) > 0", connection))
        {
            AddValue(objects, value);
            if ((long)(await objects.ExecuteScalarAsync())! > 0)
            {
                found.Add("large objects");
            }
        }

        return found;
    }

    /// <summary>The value as text (@v) and as UTF-8 bytes as written, in lower and in upper case (@b1-@b3).</summary>
    private static void AddValue(NpgsqlCommand command, string value)
    {
        command.Parameters.AddWithValue("v", value);
        command.Parameters.AddWithValue("b1", Encoding.UTF8.GetBytes(value));
        command.Parameters.AddWithValue("b2", Encoding.UTF8.GetBytes(value.ToLowerInvariant()));
        command.Parameters.AddWithValue("b3", Encoding.UTF8.GetBytes(value.ToUpperInvariant()));
    }
}
