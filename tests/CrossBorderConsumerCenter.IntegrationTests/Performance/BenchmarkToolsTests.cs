using System.Diagnostics;
using CrossBorderConsumerCenter.IntegrationTests.Support;
using Npgsql;

namespace CrossBorderConsumerCenter.IntegrationTests.Performance;

/// <summary>
/// The benchmark's tools still work: the data generator and bench/run.sh, on tiny data. No timings are
/// asserted here; the numbers live in docs/performance.md.
/// </summary>
public class BenchmarkToolsTests
{
    private const string Fingerprint = """
        SELECT md5(string_agg(c.number || c.id || c.status || c.business_name || c.what_happened || coalesce(c.assigned_to_id::text, '')
            || (SELECT count(*) FROM case_events e WHERE e.case_id = c.id) || (SELECT count(*) FROM case_evidence v WHERE v.case_id = c.id), ',' ORDER BY c.number))
        FROM cases c
        """;

    /// <summary>Cases whose search columns (written by the generator with the trigger off) differ from what the trigger computes.</summary>
    private const string SearchColumnsNotAsTheTriggerComputes = """
        SELECT count(*) FROM cases c, case_search_text(c.consumer_name, c.consumer_name_kana, c.consumer_email, c.business_name, c.business_website, c.what_happened) t
        WHERE c.search_text IS DISTINCT FROM t OR c.search_bigrams IS DISTINCT FROM case_search_bigrams(t)
        """;

    private const string SearchTriggerEnabled = "SELECT tgenabled = 'O' FROM pg_trigger WHERE tgname = 'cases_fill_search_columns'";

    private const string CaseTableIndexes = """
        SELECT count(*) FROM pg_indexes WHERE tablename IN ('cases', 'case_consents', 'case_events', 'case_evidence', 'stored_files', 'stored_file_contents')
        """;

    [Fact]
    public async Task GenerateDataMakesTheSameCasesForASeedWhateverTheWritersNumbersThemInOrderAndRefusesADatabaseWithCases()
    {
        await using var first = await TestDatabase.CreateAsync();
        await using var second = await TestDatabase.CreateAsync();
        var indexes = await first.ScalarAsync<long>(CaseTableIndexes);

        // One writer connection for the first, three at once for the second: the same cases and numbers.
        foreach (var (database, writers) in new[] { (first, "1"), (second, "3") })
        {
            var run = await GenerateAsync(database, "--cases", "240", "--seed", "5", "--until", "2026-11-01", "--staff", "6", "--writers", writers);
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
        }

        Assert.Equal(await first.ScalarAsync<string>(Fingerprint), await second.ScalarAsync<string>(Fingerprint));
        Assert.Equal(240L, await first.ScalarAsync<long>("SELECT count(*) FROM cases"));
        Assert.Equal(240L, await first.ScalarAsync<long>("SELECT count(DISTINCT case_id) FROM case_consents"));
        Assert.Equal(240L, await first.ScalarAsync<long>("SELECT count(*) FROM case_events WHERE kind = 'Received'"));
        Assert.Equal(0L, await first.ScalarAsync<long>("SELECT count(*) FROM cases WHERE received_at >= '2026-11-01' OR received_at < '2021-10-01'"));
        Assert.True(await first.ScalarAsync<long>("SELECT count(*) FROM case_evidence e JOIN stored_file_contents f ON f.stored_file_id = e.stored_file_id") > 40);
        Assert.True(await first.ScalarAsync<long>("SELECT count(DISTINCT status) FROM cases") >= 4);
        Assert.True(await first.ScalarAsync<long>("SELECT count(*) FROM cases WHERE language = 'ja'") > 180);
        Assert.Equal(6L, await first.ScalarAsync<long>("SELECT count(*) FROM users WHERE email LIKE '%@generated.invalid'"));
        // Numbers follow receipt order within each year, without gaps, and the counters continue from the last.
        Assert.Equal(0L, await first.ScalarAsync<long>("""
            SELECT count(*) FROM (
              SELECT number, row_number() OVER (PARTITION BY substring(number FROM 5 FOR 4) ORDER BY received_at) AS n FROM cases) x
            WHERE substring(number FROM 10)::int <> n
            """));
        Assert.Equal(240L, await first.ScalarAsync<long>("SELECT sum(last_sequence)::bigint FROM case_number_counters"));
        // The indexes and keys dropped for the COPY are all back, and the search trigger is on again.
        Assert.Equal(indexes, await first.ScalarAsync<long>(CaseTableIndexes));
        Assert.True(await first.ScalarAsync<bool>(SearchTriggerEnabled));
        // The search columns the generator computed are the database's own, and the search finds by them.
        Assert.Equal(0L, await first.ScalarAsync<long>(SearchColumnsNotAsTheTriggerComputes));
        Assert.True(await first.ScalarAsync<long>("SELECT count(*) FROM cases WHERE search_bigrams @> ARRAY['届キ'] AND search_text LIKE '%届キ%'") > 0); // 届き, as the search stores it

        var refused = await GenerateAsync(first, "--cases", "10");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refuses", refused.Error, StringComparison.Ordinal);
        Assert.Equal(240L, await first.ScalarAsync<long>("SELECT count(*) FROM cases"));

        var appended = await GenerateAsync(first, "--cases", "30", "--seed", "6", "--until", "2026-11-01", "--staff", "6", "--append");
        Assert.True(appended.ExitCode == 0, appended.Output + appended.Error);
        Assert.Equal(270L, await first.ScalarAsync<long>("SELECT count(DISTINCT number) FROM cases"));
        Assert.Equal(0L, await first.ScalarAsync<long>(SearchColumnsNotAsTheTriggerComputes));
        Assert.True(await first.ScalarAsync<bool>(SearchTriggerEnabled));

        var usage = await GenerateAsync(first, "--cases", "many");
        Assert.Equal(2, usage.ExitCode);
    }

