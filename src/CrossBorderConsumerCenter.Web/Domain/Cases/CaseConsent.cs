namespace CrossBorderConsumerCenter.Web.Domain.Cases;

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
        HandlingMethod = choices.HandlingMethod;
        AbroadMethod = choices.AbroadMethod;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string NoticeVersion { get; private set; } = "";
    public bool AgreesToHandling { get; private set; }
    public bool HasContactedBusiness { get; private set; }
    public bool IsConsumerPurchase { get; private set; }
    public bool AgreesToProvisionAbroad { get; private set; }
    public DateTimeOffset GivenAt { get; private set; }

    /// <summary>How the resident agreed to the handling, as their counselor attests; null when the consumer agreed online.</summary>
    public ConsentMethod? HandlingMethod { get; private set; }

    /// <summary>How the resident agreed to the provision abroad, as their counselor attests; null when given online or refused.</summary>
    public ConsentMethod? AbroadMethod { get; private set; }
}
