using System.Security.Claims;
using CrossBorderConsumerCenter.Web.Data;
using CrossBorderConsumerCenter.Web.Data.Auditing;
using CrossBorderConsumerCenter.Web.Data.Email;
using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Features.Forwarding;
using CrossBorderConsumerCenter.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CrossBorderConsumerCenter.Web.Features.CasePage;

/// <summary>Everything the consumer gave, as the page shows it.</summary>
public sealed record CaseSummary
{
    public required Guid Id { get; init; }
    public required string Number { get; init; }
    public required uint Version { get; init; }
    public required CaseStatus Status { get; init; }
    public required CasePriority Priority { get; init; }
    public required CaseCategory Category { get; init; }
    public required Guid? AssignedToId { get; init; }
    public required string? AssigneeName { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset? DueAt { get; init; }
    public required DateTimeOffset? ClosedAt { get; init; }
    public required CaseOutcome? Outcome { get; init; }
    public required DeclineReason? DeclineReason { get; init; }
    public required string? DuplicateOfNumber { get; init; }
    public required string Language { get; init; }

    public required string ConsumerName { get; init; }
    public required string? ConsumerNameKana { get; init; }
    public required string? ConsumerEmail { get; init; }
    public required string ConsumerPhone { get; init; }
    public required string ConsumerPostalCode { get; init; }
    public required string ConsumerPrefectureCode { get; init; }
    public required string ConsumerAddress { get; init; }
    public required AgeBand ConsumerAgeBand { get; init; }

    public required string BusinessName { get; init; }
    public required string? BusinessWebsite { get; init; }
    public required string BusinessCountryCode { get; init; }
    public required string? BusinessEmail { get; init; }
    public required string? BusinessPhone { get; init; }

    public required DateOnly PurchaseDate { get; init; }

    /// <summary>The day the item arrived, as the consumer gave it; null when not given.</summary>
    public required DateOnly? ArrivedOn { get; init; }
    public required string PurchaseItem { get; init; }
    public required decimal PurchaseAmount { get; init; }
    public required string PurchaseCurrencyCode { get; init; }
    public required PaymentMethod PaymentMethod { get; init; }
    public required PurchasePlatform PurchasePlatform { get; init; }
    public required string? PurchasePlatformName { get; init; }
    public required string? PurchaseOrderNumber { get; init; }

    public required string WhatHappened { get; init; }
    public required DateOnly BusinessContactedOn { get; init; }
    public required BusinessContactMethod BusinessContactMethod { get; init; }
    public required string BusinessResponse { get; init; }
    public required DesiredResolution DesiredResolution { get; init; }
    public required bool CounterfeitAcknowledged { get; init; }

    public required Guid? FiledByCenterId { get; init; }
    public required Guid? FiledByCounselorId { get; init; }
    public required ResidentRelation? ResidentRelation { get; init; }

    /// <summary>How the case came: the portal's form, or a fax, letter or phone call entered by staff (and by whom).</summary>
    public required CaseChannel Channel { get; init; }
    public required string? EnteredByName { get; init; }

    public bool IsOpen => CaseWorkflow.IsOpen(Status);

    public bool IsOverdueAt(DateTimeOffset now) => CaseQueueRules.IsOverdue(Status, DueAt, now);
}

public sealed record ConsentRecord(
    string NoticeVersion, bool AgreesToHandling, bool HasContactedBusiness, bool IsConsumerPurchase, bool AgreesToProvisionAbroad, DateTimeOffset GivenAt,
    ConsentMethod? HandlingMethod = null, ConsentMethod? AbroadMethod = null);

/// <summary>A case a counselor filed for a resident: their center (and how to reach it), the counselor, the resident's relation.</summary>
public sealed record CounselorFilingSummary(string CenterName, string CenterPrefectureCode, string CenterPhone, string CounselorName, ResidentRelation Relation);

public sealed record EvidenceItem(Guid Id, string FileName, string ContentType, long Length, DateTimeOffset AddedAt, EvidenceSource Source)
{
    public bool CanPreview => ServeEvidence.PreviewTypes.Contains(ContentType);
}

/// <summary>A line of the timeline: a case event or an email sent for the case.</summary>
public abstract record TimelineEntry(DateTimeOffset At);

/// <summary>A case event on the timeline, with its particulars as the record of its kind (null when it has none).</summary>
public sealed record EventEntry(
    DateTimeOffset At, long Id, CaseEventKind Kind, CaseActorKind ActorKind, string ActorName, CaseStatus FromStatus, CaseStatus ToStatus,
    string? Text, CaseEventData? Data) : TimelineEntry(At);

public sealed record EmailEntry(
    DateTimeOffset At, Guid Id, string Template, string Subject, IReadOnlyList<string> To, OutboundEmailState State, int Attempts, DateTimeOffset? SentAt,
    DateTimeOffset? BouncedAt = null, string Language = "")
    : TimelineEntry(At)
{
    /// <summary>Failed at least once and waiting for another try (the admin page's "retrying").</summary>
    public bool IsRetrying => State == OutboundEmailState.Pending && Attempts > 0;
}

public sealed record AssignableUser(Guid Id, string DisplayName);

/// <summary>The case page: the case, its consent records, evidence, timeline, and the actions it offers now.</summary>
public sealed record CasePageModel(
    CaseSummary Case,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<AssignableUser> AssignableUsers,
    IReadOnlyList<CaseAction> Actions,
    Guid CurrentUserId,
    DateTimeOffset Now)
{
    /// <summary>Set when a counselor filed the case for a resident.</summary>
    public CounselorFilingSummary? Filing { get; init; }

    public CaseActionForms Forms { get; init; } = CaseActionForms.For(Case);

    /// <summary>The action whose form was posted and refused: its section is shown open.</summary>
    public CaseAction? PostedAction { get; init; }

    /// <summary>What the user typed into an action that is no longer offered (so the form is not shown).</summary>
    public string? UnsavedText => PostedAction is { } action && !Actions.Contains(action) ? PostedForm?.TypedText : null;

    public ICaseActionForm? PostedForm { get; init; }

    /// <summary>The partner agency for the merchant's country, whether the case can be forwarded, and the forwards made.</summary>
    public CaseForwarding Forwarding { get; init; } = CaseForwarding.None;

    /// <summary>The consent in force: the latest record.</summary>
    public ConsentRecord? Consent => Consents.Count == 0 ? null : Consents[^1];

    public bool IsOverdue => Case.IsOverdueAt(Now);

    /// <summary>The consumer's time-limited rights (<see cref="TimeLimitedRights"/>), counted against today in Japan.</summary>
    public Cases.RightsDeadlinesView Deadlines => new(
        TimeLimitedRights.For(Case.PurchaseDate, Case.ArrivedOn, Case.PaymentMethod, Case.PurchasePlatform), PurchaseTimeliness.TodayInJapan(Now), ForStaff: true);
}

/// <summary>
/// Reads the case page: a handful of indexed queries (the case by its unique number with the assignee's name,
/// consents, evidence metadata, events, emails, and the assignable staff when assigning is possible), never the
/// files' bytes or the emails' bodies. Every read records <see cref="AuditAction.CaseViewed"/>: the page shows
/// personal data.
/// </summary>
public static class ShowCase
{
    /// <summary>
    /// The actions this page has a form for (a partial view "_Action{Action}" each), grouped as the page shows them.
    /// Forward links to its own compose page (Features/Forwarding); the others are forms on this page.
    /// </summary>
    public static readonly IReadOnlyList<(string Group, CaseAction[] Actions)> ActionGroups =
    [
        ("Handle", [CaseAction.Assign, CaseAction.ChangeCategory, CaseAction.ChangePriority, CaseAction.Correct]),
        ("Partner", [CaseAction.Forward]),
        ("Communicate", [CaseAction.AddNote, CaseAction.RequestInformation, CaseAction.RecordReply, CaseAction.NotifyConsumer, CaseAction.KeepWaiting]),
        ("Finish", [CaseAction.Decline, CaseAction.Close, CaseAction.Reopen]),
    ];

