using CrossBorderConsumerCenter.Web.Domain.Cases;

namespace CrossBorderConsumerCenter.Web.Domain.Statistics;

/// <summary>
/// What statistics know of one case: coded values and days in Japan only. Nothing here names or reaches a person: no
/// name, contact, address line, free text, file, number or id. These are the fields that stay when personal data is
/// removed from an old case, so the figures stay the same afterwards.
/// </summary>
public sealed record CaseFacts(
    DateOnly ReceivedOn,
    string CountryCode,
    CaseCategory Category,
    PurchasePlatform Platform,
    PaymentMethod Payment,
    AmountBand AmountBand,
    string PrefectureCode,
    AgeBand AgeBand,
    CaseStatus Status,
    CaseOutcome? Outcome,
    DeclineReason? DeclineReason,
    DateOnly? ClosedOn,
    DateOnly? FirstActionOn,
    bool Overdue,
    string? PartnerCode = null,
    DateOnly? ForwardedOn = null,
    DateOnly? PartnerAnsweredOn = null);

/// <summary>How a case ended, as the statistics group it: still open, closed with an outcome, or declined for a reason.</summary>
public static class OutcomeGroups
{
    public const string Open = "Open";

    /// <summary>Every group in the order tables show them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Open,
        .. Enum.GetValues<CaseOutcome>().Select(o => o.ToString()),
        .. Enum.GetValues<DeclineReason>().Select(r => "Declined" + r),
    ];

    public static string Of(CaseFacts facts) =>
        facts.Status == CaseStatus.Declined ? "Declined" + (facts.DeclineReason ?? Cases.DeclineReason.OutOfScope)
        : facts.Outcome is { } outcome && facts.Status == CaseStatus.Closed ? outcome.ToString()
        : Open;
}
