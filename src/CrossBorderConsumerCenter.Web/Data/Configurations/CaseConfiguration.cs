using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(CaseNumber.MaxLength);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.SubmissionId).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Language).HasMaxLength(5);

        // xmin as the row version: any UPDATE changes it, so a stale edit fails instead of overwriting.
        builder.Property(c => c.Version).IsRowVersion().HasColumnName("xmin");

        builder.Property(c => c.ConsumerName).HasMaxLength(ComplaintLimits.Name);
        builder.Property(c => c.ConsumerNameKana).HasMaxLength(ComplaintLimits.NameKana);
        builder.Property(c => c.ConsumerEmail).HasMaxLength(ComplaintLimits.Email);
        builder.Property(c => c.ConsumerPhone).HasMaxLength(ComplaintLimits.Phone);
        builder.Property(c => c.ConsumerPostalCode).HasMaxLength(ComplaintLimits.PostalCode);
        builder.Property(c => c.ConsumerPrefectureCode).HasMaxLength(ComplaintLimits.PrefectureCode);
        builder.Property(c => c.ConsumerAddress).HasMaxLength(ComplaintLimits.Address);
        builder.Property(c => c.ConsumerAgeBand).HasConversion<string>().HasMaxLength(30);

        builder.Property(c => c.BusinessName).HasMaxLength(ComplaintLimits.BusinessName);
        builder.Property(c => c.BusinessWebsite).HasMaxLength(ComplaintLimits.Website);
        builder.Property(c => c.BusinessCountryCode).HasMaxLength(ComplaintLimits.CountryCode).IsFixedLength();
        builder.Property(c => c.BusinessEmail).HasMaxLength(ComplaintLimits.Email);
        builder.Property(c => c.BusinessPhone).HasMaxLength(ComplaintLimits.Phone);

        builder.Property(c => c.PurchaseItem).HasMaxLength(ComplaintLimits.Item);
        builder.Property(c => c.PurchaseAmount).HasPrecision(15, ComplaintLimits.AmountDecimals);
        builder.Property(c => c.PurchaseCurrencyCode).HasMaxLength(ComplaintLimits.CurrencyCode).IsFixedLength();
        builder.Property(c => c.PaymentMethod).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.PurchasePlatform).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.PurchasePlatformName).HasMaxLength(ComplaintLimits.PlatformName);
        builder.Property(c => c.PurchaseOrderNumber).HasMaxLength(ComplaintLimits.OrderNumber);

        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.WhatHappened).HasMaxLength(ComplaintLimits.WhatHappened);
        builder.Property(c => c.BusinessContactMethod).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.BusinessResponse).HasMaxLength(ComplaintLimits.BusinessResponse);
        builder.Property(c => c.DesiredResolution).HasConversion<string>().HasMaxLength(30);

        // The staff queue's default view: by status, oldest first. The back office adds its other indexes.
        builder.HasIndex(c => new { c.Status, c.ReceivedAt });

        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.DeclineReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.DuplicateOfNumber).HasMaxLength(CaseNumber.MaxLength);
        builder.Property(c => c.LegalHoldReason).HasMaxLength(Case.MaxLegalHoldReasonLength);
        builder.Ignore(c => c.IsOnLegalHold);
        builder.HasOne<Data.Accounts.PortalUser>().WithMany().HasForeignKey(c => c.AssignedToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AssignedToId, c.Status });
        builder.HasIndex(c => c.DueAt).HasFilter("due_at IS NOT NULL");

        // The statistics' overdue count: the open cases received in a period, with their deadlines (docs/adr/0084).
        builder.HasIndex(c => c.ReceivedAt, "ix_cases_open_received_at_due_at").HasFilter(CaseQueueColumns.OpenStatusesSql)
            .IncludeProperties(c => new { c.DueAt });

        // The clocks' worker: open cases past their deadline that it has not acted on yet.
        builder.HasIndex(c => c.DueAt, "ix_cases_clock_due").HasFilter("overdue_marked_at IS NULL AND due_at IS NOT NULL");
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(c => c.Consents).WithOne().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Consents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.Consent);
        builder.Ignore(c => c.IsOpen);

        // Filed by a counselor: the counselor's dashboard lists its center's cases, newest first.
        builder.Property(c => c.ResidentRelation).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Data.Accounts.PortalUser>().WithMany().HasForeignKey(c => c.FiledByCounselorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Counselors.ConsumerCenter>().WithMany().HasForeignKey(c => c.FiledByCenterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.FiledByCenterId, c.ReceivedAt, c.Id }).IsDescending(false, true, true).HasFilter("filed_by_center_id IS NOT NULL");
        builder.Ignore(c => c.IsFiledByCounselor);

        // Entered by staff from a fax, letter or phone call: the channel, and who entered it.
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20).HasDefaultValue(CaseChannel.Portal).HasSentinel(CaseChannel.Portal);
        builder.HasOne<Data.Accounts.PortalUser>().WithMany().HasForeignKey(c => c.EnteredById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.RequiresConsumerEmail);
        // The staff queue: generated sort and search columns, and the indexes of its filters and sorts.
        CaseQueueColumns.Configure(builder);
    }
}

public sealed class CaseConsentConfiguration : IEntityTypeConfiguration<CaseConsent>
{
    public void Configure(EntityTypeBuilder<CaseConsent> builder)
    {
        builder.ToTable("case_consents");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.NoticeVersion).HasMaxLength(ConsentChoices.MaxNoticeVersionLength);
        builder.Property(c => c.HandlingMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AbroadMethod).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class CaseEvidenceConfiguration : IEntityTypeConfiguration<CaseEvidence>
{
    public void Configure(EntityTypeBuilder<CaseEvidence> builder)
    {
        builder.ToTable("case_evidence");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(e => e.StoredFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.StoredFileId }).IsUnique();
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("case_number_counters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ActorName).HasMaxLength(CaseEvent.MaxActorNameLength);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Text).HasMaxLength(CaseEvent.MaxTextLength);
        builder.Property(e => e.Data).HasColumnType("jsonb");
        builder.Ignore(e => e.ChangedStatus);

        // A case's timeline, oldest first.
        builder.HasIndex(e => new { e.CaseId, e.At });
    }
}

public sealed class CaseTrackingLinkConfiguration : IEntityTypeConfiguration<CaseTrackingLink>
{
    public void Configure(EntityTypeBuilder<CaseTrackingLink> builder)
    {
        builder.ToTable("case_tracking_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(CaseTrackingLink.TokenHashLength).IsFixedLength();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
