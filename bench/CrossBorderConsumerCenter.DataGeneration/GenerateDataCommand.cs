using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Database;
using CrossBorderConsumerCenter.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace CrossBorderConsumerCenter.DataGeneration;

/// <summary>
/// `CrossBorderConsumerCenter.DataGeneration [--connection C] --cases N [--seed S] [--until yyyy-MM-dd] [--staff K]
/// [--writers W] [--append]`: applies the portal's migrations, then fills the database with N synthetic cases (consent,
/// timeline, evidence with small stored files), numbered per year, assigned to K generated staff accounts (which cannot
/// sign in: they have no password). For the benchmark (bench/run.sh) and demos. The same seed and end date give the same
/// data, whatever W. Rows go in by binary COPY. Into empty tables the secondary indexes and foreign keys are dropped
/// first, W connections (default: one per core) write at once, and the indexes are rebuilt after, then ANALYZE (see
/// <see cref="LoadIntoEmptyTablesAsync"/>). With --append, one transaction on one connection, the indexes kept.
/// Refuses a database that already has cases unless --append is given: it is never meant for real data.
/// </summary>
internal static class GenerateDataCommand
{
    private const string Usage = """
        Usage: CrossBorderConsumerCenter.DataGeneration [--connection "Host=...;Database=..."] --cases N [--seed S] [--until yyyy-MM-dd] [--staff K] [--writers W] [--append]
        Without --connection, the portal's setting ConnectionStrings:Default (the environment variable ConnectionStrings__Default) names the database.
        """;

    /// <summary>
    /// The trigger that fills the queue's search columns (migration 0012) is off while the cases are written: the
    /// generator writes the same values, computed in .NET by <see cref="CaseSearchText"/> on the cores that make the
    /// cases, instead of PostgreSQL normalizing every text in the writing backends (a test compares the two).
    /// </summary>
    private const string DisableSearchTrigger = "ALTER TABLE cases DISABLE TRIGGER cases_fill_search_columns";

    private const string EnableSearchTrigger = "ALTER TABLE cases ENABLE TRIGGER cases_fill_search_columns";

    /// <summary>
    /// The triggers that mark written cases for the statistics (migration 0029, ADR 0084) are off while the cases are
    /// written too; every case is marked once after, and counted before the generator exits.
    /// </summary>
    private const string DisableStatisticsTriggers =
        "ALTER TABLE cases DISABLE TRIGGER cases_mark_statistics; ALTER TABLE case_events DISABLE TRIGGER case_events_mark_statistics";

    private const string EnableStatisticsTriggers =
        "ALTER TABLE cases ENABLE TRIGGER cases_mark_statistics; ALTER TABLE case_events ENABLE TRIGGER case_events_mark_statistics";

    private static readonly string[] CaseTables = ["cases", "case_consents", "case_events", "case_evidence", "stored_files", "stored_file_contents"];

