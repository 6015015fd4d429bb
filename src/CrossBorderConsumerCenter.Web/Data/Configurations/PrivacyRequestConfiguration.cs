using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.ToTable("privacy_requests");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Subject).HasMaxLength(PrivacyRequest.MaxSubjectLength);
        builder.Property(r => r.RequestedBy).HasMaxLength(PrivacyRequest.MaxRequestedByLength);
        builder.Property(r => r.Reason).HasMaxLength(PrivacyRequest.MaxReasonLength);
        builder.Property(r => r.Answer).HasMaxLength(PrivacyRequest.MaxReasonLength);

        // The requests outlive the case's personal data: the case row stays (anonymised), so the link does too.
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => r.CaseId);

        // One deletion request waiting per case: a second one from the tracking page is the same request.
        builder.HasIndex(r => r.CaseId, "ux_privacy_requests_pending_deletion").IsUnique().HasFilter("kind = 'Deletion' AND state = 'Pending'");

        // Staff's list: the pending ones first, oldest first.
        builder.HasIndex(r => new { r.State, r.ReceivedAt });
    }
}
