using System.Globalization;
using System.Runtime.CompilerServices;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Configuration;
using CrossBorderConsumerCenter.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// Tells the consumer, by email in the case's language, when their case's status changes in a way that matters
/// to them: forwarded to the partner agency, the partner answered, closed (whatever the outcome, the clock's
/// close for no reply and their own withdrawal included), declined, reopened. Built once, centrally: an EF Core
/// interceptor that reads the timeline lines a SaveChanges is about to insert and adds one outbox message per
/// line to the same SaveChanges, so no use case has to remember it, the email commits (or not) with the change,
/// and a SaveChanges retried after a failure never adds a second message for the same line. A request for
/// information sends its own email with the question, so it is not among these. A decline's email is written by
/// <see cref="DeclineNotice"/>, which the case page also uses to show it before declining; staff's message on a close
/// or a decline goes into the email. Each email carries a tracking link of its own, issued in the same SaveChanges
/// (ADR 0073), and the outbox removes its token from the stored copy once it is sent.
/// </summary>
public sealed class ConsumerStatusEmails(
    EmailComposer composer,
    DeclineNotice declineNotice,
    IOptions<SmtpOptions> smtp,
    ReplyAddresses replies,
    IOptions<PortalOptions> portal,
    IStringLocalizerFactory localizers,
    TimeProvider clock,
    ILogger<ConsumerStatusEmails> logger) : SaveChangesInterceptor
{
    /// <summary>The timeline lines that email the consumer, when they move the case to another status.</summary>
    public static readonly IReadOnlySet<CaseEventKind> NotifiedKinds = new HashSet<CaseEventKind>
    {
        CaseEventKind.Forwarded,
        CaseEventKind.PartnerResponded,
        CaseEventKind.Closed,
        CaseEventKind.Withdrawn,
        CaseEventKind.Declined,
        CaseEventKind.Reopened,
    };

    // Lines already given their email in an earlier attempt of the same SaveChanges (the message is still in the context).
    private readonly ConditionalWeakTable<CaseEvent, object> _emailed = [];

    /// <summary>One status email (CaseStatus{Kind}_Subject/_Body in TrackingText).</summary>
    public sealed record Email(CaseEventKind Kind, IReadOnlyDictionary<string, string> Values) : IEmailTemplate
    {
        public string Name => TemplateNameOf(Kind);

        public Type ResourceType => typeof(TrackingText);
    }

    public static string TemplateNameOf(CaseEventKind kind) => "CaseStatus" + kind;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await EnqueueAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Nothing in the portal saves synchronously; should something, it gets its emails all the same.
        if (eventData.Context is AppDbContext db)
        {
            EnqueueAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private async Task EnqueueAsync(AppDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var lines = db.ChangeTracker.Entries<CaseEvent>()
            .Where(e => e.State == EntityState.Added && NotifiedKinds.Contains(e.Entity.Kind) && e.Entity.ChangedStatus)
            .Select(e => e.Entity)
            .Where(e => !_emailed.TryGetValue(e, out _))
            .ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var outbox = new EmailOutbox(db, composer, smtp, replies, clock);
        foreach (var line in lines)
        {
            var c = db.ChangeTracker.Entries<Case>().Select(e => e.Entity).FirstOrDefault(x => x.Id == line.CaseId)
                ?? await db.Cases.AsNoTracking().SingleAsync(x => x.Id == line.CaseId, ct);
            var contact = await CaseRecipients.ForConsumerAsync(db, c, ct);
            _emailed.AddOrUpdate(line, line);
            if (contact is null)
            {
                logger.LogWarning("Case {CaseId}: no address to tell the consumer that the case is {Status}", c.Id, line.ToStatus);
                continue;
            }

            var data = line.ReadData();
            var agency = data switch
            {
                CaseEventData.Forwarded forwarded => forwarded.Agency,
                CaseEventData.PartnerResponded answered => answered.Agency,
                _ => null,
            };
            var partner = agency is not null
                ? await db.PartnerAgencies.AsNoTracking().Where(a => a.Code == agency).Select(a => contact.Language == Languages.Japanese ? a.JapaneseName : a.EnglishName).SingleOrDefaultAsync(ct)
                : null;
            var token = TrackingLinks.Issue(db, c.Id, clock.GetUtcNow());
            var trackingUrl = TrackingLinks.UrlOf(portal.Value.BaseUri, token).ToString();
            IEmailTemplate email = data is CaseEventData.Declined declined
                ? declineNotice.For(c, declined.Reason, declined.DuplicateOf, line.Text, contact, trackingUrl)
                : new Email(line.Kind, Values(c, line, data, partner, contact, trackingUrl));
            outbox.Enqueue(email, contact.Recipients, contact.Language, c.Id, redactAfterSending: [token]);
        }
    }

    // partner: the agency's name in the consumer's language, from the line's agency (forwarded, partner answered).
    private Dictionary<string, string> Values(Case c, CaseEvent line, CaseEventData? data, string? partner, ConsumerContact contact, string trackingUrl)
    {
        var language = contact.Language;
        var labels = localizers.Create(typeof(CaseLabels));
        var text = localizers.Create(typeof(TrackingText));
        return InCulture(language, () => new Dictionary<string, string>
        {
            ["Name"] = contact.Name,
            ["CaseNumber"] = c.Number,
            ["Regarding"] = contact.ViaCounselor ? text["StatusEmail_Regarding", c.ConsumerName].Value : "",
            ["Status"] = labels["CaseStatusForConsumer_" + line.ToStatus].Value,
            // A partner's answer carries the merchant's outcome (PartnerOutcome), not the case's: staff tell the consumer about it.
            ["Outcome"] = Outcome(data) is { } outcome ? labels["CaseOutcome_" + outcome].Value : "",
            // What staff wrote when closing (the clock's close for no reply writes nothing), as a paragraph of its own.
            ["Message"] = line.Kind == CaseEventKind.Closed && !string.IsNullOrWhiteSpace(line.Text) ? line.Text.Trim() + "\n\n" : "",
            ["Partner"] = partner ?? text["StatusEmail_PartnerAgency"].Value,
            ["TrackingUrl"] = trackingUrl,
        });
    }

    // The case's outcome, for a close (the clock's close for no reply included) or the consumer's withdrawal.
    private static CaseOutcome? Outcome(CaseEventData? data) => data switch
    {
        CaseEventData.Closed closed => closed.Outcome,
        CaseEventData.Withdrawn withdrawn => withdrawn.Outcome,
        _ => null,
    };

    private static T InCulture<T>(string language, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
