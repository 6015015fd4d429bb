using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class ConsultationBookingConfiguration : IEntityTypeConfiguration<ConsultationBooking>
{
    /// <summary>The index that lets one live booking hold a seat of a slot: the database's refusal is "taken".</summary>
    public const string SeatIndex = "ux_consultation_bookings_seat";

    public void Configure(EntityTypeBuilder<ConsultationBooking> builder)
    {
        builder.ToTable("consultation_bookings", t => t.HasCheckConstraint("ck_consultation_bookings_seat", "seat >= 1"));
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Version).IsRowVersion().HasColumnName("xmin");
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Language).HasMaxLength(5);
        builder.Property(b => b.ConsentNoticeVersion).HasMaxLength(ConsentChoices.MaxNoticeVersionLength);
        builder.Property(b => b.Name).HasMaxLength(ComplaintLimits.Name);
        builder.Property(b => b.NameKana).HasMaxLength(ComplaintLimits.NameKana);
        builder.Property(b => b.PostalCode).HasMaxLength(ComplaintLimits.PostalCode);
        builder.Property(b => b.PrefectureCode).HasMaxLength(ComplaintLimits.PrefectureCode);
        builder.Property(b => b.Address).HasMaxLength(ComplaintLimits.Address);
        builder.Property(b => b.Phone).HasMaxLength(ComplaintLimits.Phone);
        builder.Property(b => b.Email).HasMaxLength(ComplaintLimits.Email);
        builder.Property(b => b.Description).HasMaxLength(ConsultationBooking.MaxDescriptionLength);
        builder.Property(b => b.ResidentRelation).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.MeetingUrl).HasMaxLength(ConsultationBooking.MaxMeetingUrlLength);
        builder.Property(b => b.CalendarUid).HasMaxLength(100);
        builder.Property(b => b.CancelledBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.CancelReason).HasMaxLength(ConsultationBooking.MaxReasonLength);
        builder.Ignore(b => b.Slot);
        builder.Ignore(b => b.Applicant);
        builder.Ignore(b => b.InvitationSent);
        builder.Ignore(b => b.IsUpcoming);

        builder.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(b => b.CounselorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(b => b.FiledByCounselorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(b => b.OutcomeById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Counselors.ConsumerCenter>().WithMany().HasForeignKey(b => b.FiledByCenterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(b => b.CaseId).OnDelete(DeleteBehavior.Restrict);

        // One live booking per seat of a slot: cancelled bookings give their seat back.
        builder.HasIndex(b => new { b.SlotStart, b.Seat }, SeatIndex).IsUnique().HasFilter("status <> 'Cancelled'");

        // The staff's day and week views, and the reminder's pass.
        builder.HasIndex(b => new { b.SlotStart, b.Id });
        builder.HasIndex(b => new { b.FiledByCenterId, b.RequestedAt }).HasFilter("filed_by_center_id IS NOT NULL");
    }
}

public sealed class ConsultationLinkConfiguration : IEntityTypeConfiguration<ConsultationLink>
{
    public void Configure(EntityTypeBuilder<ConsultationLink> builder)
    {
        builder.ToTable("consultation_links");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(ConsultationLink.TokenHashLength).IsFixedLength();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<ConsultationBooking>().WithMany().HasForeignKey(l => l.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ConsultationNoteConfiguration : IEntityTypeConfiguration<ConsultationNote>
{
    public void Configure(EntityTypeBuilder<ConsultationNote> builder)
    {
        builder.ToTable("consultation_notes");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.AuthorName).HasMaxLength(100);
        builder.Property(n => n.Text).HasMaxLength(ConsultationNote.MaxTextLength);
        builder.HasOne<ConsultationBooking>().WithMany().HasForeignKey(n => n.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.BookingId, n.WrittenAt });
    }
}

public sealed class ConsultationSettingsConfiguration : IEntityTypeConfiguration<ConsultationSettings>
{
    public void Configure(EntityTypeBuilder<ConsultationSettings> builder)
    {
        builder.ToTable("consultation_settings", t => t.HasCheckConstraint("ck_consultation_settings_singleton", "id = 1"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsRowVersion().HasColumnName("xmin");
    }
}

public sealed class ConsultationClosedDayConfiguration : IEntityTypeConfiguration<ConsultationClosedDay>
{
    public void Configure(EntityTypeBuilder<ConsultationClosedDay> builder)
    {
        builder.ToTable("consultation_closed_days");
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Reason).HasMaxLength(ConsultationClosedDay.MaxReasonLength);
    }
}
