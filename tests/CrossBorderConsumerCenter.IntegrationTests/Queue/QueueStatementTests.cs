using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CrossBorderConsumerCenter.Web.Domain.Cases.CaseStatus;

namespace CrossBorderConsumerCenter.IntegrationTests.Queue;

/// <summary>
/// The SQL the queue sends for "needs action": the open statuses and the statuses where the center acts next as constant
/// lists, which the partial indexes of open cases match (docs/performance.md). The compiled default view and the general
/// path send the same condition; a rewrite of either that changes its shape fails here, not only in the benchmark.
/// </summary>
public class QueueStatementTests(QueueStatementTests.Fixture portal) : IClassFixture<QueueStatementTests.Fixture>
{
    private const string NeedsAction =
        "c.status IN ('Received', 'InProgress', 'WaitingForConsumer', 'Forwarded', 'PartnerResponded') AND (c.status IN ('Received', 'InProgress', 'PartnerResponded') OR c.due_at < @now)";

    public sealed class Fixture : QueueFixture
    {
        public StatementRecorder Statements { get; } = new();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await QueueCases.AddAsync(Factory, [new() { Age = TimeSpan.FromDays(2) }, new() { Age = TimeSpan.FromDays(3), Status = WaitingForConsumer, DueIn = TimeSpan.FromDays(-1) }]);
        }

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

    /// <summary>The statements a page sent, with table aliases read as "c" and white space as one space.</summary>
    private async Task<IReadOnlyList<string>> StatementsOfAsync(string path)
    {
        portal.Statements.Take();
        await portal.Me.GetOkAsync(path);
        return [.. portal.Statements.Take().Select(s => Regex.Replace(Regex.Replace(s, @"\bc\d+\.", "c."), @"\s+", " "))];
    }
}
