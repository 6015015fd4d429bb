using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Testing.Cases;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using CrossBorderConsumerCenter.Web.Features.Retention;
using CrossBorderConsumerCenter.Web.Features.Statistics;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Statistics;

/// <summary>
/// The counts kept per month (docs/adr/0084) against a recount of every case of the period, case by case, after each kind
/// of write: intake, forwarding and a partner's answer, a note, closing and reopening, declining, a correction of the
/// country, anonymisation by the retention job, and writes straight to the tables (an event deleted, a received time moved
/// to another month). Periods of whole months, of partial months and of one day are compared.
/// </summary>
public class StatisticsCountsTests(ForwardingFixture portal) : IClassFixture<ForwardingFixture>
{
    private async Task SameAsARecountAsync(string after, IReadOnlyList<StatisticsPeriod> periods)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<StatisticsCountsStore>();
        var facts = scope.ServiceProvider.GetRequiredService<ReadCaseFacts.Handler>();
        foreach (var period in periods)
        {
            var (counts, overdue) = await store.ReadAsync(period, CancellationToken.None);
            var cases = await facts.HandleAsync(period, CancellationToken.None);
            var recount = StatisticsCounts.Of(cases);
            Assert.True(recount.Describe().SequenceEqual(counts.Describe()),
                $"After {after}, {period.From}..{period.To}: kept [{string.Join(", ", counts.Describe())}], recounted [{string.Join(", ", recount.Describe())}]");
            Assert.Equal(cases.Count(c => c.Overdue), overdue);
        }

        // Every month's sums are those of the entries kept per case, and nothing is left to count.
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.StatisticsPendingCases.CountAsync());
        var differences = await db.Database.SqlQuery<int>($"""
            WITH kept AS (SELECT month, entry::text, cases FROM statistics_month_counts),
                 summed AS (SELECT date_trunc('month', received_on)::date AS month, e::text AS entry, count(*)::integer AS cases
                            FROM statistics_case_entries, unnest(entries) AS e GROUP BY 1, 2)
            SELECT count(*)::integer AS "Value" FROM ((SELECT * FROM kept EXCEPT SELECT * FROM summed) UNION ALL (SELECT * FROM summed EXCEPT SELECT * FROM kept)) AS d
            """).SingleAsync();
        Assert.Equal(0, differences);
    }

    [Fact]
    public async Task TheCountsKeptPerMonthEqualARecountAfterEveryKindOfWrite()
    {
        var today = LocalizationRegistration.JapanToday(portal.Clock);
        StatisticsPeriod[] periods =
        [
            StatisticsPeriod.FiscalYear(StatisticsPeriod.FiscalYearOf(today.AddDays(-100))),
            StatisticsPeriod.FiscalYear(StatisticsPeriod.FiscalYearOf(today)),
            StatisticsPeriod.Range(today.AddDays(-75), today.AddDays(-3)),
            StatisticsPeriod.Range(today.AddDays(-140), today),
            StatisticsPeriod.Range(today, today),
        ];

        var received = await portal.ReceiveAsync();
        var queued = await QueueCases.AddAsync(
            portal.Factory,
            new QueueCase { Age = TimeSpan.FromDays(3), Country = "CN", Category = CaseCategory.Counterfeit, Platform = PurchasePlatform.Temu },
            new QueueCase { Age = TimeSpan.FromDays(35), Country = "TW", Payment = PaymentMethod.PayPal, Status = CaseStatus.InProgress, DueIn = TimeSpan.FromDays(-1) },
            new QueueCase { Age = TimeSpan.FromDays(70), Country = "US", Category = CaseCategory.WrongItem },
            new QueueCase { Age = TimeSpan.FromDays(100), Country = "KR", Status = CaseStatus.InProgress });
        await SameAsARecountAsync("intake", periods);

        await portal.ForwardAsync(received);
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO case_events (case_id, at, kind, actor_kind, actor_name, from_status, to_status, visible_to_consumer)
                VALUES ({received.Id}, {portal.Clock.GetUtcNow().AddDays(6)}, 'PartnerResponded', 'Partner', 'CBBB', 'Forwarded', 'PartnerResponded', false)
                """);
        }

        await portal.ChangeAsync(queued[0].Id, (c, actor, now) => c.AddNote("確認しました。", actor, now.AddDays(1)));
        await portal.ChangeAsync(queued[1].Id, (c, actor, now) => c.Close(CaseOutcome.Resolved, null, actor, now));
        await portal.ChangeAsync(queued[2].Id, (c, actor, now) => c.Decline(DeclineReason.OutOfScope, null, null, actor, now));
        await portal.ChangeAsync(queued[3].Id, (c, actor, now) =>
            c.Correct(CaseCorrection.Of(c) with { BusinessCountryCode = "SG" }, "The merchant is in Singapore.", actor, now));
        await SameAsARecountAsync("forwarding, a partner's answer, a note, closing, declining and a corrected country", periods);

        await portal.ChangeAsync(queued[1].Id, (c, actor, now) => c.Reopen("The consumer wrote again.", actor, now));
        await portal.ChangeAsync(received.Id, (c, actor, now) => c.Close(CaseOutcome.PartlyResolved, null, actor, now.AddDays(8)));
        await SameAsARecountAsync("reopening", periods);

        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"DELETE FROM case_events WHERE case_id = {queued[0].Id} AND kind = 'NoteAdded'");
            await db.Database.ExecuteSqlAsync($"UPDATE cases SET received_at = received_at - interval '31 days' WHERE id = {queued[3].Id}");
        }

        await SameAsARecountAsync("writes straight to the tables", periods);

        // Four years on, the retention job removes the personal data of the cases closed (and declined) since: the figures
        // stay as they were, and the counts with them.
        var before = await CountsAsync(periods[3]);
        portal.Clock.Advance(TimeSpan.FromDays(4 * 365));
        await portal.Factory.Services.GetRequiredService<RunRetention>().RunAsync(CancellationToken.None);
        Assert.Equal(2, await portal.QueryAsync(db => db.Cases.CountAsync(c => c.AnonymisedAt != null)));
        await SameAsARecountAsync("anonymisation", periods);
        Assert.Equal(before, await CountsAsync(periods[3]));
    }

    private async Task<IReadOnlyList<string>> CountsAsync(StatisticsPeriod period)
    {
        using var scope = portal.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<StatisticsCountsStore>().ReadAsync(period, CancellationToken.None)).Counts.Describe();
    }
}
