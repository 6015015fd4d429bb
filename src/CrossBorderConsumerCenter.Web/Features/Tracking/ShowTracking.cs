using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Domain.Reference;
using CrossBorderConsumerCenter.Web.Features.Cases;
using CrossBorderConsumerCenter.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.Tracking;

/// <summary>
/// A line of the timeline as the consumer (or their counselor) sees it: no staff names (the center acts), no
/// internal notes (only events marked visible to the consumer), and text only where it was written to or by the
/// consumer's side (a question, an answer, added information, a message, their own reason for withdrawing).
/// </summary>
public sealed record ConsumerTimelineEntry(DateTimeOffset At, CaseEventKind Kind, CaseActorKind ActorKind, CaseStatus FromStatus, CaseStatus ToStatus, string? Text, string? Outcome, string? Reason, int Files)
{
    /// <summary>Kinds whose text is addressed to or written by the consumer's side; other texts are the center's records.</summary>
    public static readonly IReadOnlySet<CaseEventKind> KindsWithConsumerText = new HashSet<CaseEventKind>
    {
        CaseEventKind.InformationRequested,
        CaseEventKind.ConsumerReplied,
        CaseEventKind.InformationAdded,
        CaseEventKind.EmailReceived,
        CaseEventKind.ConsumerNotified,
        CaseEventKind.Withdrawn,
    };

    /// <summary>
    /// The consumer-visible timeline of a case, newest first. Shared by the tracking page and the counselor's case
    /// page, so both show exactly the same lines.
    /// </summary>
    public static async Task<IReadOnlyList<ConsumerTimelineEntry>> ForCaseAsync(AppDbContext db, Guid caseId, CancellationToken ct)
    {
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.VisibleToConsumer)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new { e.At, e.Kind, e.ActorKind, e.FromStatus, e.ToStatus, e.Text, e.Data })
            .ToListAsync(ct);
        return [.. events.Select(e =>
        {
            var data = CaseEventData.Read(e.Kind, e.Data);
            var (outcome, reason, files) = Particulars(data);
            var text = KindsWithConsumerText.Contains(e.Kind) ? e.Text : null;

            // The consumer's own email is shown as they wrote it, without the history their mail client quoted.
            var byEmail = data is CaseEventData.ConsumerReplied { MailId: not null } or CaseEventData.EmailReceived;
            return new ConsumerTimelineEntry(
                e.At, e.Kind, e.ActorKind, e.FromStatus, e.ToStatus,
                byEmail && text is not null ? QuotedText.Fold(text).New : text,
                outcome, reason, files);
        })];
    }

    // The outcome (the case's, or the merchant's for a partner's answer), the reason for declining, and the files that came with the line.
    private static (string? Outcome, string? Reason, int Files) Particulars(CaseEventData? data) => data switch
    {
        CaseEventData.Closed closed => (closed.Outcome.ToString(), null, 0),
        CaseEventData.Withdrawn withdrawn => (withdrawn.Outcome.ToString(), null, 0),
        CaseEventData.Declined declined => (null, declined.Reason.ToString(), 0),
        CaseEventData.ConsumerReplied replied => (null, null, replied.Files),
        CaseEventData.InformationAdded added => (null, null, added.Files),
        CaseEventData.Forwarded forwarded => (null, null, forwarded.Files),
        CaseEventData.PartnerResponded answered => (answered.Outcome?.ToString(), null, answered.Files),
        CaseEventData.EmailReceived received => (null, null, received.Files),
        _ => (null, null, 0),
    };
}

/// <summary>The tracking page: the case number, its status in plain words, the question waiting for an answer, the timeline.</summary>
public sealed record TrackingPage(
    string Token,
    string Number,
    CaseStatus Status,
    DateTimeOffset ReceivedAt,
    string BusinessName,
    DateTimeOffset? DueAt,
    IReadOnlyList<ConsumerTimelineEntry> Timeline)
{
    public bool IsOpen => CaseWorkflow.IsOpen(Status);

    public bool IsWaitingForAnswer => Status == CaseStatus.WaitingForConsumer;

    /// <summary>The question the center is waiting on: the latest one asked while the case waits for the consumer.</summary>
    public string? OpenQuestion => IsWaitingForAnswer ? Timeline.FirstOrDefault(e => e.Kind == CaseEventKind.InformationRequested)?.Text : null;

    /// <summary>The answer form's values (kept after a refused post) and the message of a refused post.</summary>
    public AnswerRequest.Form Answer { get; init; } = new();

    /// <summary>The deadlines that may matter to the consumer while the case is open (the receipt's, counted again today).</summary>
    public RightsDeadlinesView? Deadlines { get; init; }

    /// <summary>What was provided to which partner agency abroad, and when (APPI art. 28-29), newest first.</summary>
    public IReadOnlyList<ProvisionLine> Provisions { get; init; } = [];

    /// <summary>The consumer's latest request to delete the case's personal data, if any.</summary>
    public RequestDeletion.Status? DeletionRequest { get; init; }

    /// <summary>A finished case whose data the consumer may ask to be deleted (none waits already).</summary>
    public bool CanRequestDeletion => !IsOpen && DeletionRequest?.State != Domain.Privacy.PrivacyRequestState.Pending;

    /// <summary>Names of files chosen with a refused answer: they were not kept and must be chosen again.</summary>
    public IReadOnlyList<string> FilesToChooseAgain { get; init; } = [];

    /// <summary>The case's language: the consumer's words and what the center wrote to them, whatever language the page is in.</summary>
    public string CaseLanguage { get; init; } = Languages.Japanese;
}

/// <summary>One provision abroad as the consumer sees it: when, the agency, its country and which items (<c>ProvidedItem</c> names).</summary>
public sealed record ProvisionLine(DateTimeOffset ProvidedAt, string AgencyName, string CountryCode, IReadOnlyList<string> Items);

public static class ShowTracking
{
    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<TrackingPage> HandleAsync(Guid caseId, string token, CancellationToken ct)
        {
            var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId)
                .Select(x => new { x.Number, x.Status, x.ReceivedAt, x.BusinessName, x.DueAt, x.PurchaseDate, x.ArrivedOn, x.PaymentMethod, x.PurchasePlatform, x.Language })
                .SingleAsync(ct);
            var timeline = await ConsumerTimelineEntry.ForCaseAsync(db, caseId, ct);
            var deadlines = CaseWorkflow.IsOpen(c.Status)
                ? new RightsDeadlinesView(TimeLimitedRights.For(c.PurchaseDate, c.ArrivedOn, c.PaymentMethod, c.PurchasePlatform), LocalizationRegistration.JapanToday(clock))
                : null;
            var provisions = await db.PartnerProvisions.AsNoTracking().Where(p => p.CaseId == caseId).OrderByDescending(p => p.ProvidedAt)
                .Select(p => new ProvisionLine(p.ProvidedAt, p.AgencyName, p.CountryCode, p.Items)).ToListAsync(ct);
            var deletion = await RequestDeletion.LatestAsync(db, caseId, ct);
            return new TrackingPage(token, c.Number, c.Status, c.ReceivedAt, c.BusinessName, c.DueAt, timeline) { Deadlines = deadlines, Provisions = provisions, DeletionRequest = deletion, CaseLanguage = c.Language };
        }
    }
}
