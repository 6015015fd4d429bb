using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Domain.Partners;

/// <summary>
/// The record of a provision of personal data to a third party abroad (APPI art. 29 and its rules, art. 19-20): when,
/// to which agency in which country, which items, and the email that carried them. One per forward, follow-ups
/// included. Kept for at least <see cref="RetentionPeriod"/>; nothing in the application edits or deletes it, and
/// the case cannot be deleted while it exists.
/// </summary>
public sealed class PartnerProvision
{
    /// <summary>The law's longest period for such records (three years from the provision).</summary>
    public static readonly TimeSpan RetentionPeriod = TimeSpan.FromDays(3 * 365 + 1);

    private PartnerProvision()
    {
    }

    public PartnerProvision(
        Guid id,
        Guid caseId, PartnerListing agency, string countryCode, IReadOnlyList<string> recipients, IReadOnlyList<ProvidedItem> items,
        IReadOnlyList<string> evidenceFileNames, Guid outboundEmailId, Guid? providedById, string providedByName, DateTimeOffset providedAt,
        ForwardedText? text = null)
    {
        ArgumentNullException.ThrowIfNull(agency);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("A provision has a recipient.", nameof(recipients));
        }

        if (!agency.CountryCodes.Contains(countryCode))
        {
            throw new ArgumentException("The agency does not cover the merchant's country.", nameof(countryCode));
        }

        Id = id;
        CaseId = caseId;
        PartnerAgencyId = agency.Id;
        AgencyCode = agency.Code;
        AgencyName = agency.EnglishName;
        CountryCode = countryCode;
        Recipients = [.. recipients];
        Items = [.. items.Select(i => i.ToString())];
        EvidenceFileNames = [.. evidenceFileNames];
        OutboundEmailId = outboundEmailId;
        ProvidedById = providedById;
        ProvidedByName = TextInput.Clip(providedByName, MaxNameLength);
        ProvidedAt = providedAt;
        RetainUntil = providedAt + RetentionPeriod;
        if (text is not null)
        {
            SentBusinessName = text.BusinessName;
            SentItem = text.Item;
            SentSummary = text.Summary;
            SentBusinessResponse = text.BusinessResponse;
            SentConsumerName = text.ConsumerName;
            OriginalIncluded = text.OriginalIncluded;
        }
    }

    public const int MaxNameLength = PartnerAgency.MaxNameLength;

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public int PartnerAgencyId { get; private set; }

    /// <summary>The agency's code and English name at the time (the registry may change later).</summary>
    public string AgencyCode { get; private set; } = "";
    public string AgencyName { get; private set; } = "";

    /// <summary>The country of the recipient agency (the merchant's country), ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; private set; } = "";

    public List<string> Recipients { get; private set; } = [];

    /// <summary>Names of <see cref="ProvidedItem"/> members.</summary>
    public List<string> Items { get; private set; } = [];

    public List<string> EvidenceFileNames { get; private set; } = [];
    public Guid OutboundEmailId { get; private set; }
    public Guid? ProvidedById { get; private set; }
    public string ProvidedByName { get; private set; } = "";
    public DateTimeOffset ProvidedAt { get; private set; }

    /// <summary>The earliest the record may be deleted.</summary>
    public DateTimeOffset RetainUntil { get; private set; }

    /// <summary>When, after <see cref="RetainUntil"/>, what the forward said (and the files' names) was removed (ADR 0100).</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>What the forward said in the agency's language (<see cref="ForwardedText"/>); null on records made before forwards carried it.</summary>
    public string? SentBusinessName { get; private set; }
    public string? SentItem { get; private set; }
    public string? SentSummary { get; private set; }
    public string? SentBusinessResponse { get; private set; }
    public string? SentConsumerName { get; private set; }

    /// <summary>Whether the consumer's own text, in Japanese, went below the summary.</summary>
    public bool OriginalIncluded { get; private set; }

    /// <summary>What the forward said in the agency's language, or null on a record made before forwards carried it.</summary>
    public ForwardedText? Text => SentSummary is null || SentItem is null || SentBusinessName is null
        ? null
        : new ForwardedText(SentBusinessName, SentItem, SentSummary, SentBusinessResponse, SentConsumerName, OriginalIncluded);
}
