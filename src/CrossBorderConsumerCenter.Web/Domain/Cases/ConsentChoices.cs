namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// What the consumer agreed to before the form (the center's intake: consent comes first), against which version
/// of the privacy notice, and when (UTC).
/// </summary>
/// <param name="NoticeVersion">The version of the privacy notice shown (see <see cref="PrivacyNotice"/>).</param>
/// <param name="AgreesToHandling">Agrees to the handling of personal information (required).</param>
/// <param name="HasContactedBusiness">Has contacted the business first (required).</param>
/// <param name="IsConsumerPurchase">Bought as a consumer, not for a business (required).</param>
/// <param name="AgreesToProvisionAbroad">
/// Agrees that the case may be provided to the partner agency in the merchant's country (APPI art. 28).
/// Optional: without it the case is accepted, but staff advise instead of forwarding.
/// </param>
/// <param name="GivenAt">When the consumer gave it (UTC).</param>
/// <param name="HandlingMethod">
/// For a resident's consent relayed by a counselor: how the resident agreed to the handling of their data,
/// as the counselor attests it. Null when the consumer agreed online themselves.
/// </param>
/// <param name="AbroadMethod">Likewise for the provision abroad; null when the resident did not agree to it.</param>
public sealed record ConsentChoices(
    string NoticeVersion,
    bool AgreesToHandling,
    bool HasContactedBusiness,
    bool IsConsumerPurchase,
    bool AgreesToProvisionAbroad,
    DateTimeOffset GivenAt,
    ConsentMethod? HandlingMethod = null,
    ConsentMethod? AbroadMethod = null)
{
    public const int MaxNoticeVersionLength = 20;

    /// <summary>The three required confirmations are given.</summary>
    public bool IsComplete => AgreesToHandling && HasContactedBusiness && IsConsumerPurchase;

    /// <summary>Given by the consumer on the portal: no counselor's attestation.</summary>
    public bool IsGivenOnline => HandlingMethod is null && AbroadMethod is null;

    /// <summary>
    /// Relayed by a counselor, with how the resident agreed to the handling and, if they agreed to it, to the
    /// provision abroad (and no method for a provision they refused).
    /// </summary>
    public bool IsAttested => HandlingMethod is not null && AgreesToProvisionAbroad == AbroadMethod is not null;

    /// <summary>Complete, and given against the privacy notice now in force.</summary>
    public bool IsValidFor(string currentNoticeVersion) => IsComplete && NoticeVersion == currentNoticeVersion;
}

/// <summary>The privacy notice consumers consent to. A new wording gets a new version, and asks everyone again.</summary>
public static class PrivacyNotice
{
    public const string CurrentVersion = "2026-12";
}
