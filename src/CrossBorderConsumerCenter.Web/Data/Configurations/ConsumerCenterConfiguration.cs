using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Contact;
using CrossBorderConsumerCenter.Web.Domain.Counselors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class ConsumerCenterConfiguration : IEntityTypeConfiguration<ConsumerCenter>
{
    public void Configure(EntityTypeBuilder<ConsumerCenter> builder)
    {
        builder.ToTable("consumer_centers");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(ConsumerCenter.MaxNameLength);
        builder.Property(c => c.PrefectureCode).HasMaxLength(ComplaintLimits.PrefectureCode);
        builder.Property(c => c.Phone).HasMaxLength(PhoneNumbers.MaxLength);

        // Two centers of one name in one prefecture would be indistinguishable in every list.
        builder.HasIndex(c => new { c.PrefectureCode, c.Name }).IsUnique();
    }
}
