using CrossBorderConsumerCenter.Web.Data.Statistics;
using CrossBorderConsumerCenter.Web.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class StatisticsPendingCaseConfiguration : IEntityTypeConfiguration<StatisticsPendingCase>
{
    public void Configure(EntityTypeBuilder<StatisticsPendingCase> builder)
    {
        builder.ToTable("statistics_pending_cases");
        builder.HasKey(p => p.CaseId);
        builder.Property(p => p.CaseId).ValueGeneratedNever();
    }
}

public sealed class StatisticsCaseEntriesConfiguration : IEntityTypeConfiguration<StatisticsCaseEntries>
{
    public void Configure(EntityTypeBuilder<StatisticsCaseEntries> builder)
    {
        builder.ToTable("statistics_case_entries");
        builder.HasKey(e => e.CaseId);
        builder.Property(e => e.CaseId).ValueGeneratedNever();
        builder.PrimitiveCollection(e => e.Entries).ElementType(element => element.HasMaxLength(CaseEntries.MaxLength));
        builder.HasIndex(e => e.ReceivedOn);
    }
}

public sealed class StatisticsMonthCountConfiguration : IEntityTypeConfiguration<StatisticsMonthCount>
{
    public void Configure(EntityTypeBuilder<StatisticsMonthCount> builder)
    {
        builder.ToTable("statistics_month_counts");
        builder.HasKey(c => new { c.Month, c.Entry });
        builder.Property(c => c.Entry).HasMaxLength(CaseEntries.MaxLength);
    }
}

public sealed class StatisticsCountsVersionConfiguration : IEntityTypeConfiguration<StatisticsCountsVersion>
{
    public void Configure(EntityTypeBuilder<StatisticsCountsVersion> builder)
    {
        builder.ToTable("statistics_counts_version", t => t.HasCheckConstraint("ck_statistics_counts_version_singleton", "id = 1"));
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}