    public static readonly IReadOnlySet<CaseAction> PageActions = ActionGroups.SelectMany(g => g.Actions).ToHashSet();

    // Compiled once: EF would otherwise rebuild, hash and funcletize these expression trees on every
    // view, which cost more CPU and garbage than running the SQL (docs/performance.md).
    private static readonly Func<AppDbContext, string, Task<CaseSummary?>> CaseByNumber = EF.CompileAsyncQuery(
        (AppDbContext db, string number) => db.Cases.AsNoTracking().Where(x => x.Number == number).Select(x => (CaseSummary?)new CaseSummary
        {
            Id = x.Id,
            Number = x.Number,
            Version = x.Version,
            Status = x.Status,
            Priority = x.Priority,
            Category = x.Category,
            AssignedToId = x.AssignedToId,
            AssigneeName = db.Users.Where(u => u.Id == x.AssignedToId).Select(u => u.DisplayName).FirstOrDefault(),
            ReceivedAt = x.ReceivedAt,
            DueAt = x.DueAt,
            ClosedAt = x.ClosedAt,
            Outcome = x.Outcome,
            DeclineReason = x.DeclineReason,
            DuplicateOfNumber = x.DuplicateOfNumber,
            Language = x.Language,
            ConsumerName = x.ConsumerName,
            ConsumerNameKana = x.ConsumerNameKana,
            ConsumerEmail = x.ConsumerEmail,
            ConsumerPhone = x.ConsumerPhone,
            ConsumerPostalCode = x.ConsumerPostalCode,
            ConsumerPrefectureCode = x.ConsumerPrefectureCode,
            ConsumerAddress = x.ConsumerAddress,
            ConsumerAgeBand = x.ConsumerAgeBand,
            BusinessName = x.BusinessName,
            BusinessWebsite = x.BusinessWebsite,
            BusinessCountryCode = x.BusinessCountryCode,
            BusinessEmail = x.BusinessEmail,
            BusinessPhone = x.BusinessPhone,
            PurchaseDate = x.PurchaseDate,
            ArrivedOn = x.ArrivedOn,
            PurchaseItem = x.PurchaseItem,
            PurchaseAmount = x.PurchaseAmount,
            PurchaseCurrencyCode = x.PurchaseCurrencyCode,
            PaymentMethod = x.PaymentMethod,
            PurchasePlatform = x.PurchasePlatform,
            PurchasePlatformName = x.PurchasePlatformName,
            PurchaseOrderNumber = x.PurchaseOrderNumber,
            WhatHappened = x.WhatHappened,
            BusinessContactedOn = x.BusinessContactedOn,
            BusinessContactMethod = x.BusinessContactMethod,
            BusinessResponse = x.BusinessResponse,
            DesiredResolution = x.DesiredResolution,
            CounterfeitAcknowledged = x.CounterfeitAcknowledged,
            FiledByCenterId = x.FiledByCenterId,
            FiledByCounselorId = x.FiledByCounselorId,
            ResidentRelation = x.ResidentRelation,
            Channel = x.Channel,
            EnteredByName = db.Users.Where(u => u.Id == x.EnteredById).Select(u => u.DisplayName).FirstOrDefault(),
        }).SingleOrDefault());

    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<ConsentRecord>> ConsentsOf = EF.CompileAsyncQuery(
        (AppDbContext db, Guid caseId) => db.CaseConsents.AsNoTracking().Where(k => k.CaseId == caseId).OrderBy(k => k.GivenAt)
            .Select(k => new ConsentRecord(k.NoticeVersion, k.AgreesToHandling, k.HasContactedBusiness, k.IsConsumerPurchase, k.AgreesToProvisionAbroad, k.GivenAt,
                k.HandlingMethod, k.AbroadMethod)));

    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<EvidenceItem>> EvidenceOf = EF.CompileAsyncQuery(
        (AppDbContext db, Guid caseId) => from e in db.CaseEvidence.AsNoTracking()
                                          join f in db.StoredFiles on e.StoredFileId equals f.Id
                                          where e.CaseId == caseId
                                          orderby e.AddedAt, e.Id
                                          select new EvidenceItem(e.Id, f.FileName, f.ContentType, f.Length, e.AddedAt, e.Source));

    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<EventRow>> EventsOf = EF.CompileAsyncQuery(
        (AppDbContext db, Guid caseId) => db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId)
            .Select(e => new EventRow(e.At, e.Id, e.Kind, e.ActorKind, e.ActorName, e.FromStatus, e.ToStatus, e.Text, e.Data)));

    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<EmailEntry>> EmailsOf = EF.CompileAsyncQuery(
        (AppDbContext db, Guid caseId) => db.OutboundEmails.AsNoTracking().Where(m => m.CaseId == caseId)
            .Select(m => new EmailEntry(m.CreatedAt, m.Id, m.Template, m.Subject, m.ToAddresses, m.State, m.Attempts, m.SentAt, m.BouncedAt, m.Language)));

