namespace CrossBorderConsumerCenter.Web.Features.PartnerAnswer;

/// <summary>Marker for Resources/Features/PartnerAnswer/PartnerAnswerText(.en).resx.</summary>
public sealed class PartnerAnswerText;
