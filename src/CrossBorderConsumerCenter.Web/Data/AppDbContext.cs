using CrossBorderConsumerCenter.Web.Data.Accounts;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Data.Files;
using CrossBorderConsumerCenter.Web.Data.Security;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Consultations;
using CrossBorderConsumerCenter.Web.Domain.Counselors;
using CrossBorderConsumerCenter.Web.Domain.Intake;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Domain.Replies;
using CrossBorderConsumerCenter.Web.Domain.Queue;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Email.InboundEmail> InboundEmails => Set<Email.InboundEmail>();

    // Intake
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseConsent> CaseConsents => Set<CaseConsent>();
    public DbSet<CaseEvidence> CaseEvidence => Set<CaseEvidence>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<IntakeDraft> IntakeDrafts => Set<IntakeDraft>();
    public DbSet<IntakeDraftFile> IntakeDraftFiles => Set<IntakeDraftFile>();

    // Forwarding: the partner agency registry, records of provision, the agencies' answer links
    public DbSet<PartnerAgency> PartnerAgencies => Set<PartnerAgency>();
    public DbSet<PartnerAgencyCountry> PartnerAgencyCountries => Set<PartnerAgencyCountry>();
    public DbSet<PartnerProvision> PartnerProvisions => Set<PartnerProvision>();
    public DbSet<PartnerLink> PartnerLinks => Set<PartnerLink>();
    // Counselors and consumer tracking
    public DbSet<ConsumerCenter> ConsumerCenters => Set<ConsumerCenter>();
    public DbSet<CaseTrackingLink> CaseTrackingLinks => Set<CaseTrackingLink>();
    public DbSet<TrackingLinkRequest> TrackingLinkRequests => Set<TrackingLinkRequest>();
    // Reply templates staff start messages to consumers from
    public DbSet<ReplyTemplate> ReplyTemplates => Set<ReplyTemplate>();

    // Online consultations booked with a counselor
    public DbSet<ConsultationBooking> ConsultationBookings => Set<ConsultationBooking>();
    public DbSet<ConsultationLink> ConsultationLinks => Set<ConsultationLink>();
    public DbSet<ConsultationNote> ConsultationNotes => Set<ConsultationNote>();
    public DbSet<ConsultationSettings> ConsultationSettings => Set<ConsultationSettings>();
    public DbSet<ConsultationClosedDay> ConsultationClosedDays => Set<ConsultationClosedDay>();

    // The queue: each staff member's saved views
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Security.RateLimitCounter> RateLimitCounters => Set<Security.RateLimitCounter>();
    public DbSet<Domain.Privacy.PrivacyRequest> PrivacyRequests => Set<Domain.Privacy.PrivacyRequest>();

    // The statistics' counts per month and what each case is counted under (docs/adr/0084)
    public DbSet<Statistics.StatisticsPendingCase> StatisticsPendingCases => Set<Statistics.StatisticsPendingCase>();
    public DbSet<Statistics.StatisticsCaseEntries> StatisticsCaseEntries => Set<Statistics.StatisticsCaseEntries>();
    public DbSet<Statistics.StatisticsMonthCount> StatisticsMonthCounts => Set<Statistics.StatisticsMonthCount>();
    public DbSet<Statistics.StatisticsCountsVersion> StatisticsCountsVersion => Set<Statistics.StatisticsCountsVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}
