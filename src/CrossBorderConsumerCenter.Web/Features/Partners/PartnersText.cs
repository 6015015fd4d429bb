namespace CrossBorderConsumerCenter.Web.Features.Partners;

/// <summary>Marker for Resources/Features/Partners/PartnersText(.en).resx.</summary>
public sealed class PartnersText;
