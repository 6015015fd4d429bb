namespace CrossBorderConsumerCenter.Web.Features.CoolingOff;

/// <summary>Marker for Resources/Features/CoolingOff/CoolingOffText(.en).resx.</summary>
public sealed class CoolingOffText;
