using CrossBorderConsumerCenter.Web.Domain.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class ReplyTemplateConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyTemplate> builder)
    {
        builder.ToTable("reply_templates");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(ReplyTemplate.MaxNameLength);
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.JapaneseText).HasMaxLength(ReplyTemplate.MaxTextLength);
        builder.Property(t => t.EnglishText).HasMaxLength(ReplyTemplate.MaxTextLength);
        builder.Property(t => t.Version).IsRowVersion().HasColumnName("xmin");

        // The case page offers the active templates of an action, by name; two of one name for one action would be indistinguishable.
        builder.HasIndex(t => new { t.Action, t.Name }).IsUnique();
    }
}
