namespace CrossBorderConsumerCenter.Web.Data.Auditing;

/// <summary>What happened, in the audit trail's vocabulary. Stored as text; add members, never rename.</summary>
public enum AuditAction
{
    SignInSucceeded,
    SignInFailed,
    SignInLockedOut,
    SignInRefusedDisabled,
    SignedOut,
    PasswordChanged,
    UserCreated,
    UserUpdated,
    UserRolesChanged,
    UserDisabled,
    UserEnabled,
    UserPasswordReset,
    EmailResent,
    CaseViewed,
    CaseChanged,
    EvidenceDownloaded,

    /// <summary>The staff queue searched by words: consumers' names and emails were searched and shown.</summary>
    CasesSearched,
    PartnerAgencyCreated,
    PartnerAgencyUpdated,
    PartnerAgencyDeactivated,
    PartnerAgencyActivated,
    PartnerAnswerRecorded,

    /// <summary>An admin added or changed a consumer center.</summary>
    ConsumerCenterCreated,
    ConsumerCenterUpdated,

    /// <summary>Staff read a message from the center's mailbox (or downloaded its original).</summary>
    InboundMailViewed,

    /// <summary>Staff attached a message that waited for them to a case, saying who it was from.</summary>
    InboundMailAttached,

    /// <summary>Staff discarded a message that waited for them, with the reason.</summary>
    InboundMailDiscarded,

    /// <summary>An admin added, changed, deactivated or activated a reply template.</summary>
    ReplyTemplateCreated,
    ReplyTemplateUpdated,
    ReplyTemplateDeactivated,
    ReplyTemplateActivated,

    /// <summary>Staff entered a case that came by fax, letter or phone (the channel and when it came).</summary>
    CaseEntered,

    /// <summary>Online consultations: staff opened a booking (the applicant's personal data was shown).</summary>
    ConsultationViewed,

    /// <summary>Staff confirmed a booking (counselor, meeting link) or changed them; the invitation went out.</summary>
    ConsultationConfirmed,

    /// <summary>A booking moved to another slot (by staff, or by the applicant's link).</summary>
    ConsultationMoved,

    /// <summary>A booking was cancelled (by staff with a reason, or by the applicant's link).</summary>
    ConsultationCancelled,

    /// <summary>At the start: identity checked (the consultation took place) or not identified (it ended).</summary>
    ConsultationIdentityRecorded,

    /// <summary>No contact 15 minutes after the start: the booking ended.</summary>
    ConsultationNoContactRecorded,
    ConsultationNoteAdded,

    /// <summary>A case was opened from a consultation.</summary>
    ConsultationCaseOpened,

    /// <summary>A counselor booked a consultation for a resident.</summary>
    ConsultationBookedForResident,

    /// <summary>An admin changed the booking schedule (slot times, seats, horizon) or its closed days.</summary>
    ConsultationScheduleChanged,
    ConsultationClosedDayAdded,
    ConsultationClosedDayRemoved,

    /// <summary>A user ended all their sessions ("sign out everywhere").</summary>
    SignedOutEverywhere,

    /// <summary>A sign-in attempt from a client held back for this account after repeated failures (the password was not checked).</summary>
    SignInThrottled,

    /// <summary>A case's personal data was replaced and its files deleted (by the retention job or on request).</summary>
    CaseAnonymised,

    /// <summary>A closed case's evidence files were deleted after their retention period.</summary>
    CaseFilesDeleted,

    /// <summary>A supervisor placed a legal hold on a case (with the reason), or released it.</summary>
    LegalHoldPlaced,
    LegalHoldReleased,

    /// <summary>A request about personal data (disclosure, correction, deletion) was recorded, answered or refused.</summary>
    PrivacyRequestRecorded,
    PrivacyRequestAnswered,

    /// <summary>Staff searched everything held about a person and produced the disclosure package.</summary>
    PersonalDataDisclosed,

    /// <summary>The password was right for an account with a second factor: the code is asked next.</summary>
    SignInPasswordAccepted,

    /// <summary>A wrong (or reused) authenticator or recovery code at sign-in, or a code not checked because of repeated failures.</summary>
    SignInCodeFailed,

    /// <summary>A user set up two-factor sign-in (an authenticator app), or turned it off where it is not required.</summary>
    TwoFactorEnabled,
    TwoFactorDisabled,

    /// <summary>A user replaced their recovery codes.</summary>
    RecoveryCodesRenewed,

    /// <summary>An admin removed a user's authenticator and recovery codes (a lost phone); the user sets them up again.</summary>
    TwoFactorReset,

    /// <summary>A wrong (or reused) code on a user's own two-step sign-in page (setting up, new recovery codes, turning off).</summary>
    TwoFactorCodeRefused,

    /// <summary>An online consultation booking that never became a case lost the applicant's personal data after its period.</summary>
    ConsultationAnonymised,

    /// <summary>
    /// The owner of an account was emailed because its password was accepted at sign-in and wrong codes followed (once per
    /// counting window; details: how many wrong codes, whether the account had an address to write to).
    /// </summary>
    SecondFactorAlertSent,
}

/// <summary>
/// One line of the append-only audit trail: who did what, when, to what, with the values before and
/// after. The application only inserts; a database trigger refuses UPDATE and DELETE.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxSubjectLength = 100;
    public const int MaxDetailsLength = 20_000;

    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset at, AuditAction action, Guid? actorId, string? actorName, string subjectType, string? subjectId, Guid? caseId, string? details, string? ipAddress)
    {
        At = at;
        Action = action;
        ActorId = actorId;
        ActorName = actorName;
        SubjectType = subjectType;
        SubjectId = subjectId;
        CaseId = caseId;
        Details = details;
        IpAddress = ipAddress;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public AuditAction Action { get; private set; }

    /// <summary>The signed-in user who acted; null for anonymous events such as a failed sign-in.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The actor's display name (or the email tried at a failed sign-in), kept as it was at the time.</summary>
    public string? ActorName { get; private set; }

    /// <summary>What was acted on: "User", "Case", "OutboundEmail", ...</summary>
    public string SubjectType { get; private set; } = "";

    public string? SubjectId { get; private set; }

    /// <summary>The case concerned, if any, so a case's history can be read from the trail.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>JSON: the fields changed with their values before and after, or other context.</summary>
    public string? Details { get; private set; }

    public string? IpAddress { get; private set; }
}