    [Fact]
    public async Task GenerateDataThatFailsAfterItsWritersCommittedDeletesTheCasesAndPutsTheIndexesAndKeysBack()
    {
        await using var database = await TestDatabase.CreateAsync();
        // An index that cannot be rebuilt over generated cases (they share languages): the rebuild fails after the writers committed.
        await database.ScalarAsync<int>("CREATE UNIQUE INDEX ix_test_one_case_per_language ON cases (language); SELECT 1");
        var indexes = await database.ScalarAsync<long>(CaseTableIndexes);
        const string Keys = "SELECT count(*) FROM pg_constraint WHERE contype = 'f'";
        var keys = await database.ScalarAsync<long>(Keys);

        var run = await GenerateAsync(database, "--cases", "240", "--seed", "5", "--until", "2026-11-01", "--staff", "6", "--writers", "2");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("deleting the cases it wrote", run.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_events) + (SELECT count(*) FROM case_consents) + (SELECT count(*) FROM case_evidence) + (SELECT count(*) FROM stored_files)"));
        Assert.Equal(indexes, await database.ScalarAsync<long>(CaseTableIndexes));
        Assert.Equal(keys, await database.ScalarAsync<long>(Keys));
        Assert.True(await database.ScalarAsync<bool>(SearchTriggerEnabled));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT coalesce(sum(last_sequence), 0)::bigint FROM case_number_counters"));
    }

    [Fact]
    public async Task TheBenchmarkScriptRunsEveryScenarioAgainstPortalAndBaselineInSmokeMode()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString);
        var repository = PortalProcess.RepositoryRoot;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repository };
        foreach (var arg in new[] { "bench/run.sh", "--smoke", "--no-build", "--configuration", PortalProcess.BuildConfiguration })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);

        var report = await output + await error;
        Assert.True(process.ExitCode == 0, report);
        Assert.Contains("BENCH OK", report, StringComparison.Ordinal);
        foreach (var scenario in new[] { "home", "intake", "case-page" })
        {
            Assert.Contains($"| {scenario} | portal |", report, StringComparison.Ordinal);
            Assert.Contains($"| {scenario} | baseline |", report, StringComparison.Ordinal);
        }
    }

    /// <summary>The generator as bench/run.sh runs it: the database from ConnectionStrings__Default, as for the portal.</summary>
    private static Task<PortalProcess.Result> GenerateAsync(TestDatabase database, params string[] args) =>
        PortalProcess.RunDataGeneratorAsync(new Dictionary<string, string> { ["ConnectionStrings__Default"] = database.ConnectionString }, TimeSpan.FromMinutes(2), args);
}
