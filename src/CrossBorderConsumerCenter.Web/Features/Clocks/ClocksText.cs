namespace CrossBorderConsumerCenter.Web.Features.Clocks;

/// <summary>Marker for Resources/Features/Clocks/ClocksText(.en).resx.</summary>
public sealed class ClocksText;
