using CrossBorderConsumerCenter.Web.Domain.Evidence;
using CrossBorderConsumerCenter.Web.Domain.Mail;
using CrossBorderConsumerCenter.Web.Domain.Partners;
using CrossBorderConsumerCenter.Web.Domain.Reference;

namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// A consumer's complaint as the center works on it: created by intake as <see cref="CaseStatus.Received"/>
/// with its number, the consumer's consent record and the evidence files. A case cannot exist without a
/// complete consent record.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
    Justification = "The product, the staff and the schema say \"case\"; no Visual Basic code will ever reference it.")]
public sealed class Case
{
    private readonly List<CaseConsent> _consents = [];
    private readonly List<CaseEvidence> _evidence = [];
    private readonly List<CaseEvent> _events = [];

    private Case()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>CCJ-YYYY-NNNNNN, unique.</summary>
    public string Number { get; private set; } = "";

    /// <summary>The intake draft this case was submitted from: unique, so one draft makes one case.</summary>
    public Guid SubmissionId { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>"ja" or "en": the language the consumer used, and the one the center writes to them in.</summary>
    public string Language { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: optimistic concurrency, so two staff edits never silently overwrite each other.</summary>
    public uint Version { get; private set; }

    public string ConsumerName { get; private set; } = "";
    public string? ConsumerNameKana { get; private set; }
    /// <summary>Always given by a consumer filing online; optional for a resident a counselor files for (messages then go to the counselor).</summary>
    public string? ConsumerEmail { get; private set; }
    public string ConsumerPhone { get; private set; } = "";
    public string ConsumerPostalCode { get; private set; } = "";

    /// <summary>ISO 3166-2 code of the prefecture, e.g. JP-13.</summary>
    public string ConsumerPrefectureCode { get; private set; } = "";
    public string ConsumerAddress { get; private set; } = "";
    public AgeBand ConsumerAgeBand { get; private set; }

    public string BusinessName { get; private set; } = "";
    public string? BusinessWebsite { get; private set; }

    /// <summary>ISO 3166-1 alpha-2; never JP (domestic businesses go to the local consumer center).</summary>
    public string BusinessCountryCode { get; private set; } = "";
    public string? BusinessEmail { get; private set; }
    public string? BusinessPhone { get; private set; }

    public DateOnly PurchaseDate { get; private set; }
    public string PurchaseItem { get; private set; } = "";
    public decimal PurchaseAmount { get; private set; }

    /// <summary>ISO 4217.</summary>
    public string PurchaseCurrencyCode { get; private set; } = "";
    public PaymentMethod PaymentMethod { get; private set; }
    public PurchasePlatform PurchasePlatform { get; private set; }

    /// <summary>The platform's name when it is not one of the listed ones.</summary>
    public string? PurchasePlatformName { get; private set; }
    public string? PurchaseOrderNumber { get; private set; }

    /// <summary>The day the item arrived, as the tracking record shows it; null when it did not arrive or the consumer did not say.</summary>
    public DateOnly? ArrivedOn { get; private set; }

    /// <summary>
    /// The earliest last day of the time-limited rights the purchase may carry (<see cref="TimeLimitedRights"/>), fixed when the
    /// case is received (the purchase is never corrected); null when none has a date. The queue's "nearest deadline" order.
    /// </summary>
    public DateOnly? EarliestRightsDeadline { get; private set; }

    /// <summary>The deadlines that may matter to the consumer, as guidance (<see cref="TimeLimitedRights"/>).</summary>
    public IReadOnlyList<RightsDeadline> RightsDeadlines() => TimeLimitedRights.For(PurchaseDate, ArrivedOn, PaymentMethod, PurchasePlatform);

    public CaseCategory Category { get; private set; }
    public string WhatHappened { get; private set; } = "";
    public DateOnly BusinessContactedOn { get; private set; }
    public BusinessContactMethod BusinessContactMethod { get; private set; }
    public string BusinessResponse { get; private set; } = "";
    public DesiredResolution DesiredResolution { get; private set; }

    /// <summary>For counterfeits: the consumer read that such cases may be declined (the center's notice on counterfeits).</summary>
    public bool CounterfeitAcknowledged { get; private set; }

    // The back office: who handles it, how urgent, the next deadline, how it ended.

    /// <summary>The staff member handling the case, if any.</summary>
    public Guid? AssignedToId { get; private set; }

    public CasePriority Priority { get; private set; } = CasePriority.Normal;

    /// <summary>The next deadline while the case is open (see <see cref="CaseClocks"/>); null once finished.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>When the case last changed status, was assigned or was answered: the queue's "recently active" order.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }
    public CaseOutcome? Outcome { get; private set; }
    public DeclineReason? DeclineReason { get; private set; }

    /// <summary>For a case declined as a duplicate: the number of the case it duplicates.</summary>
    public string? DuplicateOfNumber { get; private set; }

    // The clocks (the scheduled worker): what was done about the current deadline, so each action happens once.

    /// <summary>When the case was marked overdue for its current deadline; cleared whenever the deadline moves.</summary>
    public DateTimeOffset? OverdueMarkedAt { get; private set; }

    /// <summary>When the consumer was reminded of the current request for information (once, after a week).</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>When staff chose to keep waiting for the consumer: the case is then never closed for no reply automatically.</summary>
    public DateTimeOffset? AutoCloseStoppedAt { get; private set; }

    // Filed by a local consumer counselor for a resident (null for a consumer's own complaint).

    /// <summary>The counselor's account that filed the case.</summary>
    public Guid? FiledByCounselorId { get; private set; }

    /// <summary>The consumer center the counselor filed for: only that center's counselors see the case.</summary>
    public Guid? FiledByCenterId { get; private set; }

    public ResidentRelation? ResidentRelation { get; private set; }

    public bool IsFiledByCounselor => FiledByCenterId is not null;

    /// <summary>How the case reached the center: the portal's form, or a fax, letter or phone call that staff entered.</summary>
    public CaseChannel Channel { get; private set; } = CaseChannel.Portal;

    /// <summary>For a case from a fax, letter or phone call: the staff member who entered it.</summary>
    public Guid? EnteredById { get; private set; }

    // Personal data over time (ADR 0100): the retention job and requests anonymise a case; a legal hold stops them.

    /// <summary>When the case's personal data was replaced and its files deleted (by the retention job or on request).</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>Why the case is kept whatever its retention period says (a dispute, a court order); null when not held.</summary>
    public string? LegalHoldReason { get; private set; }

    public DateTimeOffset? LegalHoldAt { get; private set; }

    /// <summary>The supervisor who placed the hold.</summary>
    public Guid? LegalHoldById { get; private set; }

    public bool IsOnLegalHold => LegalHoldReason is not null;

    public const int MaxLegalHoldReasonLength = 1000;

    /// <summary>Keeps the case out of every anonymisation until <see cref="ReleaseLegalHold"/>.</summary>
    public void PlaceLegalHold(string reason, Guid supervisorId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (AnonymisedAt is not null)
        {
            throw new InvalidOperationException("An anonymised case has nothing left to hold.");
        }

        LegalHoldReason = reason.Trim();
        LegalHoldAt = now;
        LegalHoldById = supervisorId;
    }

    public void ReleaseLegalHold()
    {
        LegalHoldReason = null;
        LegalHoldAt = null;
        LegalHoldById = null;
    }

    /// <summary>
    /// The consumer's email address is required only of a consumer filing online themselves; a counselor's resident and a
    /// consumer who wrote, faxed or phoned may have none (messages then go to the counselor, or none are sent).
    /// </summary>
    public bool RequiresConsumerEmail => !IsFiledByCounselor && Channel == CaseChannel.Portal;

    /// <summary>
    /// The timeline lines added through this instance (and, if a query included them, the stored ones).
    /// Read a case's whole timeline from <c>AppDbContext.CaseEvents</c>; actions append here so the
    /// lines are saved with the change.
    /// </summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    /// <summary>Consent records, oldest first; intake writes exactly one.</summary>
    public IReadOnlyList<CaseConsent> Consents => _consents;

    public IReadOnlyList<CaseEvidence> Evidence => _evidence;

    /// <summary>The consent in force: the latest record.</summary>
    public CaseConsent Consent => _consents.MaxBy(c => c.GivenAt) ?? throw new InvalidOperationException("A case always has a consent record.");

    public static Case Receive(
        CaseNumber number,
        Guid submissionId,
        ComplaintDetails details,
        ConsentChoices consent,
        string language,
        DateTimeOffset receivedAt,
        IReadOnlyCollection<Guid> evidenceFileIds,
        CounselorFiling? filing = null,
        PaperIntake? paper = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(consent);
        if (!consent.IsComplete)
        {
            throw new ArgumentException("A case needs the consumer's complete consent.", nameof(consent));
        }

        if (filing is null && paper is null ? !consent.IsGivenOnline : !consent.IsAttested)
        {
            throw new ArgumentException(filing is null && paper is null
                ? "A consumer's own consent is given online, without a counselor's attestation."
                : "A counselor or staff attest how the consumer consented to the handling and, if agreed, to the provision abroad.", nameof(consent));
        }

        if (paper is not null && (filing is not null || !PaperIntakeRules.Channels.Contains(paper.Channel) || paper.EnteredById == Guid.Empty))
        {
            throw new ArgumentException("A case entered by staff names its channel (fax, letter, phone) and who entered it, and is not a counselor's filing.", nameof(paper));
        }

        if (filing is not null && (filing.CounselorId == Guid.Empty || filing.CenterId == Guid.Empty || !Enum.IsDefined(filing.Relation)))
        {
            throw new ArgumentException("A counselor's filing names the counselor, the center and the resident's relation.", nameof(filing));
        }

        if (language is not (Languages.Japanese or Languages.English))
        {
            throw new ArgumentException("The language must be ja or en.", nameof(language));
        }

        if (submissionId == Guid.Empty)
        {
            throw new ArgumentException("A case needs the id of the draft it was submitted from.", nameof(submissionId));
        }

        if (evidenceFileIds.Count > EvidenceFiles.MaxFiles)
        {
            throw new ArgumentException($"At most {EvidenceFiles.MaxFiles} evidence files.", nameof(evidenceFileIds));
        }

        var (consumer, business, purchase, trouble) = (details.Consumer, details.Business, details.Purchase, details.Trouble);
        if (Countries.Find(business.CountryCode) is null || business.CountryCode == Countries.Japan)
        {
            throw new ArgumentException("The business must be in a country other than Japan.", nameof(details));
        }

        if (Currencies.Find(purchase.CurrencyCode) is null || purchase.Amount <= 0 || purchase.Amount > ComplaintLimits.MaxAmount)
        {
            throw new ArgumentException("The amount must be positive, in a known currency.", nameof(details));
        }

        if (purchase.ArrivedOn < purchase.Date)
        {
            throw new ArgumentException("An item cannot arrive before it was bought.", nameof(details));
        }

        if (trouble.Category == CaseCategory.Counterfeit && !trouble.CounterfeitAcknowledged)
        {
            throw new ArgumentException("A counterfeit case needs the consumer's acknowledgement of the notice.", nameof(details));
        }

        var @case = new Case
        {
            Id = Guid.CreateVersion7(receivedAt),
            Number = number.ToString(),
            SubmissionId = submissionId,
            Status = CaseStatus.Received,
            Language = language,
            ReceivedAt = receivedAt,
            ConsumerName = Required(consumer.Name, ComplaintLimits.Name),
            ConsumerNameKana = Optional(consumer.NameKana, ComplaintLimits.NameKana),
            // A resident a counselor files for may have no email address; a consumer filing online always has one.
            ConsumerEmail = filing is null && paper is null ? Required(consumer.Email!, ComplaintLimits.Email) : Optional(consumer.Email, ComplaintLimits.Email),
            ConsumerPhone = Required(consumer.Phone, ComplaintLimits.Phone),
            ConsumerPostalCode = Required(consumer.PostalCode, ComplaintLimits.PostalCode),
            ConsumerPrefectureCode = Prefectures.Find(consumer.PrefectureCode)?.Code ?? throw new ArgumentException("Unknown prefecture.", nameof(details)),
            ConsumerAddress = Required(consumer.Address, ComplaintLimits.Address),
            ConsumerAgeBand = consumer.AgeBand,
            BusinessName = Required(business.Name, ComplaintLimits.BusinessName),
            BusinessWebsite = Optional(business.Website, ComplaintLimits.Website),
            BusinessCountryCode = business.CountryCode,
            BusinessEmail = Optional(business.Email, ComplaintLimits.Email),
            BusinessPhone = Optional(business.Phone, ComplaintLimits.Phone),
            PurchaseDate = purchase.Date,
            PurchaseItem = Required(purchase.Item, ComplaintLimits.Item),
            PurchaseAmount = purchase.Amount,
            PurchaseCurrencyCode = purchase.CurrencyCode,
            PaymentMethod = purchase.PaymentMethod,
            PurchasePlatform = purchase.Platform,
            PurchasePlatformName = Optional(purchase.PlatformName, ComplaintLimits.PlatformName),
            PurchaseOrderNumber = Optional(purchase.OrderNumber, ComplaintLimits.OrderNumber),
            ArrivedOn = purchase.ArrivedOn,
            EarliestRightsDeadline = TimeLimitedRights.EarliestLastDay(purchase.Date, purchase.ArrivedOn, purchase.PaymentMethod, purchase.Platform),
            Category = trouble.Category,
            WhatHappened = Required(trouble.WhatHappened, ComplaintLimits.WhatHappened),
            BusinessContactedOn = trouble.BusinessContactedOn,
            BusinessContactMethod = trouble.BusinessContactMethod,
            BusinessResponse = Required(trouble.BusinessResponse, ComplaintLimits.BusinessResponse),
            DesiredResolution = trouble.DesiredResolution,
            CounterfeitAcknowledged = trouble.CounterfeitAcknowledged,
            FiledByCounselorId = filing?.CounselorId,
            FiledByCenterId = filing?.CenterId,
            ResidentRelation = filing?.Relation,
            Channel = paper?.Channel ?? CaseChannel.Portal,
            EnteredById = paper?.EnteredById,
        };
        @case.DueAt = CaseClocks.TriageDue(receivedAt);
        @case.LastActivityAt = receivedAt;
        @case._events.Add(new CaseEvent(@case.Id, receivedAt, CaseEventKind.Received, CaseActor.Consumer, CaseStatus.Received, CaseStatus.Received, null,
            paper is null ? null : new CaseEventData.Received(paper.Channel), visibleToConsumer: true));
        @case._consents.Add(new CaseConsent(@case.Id, consent));
        foreach (var fileId in evidenceFileIds.Distinct())
        {
            @case._evidence.Add(new CaseEvidence(@case.Id, fileId, receivedAt));
        }

        return @case;
    }

    public bool IsOpen => CaseWorkflow.IsOpen(Status);

    public bool IsOverdue(DateTimeOffset now) => CaseQueueRules.IsOverdue(Status, DueAt, now);

    /// <summary>Assigns the case to a staff member (or to nobody). Assigning a received case starts the work on it.</summary>
    public CaseEvent Assign(Guid? assigneeId, string? assigneeName, CaseActor actor, DateTimeOffset now)
    {
        var previous = AssignedToId;
        AssignedToId = assigneeId;
        return Apply(CaseAction.Assign, CaseEventKind.Assigned, actor, now, null, new CaseEventData.Assigned(previous, assigneeId, assigneeName), visibleToConsumer: false);
    }

    public CaseEvent ChangeCategory(CaseCategory category, CaseActor actor, DateTimeOffset now)
    {
        var previous = Category;
        Category = category;
        return Apply(CaseAction.ChangeCategory, CaseEventKind.CategoryChanged, actor, now, null, new CaseEventData.CategoryChanged(previous, category), visibleToConsumer: false, touches: false);
    }

    public CaseEvent ChangePriority(CasePriority priority, CaseActor actor, DateTimeOffset now)
    {
        var previous = Priority;
        Priority = priority;
        return Apply(CaseAction.ChangePriority, CaseEventKind.PriorityChanged, actor, now, null, new CaseEventData.PriorityChanged(previous, priority), visibleToConsumer: false, touches: false);
    }

    /// <summary>An internal note. It changes nothing on the case itself, so two staff writing notes at once never conflict.</summary>
    public CaseEvent AddNote(string text, CaseActor actor, DateTimeOffset now)
    {
        var note = Required(text, CaseEvent.MaxTextLength);
        return Apply(CaseAction.AddNote, CaseEventKind.NoteAdded, actor, now, note, null, visibleToConsumer: false, touches: false);
    }

    /// <summary>Asks the consumer for more; the case waits for their answer (a week, then a reminder).</summary>
    public CaseEvent RequestInformation(string question, CaseActor actor, DateTimeOffset now)
    {
        var @event = Apply(CaseAction.RequestInformation, CaseEventKind.InformationRequested, actor, now, Required(question, CaseEvent.MaxTextLength), null,
            visibleToConsumer: true, dueAt: CaseClocks.ConsumerReplyDue(now));

        // A new question starts the week, the reminder and the automatic close afresh.
        ReminderSentAt = null;
        AutoCloseStoppedAt = null;
        return @event;
    }

    /// <summary>
    /// The consumer's answer to a request for information (on the tracking page, or by their counselor), with the
    /// files they attached as evidence; the case goes back to the staff.
    /// </summary>
    public CaseEvent ReceiveConsumerReply(string text, CaseActor actor, DateTimeOffset now, IReadOnlyCollection<Guid>? evidenceFileIds = null, ReplyChannel? via = null, Guid? mailId = null)
    {
        var files = CheckedFiles(evidenceFileIds);
        var data = files.Count == 0 && via is null && mailId is null ? null : new CaseEventData.ConsumerReplied(files.Count, via, mailId);
        var @event = Apply(CaseAction.ReceiveConsumerReply, CaseEventKind.ConsumerReplied, actor, now, Required(text, CaseEvent.MaxTextLength), data, visibleToConsumer: true);
        AddEvidence(files, now);
        return @event;
    }

    /// <summary>
    /// A counselor adds information (with files, if any) to an open case of their center, outside a request for
    /// information. The case stays where it is; the staff see the line on the timeline and the files as evidence.
    /// </summary>
    public CaseEvent AddInformation(string text, CaseActor actor, DateTimeOffset now, IReadOnlyCollection<Guid>? evidenceFileIds = null)
    {
        var files = CheckedFiles(evidenceFileIds);
        var @event = Apply(CaseAction.AddInformation, CaseEventKind.InformationAdded, actor, now, Required(text, CaseEvent.MaxTextLength),
            files.Count == 0 ? null : new CaseEventData.InformationAdded(files.Count), visibleToConsumer: true);
        AddEvidence(files, now);
        return @event;
    }

    public CaseEvent Decline(DeclineReason reason, string? duplicateOfNumber, string? comment, CaseActor actor, DateTimeOffset now)
    {
        if (reason == Cases.DeclineReason.Duplicate && string.IsNullOrWhiteSpace(duplicateOfNumber))
        {
            throw new ArgumentException("A duplicate names the case it duplicates.", nameof(duplicateOfNumber));
        }

        var @event = Apply(CaseAction.Decline, CaseEventKind.Declined, actor, now, Optional(comment, CaseEvent.MaxTextLength), new CaseEventData.Declined(reason, duplicateOfNumber), visibleToConsumer: true);
        DeclineReason = reason;
        DuplicateOfNumber = reason == Cases.DeclineReason.Duplicate ? duplicateOfNumber : null;
        Outcome = null;
        ClosedAt = now;
        return @event;
    }

    public CaseEvent Close(CaseOutcome outcome, string? comment, CaseActor actor, DateTimeOffset now) =>
        Finish(CaseAction.Close, CaseEventKind.Closed, outcome, comment, actor, now);

    /// <summary>The clock closes a case whose consumer did not answer (a week, a reminder, another week).</summary>
    public CaseEvent CloseForNoReply(DateTimeOffset now)
    {
        if (ClockActionDue(now) != ClockAction.CloseForNoReply)
        {
            throw new InvalidOperationException($"Case {Number} is not waiting to be closed for no reply.");
        }

        return Finish(CaseAction.CloseForNoReply, CaseEventKind.Closed, CaseOutcome.NoReply, null, CaseActor.System, now);
    }

    /// <summary>
    /// Sends the case to the partner agency (again, for a follow-up): it waits for the agency's answer until the agency's
    /// deadline, counted in business days from now. Refused without the consumer's consent to provision abroad.
    /// </summary>
    public CaseEvent Forward(PartnerProvision provision, int responseBusinessDays, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provision);
        if (!Consent.AgreesToProvisionAbroad)
        {
            throw new InvalidOperationException($"Case {Number}: the consumer did not agree to provision abroad.");
        }

        if (provision.CaseId != Id || provision.CountryCode != BusinessCountryCode)
        {
            throw new ArgumentException("The provision record is for another case or country.", nameof(provision));
        }

        return Apply(CaseAction.Forward, CaseEventKind.Forwarded, actor, now, null,
            new CaseEventData.Forwarded(provision.AgencyCode, provision.AgencyName, provision.CountryCode, provision.Id, provision.OutboundEmailId,
                [.. provision.Items], provision.EvidenceFileNames.Count),
            visibleToConsumer: true, dueAt: CaseClocks.PartnerDue(now, responseBusinessDays));
    }

    /// <summary>
    /// The agency reports what the merchant did (through its answer link): the answer goes on the timeline (for staff:
    /// they tell the consumer in their own words), its files become evidence marked as from the partner, and staff
    /// follow up within <see cref="CaseClocks.FollowUpBusinessDays"/> business days.
    /// </summary>
    public CaseEvent RecordPartnerResponse(string agencyCode, PartnerOutcome outcome, string? message, Guid linkId, IReadOnlyCollection<Guid> fileIds, DateTimeOffset now)
    {
        var files = CheckedFiles(fileIds);
        var @event = Apply(CaseAction.RecordPartnerResponse, CaseEventKind.PartnerResponded, new CaseActor(CaseActorKind.Partner, null, agencyCode), now,
            Optional(message, CaseEvent.MaxTextLength), new CaseEventData.PartnerResponded(agencyCode, outcome, linkId, files.Count),
            visibleToConsumer: false);
        AddEvidence(files, now, EvidenceSource.Partner);

        return @event;
    }

    /// <summary>
    /// The partner agency answered another way than through its link: by email (read from the center's mailbox,
    /// the merchant's outcome left for staff to read), or by phone, fax or letter as staff recorded it with the outcome.
    /// The case moves to "partner responded" exactly as with an answer through the link.
    /// </summary>
    public CaseEvent RecordPartnerReply(string agencyCode, PartnerOutcome? outcome, string text, ReplyChannel via, Guid? mailId, IReadOnlyCollection<Guid> fileIds, CaseActor actor, DateTimeOffset now)
    {
        var files = CheckedFiles(fileIds);
        var @event = Apply(CaseAction.RecordPartnerResponse, CaseEventKind.PartnerResponded, actor, now, Required(text, CaseEvent.MaxTextLength),
            new CaseEventData.PartnerResponded(agencyCode, outcome, null, files.Count, via, mailId), visibleToConsumer: false);
        AddEvidence(files, now, EvidenceSource.Partner);
        return @event;
    }

    /// <summary>
    /// Mail for the case that answers nothing pending: it goes on the timeline as it came (the consumer's own mail is
    /// shown to them too), its files become evidence, and the status stays as it is.
    /// </summary>
    public CaseEvent ReceiveEmail(ReplyParty? party, string from, string text, Guid mailId, IReadOnlyCollection<Guid> fileIds, CaseActor actor, DateTimeOffset now)
    {
        var files = CheckedFiles(fileIds);
        var @event = Apply(CaseAction.ReceiveEmail, CaseEventKind.EmailReceived, actor, now, Required(text, CaseEvent.MaxTextLength),
            new CaseEventData.EmailReceived(party, from, mailId, files.Count), visibleToConsumer: party == ReplyParty.Consumer);
        AddEvidence(files, now, party == ReplyParty.Partner ? EvidenceSource.Partner : EvidenceSource.Consumer);
        return @event;
    }

    /// <summary>One of the case's emails did not arrive: a line for staff; the clocks are left as they are.</summary>
    public CaseEvent RecordDeliveryFailure(Guid emailId, string? recipient, string? status, Guid mailId, DateTimeOffset now) =>
        Apply(CaseAction.RecordDeliveryFailure, CaseEventKind.DeliveryFailed, CaseActor.System, now, null,
            new CaseEventData.DeliveryFailed(emailId, recipient, status, mailId), visibleToConsumer: false, touches: false);

    /// <summary>Staff tell the consumer something (what the merchant did, say); the message goes by email and on the timeline.</summary>
    public CaseEvent NotifyConsumer(string message, CaseActor actor, DateTimeOffset now) =>
        Apply(CaseAction.NotifyConsumer, CaseEventKind.ConsumerNotified, actor, now, Required(message, CaseEvent.MaxTextLength), null, visibleToConsumer: true);

    /// <summary>
    /// Staff keep waiting for the consumer's answer until <paramref name="until"/>: the case will not be closed for no
    /// reply automatically; when the new deadline passes it is marked overdue for staff to decide.
    /// </summary>
    public CaseEvent KeepWaiting(DateTimeOffset until, string? note, CaseActor actor, DateTimeOffset now)
    {
        if (until <= now)
        {
            throw new ArgumentException("The new deadline must be later than now.", nameof(until));
        }

        var @event = Apply(CaseAction.KeepWaiting, CaseEventKind.WaitExtended, actor, now, Optional(note, CaseEvent.MaxTextLength),
            new CaseEventData.WaitExtended(until), visibleToConsumer: false, dueAt: until);
        AutoCloseStoppedAt = now;
        return @event;
    }

    /// <summary>What the clock must do about this case at <paramref name="now"/>, if anything; each happens once per deadline.</summary>
    public ClockAction? ClockActionDue(DateTimeOffset now)
    {
        if (!IsOverdue(now) || OverdueMarkedAt is not null)
        {
            return null;
        }

        if (Status == CaseStatus.WaitingForConsumer && AutoCloseStoppedAt is null)
        {
            return ReminderSentAt is null ? ClockAction.RemindConsumer : ClockAction.CloseForNoReply;
        }

        return ClockAction.MarkOverdue;
    }

    /// <summary>The clock marks the case overdue for its current deadline (once: until the deadline moves).</summary>
    public CaseEvent MarkOverdue(DateTimeOffset now)
    {
        if (ClockActionDue(now) != ClockAction.MarkOverdue)
        {
            throw new InvalidOperationException($"Case {Number} is not waiting to be marked overdue.");
        }

        var @event = Apply(CaseAction.MarkOverdue, CaseEventKind.MarkedOverdue, CaseActor.System, now, null, new CaseEventData.MarkedOverdue(DueAt), visibleToConsumer: false, touches: false);
        OverdueMarkedAt = now;
        return @event;
    }

    /// <summary>The clock reminds the consumer a week after the request; the case is closed if another week passes without an answer.</summary>
    public CaseEvent RemindConsumer(DateTimeOffset now)
    {
        if (ClockActionDue(now) != ClockAction.RemindConsumer)
        {
            throw new InvalidOperationException($"Case {Number} is not waiting for a reminder.");
        }

        var replyBy = CaseClocks.ConsumerReplyDue(now);
        var @event = Apply(CaseAction.SendReminder, CaseEventKind.ReminderSent, CaseActor.System, now, null, new CaseEventData.ReminderSent(replyBy),
            visibleToConsumer: true, touches: false, dueAt: replyBy);
        ReminderSentAt = now;
        return @event;
    }

    public CaseEvent Withdraw(string? reason, CaseActor actor, DateTimeOffset now) =>
        Finish(CaseAction.Withdraw, CaseEventKind.Withdrawn, CaseOutcome.Withdrawn, reason, actor, now);

    public CaseEvent Reopen(string? reason, CaseActor actor, DateTimeOffset now)
    {
        var @event = Apply(CaseAction.Reopen, CaseEventKind.Reopened, actor, now, Optional(reason, CaseEvent.MaxTextLength), null, visibleToConsumer: true);
        Outcome = null;
        DeclineReason = null;
        DuplicateOfNumber = null;
        ClosedAt = null;
        return @event;
    }

    /// <summary>
    /// Staff correct the merchant's or the consumer's details, with the reason; null when nothing differs. A new merchant
    /// country is <see cref="CaseAction.CorrectCountry"/>: a case with the partner agency of the old country comes back to the
    /// staff with a new work deadline, and the agency for the new country is the one suggested from then on (ADR 0028).
    /// </summary>
    public CaseEvent? Correct(CaseCorrection corrected, string reason, CaseActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        if (Countries.Find(corrected.BusinessCountryCode) is null || corrected.BusinessCountryCode == Countries.Japan)
        {
            throw new ArgumentException("The business must be in a country other than Japan.", nameof(corrected));
        }

        if (Prefectures.Find(corrected.ConsumerPrefectureCode) is null)
        {
            throw new ArgumentException("Unknown prefecture.", nameof(corrected));
        }

        var countryFrom = BusinessCountryCode;
        var newCountry = corrected.BusinessCountryCode != countryFrom;
        var action = newCountry ? CaseAction.CorrectCountry : CaseAction.Correct;
        if (!CaseWorkflow.Can(Status, action))
        {
            throw new InvalidOperationException($"Case {Number}: {action} is not allowed while the case is {Status}.");
        }

        // Every value checked before any is set: a refused correction leaves the case as it was.
        var because = Required(reason, CaseEvent.MaxTextLength);
        var values = corrected with
        {
            ConsumerName = Required(corrected.ConsumerName, ComplaintLimits.Name),
            ConsumerNameKana = Optional(corrected.ConsumerNameKana, ComplaintLimits.NameKana),
            ConsumerEmail = RequiresConsumerEmail ? Required(corrected.ConsumerEmail!, ComplaintLimits.Email) : Optional(corrected.ConsumerEmail, ComplaintLimits.Email),
            ConsumerPhone = Required(corrected.ConsumerPhone, ComplaintLimits.Phone),
            ConsumerPostalCode = Required(corrected.ConsumerPostalCode, ComplaintLimits.PostalCode),
            ConsumerAddress = Required(corrected.ConsumerAddress, ComplaintLimits.Address),
            BusinessName = Required(corrected.BusinessName, ComplaintLimits.BusinessName),
            BusinessWebsite = Optional(corrected.BusinessWebsite, ComplaintLimits.Website),
            BusinessEmail = Optional(corrected.BusinessEmail, ComplaintLimits.Email),
            BusinessPhone = Optional(corrected.BusinessPhone, ComplaintLimits.Phone),
        };
        var fields = CaseCorrection.Of(this).ChangedIn(values);
        if (fields.Count == 0)
        {
            return null;
        }

        ConsumerName = values.ConsumerName;
        ConsumerNameKana = values.ConsumerNameKana;
        ConsumerEmail = values.ConsumerEmail;
        ConsumerPhone = values.ConsumerPhone;
        ConsumerPostalCode = values.ConsumerPostalCode;
        ConsumerPrefectureCode = values.ConsumerPrefectureCode;
        ConsumerAddress = values.ConsumerAddress;
        BusinessName = values.BusinessName;
        BusinessWebsite = values.BusinessWebsite;
        BusinessCountryCode = values.BusinessCountryCode;
        BusinessEmail = values.BusinessEmail;
        BusinessPhone = values.BusinessPhone;
        return Apply(action, CaseEventKind.Corrected, actor, now, because,
            new CaseEventData.Corrected(fields, newCountry ? countryFrom : null, newCountry ? corrected.BusinessCountryCode : null), visibleToConsumer: false, touches: newCountry);
    }

    /// <summary>
    /// Applies a workflow action: checks it is allowed, moves the status, sets the next deadline, and appends the
    /// timeline line with its particulars (the <see cref="CaseEventData"/> record of <paramref name="kind"/>, if any).
    /// Handlers check <see cref="CaseWorkflow.Can"/> first to give a clear message; reaching the exception here means
    /// a bug or a forged request.
    /// </summary>
    internal CaseEvent Apply(CaseAction action, CaseEventKind kind, CaseActor actor, DateTimeOffset now, string? text, CaseEventData? data, bool visibleToConsumer, bool touches = true, DateTimeOffset? dueAt = null)
    {
        var next = CaseWorkflow.Next(Status, action)
            ?? throw new InvalidOperationException($"Case {Number}: {action} is not allowed while the case is {Status}.");
        var from = Status;
        if (next != from || dueAt is not null)
        {
            Status = next;
            DueAt = dueAt ?? CaseClocks.DueOnEntering(next, now);
            OverdueMarkedAt = null;
        }

        if (next != from)
        {
            ReminderSentAt = null;
            AutoCloseStoppedAt = null;
        }

        if (touches)
        {
            LastActivityAt = now;
        }

        var @event = new CaseEvent(Id, now, kind, actor, from, next, text, data, visibleToConsumer);
        _events.Add(@event);
        return @event;
    }

    private CaseEvent Finish(CaseAction action, CaseEventKind kind, CaseOutcome outcome, string? comment, CaseActor actor, DateTimeOffset now)
    {
        CaseEventData data = kind == CaseEventKind.Withdrawn ? new CaseEventData.Withdrawn(outcome) : new CaseEventData.Closed(outcome);
        var @event = Apply(action, kind, actor, now, Optional(comment, CaseEvent.MaxTextLength), data, visibleToConsumer: true);
        Outcome = outcome;
        DeclineReason = null;
        ClosedAt = now;
        return @event;
    }

    private static List<Guid> CheckedFiles(IReadOnlyCollection<Guid>? fileIds)
    {
        var files = (fileIds ?? []).Distinct().ToList();
        if (files.Count > EvidenceFiles.MaxFiles)
        {
            throw new ArgumentException($"At most {EvidenceFiles.MaxFiles} evidence files at once.", nameof(fileIds));
        }

        return files;
    }

    private void AddEvidence(IEnumerable<Guid> fileIds, DateTimeOffset now, EvidenceSource source = EvidenceSource.Consumer)
    {
        foreach (var fileId in fileIds.Where(id => _evidence.All(e => e.StoredFileId != id)))
        {
            _evidence.Add(new CaseEvidence(Id, fileId, now, source));
        }
    }

    private static string Required(string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
        {
            throw new ArgumentException($"A required value is empty or longer than {maxLength} characters.", nameof(value));
        }

        return value;
    }

    private static string? Optional(string? value, int maxLength) => string.IsNullOrWhiteSpace(value) ? null : Required(value, maxLength);
}
