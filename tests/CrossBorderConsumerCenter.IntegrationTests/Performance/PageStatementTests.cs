using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseStatus;

using CrossBorderConsumerCenter.IntegrationTests.Queue;

namespace CrossBorderConsumerCenter.IntegrationTests.Performance;

/// <summary>
/// The statements the back office's busiest pages send. The SQL the queue sends for "needs action": the open statuses and the statuses where the center acts next as constant
/// lists, which the partial indexes of open cases match (docs/performance.md). The compiled default view and the general
/// path send the same condition; a rewrite of either that changes its shape fails here, not only in the benchmark.
/// </summary>
public class PageStatementTests(PageStatementTests.Fixture portal) : IClassFixture<PageStatementTests.Fixture>
{
    private const string NeedsAction =
        "c.status IN ('Received', 'InProgress', 'WaitingForConsumer', 'Forwarded', 'PartnerResponded') AND (c.status IN ('Received', 'InProgress', 'PartnerResponded') OR c.due_at < @now)";

    public sealed class Fixture : QueueFixture
    {
        public StatementRecorder Statements { get; } = new();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var cases = await QueueCases.AddAsync(Factory, [new() { Age = TimeSpan.FromDays(2), Status = InProgress }, new() { Age = TimeSpan.FromDays(3), Status = WaitingForConsumer, DueIn = TimeSpan.FromDays(-1) }]);
            CaseInProgress = cases[0].Number;
        }

        public string CaseInProgress { get; private set; } = "";

        protected override PortalFactory CreateFactory(string connectionString) =>
            base.CreateFactory(connectionString).WithServices(s => s.ConfigureDbContext<AppDbContext>((_, o) => o.AddInterceptors(Statements)));
    }

    public sealed class StatementRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> texts = new();

        public IReadOnlyList<string> Take()
        {
            var taken = new List<string>();
            while (texts.TryDequeue(out var text))
            {
                taken.Add(text);
            }

            return taken;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            texts.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Theory]
    [InlineData("/staff/cases", "")]
    [InlineData("/staff/cases?category=Other", "c.category = @category AND ")]
    public async Task NeedsActionIsAskedForWithTheStatusesAsConstants(string path, string filter)
    {
        var statements = await StatementsOfAsync(path);

        Assert.Contains(statements, s => s.Contains($"WHERE {filter}{NeedsAction} ORDER BY c.received_at, c.id LIMIT", StringComparison.Ordinal));
        var counts = Assert.Single(statements, s => s.Contains("UNION ALL", StringComparison.Ordinal));
        Assert.Equal(
            [
                $"WHERE {filter}c.status = 'Received' LIMIT",
                $"WHERE {filter}c.status = 'InProgress' LIMIT",
                $"WHERE {filter}c.status = 'WaitingForConsumer' AND c.due_at < @now LIMIT",
                $"WHERE {filter}c.status = 'Forwarded' AND c.due_at < @now LIMIT",
                $"WHERE {filter}c.status = 'PartnerResponded' LIMIT",
            ],
            Regex.Matches(counts, @"WHERE .*? LIMIT").Select(m => m.Value));
    }

    [Fact]
    public async Task AllCasesAreCountedForEveryStatusWithoutTheRule()
    {
        var counts = Assert.Single(await StatementsOfAsync("/staff/cases?view=all"), s => s.Contains("UNION ALL", StringComparison.Ordinal));

        Assert.Equal([.. Enum.GetValues<CaseStatus>().Select(s => $"WHERE c.status = '{s}' LIMIT")], Regex.Matches(counts, @"WHERE .*? LIMIT").Select(m => m.Value));
        Assert.DoesNotContain("due_at", counts, StringComparison.Ordinal);
    }

    /// <summary>
    /// The case, its consents, evidence, timeline and emails, the assignable staff and the records of provision, then the
    /// audit row of the view: what docs/performance.md and the case page's handler say it sends (the partner registry is
    /// read once and kept, so a second view does not read it).
    /// </summary>
    [Fact]
    public async Task TheCasePageOfACaseInProgressSendsSevenReadsAndTheAuditRow()
    {
        await portal.Me.GetOkAsync($"/staff/cases/{portal.CaseInProgress}");
        var statements = await StatementsOfAsync($"/staff/cases/{portal.CaseInProgress}");

        Assert.Equal(
            ["cases", "case_consents", "case_evidence", "case_events", "outbound_emails", "users", "partner_provisions", "INSERT INTO audit_entries"],
            statements.Select(s => s.StartsWith("INSERT INTO audit_entries", StringComparison.Ordinal) ? "INSERT INTO audit_entries" : MainTable(s)));
    }

    /// <summary>The table a SELECT reads from, its subqueries (anything in parentheses) left out.</summary>
    private static string MainTable(string select)
    {
        while (Regex.IsMatch(select, @"\([^()]*\)"))
        {
            select = Regex.Replace(select, @"\([^()]*\)", "");
        }

        return Regex.Match(select, @"FROM (\w+)").Groups[1].Value;
    }

    /// <summary>The statements a page sent, with table aliases read as "c" and white space as one space.</summary>
    private async Task<IReadOnlyList<string>> StatementsOfAsync(string path)
    {
        portal.Statements.Take();
        await portal.Me.GetOkAsync(path);
        return [.. portal.Statements.Take().Select(s => Regex.Replace(Regex.Replace(s, @"\bc\d+\.", "c."), @"\s+", " "))];
    }
}
