using CrossBorderConsumerCenter.Web.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.ToTable("rate_limit_counters");
        builder.HasKey(c => c.KeyHash);
        builder.Property(c => c.KeyHash).HasMaxLength(RateLimitCounter.KeyHashLength).IsFixedLength();
        builder.HasIndex(c => c.WindowStart);
    }
}
