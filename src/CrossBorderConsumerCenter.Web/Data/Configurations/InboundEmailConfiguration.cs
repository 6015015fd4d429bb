using CrossBorderConsumerCenter.Web.Data.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class InboundEmailConfiguration : IEntityTypeConfiguration<InboundEmail>
{
    public void Configure(EntityTypeBuilder<InboundEmail> builder)
    {
        builder.ToTable("inbound_emails");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.MessageKey).HasMaxLength(InboundEmail.MaxKeyLength);
        builder.HasIndex(e => e.MessageKey).IsUnique();
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.MailboxFolder).HasMaxLength(InboundEmail.MaxFolderLength);
        builder.Property(e => e.FromAddress).HasMaxLength(InboundEmail.MaxAddressLength);
        builder.Property(e => e.Subject).HasMaxLength(InboundEmail.MaxSubjectLength);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Sender).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.LastError).HasMaxLength(InboundEmail.MaxErrorLength);

        // The processor's claim: due messages in order. The case page: a case's messages.
        builder.HasIndex(e => new { e.State, e.NextAttemptAt });
        builder.HasIndex(e => e.CaseId);
        builder.HasOne<Domain.Cases.Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
