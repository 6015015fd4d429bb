using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Data.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> builder)
    {
        builder.ToTable("outbound_emails");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.MessageId).HasMaxLength(255);
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.Property(e => e.ToAddresses).HasColumnType("character varying(320)[]");
        builder.Property(e => e.CcAddresses).HasColumnType("character varying(320)[]");
        builder.Property(e => e.RedactAfterSending).HasColumnType("character varying(200)[]");
        builder.Property(e => e.ReplyTo).HasMaxLength(OutboundEmail.MaxAddressLength);
        builder.Property(e => e.Subject).HasMaxLength(OutboundEmail.MaxSubjectLength);
        builder.Property(e => e.TextBody).HasMaxLength(OutboundEmail.MaxTextLength);
        builder.Property(e => e.HtmlBody).HasMaxLength(OutboundEmail.MaxHtmlLength);
        builder.Property(e => e.Language).HasMaxLength(5);
        builder.Property(e => e.Template).HasMaxLength(100);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.LastError).HasMaxLength(OutboundEmail.MaxErrorLength);
        builder.Property(e => e.BounceStatus).HasMaxLength(OutboundEmail.MaxBounceStatusLength);

        // The sender's claim: due messages in order. The case timeline: a case's messages.
        builder.HasIndex(e => new { e.State, e.NextAttemptAt });
        builder.HasIndex(e => e.CaseId);
        builder.HasOne<Domain.Cases.Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.OutboundEmailId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class OutboundEmailAttachmentConfiguration : IEntityTypeConfiguration<OutboundEmailAttachment>
{
    public void Configure(EntityTypeBuilder<OutboundEmailAttachment> builder)
    {
        builder.ToTable("outbound_email_attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(StoredFile.MaxFileNameLength);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
