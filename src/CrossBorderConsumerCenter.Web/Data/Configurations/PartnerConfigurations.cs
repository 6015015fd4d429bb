using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrossBorderConsumerCenter.Web.Data.Configurations;

public sealed class PartnerAgencyConfiguration : IEntityTypeConfiguration<PartnerAgency>
{
    public void Configure(EntityTypeBuilder<PartnerAgency> builder)
    {
        builder.ToTable("partner_agencies");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Code).HasMaxLength(PartnerAgency.MaxCodeLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.EnglishName).HasMaxLength(PartnerAgency.MaxNameLength);
        builder.Property(a => a.JapaneseName).HasMaxLength(PartnerAgency.MaxNameLength);
        builder.Property(a => a.EmailAddresses).HasColumnType($"character varying({PartnerAgency.MaxAddressLength})[]");
        builder.Property(a => a.Language).HasMaxLength(5);
        builder.Property(a => a.Version).IsRowVersion().HasColumnName("xmin");
        builder.HasMany(a => a.Countries).WithOne().HasForeignKey(c => c.PartnerAgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Countries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PartnerAgencyCountryConfiguration : IEntityTypeConfiguration<PartnerAgencyCountry>
{
    public void Configure(EntityTypeBuilder<PartnerAgencyCountry> builder)
    {
        builder.ToTable("partner_agency_countries");
        builder.HasKey(c => new { c.PartnerAgencyId, c.CountryCode });
        builder.Property(c => c.CountryCode).HasMaxLength(ComplaintLimits.CountryCode).IsFixedLength();
        builder.Property(c => c.PrivacyLawJapanese).HasMaxLength(PartnerAgency.MaxLawLength);
        builder.Property(c => c.PrivacyLawEnglish).HasMaxLength(PartnerAgency.MaxLawLength);
    }
}

public sealed class PartnerProvisionConfiguration : IEntityTypeConfiguration<PartnerProvision>
{
    public void Configure(EntityTypeBuilder<PartnerProvision> builder)
    {
        builder.ToTable("partner_provisions");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.AgencyCode).HasMaxLength(PartnerAgency.MaxCodeLength);
        builder.Property(p => p.AgencyName).HasMaxLength(PartnerAgency.MaxNameLength);
        builder.Property(p => p.CountryCode).HasMaxLength(ComplaintLimits.CountryCode).IsFixedLength();
        builder.Property(p => p.Recipients).HasColumnType($"character varying({PartnerAgency.MaxAddressLength})[]");
        builder.Property(p => p.Items).HasColumnType("character varying(30)[]");
        builder.Property(p => p.EvidenceFileNames).HasColumnType($"character varying({Data.Files.StoredFile.MaxFileNameLength})[]");
        builder.Property(p => p.ProvidedByName).HasMaxLength(PartnerProvision.MaxNameLength);
        builder.Property(p => p.SentBusinessName).HasMaxLength(ForwardedText.MaxBusinessNameLength);
        builder.Property(p => p.SentItem).HasMaxLength(ForwardedText.MaxItemLength);
        builder.Property(p => p.SentSummary).HasMaxLength(ForwardedText.MaxSummaryLength);
        builder.Property(p => p.SentBusinessResponse).HasMaxLength(ForwardedText.MaxBusinessResponseLength);
        builder.Property(p => p.SentConsumerName).HasMaxLength(ForwardedText.MaxConsumerNameLength);
        builder.Ignore(p => p.Text);

        // Records of provision outlive everything they point at: deleting the case, the agency or the email is refused.
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(p => p.PartnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OutboundEmail>().WithMany().HasForeignKey(p => p.OutboundEmailId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.ProvidedById).OnDelete(DeleteBehavior.Restrict);

        // A case's records, in order; the records of a period (for an inquiry or for deletion after retention).
        builder.HasIndex(p => new { p.CaseId, p.ProvidedAt });
        builder.HasIndex(p => p.ProvidedAt);
    }
}

public sealed class PartnerLinkConfiguration : IEntityTypeConfiguration<PartnerLink>
{
    public void Configure(EntityTypeBuilder<PartnerLink> builder)
    {
        builder.ToTable("partner_links");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(32);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(l => l.PartnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerProvision>().WithOne().HasForeignKey<PartnerLink>(l => l.ProvisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.CaseId);
        builder.Ignore(l => l.IsAnswered);
    }
}