    // 1×1 PNG and a one-page empty PDF: evidence rows whose files can really be downloaded and opened.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>Exit codes: 0 done, 1 refused (no or an invalid connection string, a database with cases), 2 usage.</summary>
    public static async Task<int> RunAsync(string[] args, string? configuredConnectionString)
    {
        if (!TryParse(args, out var options))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var connectionString = options.Connection ?? configuredConnectionString ?? "";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                $"No database given: pass --connection \"Host=...;Database=...;Username=...;Password=...\" or set the environment variable ConnectionStrings__Default ({DatabaseOptions.SettingName}, as for the portal).");
            return 1;
        }

        // The portal's own check of its connection string, with its messages (which never show the password).
        var invalid = new DatabaseOptions.Validator().Validate(null, new DatabaseOptions { ConnectionString = connectionString });
        if (invalid.Failed)
        {
            await Console.Error.WriteLineAsync(invalid.FailureMessage);
            return 1;
        }

        var applied = await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(connectionString);
        if (applied.Count > 0)
        {
            Console.WriteLine($"Applied {applied.Count} migrations ({string.Join(", ", applied)}).");
        }

        var clock = Stopwatch.StartNew();
        connectionString = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var existing = (long)(await Scalar(connection, "SELECT count(*) FROM cases"))!;
        if (existing > 0 && !options.Append)
        {
            await Console.Error.WriteLineAsync(
                $"The database already has {existing} cases. The data generator is for benchmark and demo databases: it refuses to add synthetic cases to one with cases unless --append is given.");
            return 1;
        }

        if (existing > 0)
        {
            // Appending: one transaction, one connection, the indexes kept; the trigger is off inside it only.
            await using var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, DisableSearchTrigger);
            await Execute(connection, DisableStatisticsTriggers);
            var staff = await EnsureStaffAsync(connection, options);
            var counters = await ReadCountersAsync(connection);
            await WriteCasesAsync([connection], await NewGeneratorAsync(connection, options, staff), options.Cases, counters);
            await WriteCountersAsync(connection, counters);
            await Execute(connection, EnableSearchTrigger);
            await Execute(connection, EnableStatisticsTriggers);
            await transaction.CommitAsync();
        }
        else
        {
            await LoadIntoEmptyTablesAsync(connection, connectionString, options, clock);
        }

        foreach (var table in CaseTables.Append("users"))
        {
            await Execute(connection, $"ANALYZE {table}");
        }

        await CountStatisticsAsync(connection, connectionString);

        Console.WriteLine($"Generated {options.Cases} cases (seed {options.Seed}, until {options.Until:yyyy-MM-dd}) in {clock.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }

    /// <summary>Marks every case for the statistics and counts them (as `migrate` does after migration 0029).</summary>
    private static async Task CountStatisticsAsync(NpgsqlConnection connection, string connectionString)
    {
        var started = Stopwatch.StartNew();
        await Execute(connection, "INSERT INTO statistics_pending_cases (case_id) SELECT id FROM cases ON CONFLICT DO NOTHING");
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);
        var counted = await new StatisticsCountsStore(db, new ReadCaseFacts.Handler(db, TimeProvider.System), TimeProvider.System).CountPendingAsync(CancellationToken.None);
        await Execute(connection, "ANALYZE statistics_case_entries");
        await Execute(connection, "ANALYZE statistics_month_counts");
        Console.WriteLine($"Counted {counted} cases for the statistics in {started.Elapsed.TotalSeconds:F0} s.");
    }

    private sealed record Options(int Cases, int Seed, DateTimeOffset Until, int Staff, int Writers, bool Append, string? Connection);

    private static bool TryParse(string[] args, out Options options)
    {
        options = null!;
        var cases = Value(args, "--cases");
        var seed = Value(args, "--seed") ?? "1";
        var staff = Value(args, "--staff") ?? "40";
        var until = Value(args, "--until");
        var writers = Value(args, "--writers") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
        if (!int.TryParse(cases, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1
            || !int.TryParse(seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s)
            || !int.TryParse(staff, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 1
            || !int.TryParse(writers, NumberStyles.None, CultureInfo.InvariantCulture, out var w) || w < 1)
        {
            return false;
        }

        var end = DateTimeOffset.UtcNow.Date;
        if (until is not null && !DateTime.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            return false;
        }

        options = new Options(n, s, new DateTimeOffset(end, TimeSpan.Zero), k, w, args.Contains("--append"), Value(args, "--connection"));
        return true;
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>
    /// Into empty case tables: the secondary indexes and foreign keys are dropped and the search trigger disabled
    /// (committed, so that several connections can write), the cases are written by <see cref="Options.Writers"/>
    /// connections at once, then the indexes are rebuilt, the GIN index (the longest: single-threaded in PostgreSQL 15)
    /// on its own connection beside the others, and the trigger enabled. If anything fails, the cases written are
    /// deleted and the indexes, keys and trigger put back. (Killed outright, it leaves them off: inserts then fail on
    /// the missing search text instead of storing cases the search cannot find.)
    /// </summary>
    private static async Task LoadIntoEmptyTablesAsync(NpgsqlConnection connection, string connectionString, Options options, Stopwatch clock)
    {
        IReadOnlyList<(Guid Id, string Name)> staff;
        List<string> rebuild;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            staff = await EnsureStaffAsync(connection, options);
            rebuild = await DropIndexesAndForeignKeysAsync(connection);
            await Execute(connection, DisableSearchTrigger);
            await Execute(connection, DisableStatisticsTriggers);
            rebuild.Add(EnableSearchTrigger);
            rebuild.Add(EnableStatisticsTriggers);
            await transaction.CommitAsync();
        }

        try
        {
            var counters = await ReadCountersAsync(connection);
            var generator = await NewGeneratorAsync(connection, options, staff);
            var writers = new List<NpgsqlConnection>();
            var transactions = new List<NpgsqlTransaction>();
            try
            {
                for (var i = 0; i < options.Writers; i++)
                {
                    var writer = new NpgsqlConnection(connectionString);
                    writers.Add(writer);
                    await writer.OpenAsync();
                    transactions.Add(await writer.BeginTransactionAsync());
                }

                await WriteCasesAsync(writers, generator, options.Cases, counters);
                foreach (var transaction in transactions)
                {
                    await transaction.CommitAsync();
                }
            }
            finally
            {
                foreach (var writer in writers)
                {
                    await writer.DisposeAsync();
                }
            }

            Console.WriteLine($"Wrote {options.Cases} cases on {options.Writers} connections in {clock.Elapsed.TotalSeconds:F0} s; rebuilding {rebuild.Count - 2} indexes and keys, then enabling the triggers");
            await RebuildAsync(connectionString, rebuild, clock);
            await WriteCountersAsync(connection, counters);
        }
        catch
        {
            await Console.Error.WriteLineAsync("Data generation failed: deleting the cases it wrote and restoring the indexes and keys it dropped.");
            await RestoreAsync(connectionString, rebuild);
            throw;
        }
    }

    private static async Task<SyntheticCases> NewGeneratorAsync(NpgsqlConnection connection, Options options, IReadOnlyList<(Guid Id, string Name)> staff) =>
        new(options.Seed, options.Cases, options.Until, staff, await AgencyByCountryAsync(connection));

    /// <summary>
    /// Makes the chunks ahead on other threads, numbers each chunk's cases in receipt order, and hands each writer
    /// connection its share of every chunk (the first writer the first part, and so on), so the data and the numbers do
    /// not depend on the number of writers; only the rows' physical order in the table does.
    /// </summary>
    private static async Task WriteCasesAsync(List<NpgsqlConnection> writers, SyntheticCases generator, int total, Dictionary<int, int> counters)
    {
        var queues = writers.Select(_ => Channel.CreateBounded<ArraySegment<SyntheticCase>>(2)).ToArray();
        var writing = writers.Select((writer, i) => Task.Run(async () =>
        {
            try
            {
                await foreach (var slice in queues[i].Reader.ReadAllAsync())
                {
                    await WriteAsync(writer, slice);
                }
            }
            catch (Exception e)
            {
                queues[i].Writer.TryComplete(e);
                throw;
            }
        })).ToArray();

        var chunks = (total + SyntheticCases.ChunkSize - 1) / SyntheticCases.ChunkSize;
        var pending = new Queue<Task<SyntheticCase[]>>();
        try
        {
            for (var next = 0; next < chunks || pending.Count > 0;)
            {
                while (next < chunks && pending.Count < Environment.ProcessorCount + 1)
                {
                    var index = next++;
                    pending.Enqueue(Task.Run(() => generator.Chunk(index)));
                }

                var chunk = await pending.Dequeue();
                foreach (var c in chunk)
                {
                    var year = CaseNumber.YearOf(c.ReceivedAt);
                    var sequence = counters[year] = counters.GetValueOrDefault(year) + 1;
                    c.Number = new CaseNumber(year, sequence).ToString();
                }

                var share = (chunk.Length + writers.Count - 1) / writers.Count;
                for (var i = 0; i < writers.Count && i * share < chunk.Length; i++)
                {
                    await queues[i].Writer.WriteAsync(new ArraySegment<SyntheticCase>(chunk, i * share, Math.Min(share, chunk.Length - i * share)));
                }
            }
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Writer.TryComplete();
            }

            // A writer's failure closes its queue, which stops the loop above; either way every writer has stopped
            // before its connection is disposed, and its exception is the one thrown.
            await Task.WhenAll(writing);
        }
    }

    /// <summary>The GIN index (by far the longest, and single-threaded in PostgreSQL 15) on its own connection beside the others; the keys after both.</summary>
    private static async Task RebuildAsync(string connectionString, List<string> rebuild, Stopwatch clock)
    {
        var gin = rebuild.Where(s => s.Contains(" USING gin ", StringComparison.Ordinal)).ToList();
        var indexes = rebuild.Where(s => s.StartsWith("CREATE ", StringComparison.Ordinal)).Except(gin).ToList();
        var keys = rebuild.Where(s => s.StartsWith("ALTER TABLE", StringComparison.Ordinal)).ToList();
        // A GIN build flushes its sorted entries to the index whenever they fill maintenance_work_mem; at a million cases
        // they are about 1.5 GB, so 2 GB builds it in one pass (at 100,000 cases 512 MB is enough and 2 GB no faster).
        await Task.WhenAll(RunAsync(connectionString, "2GB", gin, clock), RunAsync(connectionString, "512MB", indexes, clock));
        await RunAsync(connectionString, "512MB", keys, clock);
    }

    private static async Task RunAsync(string connectionString, string maintenanceWorkMem, List<string> statements, Stopwatch clock)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, $"SET maintenance_work_mem = '{maintenanceWorkMem}'");
        foreach (var statement in statements)
        {
            var started = clock.Elapsed;
            await Execute(connection, statement);
            Console.WriteLine($"  {(clock.Elapsed - started).TotalSeconds,6:F1} s  {statement}");
        }
    }

    /// <summary>After a failure: the tables were empty of cases before, so every case row and its files go; then the dropped indexes and keys come back.</summary>
    private static async Task RestoreAsync(string connectionString, List<string> rebuild)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            DELETE FROM stored_file_contents WHERE stored_file_id IN (SELECT stored_file_id FROM case_evidence);
            DELETE FROM stored_files WHERE id IN (SELECT stored_file_id FROM case_evidence);
            DELETE FROM case_evidence;
            DELETE FROM case_events;
            DELETE FROM case_consents;
            DELETE FROM cases;
            """);
        foreach (var statement in rebuild)
        {
            try
            {
                await Execute(connection, statement);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject)
            {
                // Rebuilt before the failure.
            }
        }
    }

    /// <summary>The partner registry as the migrations seeded it (or an admin changed it): country code to the active agency's code.</summary>
    private static async Task<Dictionary<string, string>> AgencyByCountryAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.country_code, a.code FROM partner_agency_countries c JOIN partner_agencies a ON a.id = c.partner_agency_id WHERE a.is_active", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            map[reader.GetString(0)] = reader.GetString(1);
        }

        return map;
    }

    /// <summary>The generated staff accounts (the same ids for a seed), created if missing; cases are assigned among them.</summary>
    private static async Task<IReadOnlyList<(Guid Id, string Name)>> EnsureStaffAsync(NpgsqlConnection connection, Options options)
    {
        var f = SyntheticCases.NewFaker(options.Seed, -2, "ja");
        var staff = new List<(Guid Id, string Name)>();
        for (var i = 0; i < options.Staff; i++)
        {
            var surname = f.PickRandom(SyntheticText.Surnames);
            var given = f.PickRandom(SyntheticText.GivenNames);
            staff.Add((SyntheticCases.DeterministicGuid(f, options.Until.AddYears(-6)), $"{surname.Kanji} {given.Kanji}"));
        }

        for (var i = 0; i < staff.Count; i++)
        {
            var email = $"staff{i + 1:D3}.{options.Seed}@generated.invalid";
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO users (id, display_name, is_disabled, created_at, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                    security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, must_change_password)
                VALUES (@id, @name, false, @created, @email, upper(@email), @email, upper(@email), true, @stamp, @stamp, false, false, true, 0, false)
                ON CONFLICT (id) DO NOTHING;
                INSERT INTO user_roles (user_id, role_id) SELECT @id, id FROM roles WHERE name = @role ON CONFLICT DO NOTHING;
                """, connection);
            insert.Parameters.AddWithValue("id", staff[i].Id);
            insert.Parameters.AddWithValue("name", staff[i].Name);
            insert.Parameters.AddWithValue("created", options.Until.AddYears(-6));
            insert.Parameters.AddWithValue("email", email);
            insert.Parameters.AddWithValue("stamp", staff[i].Id.ToString("N"));
            insert.Parameters.AddWithValue("role", i < 3 ? Roles.Supervisor : Roles.Staff);
            await insert.ExecuteNonQueryAsync();
        }

        return staff;
    }

    /// <summary>Drops the secondary indexes and foreign keys of the case tables; returns the statements that recreate them.</summary>
    private static async Task<List<string>> DropIndexesAndForeignKeysAsync(NpgsqlConnection connection)
    {
        var rebuild = new List<string>();
        var drop = new List<string>();
        await using (var query = new NpgsqlCommand(
            """
            SELECT 'DROP INDEX ' || i.indexrelid::regclass, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY(@tables::regclass[]) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            UNION ALL
            SELECT 'ALTER TABLE ' || c.conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(c.conname),
                   'ALTER TABLE ' || c.conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = ANY(@tables::regclass[])
            """, connection))
        {
            query.Parameters.AddWithValue("tables", CaseTables);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                drop.Add(reader.GetString(0));
                rebuild.Add(reader.GetString(1));
            }
        }

        // Foreign keys first (they may depend on the indexes), then the indexes; rebuilt in the opposite order.
        foreach (var statement in drop.OrderBy(s => s.StartsWith("DROP INDEX", StringComparison.Ordinal)))
        {
            await Execute(connection, statement);
        }

        return [.. rebuild.OrderBy(s => s.StartsWith("ALTER TABLE", StringComparison.Ordinal))];
    }

    private static async Task<Dictionary<int, int>> ReadCountersAsync(NpgsqlConnection connection)
    {
        var counters = new Dictionary<int, int>();
        await using var query = new NpgsqlCommand("SELECT year, last_sequence FROM case_number_counters", connection);
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counters[reader.GetInt32(0)] = reader.GetInt32(1);
        }

        return counters;
    }

    private static async Task WriteCountersAsync(NpgsqlConnection connection, Dictionary<int, int> counters)
    {
        foreach (var (year, last) in counters)
        {
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO case_number_counters (year, last_sequence) VALUES (@year, @last) ON CONFLICT (year) DO UPDATE SET last_sequence = @last", connection);
            upsert.Parameters.AddWithValue("year", year);
            upsert.Parameters.AddWithValue("last", last);
            await upsert.ExecuteNonQueryAsync();
        }
    }

    private static async Task WriteAsync(NpgsqlConnection connection, ArraySegment<SyntheticCase> chunk)
    {
        await using (var cases = await connection.BeginBinaryImportAsync(
            """
            COPY cases (id, number, submission_id, status, language, received_at, consumer_name, consumer_name_kana, consumer_email, consumer_phone,
                consumer_postal_code, consumer_prefecture_code, consumer_address, consumer_age_band, business_name, business_website,
                business_country_code, business_email, business_phone, purchase_date, arrived_on, earliest_rights_deadline, purchase_item, purchase_amount, purchase_currency_code,
                payment_method, purchase_platform, purchase_platform_name, purchase_order_number, category, what_happened, business_contacted_on,
                business_contact_method, business_response, desired_resolution, counterfeit_acknowledged, assigned_to_id, priority, due_at,
                last_activity_at, closed_at, outcome, decline_reason, duplicate_of_number, search_text, search_bigrams) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var c in chunk)
            {
                await cases.StartRowAsync();
                await cases.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                await cases.WriteAsync(c.Number, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.SubmissionId, NpgsqlDbType.Uuid);
                await cases.WriteAsync(c.Status.ToString(), NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.Language, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.ReceivedAt, NpgsqlDbType.TimestampTz);
                await cases.WriteAsync(c.ConsumerName, NpgsqlDbType.Varchar);
                await Text(cases, c.ConsumerNameKana);
                await cases.WriteAsync(c.ConsumerEmail, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.ConsumerPhone, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.ConsumerPostalCode, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.ConsumerPrefectureCode, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.ConsumerAddress, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.ConsumerAgeBand.ToString(), NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.BusinessName, NpgsqlDbType.Varchar);
                await Text(cases, c.BusinessWebsite);
                await cases.WriteAsync(c.BusinessCountryCode, NpgsqlDbType.Char);
                await Text(cases, c.BusinessEmail);
                await cases.WriteNullAsync();
                await cases.WriteAsync(c.PurchaseDate, NpgsqlDbType.Date);
                await Nullable(cases, c.ArrivedOn, NpgsqlDbType.Date);
                await Nullable(cases, TimeLimitedRights.EarliestLastDay(c.PurchaseDate, c.ArrivedOn, c.PaymentMethod, c.PurchasePlatform), NpgsqlDbType.Date);
                await cases.WriteAsync(c.PurchaseItem, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.PurchaseAmount, NpgsqlDbType.Numeric);
                await cases.WriteAsync(c.PurchaseCurrencyCode, NpgsqlDbType.Char);
                await cases.WriteAsync(c.PaymentMethod.ToString(), NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.PurchasePlatform.ToString(), NpgsqlDbType.Varchar);
                await Text(cases, c.PurchasePlatformName);
                await Text(cases, c.PurchaseOrderNumber);
                await cases.WriteAsync(c.Category.ToString(), NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.WhatHappened, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.BusinessContactedOn, NpgsqlDbType.Date);
                await cases.WriteAsync(c.BusinessContactMethod.ToString(), NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.BusinessResponse, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.DesiredResolution.ToString(), NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.Category == CaseCategory.Counterfeit, NpgsqlDbType.Boolean);
                await Nullable(cases, c.AssignedToId, NpgsqlDbType.Uuid);
                await cases.WriteAsync(c.Priority.ToString(), NpgsqlDbType.Varchar);
                await Nullable(cases, c.DueAt, NpgsqlDbType.TimestampTz);
                await cases.WriteAsync(c.LastActivityAt, NpgsqlDbType.TimestampTz);
                await Nullable(cases, c.ClosedAt, NpgsqlDbType.TimestampTz);
                await Text(cases, c.Outcome?.ToString());
                await Text(cases, c.DeclineReason?.ToString());
                await cases.WriteNullAsync();
                await cases.WriteAsync(c.SearchText, NpgsqlDbType.Text);
                await cases.WriteAsync(c.SearchBigrams, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }

            await cases.CompleteAsync();
        }

        await using (var consents = await connection.BeginBinaryImportAsync(
            """
            COPY case_consents (id, case_id, notice_version, agrees_to_handling, has_contacted_business, is_consumer_purchase,
                agrees_to_provision_abroad, given_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var c in chunk)
            {
                await consents.StartRowAsync();
                await consents.WriteAsync(c.ConsentId, NpgsqlDbType.Uuid);
                await consents.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                await consents.WriteAsync(PrivacyNotice.CurrentVersion, NpgsqlDbType.Varchar);
                await consents.WriteAsync(true, NpgsqlDbType.Boolean);
                await consents.WriteAsync(true, NpgsqlDbType.Boolean);
                await consents.WriteAsync(true, NpgsqlDbType.Boolean);
                await consents.WriteAsync(c.AgreesToProvisionAbroad, NpgsqlDbType.Boolean);
                await consents.WriteAsync(c.ReceivedAt.AddMinutes(-12), NpgsqlDbType.TimestampTz);
            }

            await consents.CompleteAsync();
        }

        await using (var events = await connection.BeginBinaryImportAsync(
            """
            COPY case_events (case_id, at, kind, actor_kind, actor_id, actor_name, from_status, to_status, text, data, visible_to_consumer)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var c in chunk)
            {
                foreach (var e in c.Events)
                {
                    await events.StartRowAsync();
                    await events.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                    await events.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
                    await events.WriteAsync(e.Kind.ToString(), NpgsqlDbType.Varchar);
                    await events.WriteAsync(e.ActorKind.ToString(), NpgsqlDbType.Varchar);
                    await Nullable(events, e.ActorId, NpgsqlDbType.Uuid);
                    await events.WriteAsync(e.ActorName, NpgsqlDbType.Varchar);
                    await events.WriteAsync(e.From.ToString(), NpgsqlDbType.Varchar);
                    await events.WriteAsync(e.To.ToString(), NpgsqlDbType.Varchar);
                    await Text(events, e.Text);
                    if (e.Data is null)
                    {
                        await events.WriteNullAsync();
                    }
                    else
                    {
                        await events.WriteAsync(e.Data, NpgsqlDbType.Jsonb);
                    }

                    await events.WriteAsync(e.VisibleToConsumer, NpgsqlDbType.Boolean);
                }
            }

            await events.CompleteAsync();
        }

        var files = chunk.SelectMany(c => c.Evidence.Select(e => (Case: c, File: e))).ToList();
        await using (var stored = await connection.BeginBinaryImportAsync(
            "COPY stored_files (id, file_name, content_type, length, sha256, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (_, file) in files)
            {
                var bytes = file.IsPdf ? Pdf : Png;
                await stored.StartRowAsync();
                await stored.WriteAsync(file.Id, NpgsqlDbType.Uuid);
                await stored.WriteAsync(file.FileName, NpgsqlDbType.Varchar);
                await stored.WriteAsync(file.IsPdf ? "application/pdf" : "image/png", NpgsqlDbType.Varchar);
                await stored.WriteAsync((long)bytes.Length, NpgsqlDbType.Bigint);
                await stored.WriteAsync(file.IsPdf ? PdfHash : PngHash, NpgsqlDbType.Char);
                await stored.WriteAsync(file.AddedAt, NpgsqlDbType.TimestampTz);
            }

            await stored.CompleteAsync();
        }

        await using (var contents = await connection.BeginBinaryImportAsync("COPY stored_file_contents (stored_file_id, bytes) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (_, file) in files)
            {
                await contents.StartRowAsync();
                await contents.WriteAsync(file.Id, NpgsqlDbType.Uuid);
                await contents.WriteAsync(file.IsPdf ? Pdf : Png, NpgsqlDbType.Bytea);
            }

            await contents.CompleteAsync();
        }

        await using (var evidence = await connection.BeginBinaryImportAsync("COPY case_evidence (id, case_id, stored_file_id, added_at, source) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (c, file) in files)
            {
                await evidence.StartRowAsync();
                await evidence.WriteAsync(file.EvidenceId, NpgsqlDbType.Uuid);
                await evidence.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                await evidence.WriteAsync(file.Id, NpgsqlDbType.Uuid);
                await evidence.WriteAsync(file.AddedAt, NpgsqlDbType.TimestampTz);
                await evidence.WriteAsync(nameof(EvidenceSource.Consumer), NpgsqlDbType.Varchar);
            }

            await evidence.CompleteAsync();
        }
    }

    private static readonly string PngHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png));
    private static readonly string PdfHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf));

    private static async Task Text(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            await importer.WriteNullAsync();
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Varchar);
        }
    }

    private static async Task Nullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type);
        }
        else
        {
            await importer.WriteNullAsync();
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
