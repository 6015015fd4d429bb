using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Domain.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.ToTable("saved_views");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(SavedView.MaxNameLength);
        builder.Property(v => v.NameKey).HasMaxLength(SavedView.MaxNameLength);
        builder.Property(v => v.Query).HasMaxLength(SavedView.MaxQueryLength);

        // A view belongs to its owner; accounts are disabled, not deleted, but a deleted account takes its views with it.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);

        // One name per owner (also when two saves race); the queue page lists the owner's views by this index.
        builder.HasIndex(v => new { v.OwnerId, v.NameKey }).IsUnique();
    }
}
