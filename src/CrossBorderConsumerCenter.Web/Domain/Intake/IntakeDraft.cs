using CrossBorderConsumerCenter.Web.Domain.Cases;
using CrossBorderConsumerCenter.Web.Domain.Evidence;

namespace CrossBorderConsumerCenter.Web.Domain.Intake;

/// <summary>
/// A complaint being written: the consent given at the gate, the form's values as the consumer last
/// saved them (JSON of the form), and the evidence files uploaded so far. Found by the hash of an
/// unguessable token the browser holds; expires 24 hours after its last change. Submitting it creates
/// exactly one case, after which it only remembers that case (the values and files moved there).
/// A counselor's draft for a resident (<see cref="ForCounselor"/>) is found by its owner instead, and also
/// holds the resident's relation to the case and the counselor's attestation of the resident's consent.
/// </summary>
public sealed class IntakeDraft
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// How long after its submission the same submission sent again (a double click, a retried POST, the back button and
    /// "send") still shows its receipt, and how long the browser that sent it may show the receipt at all. Afterwards
    /// nothing on a shared computer leads back to the case: its number and link are in the acknowledgement email.
    /// </summary>
    public static readonly TimeSpan ReceiptWindow = TimeSpan.FromMinutes(10);
    public const int TokenHashLength = 64;
    public const int MaxFormJsonLength = 500_000;

    private readonly List<IntakeDraftFile> _files = [];

    private IntakeDraft()
    {
    }

    public IntakeDraft(string tokenHash, ConsentChoices consent, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        Id = Guid.CreateVersion7(now);
        TokenHash = tokenHash;
        CreatedAt = now;
        GiveConsent(consent, now);
    }

    /// <summary>A counselor's draft for a resident: found by <paramref name="counselorId"/>, not by a cookie.</summary>
    public static IntakeDraft ForCounselor(Guid counselorId, ResidentRelation relation, ConsentChoices consent, DateTimeOffset now)
    {
        if (counselorId == Guid.Empty)
        {
            throw new ArgumentException("A counselor's draft names its counselor.", nameof(counselorId));
        }

        var draft = new IntakeDraft { Id = Guid.CreateVersion7(now), CounselorId = counselorId, CreatedAt = now };
        draft.AttestConsent(relation, consent, now);
        return draft;
    }

    /// <summary>
    /// A staff member's draft of a case that came by fax, letter or phone: found by <paramref name="staffId"/>; holds how and
    /// when it came, the language the center will write to the consumer in, and staff's attestation of the consumer's consent.
    /// </summary>
    public static IntakeDraft ForStaff(Guid staffId, CaseChannel channel, DateTimeOffset receivedAt, string language, ConsentChoices consent, DateTimeOffset now)
    {
        if (staffId == Guid.Empty)
        {
            throw new ArgumentException("A staff member's draft names its author.", nameof(staffId));
        }

        var draft = new IntakeDraft { Id = Guid.CreateVersion7(now), StaffId = staffId, CreatedAt = now };
        draft.RecordPaperIntake(channel, receivedAt, language, consent, now);
        return draft;
    }

    public Guid Id { get; private set; }

    /// <summary>The staff member entering a case that came by fax, letter or phone; null otherwise.</summary>
    public Guid? StaffId { get; private set; }

    /// <summary>For a staff member's draft: how the case came.</summary>
    public CaseChannel? PaperChannel { get; private set; }

    /// <summary>For a staff member's draft: when the fax, the letter or the call came (UTC); the case's receipt.</summary>
    public DateTimeOffset? PaperReceivedAt { get; private set; }

    /// <summary>For a staff member's draft: the language the center writes to the consumer in ("ja" or "en").</summary>
    public string? PaperLanguage { get; private set; }

    /// <summary>For a staff member's draft started from an online consultation: the booking, linked to the case once it is entered.</summary>
    public Guid? ConsultationBookingId { get; private set; }

    /// <summary>SHA-256 (hex) of the token in the consumer's cookie; the token itself is never stored. Null for a counselor's draft.</summary>
    public string? TokenHash { get; private set; }

    /// <summary>The counselor writing this draft for a resident; null for a consumer's own.</summary>
    public Guid? CounselorId { get; private set; }

    /// <summary>For a counselor's draft: who the resident is to the case.</summary>
    public ResidentRelation? ResidentRelation { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public string ConsentNoticeVersion { get; private set; } = "";
    public bool ConsentAgreesToHandling { get; private set; }
    public bool ConsentHasContactedBusiness { get; private set; }
    public bool ConsentIsConsumerPurchase { get; private set; }
    public bool ConsentAgreesToProvisionAbroad { get; private set; }
    public DateTimeOffset ConsentGivenAt { get; private set; }
    public ConsentMethod? ConsentHandlingMethod { get; private set; }
    public ConsentMethod? ConsentAbroadMethod { get; private set; }

    /// <summary>The form's values as JSON; empty before the first save and after submission.</summary>
    public string FormJson { get; private set; } = "";

    /// <summary>Set once the draft has become a case.</summary>
    public Guid? SubmittedCaseId { get; private set; }

    public IReadOnlyList<IntakeDraftFile> Files => _files;

    public ConsentChoices Consent => new(
        ConsentNoticeVersion, ConsentAgreesToHandling, ConsentHasContactedBusiness, ConsentIsConsumerPurchase, ConsentAgreesToProvisionAbroad, ConsentGivenAt,
        ConsentHandlingMethod, ConsentAbroadMethod);

    public bool IsCounselorDraft => CounselorId is not null;

    public bool IsStaffDraft => StaffId is not null;

    public bool IsSubmitted => SubmittedCaseId is not null;

    /// <summary>When the draft became a case (a submitted draft never changes again, so its last change is that).</summary>
    public DateTimeOffset? SubmittedAt => IsSubmitted ? UpdatedAt : null;

    /// <summary>Whether the receipt of this draft's case may still be shown (<see cref="ReceiptWindow"/>).</summary>
    public static bool ShowsReceipt(DateTimeOffset submittedAt, DateTimeOffset now) => now < submittedAt + ReceiptWindow;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public void GiveConsent(ConsentChoices consent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (!consent.IsComplete || !consent.IsGivenOnline || IsCounselorDraft || IsStaffDraft)
        {
            throw new ArgumentException("The required confirmations are missing.", nameof(consent));
        }

        SetConsent(consent, now);
    }

    /// <summary>A counselor's draft: the resident's relation and the counselor's attestation of the resident's consent.</summary>
    public void AttestConsent(ResidentRelation relation, ConsentChoices consent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (!consent.IsComplete || !consent.IsAttested || !IsCounselorDraft || !Enum.IsDefined(relation))
        {
            throw new ArgumentException("A counselor attests the resident's complete consent and how it was given.", nameof(consent));
        }

        ResidentRelation = relation;
        SetConsent(consent, now);
    }

    /// <summary>A staff member's draft: how and when the case came, the consumer's language, and the consent as staff attest it.</summary>
    public void RecordPaperIntake(CaseChannel channel, DateTimeOffset receivedAt, string language, ConsentChoices consent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (!consent.IsComplete || !consent.IsAttested || !IsStaffDraft)
        {
            throw new ArgumentException("Staff attest the consumer's complete consent and how it was given.", nameof(consent));
        }

        if (!PaperIntakeRules.Channels.Contains(channel) || PaperIntakeRules.Check(receivedAt, now) is not null || consent.GivenAt > now)
        {
            throw new ArgumentException("A fax, letter or phone call, received (and consented) in the past.", nameof(channel));
        }

        if (language is not (Reference.Languages.Japanese or Reference.Languages.English))
        {
            throw new ArgumentException("The language must be ja or en.", nameof(language));
        }

        PaperChannel = channel;
        PaperReceivedAt = receivedAt;
        PaperLanguage = language;
        SetConsent(consent, now);
    }

    /// <summary>A staff member's draft of a case from an online consultation: the booking the case will be linked to.</summary>
    public void FromConsultation(Guid bookingId, DateTimeOffset now)
    {
        if (!IsStaffDraft || PaperChannel != CaseChannel.Consultation || bookingId == Guid.Empty)
        {
            throw new ArgumentException("Only a staff member's draft of a consultation's case names its booking.", nameof(bookingId));
        }

        EnsureOpen();
        ConsultationBookingId = bookingId;
        Touch(now);
    }

    private void SetConsent(ConsentChoices consent, DateTimeOffset now)
    {
        EnsureOpen();
        ConsentNoticeVersion = consent.NoticeVersion;
        ConsentAgreesToHandling = consent.AgreesToHandling;
        ConsentHasContactedBusiness = consent.HasContactedBusiness;
        ConsentIsConsumerPurchase = consent.IsConsumerPurchase;
        ConsentAgreesToProvisionAbroad = consent.AgreesToProvisionAbroad;
        ConsentGivenAt = consent.GivenAt;
        ConsentHandlingMethod = consent.HandlingMethod;
        ConsentAbroadMethod = consent.AbroadMethod;
        Touch(now);
    }

    public void SaveForm(string formJson, DateTimeOffset now)
    {
        if (formJson.Length > MaxFormJsonLength)
        {
            throw new ArgumentException("The saved form is too large.", nameof(formJson));
        }

        EnsureOpen();
        FormJson = formJson;
        Touch(now);
    }

    /// <summary>Adds an uploaded file, or says why it cannot join the files already held.</summary>
    public EvidenceProblem? AddFile(Guid storedFileId, long length, EvidenceFileType? type, DateTimeOffset now)
    {
        EnsureOpen();
        if (EvidenceFiles.Check(length, type, [.. _files.Select(f => f.Length)]) is { } problem)
        {
            return problem;
        }

        _files.Add(new IntakeDraftFile(Id, storedFileId, length, now));
        Touch(now);
        return null;
    }

    /// <summary>Forgets a file; the caller deletes the stored file. False when the draft holds no such file.</summary>
    public bool RemoveFile(Guid storedFileId, DateTimeOffset now)
    {
        EnsureOpen();
        var removed = _files.RemoveAll(f => f.StoredFileId == storedFileId) > 0;
        Touch(now);
        return removed;
    }

    /// <summary>The draft became <paramref name="caseId"/>: its values and files now live in the case.</summary>
    public void MarkSubmitted(Guid caseId, DateTimeOffset now)
    {
        EnsureOpen();
        SubmittedCaseId = caseId;
        FormJson = "";
        _files.Clear();
        Touch(now);
    }

    private void EnsureOpen()
    {
        if (IsSubmitted)
        {
            throw new InvalidOperationException("A submitted draft cannot change.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ExpiresAt = now + Lifetime;
    }
}

/// <summary>An evidence file held by a draft until it is submitted.</summary>
public sealed class IntakeDraftFile
{
    private IntakeDraftFile()
    {
    }

    internal IntakeDraftFile(Guid draftId, Guid storedFileId, long length, DateTimeOffset addedAt)
    {
        Id = Guid.CreateVersion7(addedAt);
        DraftId = draftId;
        StoredFileId = storedFileId;
        Length = length;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid DraftId { get; private set; }
    public Guid StoredFileId { get; private set; }
    public long Length { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