    private sealed record EventRow(DateTimeOffset At, long Id, CaseEventKind Kind, CaseActorKind ActorKind, string ActorName, CaseStatus FromStatus, CaseStatus ToStatus, string? Text, string? Data);

    public sealed class Handler(AppDbContext db, AuditTrail audit, CaseForwarding.Loader forwarding, TimeProvider clock)
    {
        public async Task<CasePageModel?> HandleAsync(string number, ClaimsPrincipal user, CancellationToken ct)
        {
            // One connection for the page's statements (seven reads and the audit row for a case in progress): every close of a pooled connection costs PostgreSQL a
            // session reset on its next use (docs/performance.md).
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                return await ShowAsync(number, user, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task<CasePageModel?> ShowAsync(string number, ClaimsPrincipal user, CancellationToken ct)
        {
            var c = await CaseByNumber(db, number);
            if (c is null)
            {
                return null;
            }

            var consents = await ConsentsOf(db, c.Id).ToListAsync(ct);
            var evidence = await EvidenceOf(db, c.Id).ToListAsync(ct);
            var events = await EventsOf(db, c.Id).ToListAsync(ct);
            var emails = await EmailsOf(db, c.Id).ToListAsync(ct);
            var filing = c.FiledByCenterId is null ? null : await db.ConsumerCenters.AsNoTracking()
                .Where(center => center.Id == c.FiledByCenterId)
                .Select(center => new CounselorFilingSummary(
                    center.Name, center.PrefectureCode, center.Phone,
                    db.Users.Where(u => u.Id == c.FiledByCounselorId).Select(u => u.DisplayName).First(),
                    c.ResidentRelation!.Value))
                .SingleAsync(ct);

            var actions = CaseWorkflow.StaffActions(c.Status).Where(PageActions.Contains).ToList();
            var assignable = actions.Contains(CaseAction.Assign)
                ? await AssignableUsers.Query(db).OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => new AssignableUser(u.Id, u.DisplayName)).ToListAsync(ct)
                : [];

            // Newest first; an email enqueued with its event (same instant) is listed above it.
            var timeline = events
                .Select(e => (TimelineEntry)new EventEntry(e.At, e.Id, e.Kind, e.ActorKind, e.ActorName, e.FromStatus, e.ToStatus, e.Text, CaseEventData.Read(e.Kind, e.Data)))
                .Concat(emails)
                .OrderByDescending(t => t.At)
                .ThenByDescending(t => t is EmailEntry)
                .ThenByDescending(t => (t as EventEntry)?.Id)
                .ToList();

            var forwards = await forwarding.LoadAsync(c.Id, c.BusinessCountryCode, c.Status, consents.Count > 0 && consents[^1].AgreesToProvisionAbroad, ct);

            audit.Record(AuditAction.CaseViewed, "Case", c.Id.ToString(), c.Id);
            await db.SaveChangesAsync(ct);
            return new CasePageModel(c, consents, evidence, timeline, assignable, actions, CaseChanges.CurrentUserId(user), clock.GetUtcNow()) { Forwarding = forwards, Filing = filing };
        }
    }
}
