using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Intake;

/// <summary>A case carries PostgreSQL's xmin as its row version: of two staff edits from the same reading, the second fails.</summary>
public class CaseConcurrencyTests(IntakeFixture portal) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task AStaleEditOfACaseFailsInsteadOfOverwriting()
    {
        using var client = portal.Factory.CreateFormClient();
        var journey = new IntakeJourney(client);
        var number = (await journey.SubmitAsync(await journey.ReachReviewAsync())).Find("[data-case-number]")!.TextContent.Trim();

        using var first = portal.Factory.Services.CreateScope();
        using var second = portal.Factory.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await firstDb.Cases.SingleAsync(c => c.Number == number);
        var theirs = await secondDb.Cases.SingleAsync(c => c.Number == number);
        var versionRead = mine.Version;

        // The back office will change a case through its methods; the status column stands in for that here.
        firstDb.Entry(mine).Property(c => c.Status).CurrentValue = CaseStatus.InProgress;
        await firstDb.SaveChangesAsync();
        Assert.NotEqual(versionRead, mine.Version);

        secondDb.Entry(theirs).Property(c => c.Status).CurrentValue = CaseStatus.Declined;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        Assert.Equal(CaseStatus.InProgress, await portal.QueryAsync(db => db.Cases.Where(c => c.Number == number).Select(c => c.Status).SingleAsync()));
    }
}
