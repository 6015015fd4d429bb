using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class IntakeDraftConfiguration : IEntityTypeConfiguration<IntakeDraft>
{
    public void Configure(EntityTypeBuilder<IntakeDraft> builder)
    {
        builder.ToTable("intake_drafts");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.TokenHash).HasMaxLength(IntakeDraft.TokenHashLength).IsFixedLength();
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.Property(d => d.ConsentNoticeVersion).HasMaxLength(ConsentChoices.MaxNoticeVersionLength);
        builder.Property(d => d.FormJson).HasMaxLength(IntakeDraft.MaxFormJsonLength);

        // The hourly clean-up deletes expired drafts.
        builder.HasIndex(d => d.ExpiresAt);

        builder.HasMany(d => d.Files).WithOne().HasForeignKey(f => f.DraftId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Files).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.Consent);
        builder.Ignore(d => d.IsSubmitted);

        // A counselor's drafts: found by their owner, with the attestation of the resident's consent.
        builder.Property(d => d.ResidentRelation).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.ConsentHandlingMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.ConsentAbroadMethod).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Data.Accounts.PortalUser>().WithMany().HasForeignKey(d => d.CounselorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.CounselorId).HasFilter("counselor_id IS NOT NULL");
        builder.Ignore(d => d.IsCounselorDraft);

        // A staff member's drafts of cases that came by fax, letter or phone: found by their author.
        builder.Property(d => d.PaperChannel).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.PaperLanguage).HasMaxLength(2);
        builder.HasOne<Data.Accounts.PortalUser>().WithMany().HasForeignKey(d => d.StaffId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.StaffId).HasFilter("staff_id IS NOT NULL");
        builder.Ignore(d => d.IsStaffDraft);

        // A staff member's draft of a case from an online consultation: the booking the case is linked to once entered.
        builder.HasOne<ConsultationBooking>().WithMany().HasForeignKey(d => d.ConsultationBookingId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class IntakeDraftFileConfiguration : IEntityTypeConfiguration<IntakeDraftFile>
{
    public void Configure(EntityTypeBuilder<IntakeDraftFile> builder)
    {
        builder.ToTable("intake_draft_files");
        builder.Property(f => f.Id).ValueGeneratedNever();

        // Deleting a draft's stored file (the consumer removed it, or the draft expired) removes it from the draft.
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(f => f.StoredFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
