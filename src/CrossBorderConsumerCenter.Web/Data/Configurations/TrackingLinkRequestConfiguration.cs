using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class TrackingLinkRequestConfiguration : IEntityTypeConfiguration<TrackingLinkRequest>
{
    public void Configure(EntityTypeBuilder<TrackingLinkRequest> builder)
    {
        builder.ToTable("tracking_link_requests");
        builder.HasKey(r => r.KeyHash);
        builder.Property(r => r.KeyHash).HasMaxLength(TrackingLinkRequest.KeyHashLength).IsFixedLength();
        builder.HasIndex(r => r.AskedAt);
    }
}
