namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>Who gave an evidence file.</summary>
public enum EvidenceSource
{
    Consumer,
    Partner,
}
