using CrossBorderConsumerCenter.Web.Domain.Evidence;
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
    public string ConsumerEmail { get; private set; } = "";
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

    public CaseCategory Category { get; private set; }
    public string WhatHappened { get; private set; } = "";
    public DateOnly BusinessContactedOn { get; private set; }
    public BusinessContactMethod BusinessContactMethod { get; private set; }
    public string BusinessResponse { get; private set; } = "";
    public DesiredResolution DesiredResolution { get; private set; }

    /// <summary>For counterfeits: the consumer read that such cases may be declined (seed 000).</summary>
    public bool CounterfeitAcknowledged { get; private set; }

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
        IReadOnlyCollection<Guid> evidenceFileIds)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(consent);
        if (!consent.IsComplete)
        {
            throw new ArgumentException("A case needs the consumer's complete consent.", nameof(consent));
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
            ConsumerEmail = Required(consumer.Email, ComplaintLimits.Email),
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
            Category = trouble.Category,
            WhatHappened = Required(trouble.WhatHappened, ComplaintLimits.WhatHappened),
            BusinessContactedOn = trouble.BusinessContactedOn,
            BusinessContactMethod = trouble.BusinessContactMethod,
            BusinessResponse = Required(trouble.BusinessResponse, ComplaintLimits.BusinessResponse),
            DesiredResolution = trouble.DesiredResolution,
            CounterfeitAcknowledged = trouble.CounterfeitAcknowledged,
        };
        @case._consents.Add(new CaseConsent(@case.Id, consent));
        foreach (var fileId in evidenceFileIds.Distinct())
        {
            @case._evidence.Add(new CaseEvidence(@case.Id, fileId, receivedAt));
        }

        return @case;
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

/// <summary>
/// The consent record kept with a case: which notice version, each choice, when (UTC). Kept as its own
/// row so that a later change (say, the consumer withdrawing consent to provision abroad) adds a record.
/// </summary>
public sealed class CaseConsent
{
    private CaseConsent()
    {
    }

    internal CaseConsent(Guid caseId, ConsentChoices choices)
    {
        Id = Guid.CreateVersion7(choices.GivenAt);
        CaseId = caseId;
        NoticeVersion = choices.NoticeVersion;
        AgreesToHandling = choices.AgreesToHandling;
        HasContactedBusiness = choices.HasContactedBusiness;
        IsConsumerPurchase = choices.IsConsumerPurchase;
        AgreesToProvisionAbroad = choices.AgreesToProvisionAbroad;
        GivenAt = choices.GivenAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string NoticeVersion { get; private set; } = "";
    public bool AgreesToHandling { get; private set; }
    public bool HasContactedBusiness { get; private set; }
    public bool IsConsumerPurchase { get; private set; }
    public bool AgreesToProvisionAbroad { get; private set; }
    public DateTimeOffset GivenAt { get; private set; }
}

/// <summary>An evidence file of a case: a reference to a stored file (bytes in stored_file_contents).</summary>
public sealed class CaseEvidence
{
    private CaseEvidence()
    {
    }

    internal CaseEvidence(Guid caseId, Guid storedFileId, DateTimeOffset addedAt)
    {
        Id = Guid.CreateVersion7(addedAt);
        CaseId = caseId;
        StoredFileId = storedFileId;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid StoredFileId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>The last case number given out in a year (see <see cref="CaseNumber"/>); one row per year.</summary>
public sealed class CaseNumberCounter
{
    private CaseNumberCounter()
    {
    }

    public int Year { get; private set; }
    public int LastSequence { get; private set; }
}
