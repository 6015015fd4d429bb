using CrossBorderConsumerCenter.IntegrationTests.Forwarding;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace CrossBorderConsumerCenter.IntegrationTests.Privacy;

/// <summary>The portal with a personal-data period of one year after closing: shorter than a record of provision's three years.</summary>
public sealed class ShortRetentionFixture : ForwardingFixture
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
    {
        ["Retention:PersonalDataDaysAfterClosing"] = "365",
        ["Retention:EvidenceFileDaysAfterClosing"] = "90",
    };
}

/// <summary>A record of provision abroad keeps what was sent for its three years, whatever the case's own period.</summary>
public class ProvisionRecordRetentionTests(ShortRetentionFixture portal) : IClassFixture<ShortRetentionFixture>
{
    [Fact]
    public async Task TheCaseIsAnonymisedAfterItsYearButItsRecordOfProvisionKeepsWhatWasSentUntilItsThreeYearsEnd()
    {
        var c = await portal.ReceiveAsync(RetentionTests.Details("QZPROV 三郎", "qzprov@example.jp", "090-5555-6666", "サブロウ", "JP-13"));
        await portal.ForwardAsync(c, [new("Forward.Summary", "The consumer paid but nothing came. Ref PROVKEEP.")]);
        await portal.ChangeAsync(c.Id, (x, actor, now) => x.Close(CaseOutcome.Resolved, null, actor, now));
        var retention = portal.Factory.Services.GetRequiredService<RunRetention>();

        portal.Clock.Advance(TimeSpan.FromDays(366));
        await retention.RunAsync(CancellationToken.None);

        Assert.Equal(CaseAnonymiser.Placeholder, await portal.Database.ScalarAsync<string>("SELECT consumer_name FROM cases WHERE id = @id", ("id", c.Id)));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM partner_provisions WHERE case_id = @id AND sent_summary LIKE '%PROVKEEP%' AND sent_consumer_name IS NOT NULL AND anonymised_at IS NULL", ("id", c.Id)));

        portal.Clock.Advance(TimeSpan.FromDays(2 * 366));
        await retention.RunAsync(CancellationToken.None);

        Assert.Equal(0L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM partner_provisions WHERE case_id = @id AND (sent_summary IS NOT NULL OR sent_consumer_name IS NOT NULL)", ("id", c.Id)));
        Assert.Equal(1L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM partner_provisions WHERE case_id = @id AND anonymised_at IS NOT NULL AND agency_code = 'CBBB' AND cardinality(items) > 0", ("id", c.Id)));
        Assert.Equal(2L, await portal.Database.ScalarAsync<long>(
            "SELECT count(*) FROM audit_entries WHERE case_id = @id AND action = 'CaseAnonymised'", ("id", c.Id)));
    }
}
